import { describe, expect, it } from "vitest";
import { langArgument, langOf, langOrDefault, parseLang, resolveLang } from "./lang.js";

describe("resolveLang", () => {
  it("takes --lang over BROKERLAB_LANG over the locale", () => {
    expect(resolveLang("en", { BROKERLAB_LANG: "ko", LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(resolveLang(undefined, { BROKERLAB_LANG: "ko", LANG: "en_US.UTF-8" })).toBe("ko");
    expect(resolveLang(undefined, { LANG: "ko_KR.UTF-8" })).toBe("ko");
  });

  it("reads the locale in POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG", () => {
    expect(resolveLang(undefined, { LC_ALL: "en_US.UTF-8", LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(resolveLang(undefined, { LC_ALL: "", LC_MESSAGES: "ko_KR.UTF-8", LANG: "C" })).toBe("ko");
    expect(resolveLang(undefined, { LC_ALL: "ko_KR.eucKR" })).toBe("ko");
  });

  it("falls back to English for a locale naming another language or none", () => {
    expect(resolveLang(undefined, {})).toBe("en");
    expect(resolveLang(undefined, { LANG: "C.UTF-8" })).toBe("en");
    expect(resolveLang(undefined, { LANG: "fr_FR.UTF-8" })).toBe("en");
  });

  it("refuses a wrong --lang or BROKERLAB_LANG in one line naming where it came from", () => {
    expect(() => resolveLang("fr", {})).toThrow(/^--lang must be one of en, ko, got "fr"$/);
    expect(() => resolveLang(undefined, { BROKERLAB_LANG: "korean" })).toThrow(
      /^BROKERLAB_LANG must be one of en, ko, got "korean"$/,
    );
    expect(parseLang("ko_KR.UTF-8")).toBe("ko");
    expect(parseLang("EN")).toBe("en");
  });
});

describe("langArgument", () => {
  it("finds --lang X and --lang=X before the rest is parsed, and nothing after --", () => {
    expect(langArgument(["all", "--lang", "ko", "--bogus"])).toBe("ko");
    expect(langArgument(["--lang=en"])).toBe("en");
    expect(langArgument(["--", "--lang", "ko"])).toBeUndefined();
    expect(langArgument(["--lang"])).toBeUndefined();
    expect(langOf(["--lang", "ko"], { LANG: "en_US.UTF-8" })).toBe("ko");
    expect(langOrDefault(["--lang", "fr"], { LANG: "ko_KR.UTF-8" })).toBe("en");
    expect(langOrDefault([], { LANG: "ko_KR.UTF-8" })).toBe("ko");
  });
});
