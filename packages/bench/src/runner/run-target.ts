import { availableParallelism } from "node:os";
import {
  type Capabilities,
  type DurabilityLevel,
  type MessagingClient,
  type TargetId,
  TimeoutError,
  UnsupportedCapabilityError,
  withTimeout,
} from "@brokerlab/messaging";
import { nowMs, sleep } from "../metrics/clock.js";
import { busyPercentBetween, machineCpuTimes } from "../metrics/machine-cpu.js";
import type { ProcessCpu, SecondSample, TargetBenchResult } from "../results.js";
import { forEachLimited } from "../util/for-each-limited.js";
import type { Agent } from "../worker/agent.js";
import { LoadAgent } from "../worker/load-agent.js";
import { durabilityFor } from "../workload/durability.js";
import { createPayloads } from "../workload/payloads.js";
import type { Workload } from "../workload/workload.js";
import { AgentGroup, type GroupTotals, processCpu } from "./agent-group.js";
import { consumersFellBehind, decideLimit } from "./decide-limit.js";
import { MaxRateSearch, type RateStep } from "./max-rate-search.js";
import { PROBE_HEADER } from "./producer-loop.js";

export type BenchPhase = "setup" | "ready" | "search" | "warmup" | "backlog" | "drain" | "test";

export interface BenchProgress {
  readonly target: TargetId;
  readonly phase: BenchPhase;
  readonly second: number;
  /** Planned seconds of the phase (0 when open-ended). */
  readonly of: number;
  readonly offeredRate: number;
  readonly publishRate: number;
  readonly consumeRate: number;
  readonly backlog: number;
  /** Setup and ready check: what is done so far (e.g. "topics 37/100"), shown instead of rates. */
  readonly detail?: string;
}

export interface RunTargetOptions {
  readonly target: TargetId;
  readonly workload: Workload;
  /** The payload file's bytes, when the workload names one. */
  readonly payload?: Uint8Array;
  /** A new, unconnected client for the target; called for admin, and per producer and consumer in-process. */
  readonly createClient: () => MessagingClient;
  /** Makes topic and group names unique to this run. */
  readonly runId: string;
  /**
   * Where producers and consumers run: bench workers (see {@link AgentGroup} for how they are split). Default: one
   * agent in this process.
   */
  readonly agents?: readonly Agent[];
  /** Process ids behind `agents` (for the per-process CPU table), in the same order. */
  readonly agentPids?: readonly number[];
  /** Bounded wait for consumers to receive the ready probe. Default 30 s. */
  readonly readyTimeoutMs?: number;
  readonly connectTimeoutMs?: number;
  readonly onProgress?: (progress: BenchProgress) => void;
  /**
   * Topics of targets that keep records after they are consumed (logs) and can trim by age keep this long, so a
   * long run's storage reaches a steady state instead of growing with every record (the soak). Default: forever.
   */
  readonly logRetentionMs?: number;
}

/** 1 GB as OMB counts it. */
const GB = 1024 ** 3;
const MB = 1024 ** 2;
/** Topics created (and probes published) at once. */
const ADMIN_PARALLELISM = 8;

type MutableResult = { -readonly [K in keyof TargetBenchResult]?: TargetBenchResult[K] };

/** What the phases of one target's run share. */
interface TargetRun {
  readonly options: RunTargetOptions;
  readonly workload: Workload;
  readonly group: AgentGroup;
  readonly admin: MessagingClient;
  readonly topics: readonly string[];
  readonly result: MutableResult;
  readonly notes: string[];
  readonly durability: DurabilityLevel;
  offeredRate: number;
  progress(
    phase: BenchPhase,
    second: number,
    of: number,
    rates?: { publish: number; consume: number },
    detail?: string,
  ): void;
  backlog(totals?: GroupTotals): number;
  /** Samples rates once a second for `seconds` (or until `done()`), reporting progress. */
  sample(phase: BenchPhase, seconds: number, done?: () => boolean): Promise<SecondSample[]>;
}

/**
 * Runs a workload against one target, in named phases: connect, set up (topics, producers' and consumers' clients,
 * subscriptions), ready check, optional rate search, warm-up, optional backlog build and drain, the timed run, the
 * drain. Never throws: a failure comes back as `ok: false` with the error, and everything it created is removed.
 */
