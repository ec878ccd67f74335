import { type Catalogues, type Lang, pick } from "@brokerlab/i18n";
import { type CliMessages, en } from "./en.js";
import { ko } from "./ko.js";

export type { CliMessages } from "./en.js";

const CATALOGUES: Catalogues<CliMessages> = { en, ko };

/** The parser's usage errors in `lang`. */
export function cliMessagesFor(lang: Lang): CliMessages {
  return pick(CATALOGUES, lang);
}
