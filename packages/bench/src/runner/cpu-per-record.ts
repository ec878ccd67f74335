import type { ProcessCpu } from "../results.js";

/** A run's client CPU per record, µs: what publishing, consuming and the whole trip cost the bench processes. */
export interface CpuPerRecord {
  /** Processes that only published, over what they published (absent in-process: one process did both). */
  readonly published?: number;
  /** Processes that only consumed, over what they consumed. */
  readonly consumed?: number;
  /**
   * Every bench process over the records that went through, each counted once for its publish and once for its
   * consume: CPU ÷ ((published + consumed) ÷ 2). A record published and consumed once costs this much end to end.
   */
  readonly endToEnd?: number;
}

const round = (value: number) => Math.round(value * 100) / 100;

function cpuUs(processes: readonly ProcessCpu[]): number {
  return processes.reduce((sum, p) => sum + (p.userMs + p.systemMs) * 1000, 0);
}

/** From the processes of one run (results.json `processes`); the coordinator's polling counts end to end only. */
export function cpuPerRecord(processes: readonly ProcessCpu[]): CpuPerRecord {
  const producers = processes.filter((p) => p.role === "producer");
  const consumers = processes.filter((p) => p.role === "consumer");
  const published = processes.reduce((sum, p) => sum + p.published, 0);
  const consumed = processes.reduce((sum, p) => sum + p.consumed, 0);
  const producerRecords = producers.reduce((sum, p) => sum + p.published, 0);
  const consumerRecords = consumers.reduce((sum, p) => sum + p.consumed, 0);
  const through = (published + consumed) / 2;
  return {
    ...(producerRecords > 0 ? { published: round(cpuUs(producers) / producerRecords) } : {}),
    ...(consumerRecords > 0 ? { consumed: round(cpuUs(consumers) / consumerRecords) } : {}),
    ...(through > 0 ? { endToEnd: round(cpuUs(processes) / through) } : {}),
  };
}
