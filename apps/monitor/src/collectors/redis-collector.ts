import { recogniseKey } from "@brokerlab/redis";
import { Redis } from "ioredis";
import type { Collector, Poll, PositionReading, QueueReading, TopicReading } from "../model.js";

export interface RedisCollectorOptions {
  /** `redis://[user:password@]host:port[/db]`. */
  readonly url: string;
  /** Key prefix the adapters used (default `brokerlab`). */
  readonly keyPrefix?: string;
  /** Sentinel `host:port` list: the primary is asked of them by `master` name (the URL's host is then unused). */
  readonly sentinels?: readonly string[];
  readonly master?: string;
}

/** ms part of a stream entry id (`<ms>-<seq>`). */
function idTime(id: string): number {
  return Number(id.split("-")[0]);
}

/** XINFO replies are flat [name, value, name, value…] arrays. */
function fields(reply: unknown): Map<string, unknown> {
  const list = Array.isArray(reply) ? reply : [];
  const map = new Map<string, unknown>();
  for (let i = 0; i + 1 < list.length; i += 2) map.set(String(list[i]), list[i + 1]);
  return map;
}

const BULLMQ_WAITING = ["wait", "paused"] as const;
const BULLMQ_SCHEDULED = ["delayed", "prioritized", "waiting-children"] as const;

/**
 * The Redis targets, found by the key names the adapters give (`@brokerlab/redis` recogniseKey): streams by
 * XINFO STREAM / XINFO GROUPS, lists by the ready list and each consumer's processing list, BullMQ queues by
 * their job counter and waiting/active lists.
 */
export class RedisCollector implements Collector {
  readonly broker = "redis";
  readonly addresses: readonly string[];
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(
    readonly cluster: string,
    options: RedisCollectorOptions,
  ) {
    const url = new URL(options.url);
    this.prefix = options.keyPrefix ?? "brokerlab";
    const common = {
      lazyConnect: true,
      connectTimeout: 3_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      retryStrategy: () => 1_000,
    };
    if (options.sentinels?.length) {
      this.addresses = [...options.sentinels];
      this.redis = new Redis({
        ...common,
        sentinels: options.sentinels.map((address) => {
          const [host = "127.0.0.1", port = "26379"] = address.split(":");
          return { host, port: Number(port) };
        }),
        name: options.master ?? "brokerlab",
        sentinelRetryStrategy: () => 1_000,
        ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      });
    } else {
      this.addresses = [`${url.hostname}:${url.port || 6379}`];
      this.redis = new Redis(options.url, common);
    }
    // Errors surface through the commands that fail; the client reconnects by itself. The socket's own error is
    // kept: while the connection is down a command only says "Stream isn't writeable", not why.
    this.redis.on("error", (error: unknown) => {
      this.socketError = error;
    });
    this.redis.on("ready", () => {
      this.socketError = undefined;
    });
  }

  private socketError: unknown;

  async start(): Promise<void> {}

  async caughtUp(): Promise<boolean> {
    return true;
  }

  async poll(): Promise<Poll> {
    try {
      return await this.read();
    } catch (error) {
      throw this.redis.status !== "ready" && this.socketError !== undefined ? this.socketError : error;
    }
  }

