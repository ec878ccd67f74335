import { randomBytes } from "node:crypto";
import { join } from "node:path";
import {
  type DurabilityLevel,
  isBrokerlabError,
  type MessagingClient,
  type TargetId,
  withTimeout,
} from "@brokerlab/messaging";
import { fromTheStart, sleep } from "@brokerlab/testing/harness";
import { createReplicatedTopic } from "../harness/replicated-topic.js";
import type { Messages } from "../i18n/index.js";
import type { FailoverCluster, FaultKind, LeaderSample } from "./failover-cluster.js";
import { RECOVERY } from "./failover-cluster.js";
import type { HistoryEvent } from "./history.js";
import { HistoryWriter } from "./history-file.js";
import { RecordingReader } from "./recording-reader.js";
import type { RetryPolicy } from "./retrying-publish.js";
import { produceSteadily } from "./steady-producer.js";

/** One column of the report: a target at one durability level, with the plain or the idempotent producer. */
export interface FailoverSpec {
  readonly target: TargetId;
  readonly level: DurabilityLevel;
  readonly idempotent: boolean;
  /** The level as columns and file names show it: the level, or "idempotent". */
  readonly label: string;
}

export interface FailoverSettings {
  readonly rate: number;
  readonly seconds: number;
  readonly keys: number;
  readonly retry: RetryPolicy;
  /** A reader is done once nothing arrived for this long … */
  readonly readIdleMs: number;
  /** … or this long passed. */
  readonly readMaxMs: number;
}

export interface FailoverEnvironment {
  readonly cluster: FailoverCluster;
  /** A new client on the cluster for the spec (the idempotent producer where the spec asks). */
  createClient(spec: FailoverSpec): MessagingClient;
  readonly historyDir: string;
  progress(text: string): void;
  /** The report's language: progress lines and readings. */
  readonly m: Messages;
}

export interface FailoverRunOutput {
  readonly spec: FailoverSpec;
  readonly fault: FaultKind;
  readonly historyPath: string;
  /** Set when the run could not complete (set-up failed, a step threw); the history holds what it saw. */
  readonly error?: string;
}

interface LiveRun {
  readonly spec: FailoverSpec;
  readonly client: MessagingClient;
  readonly topic: string;
  readonly history: HistoryWriter;
  readonly group: RecordingReader;
  readonly consumerClient: MessagingClient;
  /** Who led the destination when it was placed. */
  readonly before: string | null;
}

const PLACEMENT_TRIES = 15;
/** Bounds on a reader's start and on any close, so a client stuck on a dead connection cannot hang the run. */
const START_MS = 20_000;
/** How long a destination may be without a leader before the run says so. */
const LEADER_WAIT_MS = 20_000;
const CLOSE_MS = 10_000;
/** A few samples a second; each Kafka sample is a metadata request on its own admin connection. */
const SAMPLE_EVERY_MS = 333;

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}

export function historyFileName(spec: FailoverSpec, fault: FaultKind): string {
  return `${spec.target}-${spec.label}-${fault}.history.jsonl`;
}

/** Asks who leads, for a few seconds while a new destination gets its leader. */
async function leaderOf(cluster: FailoverCluster, broker: string, topic: string): Promise<LeaderSample> {
  let last: unknown;
  const until = performance.now() + LEADER_WAIT_MS;
  while (performance.now() < until) {
    try {
      const sample = await withTimeout(cluster.leader(broker, topic), 5_000, `asking who leads ${topic}`);
      if (sample.leader) return sample;
    } catch (error) {
      last = error;
    }
    await sleep(250);
  }
  throw new Error(`no leader for ${topic} on ${broker}${last ? `: ${messageOf(last)}` : ""}`);
}

/** Subscribes the group, again for a few seconds while a new topic's metadata reaches every node. */
async function startGroup(group: RecordingReader, client: MessagingClient, topic: string): Promise<void> {
  for (let tries = 1; ; tries++) {
    try {
      // A new group on a new destination: from its start, however the target says it (earliest, or the queue head).
      return await group.start(client, topic, `${topic}-group`, fromTheStart(client.capabilities));
    } catch (error) {
      if (tries >= 20 || !isBrokerlabError(error) || error.code !== "BROKERLAB_NOT_FOUND") throw error;
      await sleep(500);
    }
  }
}

/**
 * Creates the run's topic/queue so the node `wanted` leads it: brokers place new leaders themselves (Kafka
 * spreads them, RabbitMQ puts them on the declaring connection's node, Redis has one primary), so a
 * destination led elsewhere is deleted and created again under a new name.
 */
