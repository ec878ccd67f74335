import { groupStatusJson } from "./http/burrow-json.js";
import type { Monitor } from "./monitor.js";

/** Everything the monitor knows, as one JSON document (`--once --json`, `/api/snapshot`, the page's feed). */
export function snapshot(monitor: Monitor, now: number, withHistory: boolean) {
  return {
    schema: "brokerlab.monitor-snapshot/1",
    at: new Date(now).toISOString(),
    clusters: monitor.clusters.map(({ state }) => {
      const reports = monitor.reports(state, now);
      return {
        name: state.name,
        broker: state.broker,
        addresses: state.addresses,
        source: state.source,
        error: state.error,
        lastPollAt: state.lastPollAt === null ? null : new Date(state.lastPollAt).toISOString(),
        topics: state
          .topicNames()
          .filter((topic) => monitor.wanted(state.topicKind(topic) ?? ""))
          .map((topic) => ({
            topic,
            kind: state.topicKind(topic),
            offsets: state.topicOffsets(topic) ?? [],
          })),
        groups: reports.map((report) => ({
          ...groupStatusJson(report, true),
          ...(withHistory ? { history: report.history } : {}),
        })),
        unsupported: state.unsupported.filter((item) => monitor.wanted(item.kind)),
      };
    }),
  };
}

export type Snapshot = ReturnType<typeof snapshot>;
