import type { LimitKind, RunLimit } from "../results.js";

/** A process this busy has no headroom left: Node runs the load on one thread. */
export const BUSY_PROCESS_PERCENT = 85;
/** A machine this busy has no core left for the broker or the bench. */
export const BUSY_MACHINE_PERCENT = 85;

export interface LimitInputs {
  readonly offeredRate: number;
  /** The rate came from the search (the run was meant to find the limit) rather than the workload. */
  readonly searched: boolean;
  readonly publishRate: number;
  /** Consumed per subscription. */
  readonly consumeRate: number;
  readonly processes: readonly {
    readonly where: string;
    readonly role: string;
    readonly percentOfOneCore: number;
  }[];
  readonly machineBusyPercent: number;
  readonly cores: number;
  readonly brokerLocal: boolean;
}

/**
 * Says what set a run's rate: the offered rate itself (a fixed rate that was met), the busiest bench process
 * (worker-bound), the machine (all cores busy, which is the honest answer when the broker shares the box), or else
 * the broker.
 */
export function decideLimit(inputs: LimitInputs): RunLimit {
  const { offeredRate } = inputs;
  const keptUp = inputs.publishRate >= 0.95 * offeredRate && inputs.consumeRate >= 0.95 * offeredRate;
  const limit = (kind: LimitKind, reason: string): RunLimit => ({ kind, reason });
  if (!inputs.searched && keptUp) {
    return limit("offered", `the offered ${Math.round(offeredRate)} msg/s was met; the limit lies higher`);
  }
  const busiest = [...inputs.processes].sort((a, b) => b.percentOfOneCore - a.percentOfOneCore)[0];
  if (busiest && busiest.percentOfOneCore >= BUSY_PROCESS_PERCENT) {
    return limit(
      "worker-bound",
      `the ${busiest.role} process (${busiest.where}) used ${busiest.percentOfOneCore} % of a core; more workers may go faster`,
    );
  }
  const machine = `the machine's ${inputs.cores} cores were ${inputs.machineBusyPercent} % busy`;
  if (inputs.machineBusyPercent >= BUSY_MACHINE_PERCENT) {
    return limit(
      "machine-bound",
      inputs.brokerLocal ? `${machine}, shared by the broker and the bench` : `${machine} (the bench's side)`,
    );
  }
  const peak = busiest ? `, the busiest bench process ${busiest.percentOfOneCore} % of a core` : "";
  return limit("broker", `${machine}${peak}: the broker (or its disk or network) set the limit`);
}

/**
 * A note when the consumers fell behind during the timed run itself: the warm-up confirmed the rate, but a shared
 * machine can slow them later (on 2 cores the producers' schedule wins the CPU). Consumed below 95 % of what was
 * published and a backlog grown by more than half a second of publishing; otherwise undefined.
 */
export function consumersFellBehind(run: {
  readonly publishRate: number;
  /** Consumed per subscription. */
  readonly consumeRate: number;
  /** Backlog per subscription when the timed run started and when it ended. */
  readonly backlogBefore: number;
  readonly backlogAfter: number;
}): string | undefined {
  const grew = run.backlogAfter - run.backlogBefore;
  if (run.consumeRate >= 0.95 * run.publishRate || grew <= 0.5 * run.publishRate) return undefined;
  return `consumers fell behind during the timed run: ${Math.round(run.consumeRate)} of ${Math.round(run.publishRate)} msg/s consumed per subscription, backlog ${Math.round(run.backlogBefore)} → ${Math.round(run.backlogAfter)}`;
}
