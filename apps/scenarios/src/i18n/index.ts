import { type Catalogues, type Lang, pick } from "@brokerlab/i18n";
import { en, type Messages, type MetricId } from "./en.js";
import { ko } from "./ko.js";

export type { Messages, MetricId };

const CATALOGUES: Catalogues<Messages> = { en, ko };

export function messagesFor(lang: Lang): Messages {
  return pick(CATALOGUES, lang);
}

function isMetricId(m: Messages, id: string): id is MetricId {
  return Object.hasOwn(m.metrics, id);
}

/** A metric's row label; a metric the catalogue does not know (a new one) shows its id. */
export function metricLabel(m: Messages, id: string): string {
  return isMetricId(m, id) ? m.metrics[id] : id;
}
