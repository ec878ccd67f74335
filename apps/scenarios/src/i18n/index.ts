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

/** Labels a scenario gives its own metrics where the shared one would mislead, by scenario name. */
function scenarioMetrics(m: Messages): Readonly<Record<string, Readonly<Record<string, string>>>> {
  return { failover: m.failover.metrics };
}

/** A metric's row label; a metric the catalogue does not know (a new one) shows its id. */
export function metricLabel(m: Messages, id: string, scenario?: string): string {
  const own = scenario === undefined ? undefined : scenarioMetrics(m)[scenario]?.[id];
  return own ?? (isMetricId(m, id) ? m.metrics[id] : id);
}
