import { LatencyHistogram } from "../metrics/latency-histogram.js";
import type { ProcessCpu } from "../results.js";
import type { Agent, AgentCounts, AgentPlan, AgentRole, AgentSnapshot } from "../worker/agent.js";
import { assignRoles } from "../worker/assign-roles.js";

export interface GroupTotals extends AgentCounts {
  readonly ready: ReadonlySet<string>;
  readonly connected: number;
  readonly clients: number;
  readonly subscribed: number;
  readonly consumers: number;
}

export interface MergedHistograms {
  readonly publishLatency: LatencyHistogram;
  readonly publishDelay: LatencyHistogram;
  readonly endToEnd: LatencyHistogram;
}

type Producer = { readonly topic: string };
type Consumer = { readonly topic: string; readonly group: string };

const ZERO: GroupTotals = {
  published: 0,
  publishedBytes: 0,
  publishErrors: 0,
  consumed: 0,
  consumedBytes: 0,
  consumeErrors: 0,
  ready: new Set(),
  connected: 0,
  clients: 0,
  subscribed: 0,
  consumers: 0,
};

/**
 * The agents running one target's load, each with its share of producers and consumers, driven together: the
 * coordinator's view of them is the sum of their snapshots and the merge of their histograms.
 */
export class AgentGroup {
  readonly producerCount: number;
  private readonly members: { agent: Agent; role: AgentRole; producers: Producer[]; consumers: Consumer[] }[];
  private snapshots: (AgentSnapshot | undefined)[];
  private totals: GroupTotals = ZERO;

  constructor(agents: readonly Agent[], producers: readonly Producer[], consumers: readonly Consumer[]) {
    const shares = assignRoles(agents.length, producers, consumers);
    this.members = agents.map((agent, i) => {
      const share = shares[i] ?? { role: "idle" as const, producers: [], consumers: [] };
      return { agent, ...share };
    });
    this.snapshots = this.members.map(() => undefined);
    this.producerCount = producers.length;
  }

  /** Sets every agent up with its share; `onPoll` sees the totals about once a second meanwhile. */
  async setup(
    plan: Omit<AgentPlan, "producers" | "consumers">,
    onPoll: (totals: GroupTotals) => void,
  ): Promise<void> {
    await this.whilePolling(
      Promise.all(
        this.members.map(({ agent, producers, consumers }) => agent.setup({ ...plan, producers, consumers })),
      ),
      onPoll,
    );
  }

  async subscribe(onPoll: (totals: GroupTotals) => void): Promise<void> {
    await this.whilePolling(
      Promise.all(
        this.members.map(({ agent, consumers }) => (consumers.length > 0 ? agent.subscribe() : undefined)),
      ),
      onPoll,
    );
  }

  async unsubscribe(): Promise<void> {
    await Promise.all(this.members.map(({ agent }) => agent.unsubscribe()));
  }

  async setRate(total: number): Promise<void> {
    const perProducer = total / Math.max(1, this.producerCount);
    await Promise.all(this.producing().map((agent) => agent.setRate(perProducer)));
  }

  async startProducers(): Promise<void> {
    await Promise.all(this.producing().map((agent) => agent.startProducers()));
  }

  async stopProducers(): Promise<void> {
    await Promise.all(this.producing().map((agent) => agent.stopProducers()));
  }

  async recordEndToEnd(on: boolean): Promise<void> {
    await Promise.all(this.members.map(({ agent }) => agent.recordEndToEnd(on)));
  }

  async resetHistograms(): Promise<void> {
    await Promise.all(this.members.map(({ agent }) => agent.resetHistograms()));
  }

  /** Reads every agent's snapshot and returns the totals (also kept as {@link last}). */
  async poll(): Promise<GroupTotals> {
    this.snapshots = await Promise.all(this.members.map(({ agent }) => agent.snapshot()));
    const sum = (pick: (snapshot: AgentSnapshot) => number) =>
      this.snapshots.reduce((total, snapshot) => total + (snapshot ? pick(snapshot) : 0), 0);
    this.totals = {
      published: sum((s) => s.published),
      publishedBytes: sum((s) => s.publishedBytes),
      publishErrors: sum((s) => s.publishErrors),
      consumed: sum((s) => s.consumed),
      consumedBytes: sum((s) => s.consumedBytes),
      consumeErrors: sum((s) => s.consumeErrors),
      ready: new Set(this.snapshots.flatMap((snapshot) => snapshot?.ready ?? [])),
      connected: sum((s) => s.connected),
      clients: sum((s) => s.clients),
      subscribed: sum((s) => s.subscribed),
      consumers: sum((s) => s.consumers),
    };
    return this.totals;
  }

