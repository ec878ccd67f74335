import { hostname } from "node:os";
import { notFoundStatus } from "../evaluator/evaluate-group.js";
import type { Monitor } from "../monitor.js";
import { groupStatusJson, offsetJson } from "./burrow-json.js";

export interface RouteAnswer {
  readonly status: number;
  readonly body: unknown;
}

/**
 * Burrow's HTTP API v3 (core/internal/httpserver): the same paths, messages and field names, for every cluster
 * the monitor watches. Returns undefined for paths it does not serve.
 */
export function burrowRoute(monitor: Monitor, path: string, now: number): RouteAnswer | undefined {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== "v3" || parts[1] !== "kafka") return undefined;
  const request = { url: path, host: hostname() };
  const ok = (message: string, fields: Record<string, unknown>): RouteAnswer => ({
    status: 200,
    body: { error: false, message, ...fields, request },
  });
  const notFound = (message: string): RouteAnswer => ({
    status: 404,
    body: { error: true, message, request },
  });
  const [, , clusterName, section, name, detail, extra] = parts;
  if (clusterName === undefined) {
    return ok("cluster list returned", { clusters: monitor.clusters.map(({ state }) => state.name) });
  }
  const state = monitor.cluster(clusterName);
  if (section === undefined) {
    if (!state) return notFound("cluster module not found");
    return ok("cluster module detail returned", {
      module: {
        "class-name": state.broker,
        servers: state.addresses,
        "client-profile": {
          name: "default",
          "client-id": "brokerlab-monitor",
          "kafka-version": "",
          tls: null,
          sasl: null,
        },
        "topic-refresh": monitor.options.intervalMs / 1000,
        "offset-refresh": monitor.options.intervalMs / 1000,
        source: state.source,
        error: state.error,
      },
    });
  }
  if (section === "topic") {
    if (!state) return notFound("cluster not found");
    const topics = state.topicNames().filter((topic) => monitor.wanted(state.topicKind(topic) ?? ""));
    if (name === undefined) return ok("topic list returned", { topics });
    const offsets = topics.includes(name) ? state.topicOffsets(name) : undefined;
    if (detail === undefined) {
      return offsets
        ? ok("topic offsets returned", { offsets, kind: state.topicKind(name) })
        : notFound("cluster or topic not found");
    }
    if (detail === "consumers" && extra === undefined) {
      return offsets
        ? ok("consumers of topic returned", { consumers: state.consumersOf(name) })
        : notFound("cluster or topic not found");
    }
    return undefined;
  }
  if (section !== "consumer") return undefined;
  if (!state) return notFound("cluster not found");
  const groups = monitor.reports(state, now);
  if (name === undefined)
    return ok("consumer list returned", { consumers: groups.map((report) => report.group) });
  const report = groups.find((candidate) => candidate.group === name);
  if (detail === undefined) {
    if (!report) return notFound("cluster or consumer not found");
    return ok("consumer detail returned", {
      topics: consumerTopics(state, name, report.partitions),
      kind: report.kind,
    });
  }
  if ((detail === "status" || detail === "lag") && extra === undefined) {
    const showAll = detail === "lag";
    const status = report
      ? groupStatusJson(report, showAll)
      : groupStatusJson({ ...notFoundStatus(clusterName, name), ...NOT_FOUND_EXTRAS }, showAll);
    return {
      status: report ? 200 : 404,
      body: { error: false, message: "consumer status returned", status, request },
    };
  }
  return undefined;
}

const NOT_FOUND_EXTRAS = {
  kind: "",
  lagSeconds: null,
  partitionLagSeconds: [],
  statusBasis: "commits" as const,
  consumers: null,
  unacked: null,
  history: [],
};

/** Burrow's ConsumerTopics: per topic, per partition the window (`offsets`), owner, client_id, `current-lag`. */
function consumerTopics(
  state: NonNullable<ReturnType<Monitor["cluster"]>>,
  group: string,
  partitions: readonly { topic: string; partition: number; currentLag: number }[],
) {
  const detail = state.groupDetail(group);
  const topics: Record<string, unknown[]> = {};
  for (const partition of partitions) {
    const window = detail?.[partition.topic]?.[partition.partition];
    topics[partition.topic] ??= [];
    const list = topics[partition.topic] ?? [];
    list[partition.partition] = {
      offsets: (window?.offsets ?? []).map(offsetJson),
      owner: "",
      client_id: "",
      "current-lag": partition.currentLag,
    };
  }
  return topics;
}
