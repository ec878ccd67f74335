/**
 * Every text the live page shows, in one place so it can be translated (the client reads them from the page,
 * never from its own code).
 */
export const PAGE_STRINGS = {
  title: "brokerlab monitor",
  subtitle: "Consumer lag on every cluster: Burrow's status rules, lag in seconds, live",
  connecting: "connecting…",
  live: "live",
  disconnected: "disconnected, retrying…",
  updated: "updated",
  cluster: "cluster",
  source: "read from",
  error: "error",
  noGroups: "no groups or queues yet",
  totalLag: "lag",
  lagSeconds: "lag seconds",
  records: "records",
  seconds: "s",
  partition: "partition",
  committed: "committed",
  logEnd: "log end",
  ready: "ready",
  unacked: "unacked",
  consumers: "consumers",
  complete: "window",
  statusBasisQueue: "status from queue depth (a queue keeps no commits)",
  unsupported: "not monitored",
  lagChart: "lag (records)",
  lagSecondsChart: "lag (seconds)",
  time: "time",
} as const;

export type PageStrings = typeof PAGE_STRINGS;
