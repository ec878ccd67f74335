import { InvalidArgumentError } from "@brokerlab/messaging";

/** The languages every catalogue is written in. */
export const LANGS = ["en", "ko"] as const;
export type Lang = (typeof LANGS)[number];

export const DEFAULT_LANG: Lang = "en";

function isLang(text: string): text is Lang {
  return (LANGS as readonly string[]).includes(text);
}

/** `ko`, `KO`, `ko_KR.UTF-8`, `ko-KR` → ko; undefined for what names no language of ours. */
function langOfLocale(locale: string): Lang | undefined {
  const language =
    locale
      .trim()
      .toLowerCase()
      .split(/[_.@-]/)[0] ?? "";
  return isLang(language) ? language : undefined;
}

/** A value given on purpose (--lang, BROKERLAB_LANG): one of {@link LANGS}, else a usage error naming the source. */
export function parseLang(text: string, source = "--lang"): Lang {
  const lang = langOfLocale(text);
  if (!lang || !/^[a-z]{2}([_-][a-z]{2})?(\.[\w-]+)?$/i.test(text.trim())) {
    throw new InvalidArgumentError(`${source} must be one of ${LANGS.join(", ")}, got "${text}"`);
  }
  return lang;
}

/**
 * The language a command speaks: `--lang`, else BROKERLAB_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG,
 * in POSIX order of precedence), else English. A locale naming another language (fr_FR, C) means English;
 * a wrong --lang or BROKERLAB_LANG is a usage error, since someone typed it.
 */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) return parseLang(flag, "--lang");
  const chosen = env.BROKERLAB_LANG;
  if (chosen !== undefined && chosen !== "") return parseLang(chosen, "BROKERLAB_LANG");
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== "");
  return (locale && langOfLocale(locale)) || DEFAULT_LANG;
}

/**
 * The `--lang` value in raw arguments (`--lang ko`, `--lang=ko`), read before the full parse so that even
 * a usage error in the other arguments is reported in the reader's language. A wrong value is left for
 * {@link resolveLang} to report.
 */
export function langArgument(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === "--") return undefined;
    if (arg === "--lang") return argv[i + 1];
    if (arg.startsWith("--lang=")) return arg.slice("--lang=".length);
  }
  return undefined;
}

/** The language a command speaks, from its raw arguments and the environment. */
export function langOf(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  return resolveLang(langArgument(argv), env);
}

/**
 * {@link langOf}, but English where the choice itself is wrong: the language to report usage errors in,
 * that mistake included (the full parse then reports it).
 */
export function langOrDefault(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Lang {
  try {
    return langOf(argv, env);
  } catch {
    return DEFAULT_LANG;
  }
}