export async function runTarget(options: RunTargetOptions): Promise<TargetBenchResult> {
  const { target } = options;
  const notes: string[] = [];
  const result: MutableResult = {};
  const errors: string[] = [];
  const createdTopics: string[] = [];
  let admin: MessagingClient | undefined;
  let group: AgentGroup | undefined;
  const agents = options.agents ?? [new LoadAgent(() => options.createClient())];
  try {
    admin = await connect(options);
    result.address = admin.address;
    result.brokerVersion = await admin.brokerVersion().catch(() => "unknown");
    const layout = plan(options, admin.capabilities, notes);
    const inEffect = await admin.settingsInEffect?.(layout.durability).catch((error: unknown) => {
      notes.push(
        `could not read the broker's settings: ${error instanceof Error ? error.message : String(error)}`,
      );
      return {};
    });
    Object.assign(result, {
      durability: layout.durability,
      partitions: layout.partitions,
      settings: { ...layout.settings, ...inEffect },
    });
    group = new AgentGroup(agents, layout.producers, layout.consumers);
    const run = targetRun(options, group, admin, layout.topics, layout.durability, result, notes);
    const setupStart = nowMs();
    await createTopics(run, layout.partitions, admin.capabilities, createdTopics);
    await setUpAgents(run);
    await readyCheck(run);
    result.setupSeconds = round((nowMs() - setupStart) / 1000);
    const search = await searchRate(run);
    await warmUp(run, search);
    if (options.workload.consumerBacklogSizeGB > 0) await buildAndDrainBacklog(run);
    await timedRun(run);
    await run.group.stopProducers();
    await drain(run, 0, 10);
    return finish(true);
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
    return finish(false, errors[0]);
  } finally {
    await group?.close();
    await forEachLimited(createdTopics, ADMIN_PARALLELISM, async (topic) => {
      await admin
        ?.deleteTopic(topic)
        .catch((error: unknown) => notes.push(`could not delete ${topic}: ${String(error)}`));
    }).catch(() => undefined);
    if (admin) await withTimeout(admin.close(), 10_000, `closing ${target}`).catch(() => undefined);
  }

  function finish(ok: boolean, error?: string): TargetBenchResult {
    const totals = group?.last;
    return {
      ...result,
      target,
      ok,
      ...(error === undefined ? {} : { error }),
      counts: {
        published: totals?.published ?? 0,
        consumed: totals?.consumed ?? 0,
        publishErrors: totals?.publishErrors ?? 0,
        consumeErrors: totals?.consumeErrors ?? 0,
      },
      errors: [...new Set([...errors, ...(group?.errors() ?? [])])].slice(0, 10),
      notes,
    };
  }
}

