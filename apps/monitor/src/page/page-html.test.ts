import { describe, expect, it } from "vitest";
import { pageHtml } from "./page-html.js";
import { PAGE_STRINGS, PAGE_STRINGS_KO } from "./strings.js";

/** The strings the page embeds for its client. */
function embedded(page: string): Record<string, string> {
  const json = /<script id="strings" type="application\/json">(.*?)<\/script>/s.exec(page)?.[1] ?? "{}";
  return JSON.parse(json);
}

describe("the live page in the reader's language", () => {
  it("is English by default and Korean with lang ko, with the same keys for the client", () => {
    const en = pageHtml();
    const ko = pageHtml("ko");
    expect(en).toContain('<html lang="en">');
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain("<title>brokerlab 모니터</title>");
    expect(Object.keys(embedded(ko))).toEqual(Object.keys(embedded(en)));
    expect(embedded(ko)).toEqual(PAGE_STRINGS_KO);
    expect(embedded(en)).toEqual(PAGE_STRINGS);
  });

  it("writes every Korean text in Hangul but for Burrow's and the broker's own words", () => {
    const english = Object.entries(PAGE_STRINGS_KO).filter(
      ([key, text]) => !/[가-힣]/.test(text) && key !== "seconds",
    );
    expect(english).toEqual([]);
    expect(PAGE_STRINGS_KO.lagChart).toContain("컨슈머 랙");
  });
});
