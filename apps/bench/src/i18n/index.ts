import { type Catalogues, type Lang, pick } from "@brokerlab/i18n";
import { type BenchMessages, en } from "./en.js";
import { ko } from "./ko.js";

export type { BenchMessages };

const CATALOGUES: Catalogues<BenchMessages> = { en, ko };

export function benchMessagesFor(lang: Lang): BenchMessages {
  return pick(CATALOGUES, lang);
}
