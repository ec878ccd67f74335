import { onTestFinished } from "vitest";
import { DEFAULT_WINDOW_OPTIONS, type GroupReport, type WindowOptions } from "../src/cluster-state.js";
import type { ClusterConfig } from "../src/config.js";
import { MonitorServer } from "../src/http/monitor-server.js";
import { Monitor } from "../src/monitor.js";

export const KAFKA: ClusterConfig = { name: "kafka", broker: "kafka", brokers: ["127.0.0.1:9092"] };
export const REDIS: ClusterConfig = { name: "redis", broker: "redis", url: "redis://127.0.0.1:6379" };

/** A started monitor polling every `intervalMs`, stopped when the test finishes. */
export function useMonitor(
  configs: readonly ClusterConfig[],
  window: Partial<WindowOptions> = {},
  intervalMs = 250,
): Monitor {
  const monitor = new Monitor(configs, {
    intervalMs,
    targets: [
      "kafka",
      "rabbitmq-queue",
      "rabbitmq-quorum",
      "rabbitmq-stream",
      "redis-list",
      "redis-stream",
      "bullmq",
    ],
    window: { ...DEFAULT_WINDOW_OPTIONS, ...window },
    pollTimeoutMs: 3_000,
  });
  onTestFinished(() => monitor.stop());
  monitor.start();
  return monitor;
}

/** The monitor's HTTP server on a free port, closed when the test finishes; resolves with its base URL. */
export async function useServer(monitor: Monitor): Promise<string> {
  const server = new MonitorServer(monitor, 250);
  onTestFinished(() => server.close());
  const port = await server.listen(0, "127.0.0.1");
  return `http://127.0.0.1:${port}`;
}

export function reportOf(monitor: Monitor, cluster: string, group: string): GroupReport | undefined {
  return monitor.cluster(cluster)?.report(group, Date.now());
}