  private async read(): Promise<Poll> {
    if (this.redis.status === "wait" || this.redis.status === "end") await this.redis.connect();
    const found = await this.scan();
    const now = Date.now();
    const topics: TopicReading[] = [];
    const positions: PositionReading[] = [];
    const queues: QueueReading[] = [];
    for (const topic of found.streams) await this.readStream(topic, now, topics, positions);
    for (const topic of found.lists) queues.push(await this.readList(topic, now));
    for (const topic of found.bullmq) await this.readBullmq(topic, now, topics, positions);
    return { topics, positions, queues, unsupported: [], source: "XINFO, LLEN and BullMQ's keys" };
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private async scan() {
    const streams = new Set<string>();
    const lists = new Set<string>();
    const bullmq = new Set<string>();
    let cursor = "0";
    do {
      const [next, keys] = await this.redis.scan(cursor, "MATCH", `${this.prefix}:*`, "COUNT", 1000);
      cursor = next;
      for (const key of keys) {
        const recognised = recogniseKey(this.prefix, key);
        if (recognised?.target === "redis-stream") streams.add(recognised.topic);
        if (recognised?.target === "redis-list") lists.add(recognised.topic);
        // Only a queue BullMQ counted jobs for: other `<prefix>:a:b` keys are not queues.
        if (recognised?.target === "bullmq" && recognised.role === "id") bullmq.add(recognised.topic);
      }
    } while (cursor !== "0");
    const sorted = (set: Set<string>) => [...set].sort();
    return { streams: sorted(streams), lists: sorted(lists), bullmq: sorted(bullmq) };
  }

  private async readStream(topic: string, now: number, topics: TopicReading[], positions: PositionReading[]) {
    const key = `${this.prefix}:{${topic}}:stream`;
    const stream = fields(await this.redis.call("XINFO", "STREAM", key));
    const added = Number(stream.get("entries-added") ?? stream.get("length") ?? 0);
    topics.push({ topic, kind: "redis-stream", logEnds: [added] });
    const groups = (await this.redis.call("XINFO", "GROUPS", key)) as unknown[];
    for (const reply of groups) {
      const group = fields(reply);
      const pending = Number(group.get("pending") ?? 0);
      const read = group.get("entries-read");
      const lag = group.get("lag");
      // entries-read is null after a SETID or deletions; then added - lag, when Redis knows the lag.
      const delivered = typeof read === "number" ? read : typeof lag === "number" ? added - lag : undefined;
      if (delivered === undefined) continue;
      const name = String(group.get("name"));
      const lastDelivered = String(group.get("last-delivered-id") ?? "0-0");
      positions.push({
        group: name,
        topic,
        kind: "redis-stream",
        partition: 0,
        // Acknowledged, as a Kafka commit is: delivered but pending entries still count as lag.
        committed: delivered - pending,
        consumers: Number(group.get("consumers") ?? 0),
        lagSeconds: await this.oldestUnackedAge(key, name, pending, lastDelivered, now),
      });
    }
  }

  /** Age of the oldest entry the group has not acknowledged: the first pending one, else the first undelivered. */
  private async oldestUnackedAge(
    key: string,
    group: string,
    pending: number,
    lastDelivered: string,
    now: number,
  ) {
    if (pending > 0) {
      const summary = (await this.redis.call("XPENDING", key, group)) as unknown[];
      if (typeof summary[1] === "string") return Math.max(0, now - idTime(summary[1])) / 1000;
    }
    const next = (await this.redis.call(
      "XRANGE",
      key,
      `(${lastDelivered}`,
      "+",
      "COUNT",
      "1",
    )) as unknown[][];
    const id = next[0]?.[0];
    return typeof id === "string" ? Math.max(0, now - idTime(id)) / 1000 : 0;
  }

  private async readList(topic: string, now: number): Promise<QueueReading> {
    const base = `${this.prefix}:{${topic}}`;
    const consumers = await this.redis.smembers(`${base}:consumers`);
    const lists = [`${base}:queue`, ...consumers.map((consumer) => `${base}:processing:${consumer}`)];
    const pipeline = this.redis.pipeline();
    for (const list of lists) pipeline.llen(list).lindex(list, -1);
    const replies = (await pipeline.exec()) ?? [];
    const lengths = lists.map((_, i) => Number(replies[2 * i]?.[1] ?? 0));
    // Items are `<id>\n{"k":…,"h":…,"ts":<ms>}\n<value>`: the oldest is at the consuming (right) end.
    const oldest = lists
      .map((_, i) => /"ts":(\d+)/.exec(String(replies[2 * i + 1]?.[1] ?? ""))?.[1])
      .filter((ts): ts is string => ts !== undefined)
      .map(Number);
    return {
      queue: topic,
      kind: "redis-list",
      ready: lengths[0] ?? 0,
      unacked: lengths.slice(1).reduce((sum, length) => sum + length, 0),
      consumers: consumers.length,
      ...(oldest.length > 0 ? { lagSeconds: Math.max(0, now - Math.min(...oldest)) / 1000 } : {}),
    };
  }

  private async readBullmq(topic: string, now: number, topics: TopicReading[], positions: PositionReading[]) {
    const base = `${this.prefix}:${topic}`;
    const pipeline = this.redis.pipeline().get(`${base}:id`);
    for (const list of [...BULLMQ_WAITING, "active"]) pipeline.llen(`${base}:${list}`);
    for (const set of BULLMQ_SCHEDULED) pipeline.zcard(`${base}:${set}`);
    pipeline.lindex(`${base}:wait`, -1).lindex(`${base}:active`, -1);
    const replies = ((await pipeline.exec()) ?? []).map(([, value]) => value);
    const added = Number(replies[0] ?? 0);
    const unfinished = replies.slice(1, 7).reduce<number>((sum, count) => sum + Number(count ?? 0), 0);
    topics.push({ topic, kind: "bullmq", logEnds: [added] });
    const oldestJob = replies[7] ?? replies[8];
    let lagSeconds: number | undefined = unfinished === 0 ? 0 : undefined;
    if (typeof oldestJob === "string") {
      const created = Number(await this.redis.hget(`${base}:${oldestJob}`, "timestamp"));
      if (Number.isFinite(created) && created > 0) lagSeconds = Math.max(0, now - created) / 1000;
    }
    // One queue is one group (as the adapter's lag says): its position is the jobs no longer waiting or active.
    positions.push({
      group: topic,
      topic,
      kind: "bullmq",
      partition: 0,
      committed: added - unfinished,
      ...(lagSeconds !== undefined ? { lagSeconds } : {}),
    });
  }
}