async function connect(options: RunTargetOptions): Promise<MessagingClient> {
  const client = options.createClient();
  const ms = options.connectTimeoutMs ?? 15_000;
  try {
    await withTimeout(client.connect(), ms, `connecting ${options.target} to ${client.address}`);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return client;
}

/** Topics, producers, consumers and the settings in effect, from the workload and what the target can do. */
function plan(options: RunTargetOptions, capabilities: Capabilities, notes: string[]) {
  const { workload, target, runId } = options;
  const durability = durabilityFor(workload.durability, target, capabilities.durability);
  if (workload.subscriptionsPerTopic > 1 && !capabilities.consumerGroups) {
    throw new UnsupportedCapabilityError(
      target,
      `subscriptionsPerTopic ${workload.subscriptionsPerTopic}`,
      "each record goes to one consumer of the queue; independent subscriptions need consumer groups",
    );
  }
  const partitions = capabilities.partitions ? workload.partitionsPerTopic : 1;
  if (partitions < workload.partitionsPerTopic) {
    notes.push(`partitionsPerTopic ${workload.partitionsPerTopic} → 1: ${target} has no partitions`);
  }
  const topics = Array.from({ length: workload.topics }, (_, i) => `bl-bench-${runId}-${target}-${i}`);
  const producers = topics.flatMap((topic) =>
    Array.from({ length: workload.producersPerTopic }, () => ({ topic })),
  );
  // One group per target, topic and subscription: kafkajs's assigners hand a group's partitions to its members
  // without looking at which topic each member subscribed, so groups shared across topics never settle (the
  // soak runs kafka and kafka-rdkafka at once: with one group name the kafkajs leader gave half the kafka
  // topic's partitions to the librdkafka member, which never read them, and left librdkafka with nothing).
  const consumers = topics.flatMap((topic, t) =>
    Array.from({ length: workload.subscriptionsPerTopic }, (_, s) =>
      Array.from({ length: workload.consumerPerSubscription }, () => ({
        topic,
        group: `bl-bench-${runId}-${target}-${t}-sub${s}`,
      })),
    ).flat(),
  );
  const settings = {
    partitions,
    durability,
    topics: topics.length,
    producers: producers.length,
    consumers: consumers.length,
    consumerPrefetch: workload.consumerPrefetch,
    publishBatchSize: workload.publishBatchSize,
    maxInflightPublishes: workload.maxInflightPublishes,
  };
  return { durability, partitions, topics, producers, consumers, settings };
}

function targetRun(
  options: RunTargetOptions,
  group: AgentGroup,
  admin: MessagingClient,
  topics: readonly string[],
  durability: DurabilityLevel,
  result: MutableResult,
  notes: string[],
): TargetRun {
  const { workload } = options;
  const subscriptionsPerTopic = workload.subscriptionsPerTopic;
  const run: TargetRun = {
    options,
    workload,
    group,
    admin,
    topics,
    result,
    notes,
    durability,
    offeredRate: workload.producerRate,
    backlog: (totals = group.last) => Math.max(0, totals.published * subscriptionsPerTopic - totals.consumed),
    progress: (phase, second, of, rates, detail) =>
      options.onProgress?.({
        target: options.target,
        phase,
        second,
        of,
        offeredRate: run.offeredRate,
        publishRate: rates?.publish ?? 0,
        consumeRate: rates?.consume ?? 0,
        backlog: run.backlog(),
        ...(detail === undefined ? {} : { detail }),
      }),
    sample: async (phase, seconds, done) => {
      const samples: SecondSample[] = [];
      const start = nowMs();
      let last = { ...(await group.poll()), at: start };
      for (let second = 1; second <= seconds; second++) {
        await sleep(start + second * 1000 - nowMs());
        const totals = await group.poll();
        const at = nowMs();
        const elapsed = (at - last.at) / 1000;
        const publish = Math.round((totals.published - last.published) / elapsed);
        const consume = Math.round((totals.consumed - last.consumed) / elapsed);
        samples.push({ second, publishRate: publish, consumeRate: consume, backlog: run.backlog(totals) });
        run.progress(phase, second, done ? 0 : seconds, { publish, consume });
        last = { ...totals, at };
        if (done?.()) break;
      }
      return samples;
    },
  };
  return run;
}

/** Creates the topics, several at a time, with a progress line per second. */
async function createTopics(
  run: TargetRun,
  partitions: number,
  capabilities: Capabilities,
  created: string[],
): Promise<void> {
  const started = nowMs();
  let lastShown = 0;
  const show = () => {
    const second = Math.floor((nowMs() - started) / 1000);
    if (second > lastShown || created.length === run.topics.length) {
      lastShown = second;
      run.progress("setup", second, 0, undefined, `topics created ${created.length}/${run.topics.length}`);
    }
  };
  const { logRetentionMs } = run.options;
  const trimsByAge =
    logRetentionMs !== undefined && capabilities.retainsAfterAck && capabilities.retention.includes("time");
  const topicOptions = {
    ...(capabilities.partitions ? { partitions } : {}),
    ...(trimsByAge ? { retention: { maxAgeMs: logRetentionMs } } : {}),
  };
  if (trimsByAge) run.notes.push(`topics keep records for ${logRetentionMs / 1000} s (retention by age)`);
  await forEachLimited(run.topics, ADMIN_PARALLELISM, async (topic) => {
    await withTimeout(run.admin.createTopic(topic, topicOptions), 30_000, `creating topic ${topic}`);
    created.push(topic);
    show();
  });
}

/** Hands every agent its share and opens the subscriptions, showing clients connected. */
async function setUpAgents(run: TargetRun): Promise<void> {
  const { options } = run;
  const payloads = createPayloads({
    ...run.workload,
    ...(options.payload ? { fileBytes: options.payload } : {}),
  });
  run.result.messageBytes = payloads.size;
  const started = nowMs();
  const since = () => Math.round((nowMs() - started) / 1000);
  await run.group.setup(
    {
      target: options.target,
      workload: run.workload,
      ...(options.payload ? { payloadBase64: Buffer.from(options.payload).toString("base64") } : {}),
      durability: run.durability,
      connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
    },
    (totals) =>
      run.progress("setup", since(), 0, undefined, `clients connected ${totals.connected}/${totals.clients}`),
  );
  await run.group.subscribe((totals) =>
    run.progress(
      "setup",
      since(),
      0,
      undefined,
      `subscriptions opened ${totals.subscribed}/${totals.consumers}`,
    ),
  );
}

/**
 * Publishes a probe record to every topic (again every 2 s, in case a consumer joined late) until every
 * subscription has received one, or the bounded wait is over; the error names what is not ready.
 */
async function readyCheck(run: TargetRun): Promise<void> {
  const timeoutMs = run.options.readyTimeoutMs ?? 30_000;
  const expected = [...new Set(run.group.consumerKeys())];
  const deadline = nowMs() + timeoutMs;
  let nextProbe = 0;
  let second = 0;
  for (;;) {
    const { ready } = await run.group.poll();
    const missing = expected.filter((key) => !ready.has(key));
    if (missing.length === 0) return;
    const now = nowMs();
    if (now > deadline) {
      const named =
        missing.slice(0, 5).join(", ") + (missing.length > 5 ? `, … ${missing.length - 5} more` : "");
      throw new TimeoutError(
        `consumers becoming ready (no probe received by ${missing.length} of the ${expected.length} subscriptions: ${named})`,
        timeoutMs,
      );
    }
    if (now >= nextProbe) {
      await forEachLimited(run.topics, ADMIN_PARALLELISM, (topic) =>
        run.admin
          .publish(topic, [{ key: null, value: new Uint8Array([0]), headers: { [PROBE_HEADER]: "1" } }], {
            durability: run.durability,
          })
          .then(() => undefined),
      );
      nextProbe = now + 2000;
      second += 2;
      const detail = `subscriptions ready ${expected.length - missing.length}/${expected.length}`;
      run.progress("ready", second, Math.round(timeoutMs / 1000), undefined, detail);
    }
    await sleep(250);
  }
}

/** When the workload's rate is 0: the highest rate both publishing and consuming sustain. */
async function searchRate(run: TargetRun): Promise<MaxRateSearch | undefined> {
  const { group } = run;
  if (run.workload.producerRate !== 0) {
    await group.setRate(run.offeredRate);
    return undefined;
  }
  const search = new MaxRateSearch();
  for (let rate = search.next(); rate !== undefined; rate = search.next()) {
    const step = await rateStep(run, search, "search", rate, search.stepSeconds);
    await group.stopProducers();
    if (!step.sustained) await drain(run, 0, 10);
  }
  run.result.rateSearch = search.steps;
  run.offeredRate = search.result();
  await group.setRate(run.offeredRate);
  return search;
}

/** Runs the producers at `rate` for `seconds` and records the step; the producers are left running. */
async function rateStep(
  run: TargetRun,
  search: MaxRateSearch,
  phase: BenchPhase,
  rate: number,
  seconds: number,
): Promise<RateStep> {
  const { group } = run;
  const subscriptions = run.workload.subscriptionsPerTopic;
  run.offeredRate = rate;
  await group.setRate(rate);
  const before = { ...(await group.poll()), backlog: run.backlog(), at: nowMs() };
  await group.startProducers();
  const samples = await run.sample(phase, seconds);
  const after = group.last;
  const elapsed = (nowMs() - before.at) / 1000;
  const first = samples[0]?.backlog ?? before.backlog;
  const last = samples.at(-1)?.backlog ?? first;
  return search.record({
    rate,
    publishRate: Math.round((after.published - before.published) / elapsed),
    consumeRate: Math.round((after.consumed - before.consumed) / elapsed / subscriptions),
    backlogAfter: Math.max(0, run.backlog(after) - before.backlog) / subscriptions,
    backlogGrowth: (last - first) / subscriptions,
  });
}

/** How often a searched rate that the warm-up does not hold is lowered before the timed run starts anyway. */
const MAX_CONFIRMATIONS = 3;

/**
 * The warm-up. After a rate search it is also the search's last, longer step: a 3 s step can pass at a rate whose
 * backlog then grows through the warm-up, so a warm-up that does not hold withdraws the rate and warms up again at
 * the highest rate sustained below it, until one holds (the timed run never starts on a growing backlog).
 */
async function warmUp(run: TargetRun, search: MaxRateSearch | undefined): Promise<void> {
  const seconds = Math.ceil(run.workload.warmupDurationSeconds);
  if (search === undefined) {
    await run.group.startProducers();
    if (seconds > 0) await run.sample("warmup", seconds);
    return;
  }
  for (let attempt = 1; ; attempt++) {
    const rate = run.offeredRate;
    const step = await rateStep(run, search, "warmup", rate, Math.max(seconds, search.stepSeconds));
    run.result.rateSearch = search.steps;
    if (step.sustained) return;
    const lower = search.result();
    const fell = `the warm-up at ${rate} msg/s did not keep up (consumed ${step.consumeRate} msg/s per subscription, backlog ${Math.round(step.backlogAfter)})`;
    if (attempt >= MAX_CONFIRMATIONS || lower >= rate) {
      run.notes.push(`${fell}; after ${attempt} warm-ups the timed run runs at it, and its backlog may grow`);
      return;
    }
    run.notes.push(`${fell}: warming up again at ${lower} msg/s`);
    await run.group.stopProducers();
    await drain(run, 0, 10);
    run.offeredRate = lower;
  }
}

async function buildAndDrainBacklog(run: TargetRun): Promise<void> {
  const { group, workload } = run;
  await group.unsubscribe();
  const targetBytes = workload.consumerBacklogSizeGB * GB;
  const start = await group.poll();
  const buildStart = nowMs();
  let stalled = 0;
  let lastPublished = start.published;
  // Open-ended: until the backlog is built, or publishing has stalled for 30 s.
  await run.sample("backlog", Number.MAX_SAFE_INTEGER, () => {
    const { published, publishedBytes } = group.last;
    stalled = published === lastPublished ? stalled + 1 : 0;
    lastPublished = published;
    return publishedBytes - start.publishedBytes >= targetBytes || stalled >= 30;
  });
  if (stalled >= 30) {
    throw new TimeoutError(
      `building a ${workload.consumerBacklogSizeGB} GB backlog (no publishes for 30 s)`,
      30_000,
    );
  }
  const buildSeconds = (nowMs() - buildStart) / 1000;
  const drainStart = nowMs();
  const consumedBefore = group.last.consumed;
  await group.subscribe(() => undefined);
  const floor = Math.max(1000, run.offeredRate * workload.subscriptionsPerTopic);
  const drained = await drain(run, floor, Math.max(60, Math.ceil(buildSeconds * 10)));
  const drainSeconds = (nowMs() - drainStart) / 1000;
  const isDrained = run.backlog() <= floor;
  run.result.backlog = {
    targetBytes,
    builtMessages: group.last.published - start.published,
    buildSeconds: round(buildSeconds),
    ...(isDrained ? { drainSeconds: round(drainSeconds) } : {}),
    drainConsumeRate: Math.round((group.last.consumed - consumedBefore) / drainSeconds),
  };
  if (!isDrained) run.notes.push(`backlog not drained after ${drained} s`);
}

/** The timed run: fresh histograms, counters and CPU from here. */
async function timedRun(run: TargetRun): Promise<void> {
  const { group, workload } = run;
  await group.resetHistograms();
  const start = await group.poll();
  const cpuMark = group.cpuMark();
  const countsMark = group.lastSnapshots();
  const coordinatorCpu = process.cpuUsage();
  const machineBefore = machineCpuTimes();
  const startedAt = nowMs();
  const timeSeries = await run.sample("test", Math.ceil(workload.testDurationSeconds));
  const elapsed = (nowMs() - startedAt) / 1000;
  const end = group.last;
  const machineBusyPercent = busyPercentBetween(machineBefore, machineCpuTimes());
  await group.recordEndToEnd(false);
  const histograms = await group.mergedHistograms();
  const processes = measureProcesses(run, cpuMark, countsMark, elapsed, process.cpuUsage(coordinatorCpu));
  const publishRate = throughput(
    end.published - start.published,
    end.publishedBytes - start.publishedBytes,
    elapsed,
  );
  const consumeRate = throughput(
    end.consumed - start.consumed,
    end.consumedBytes - start.consumedBytes,
    elapsed,
  );
  const cpuMs = processes.reduce((sum, p) => sum + p.userMs + p.systemMs, 0);
  const behind = consumersFellBehind({
    publishRate: publishRate.msgPerSec,
    consumeRate: consumeRate.msgPerSec / workload.subscriptionsPerTopic,
    backlogBefore: run.backlog(start) / workload.subscriptionsPerTopic,
    backlogAfter: run.backlog(end) / workload.subscriptionsPerTopic,
  });
  if (behind !== undefined) run.notes.push(behind);
  Object.assign(run.result, {
    producerRate: Math.round(run.offeredRate),
    durationSeconds: round(elapsed),
    publishRate,
    consumeRate,
    publishLatencyMs: histograms.publishLatency.percentiles(1000),
    endToEndLatencyMs: histograms.endToEnd.percentiles(1000),
    publishDelayUs: histograms.publishDelay.percentiles(1),
    curves: {
      publishLatencyMs: histograms.publishLatency.curve(1000),
      endToEndLatencyMs: histograms.endToEnd.curve(1000),
    },
    timeSeries,
    clientCpu: {
      userMs: processes.reduce((sum, p) => sum + p.userMs, 0),
      systemMs: processes.reduce((sum, p) => sum + p.systemMs, 0),
      percentOfOneCore: Math.round((cpuMs / (elapsed * 1000)) * 1000) / 10,
      cores: availableParallelism(),
    },
    processes,
    machineCpu: { busyPercent: machineBusyPercent, cores: availableParallelism() },
    limit: decideLimit({
      offeredRate: run.offeredRate,
      searched: workload.producerRate === 0,
      publishRate: publishRate.msgPerSec,
      consumeRate: consumeRate.msgPerSec / workload.subscriptionsPerTopic,
      processes,
      machineBusyPercent,
      cores: availableParallelism(),
      brokerLocal: isLocalAddress(run.admin.address),
    }),
  } satisfies Partial<TargetBenchResult>);
}

/**
 * Per-process CPU over the timed run. In-process the agent's counters are this process's, so the one entry is
 * the agent's; with workers the coordinator is listed too (it only polls and publishes probes).
 */
function measureProcesses(
  run: TargetRun,
  cpuMark: ReturnType<AgentGroup["cpuMark"]>,
  countsMark: ReturnType<AgentGroup["lastSnapshots"]>,
  seconds: number,
  coordinatorCpu: NodeJS.CpuUsage,
): ProcessCpu[] {
  const inProcess = run.options.agents === undefined;
  const pids = inProcess ? [process.pid] : (run.options.agentPids ?? []);
  const agents = run.group.cpuSince(cpuMark, countsMark, seconds, pids);
  if (inProcess) return agents;
  const coordinator = processCpu({
    role: "coordinator",
    where: "in-process",
    pid: process.pid,
    userUs: coordinatorCpu.user,
    systemUs: coordinatorCpu.system,
    seconds,
    published: 0,
    consumed: 0,
  });
  return [coordinator, ...agents];
}

/** Samples until the backlog is at most `below` or `maxSeconds` passed; returns the seconds it took. */
async function drain(run: TargetRun, below: number, maxSeconds: number): Promise<number> {
  const samples = await run.sample("drain", maxSeconds, () => run.backlog() <= below);
  return samples.length;
}

function isLocalAddress(address: string): boolean {
  return /(^|[\s,/@])(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)(:|$)/.test(address);
}

function throughput(messages: number, bytes: number, seconds: number) {
  return { msgPerSec: Math.round(messages / seconds), mbPerSec: round(bytes / MB / seconds) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