async function placeTopic(
  client: MessagingClient,
  cluster: FailoverCluster,
  broker: string,
  wanted: string | null,
): Promise<{ topic: string; leader: LeaderSample }> {
  for (let tries = 1; ; tries++) {
    const topic = `bl-failover-${client.target}-${randomBytes(3).toString("hex")}`;
    await createReplicatedTopic(client, topic, { partitions: 1 });
    const leader = await leaderOf(cluster, broker, topic);
    if (wanted === null || leader.leader === wanted || tries >= PLACEMENT_TRIES) return { topic, leader };
    await client.deleteTopic(topic).catch(() => undefined);
  }
}

async function setUp(
  spec: FailoverSpec,
  fault: FaultKind,
  broker: string,
  wanted: string | null,
  env: FailoverEnvironment,
  now: () => number,
): Promise<{ run: LiveRun; leader: LeaderSample }> {
  const client = env.createClient(spec);
  const consumerClient = env.createClient(spec);
  let placed: { topic: string; leader: LeaderSample };
  try {
    await client.connect();
    await consumerClient.connect();
    placed = await placeTopic(client, env.cluster, broker, wanted);
  } catch (error) {
    await consumerClient.close().catch(() => undefined);
    await client.close().catch(() => undefined);
    throw error;
  }
  const { topic, leader } = placed;
  const history = await HistoryWriter.open(join(env.historyDir, historyFileName(spec, fault)));
  history.write({
    type: "run",
    target: spec.target,
    level: spec.level,
    fault,
    topic,
    startedAt: new Date().toISOString(),
    retainsAfterAck: client.capabilities.retainsAfterAck,
    idempotent: spec.idempotent,
  });
  const group = new RecordingReader("group", now, (event) => history.write(event));
  await startGroup(group, consumerClient, topic);
  return { run: { spec, client, topic, history, group, consumerClient, before: leader.leader }, leader };
}

/** Samples every run's leader and members a few times a second until `stopped()`; failed samples are skipped. */
async function sampleMembers(
  runs: readonly LiveRun[],
  broker: string,
  env: FailoverEnvironment,
  now: () => number,
  stopped: () => boolean,
) {
  while (!stopped()) {
    const round = now();
    await Promise.all(
      runs.map(async (run) => {
        try {
          const sample = await withTimeout(env.cluster.leader(broker, run.topic), 2_000, "sampling members");
          run.history.write({
            type: "members",
            t: now(),
            leader: sample.leader,
            members: sample.members.length,
            inSync: sample.inSync.length,
          });
        } catch {
          // A node that is down may not answer: the gap in the samples shows it.
        }
      }),
    );
    await sleep(Math.max(0, SAMPLE_EVERY_MS - (now() - round)));
  }
}

/** Faults the leader a third of the way in and undoes it two thirds in; both are written to every history. */
async function injectFault(
  runs: readonly LiveRun[],
  fault: FaultKind,
  node: string,
  durationMs: number,
  env: FailoverEnvironment,
  now: () => number,
) {
  const note = (event: HistoryEvent) => {
    for (const run of runs) run.history.write(event);
  };
  await sleep(durationMs / 3);
  note({ type: "fault", t: now(), action: fault, node });
  env.progress(env.m.failover.progress.action(fault, node));
  // Whatever the fault did, the recovery still runs, so no node is left paused or cut off.
  const faulted = env.cluster.act(fault, node).then(
    () => undefined,
    (error: unknown) => error,
  );
  await sleep(Math.max(0, (2 * durationMs) / 3 - now()));
  const faultError = await faulted;
  note({ type: "recover", t: now(), action: RECOVERY[fault], node });
  env.progress(env.m.failover.progress.action(RECOVERY[fault], node));
  await env.cluster.act(RECOVERY[fault], node);
  if (faultError !== undefined) throw faultError;
}

/**
 * The idempotent producer's retries are the client's own: one attempt per record, given the whole deadline
 * (an application re-send would be a new send the broker cannot recognise as a duplicate).
 */
function policyFor(spec: FailoverSpec, retry: RetryPolicy): RetryPolicy {
  return spec.idempotent ? { ...retry, maxAttempts: 1, attemptTimeoutMs: retry.deadlineMs } : retry;
}

function publishOne(run: LiveRun) {
  const durability = run.spec.level;
  return (id: number, key: string) =>
    run.client.publish(
      run.topic,
      [{ key, value: Buffer.from(`failover-${id}`), headers: { n: String(id) } }],
      { durability },
    );
}

/** After the producers stop and the cluster is healthy: the leader now, the group's last reads, the fresh read. */
/** Closing after a failover can hang on a connection that died with the node: bounded, and never throws. */
async function closeQuietly(close: () => Promise<unknown>): Promise<void> {
  await withTimeout(close(), CLOSE_MS, "closing").catch(() => undefined);
}

