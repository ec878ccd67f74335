import { EventEmitter } from "node:events";
import { redact } from "@brokerlab/cli";
import { connectionCause, connectionCauseHint, type TargetId } from "@brokerlab/messaging";
import { brokerOf, isTargetId } from "@brokerlab/targets";
import {
  ClusterState,
  DEFAULT_WINDOW_OPTIONS,
  type GroupReport,
  type WindowOptions,
} from "./cluster-state.js";
import type { ClusterConfig } from "./config.js";
import { createCollector } from "./create-collector.js";
import { en, type MonitorMessages } from "./i18n/en.js";
import type { Collector } from "./model.js";

export interface MonitorOptions {
  readonly intervalMs: number;
  readonly targets: readonly TargetId[];
  readonly window?: WindowOptions;
  /** A poll taking longer than this counts as failed (the broker is gone or hangs). */
  readonly pollTimeoutMs?: number;
  readonly log?: (line: string) => void;
  /** The language of the log lines and cluster errors (default English). */
  readonly messages?: MonitorMessages;
}

interface Watched {
  readonly collector: Collector;
  readonly state: ClusterState;
  started: boolean;
  polling: boolean;
  /** Last error logged, so a broker that stays down logs once, not every interval. */
  lastLogged: string | null;
}

/** Polls every cluster on its own timer: one slow or dead cluster never holds up the others. */
export class Monitor extends EventEmitter {
  readonly clusters: readonly Watched[];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly log: (line: string) => void;
  private readonly pollTimeoutMs: number;
  private readonly m: MonitorMessages["log"];
  private stopped = false;

  constructor(
    configs: readonly ClusterConfig[],
    readonly options: MonitorOptions,
  ) {
    super();
    this.log = options.log ?? (() => {});
    this.pollTimeoutMs = options.pollTimeoutMs ?? 10_000;
    this.m = (options.messages ?? en).log;
    this.clusters = configs.map((config) => {
      const collector = createCollector(config, (line) => this.log(`${config.name}: ${line}`));
      const state = new ClusterState(
        config.name,
        collector.broker,
        collector.addresses,
        options.window ?? DEFAULT_WINDOW_OPTIONS,
      );
      return { collector, state, started: false, polling: false, lastLogged: null };
    });
  }

  /** Polls now, then every interval; emits "update" after each poll of any cluster. */
  start(): void {
    for (const watched of this.clusters) {
      void this.poll(watched);
      const timer = setInterval(() => void this.poll(watched), this.options.intervalMs);
      this.timers.push(timer);
    }
  }

  /** Two polls with the commit logs read up to their end in between (at most `waitMs`): what `--once` prints. */
  async readOnce(waitMs = 15_000): Promise<void> {
    await Promise.all(this.clusters.map((watched) => this.poll(watched)));
    const deadline = Date.now() + waitMs;
    for (const { collector, state } of this.clusters) {
      while (
        state.error === null &&
        Date.now() < deadline &&
        !(await collector.caughtUp().catch(() => false))
      ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(this.options.intervalMs, 1_000)));
    await Promise.all(this.clusters.map((watched) => this.poll(watched)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearInterval(timer);
    await Promise.all(this.clusters.map((watched) => watched.collector.close().catch(() => {})));
  }

  cluster(name: string): ClusterState | undefined {
    return this.clusters.find((watched) => watched.state.name === name)?.state;
  }

  /** Whether a group or topic of this kind is shown (`--targets`); a kind the broker did not tell passes. */
  wanted(kind: string): boolean {
    if (isTargetId(kind)) return (this.options.targets as readonly string[]).includes(kind);
    return this.options.targets.some((target) => kind.startsWith(brokerOf(target)));
  }

  reports(state: ClusterState, now: number): GroupReport[] {
    return state.reports(now).filter((report) => this.wanted(report.kind));
  }

  private async poll(watched: Watched): Promise<void> {
    if (watched.polling || this.stopped) return;
    watched.polling = true;
    const { collector, state } = watched;
    try {
      const poll = await withTimeout(
        collector.poll(),
        this.pollTimeoutMs,
        this.m.reading(collector.addresses.join(",")),
      );
      state.applyPoll(poll, Date.now());
      if (watched.lastLogged !== null) this.log(this.m.reachableAgain(state.name));
      watched.lastLogged = null;
      if (!watched.started) {
        watched.started = true;
        // The commit log is read once log-end offsets are known: Burrow drops commits for unknown partitions.
        collector
          .start({
            commit: (commit) => state.applyCommit(commit, Date.now()),
            deleted: (group, topic, partition) => state.forgetCommit(group, topic, partition),
          })
          .catch((error: unknown) => {
            watched.started = false;
            this.log(this.m.cannotFollow(state.name, describe(error)));
          });
      }
    } catch (error) {
      const message = this.m.cannotRead(
        state.broker,
        collector.addresses.join(","),
        describe(error, state.broker),
      );
      state.markError(message);
      if (watched.lastLogged !== message) this.log(`${state.name}: ${message}`);
      watched.lastLogged = message;
    } finally {
      watched.polling = false;
    }
    this.emit("update", state.name);
  }
}

/** One line: what the socket said, in our words where it can be told (refused, unknown host …), else the message. */
function describe(error: unknown, broker?: string): string {
  const cause = broker === undefined ? undefined : connectionCause(error);
  if (cause !== undefined && broker !== undefined) return connectionCauseHint(cause, broker);
  const text = error instanceof Error ? error.message : String(error);
  return redact(text.split("\n")[0] ?? text);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