  /** `topic|group` of every subscription, as agents report them ready. */
  consumerKeys(): string[] {
    return this.members.flatMap(({ consumers }) => consumers.map(({ topic, group }) => `${topic}|${group}`));
  }

  get last(): GroupTotals {
    return this.totals;
  }

  /** Every agent's histograms, decoded and merged: percentiles of the union of all records. */
  async mergedHistograms(): Promise<MergedHistograms> {
    const merged = {
      publishLatency: new LatencyHistogram(),
      publishDelay: new LatencyHistogram(),
      endToEnd: new LatencyHistogram(),
    };
    for (const encoded of await Promise.all(this.members.map(({ agent }) => agent.histograms()))) {
      merged.publishLatency.merge(LatencyHistogram.decode(encoded.publishLatency));
      merged.publishDelay.merge(LatencyHistogram.decode(encoded.publishDelay));
      merged.endToEnd.merge(LatencyHistogram.decode(encoded.endToEnd));
    }
    return merged;
  }

  /** The agents' CPU counters now, to diff over a phase with {@link cpuSince}. */
  cpuMark(): { userUs: number; systemUs: number }[] {
    return this.snapshots.map((snapshot) => ({
      userUs: snapshot?.cpuUserUs ?? 0,
      systemUs: snapshot?.cpuSystemUs ?? 0,
    }));
  }

  /**
   * Each agent's CPU and records between `mark` (and the counts then) and the last poll, over `seconds`.
   * `pids` names the process behind each agent.
   */
  cpuSince(
    mark: readonly { userUs: number; systemUs: number }[],
    countsAtMark: readonly (AgentCounts | undefined)[],
    seconds: number,
    pids: readonly number[],
  ): ProcessCpu[] {
    return this.members.map(({ agent, role }, i) => {
      const now = this.snapshots[i];
      const userUs = (now?.cpuUserUs ?? 0) - (mark[i]?.userUs ?? 0);
      const systemUs = (now?.cpuSystemUs ?? 0) - (mark[i]?.systemUs ?? 0);
      const published = (now?.published ?? 0) - (countsAtMark[i]?.published ?? 0);
      const consumed = (now?.consumed ?? 0) - (countsAtMark[i]?.consumed ?? 0);
      return processCpu({
        role,
        where: agent.where,
        pid: pids[i] ?? 0,
        userUs,
        systemUs,
        seconds,
        published,
        consumed,
      });
    });
  }

  /** Each agent's last snapshot (the counts a later {@link cpuSince} diffs against). */
  lastSnapshots(): readonly (AgentSnapshot | undefined)[] {
    return this.snapshots;
  }

  errors(): string[] {
    return [...new Set(this.snapshots.flatMap((snapshot) => snapshot?.errors ?? []))].slice(0, 10);
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.members.map(({ agent }) => agent.close()));
  }

  private producing(): Agent[] {
    return this.members.filter(({ producers }) => producers.length > 0).map(({ agent }) => agent);
  }

  private async whilePolling(work: Promise<unknown>, onPoll: (totals: GroupTotals) => void): Promise<void> {
    let done = false;
    const finished = work.finally(() => {
      done = true;
    });
    while (!done) {
      await Promise.race([
        finished.catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 1000)),
      ]);
      if (!done) onPoll(await this.poll().catch(() => this.totals));
    }
    await finished;
    onPoll(await this.poll());
  }
}

export function processCpu(use: {
  role: ProcessCpu["role"];
  where: string;
  pid: number;
  userUs: number;
  systemUs: number;
  seconds: number;
  published: number;
  consumed: number;
}): ProcessCpu {
  const cpuUs = use.userUs + use.systemUs;
  const perRecord = (records: number) =>
    records > 0 ? Math.round((cpuUs / records) * 100) / 100 : undefined;
  const split =
    use.role === "producer"
      ? { usPerRecordPublished: perRecord(use.published) }
      : use.role === "consumer"
        ? { usPerRecordConsumed: perRecord(use.consumed) }
        : use.role === "producer+consumer"
          ? { usPerRecord: perRecord(use.published + use.consumed) }
          : {};
  return {
    role: use.role,
    where: use.where,
    pid: use.pid,
    userMs: Math.round(use.userUs / 1000),
    systemMs: Math.round(use.systemUs / 1000),
    percentOfOneCore: use.seconds > 0 ? Math.round((cpuUs / 1000 / (use.seconds * 1000)) * 1000) / 10 : 0,
    published: use.published,
    consumed: use.consumed,
    ...Object.fromEntries(Object.entries(split).filter(([, value]) => value !== undefined)),
  };
}
