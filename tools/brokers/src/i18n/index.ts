import { type Catalogues, type Lang, langOrDefault, pick } from "@brokerlab/i18n";
import { type BrokersMessages, en, type HelpParams } from "./en.js";
import { ko } from "./ko.js";

export type { BrokersMessages, HelpParams };

const CATALOGUES: Catalogues<BrokersMessages> = { en, ko };

export function brokersMessagesFor(lang: Lang): BrokersMessages {
  return pick(CATALOGUES, lang);
}

let chosen: Lang | undefined;

/**
 * Sets the language of the runtime lines and errors (progress, fault and heal lines, failures). The CLI
 * calls it once with --lang; errors are thrown deep in launchers and probes that have no other way to
 * learn it, and one process speaks one language.
 */
export function chooseBrokersLang(lang: Lang): void {
  chosen = lang;
}

/**
 * The catalogue of the chosen language; before any choice (a test or a scenario calling `up` directly),
 * the one BROKERLAB_LANG or the locale names, read on every call so the environment can change it.
 */
export function brokersText(): BrokersMessages {
  return brokersMessagesFor(chosen ?? langOrDefault([]));
}
