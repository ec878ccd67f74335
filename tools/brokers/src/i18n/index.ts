import { type Catalogues, type Lang, pick } from "@brokerlab/i18n";
import { type BrokersMessages, en, type HelpParams } from "./en.js";
import { ko } from "./ko.js";

export type { BrokersMessages, HelpParams };

const CATALOGUES: Catalogues<BrokersMessages> = { en, ko };

export function brokersMessagesFor(lang: Lang): BrokersMessages {
  return pick(CATALOGUES, lang);
}