async function readBack(
  run: LiveRun,
  broker: string,
  settings: FailoverSettings,
  env: FailoverEnvironment,
  now: () => number,
) {
  const after = await leaderOf(env.cluster, broker, run.topic).catch(() => undefined);
  run.history.write({ type: "leader", phase: "after", t: now(), node: after?.leader ?? null });
  const groupDone = await run.group.settle(settings.readIdleMs, settings.readMaxMs);
  await closeQuietly(() => run.group.close());
  run.history.write({ type: "read-done", reader: "group", t: now(), complete: groupDone });
  // A reader that shares nothing with the producer: its own client, its own group, from the start.
  const freshClient = env.createClient(run.spec);
  const fresh = new RecordingReader("fresh", now, (event) => run.history.write(event));
  let complete = false;
  try {
    await withTimeout(freshClient.connect(), START_MS, "connecting the fresh reader");
    // Where the count cannot be had, the reader falls back to waiting for a quiet spell alone.
    const stored = await withTimeout(
      freshClient.inspect(run.topic),
      START_MS,
      "counting what is stored",
    ).then(
      (state) => state.stored,
      () => 0,
    );
    const from = fromTheStart(freshClient.capabilities);
    await withTimeout(
      fresh.start(freshClient, run.topic, `${run.topic}-fresh`, from),
      START_MS,
      "subscribing the fresh reader",
    );
    complete = await fresh.settle(settings.readIdleMs, settings.readMaxMs, stored);
  } finally {
    run.history.write({ type: "read-done", reader: "fresh", t: now(), complete });
    await closeQuietly(() => fresh.close());
    await closeQuietly(() => freshClient.close());
  }
}

/**
 * Every run of one broker at once, against destinations led by one node, which is faulted once for all of them:
 * steady producers and group readers, the fault a third in, recovery two thirds in, then the read-back.
 */
export async function runBrokerPhase(
  broker: string,
  specs: readonly FailoverSpec[],
  fault: FaultKind,
  settings: FailoverSettings,
  env: FailoverEnvironment,
): Promise<FailoverRunOutput[]> {
  // Times count from when publishing starts; set-up happens before, at negative times.
  let t0 = performance.now();
  const now = () => performance.now() - t0;
  const runs: LiveRun[] = [];
  const outputs: FailoverRunOutput[] = [];
  let node: string | null = null;
  try {
    for (const spec of specs) {
      try {
        const { run, leader } = await setUp(spec, fault, broker, node, env, now);
        node ??= leader.leader;
        runs.push(run);
      } catch (error) {
        const historyPath = join(env.historyDir, historyFileName(spec, fault));
        outputs.push({ spec, fault, historyPath, error: `setting up: ${messageOf(error)}` });
      }
    }
    if (runs.length === 0 || node === null) return outputs;
    env.progress(env.m.failover.progress.publishing(runs.length, broker, node, settings.seconds));
    t0 = performance.now();
    for (const run of runs)
      run.history.write({ type: "leader", phase: "before", t: now(), node: run.before });
    const durationMs = settings.seconds * 1000;
    let stopped = false;
    const sampling = sampleMembers(runs, broker, env, now, () => stopped);
    const faulting = injectFault(runs, fault, node, durationMs, env, now);
    const producing = runs.map((run) =>
      produceSteadily({
        keys: settings.keys,
        rate: settings.rate,
        durationMs,
        policy: policyFor(run.spec, settings.retry),
        now,
        publish: publishOne(run),
        onAttempt: (event) => run.history.write(event),
      }),
    );
    const errors = new Map<LiveRun, string>();
    await Promise.all(producing);
    await faulting.catch((error) => {
      for (const run of runs) errors.set(run, `fault: ${messageOf(error)}`);
    });
    const said = env.m.failover.progress;
    env.progress(said.producersDone(broker));
    await env.cluster.waitHealthy(broker).catch((error) => env.progress(said.notHealthy(messageOf(error))));
    env.progress(said.readingBack);
    await Promise.all(
      runs.map((run) =>
        readBack(run, broker, settings, env, now).catch((error) => {
          errors.set(run, `reading back: ${messageOf(error)}`);
        }),
      ),
    );
    stopped = true;
    await sampling;
    for (const run of runs) {
      const error = errors.get(run);
      outputs.push({ spec: run.spec, fault, historyPath: run.history.path, ...(error ? { error } : {}) });
    }
    return outputs;
  } finally {
    for (const run of runs) {
      await run.history.close().catch(() => undefined);
      await closeQuietly(() => run.client.deleteTopic(run.topic));
      await closeQuietly(() => run.consumerClient.close());
      await closeQuietly(() => run.client.close());
    }
  }
}
