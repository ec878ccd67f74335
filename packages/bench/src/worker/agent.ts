import type { DurabilityLevel, TargetId } from "@brokerlab/messaging";
import type { Workload } from "../workload/workload.js";

/** What one agent runs for one target: its share of the workload's producers and consumers. */
export interface AgentPlan {
  readonly target: TargetId;
  readonly workload: Workload;
  /** The payload file's bytes in base64, when the workload names one. */
  readonly payloadBase64?: string;
  readonly durability: DurabilityLevel;
  readonly producers: readonly { readonly topic: string }[];
  readonly consumers: readonly { readonly topic: string; readonly group: string }[];
  readonly connectTimeoutMs: number;
}

export type AgentRole = "producer" | "consumer" | "producer+consumer" | "idle";

/** Counters since the agent's setup; the coordinator takes differences between snapshots. */
export interface AgentCounts {
  readonly published: number;
  readonly publishedBytes: number;
  readonly publishErrors: number;
  readonly consumed: number;
  readonly consumedBytes: number;
  readonly consumeErrors: number;
}

export interface AgentSnapshot extends AgentCounts {
  /** `topic|group` of every subscription that has received the ready probe. */
  readonly ready: readonly string[];
  /** Clients connected so far during setup, of how many. */
  readonly connected: number;
  readonly clients: number;
  /** Subscriptions opened so far, of how many consumers the plan has. */
  readonly subscribed: number;
  readonly consumers: number;
  /** The agent process's CPU since it started, microseconds (process.cpuUsage). */
  readonly cpuUserUs: number;
  readonly cpuSystemUs: number;
  /** Distinct errors seen, most frequent first. */
  readonly errors: readonly string[];
}

/** Encoded HdrHistograms (compressed base64, "" when empty). */
export interface AgentHistograms {
  readonly publishLatency: string;
  readonly publishDelay: string;
  readonly endToEnd: string;
}

/** What the agent's process is: the coordinator records it for each worker. */
export interface AgentInfo {
  readonly pid: number;
  readonly cores: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly hostname: string;
  /** The agent's clock (ms since the epoch, µs decimals) when it answered. */
  readonly now: number;
}

/**
 * The load one process generates: producers and consumers for one target at a time. In-process it is a
 * {@link LoadAgent}; on a worker it is the same class behind HTTP, reached through a {@link RemoteAgent}.
 */
export interface Agent {
  /** "in-process" or the worker's URL. */
  readonly where: string;
  info(): Promise<AgentInfo>;
  /** Connects one client per producer and consumer (in parallel, bounded) and prepares the producers. */
  setup(plan: AgentPlan): Promise<void>;
  subscribe(): Promise<void>;
  unsubscribe(): Promise<void>;
  setRate(ratePerProducer: number): Promise<void>;
  startProducers(): Promise<void>;
  stopProducers(): Promise<void>;
  /** Whether consumers record end-to-end latency (off after the timed run, so the drain does not count). */
  recordEndToEnd(on: boolean): Promise<void>;
  snapshot(): Promise<AgentSnapshot>;
  histograms(): Promise<AgentHistograms>;
  resetHistograms(): Promise<void>;
  /** Stops everything and closes every client; the agent can then be set up again. */
  close(): Promise<void>;
}
