/** Who leads a destination and who follows (Kafka ISR, quorum members online, Redis replicas streaming). */
export interface LeaderSample {
  readonly leader: string | null;
  readonly members: readonly string[];
  readonly inSync: readonly string[];
}

export type FaultKind = "kill" | "pause" | "isolate";

export const FAULT_KINDS: readonly FaultKind[] = ["kill", "pause", "isolate"];

/** The fault and the action that undoes it: a killed node is started with its data, a paused one resumed. */
export const RECOVERY: Record<FaultKind, string> = { kill: "start", pause: "resume", isolate: "heal" };

/** What the failover scenario needs from the cluster: leaders, faults on nodes, and health. */
export interface FailoverCluster {
  /** The node leading `topic` of `broker` (Redis: the primary), and its members. */
  leader(broker: string, topic: string): Promise<LeaderSample>;
  /** Runs a fault action (`kill`, `pause`, `isolate`, or a recovery: `start`, `resume`, `heal`) on a node. */
  act(action: string, node: string): Promise<void>;
  /** Resolves once every node of the broker serves again (bounded; throws naming what is not back). */
  waitHealthy(broker: string): Promise<void>;
}
