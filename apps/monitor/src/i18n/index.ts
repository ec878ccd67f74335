import { type Catalogues, type Lang, pick } from "@brokerlab/i18n";
import { en, type MonitorMessages } from "./en.js";
import { ko } from "./ko.js";

export type { MonitorMessages };

const CATALOGUES: Catalogues<MonitorMessages> = { en, ko };

export function monitorMessagesFor(lang: Lang): MonitorMessages {
  return pick(CATALOGUES, lang);
}
