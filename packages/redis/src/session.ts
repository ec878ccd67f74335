import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { ClosedError, NotFoundError } from "@brokerlab/messaging";
import type { Redis } from "ioredis";
import type { RedisTarget } from "./capabilities.js";
import { openConnection } from "./connection.js";
import { type TopicKeys, topicKeys, validateTopic } from "./keys.js";
import type { ResolvedOptions } from "./options.js";
import { settingsFromHash, settingsToHash, type TopicSettings } from "./topic-settings.js";

const SETTINGS_TTL_MS = 5_000;

/**
 * What the three Redis targets share: the command connection (opened on first use), blocking connections
 * for subscriptions, topic keys and the per-topic settings stored by createTopic. One per client, no globals.
 */
export class RedisSession {
  private command: Promise<Redis> | undefined;
  private closed = false;
  private readonly settingsCache = new Map<
    string,
    { readonly at: number; readonly settings: Promise<TopicSettings> }
  >();

  constructor(
    readonly target: RedisTarget,
    readonly options: ResolvedOptions,
  ) {}

  get address(): string {
    return this.options.address;
  }

  /** The shared, non-blocking connection; connects on first use and fails fast naming the address. */
  connection(): Promise<Redis> {
    // A rejected promise, never a throw: callers chain on it without a try.
    if (this.closed) return Promise.reject(new ClosedError(this.target, this.address));
    if (this.command === undefined) {
      const opening = openConnection(this.options, `brokerlab:${this.target}`);
      // A failed first connect is not cached: the next call tries again.
      opening.catch(() => {
        if (this.command === opening) this.command = undefined;
      });
      this.command = opening;
    }
    return this.command;
  }

  /** A connection of its own, for commands that block (BLMOVE, XREADGROUP BLOCK). */
  openBlocking(purpose: string): Promise<Redis> {
    return openConnection(this.options, `brokerlab:${this.target}:${purpose}`);
  }

  async brokerVersion(): Promise<string> {
    const info = await (await this.connection()).info("server");
    return /^redis_version:(.+)$/m.exec(info)?.[1]?.trim() ?? "unknown";
  }

  /**
   * Redis persistence as configured (CONFIG GET appendonly, appendfsync, save); "unknown" where CONFIG is
   * disabled (managed services often disable it). A publish resolves on the server's reply.
   */
  async settingsInEffect(): Promise<Record<string, string | number>> {
    const redis = await this.connection();
    const config = async (name: string) => {
      const reply = (await redis.config("GET", name).catch(() => [])) as string[];
      return reply[1] ?? "unknown";
    };
    return {
      appendonly: await config("appendonly"),
      appendfsync: await config("appendfsync"),
      save: (await config("save")) || '""',
      confirms: "server reply",
    };
  }

  keys(topic: string): TopicKeys {
    validateTopic(topic);
    return topicKeys(this.options.keyPrefix, topic);
  }

  /** A consumer name unique across processes, readable in XINFO / CLIENT LIST. */
  consumerName(): string {
    return `${hostname()}-${process.pid}-${randomBytes(4).toString("hex")}`;
  }

  async saveSettings(topic: string, settings: TopicSettings): Promise<void> {
    const { meta } = this.keys(topic);
    await (await this.connection()).multi().del(meta).hset(meta, settingsToHash(settings)).exec();
    this.settingsCache.set(topic, { at: Date.now(), settings: Promise.resolve(settings) });
  }

  /**
   * The topic's settings as createTopic stored them; NotFoundError for a topic never created (no meta hash),
   * so nothing writes to or reads from a key nobody made. Found settings are cached for a few seconds so
   * publishing costs no extra round trip, while a createTopic from another client is still seen soon; a miss
   * is never cached. (A topic another client deletes can thus take a few seconds to be missed here.)
   */
  settings(topic: string): Promise<TopicSettings> {
    if (this.closed) return Promise.reject(new ClosedError(this.target, this.address));
    const cached = this.settingsCache.get(topic);
    if (cached !== undefined && Date.now() - cached.at < SETTINGS_TTL_MS) return cached.settings;
    let meta: string;
    try {
      meta = this.keys(topic).meta;
    } catch (error) {
      return Promise.reject(error);
    }
    const settings = this.connection().then(async (redis) => {
      const hash = await redis.hgetall(meta);
      if (hash.created === undefined) throw new NotFoundError(topic, this.address);
      return settingsFromHash(hash);
    });
    settings.catch(() => this.settingsCache.delete(topic));
    this.settingsCache.set(topic, { at: Date.now(), settings });
    return settings;
  }

  /** Deletes every key matching `pattern` (SCAN + UNLINK, so a big keyspace is never blocked). */
  async deleteMatching(pattern: string): Promise<number> {
    const redis = await this.connection();
    let cursor = "0";
    let deleted = 0;
    do {
      const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== "0");
    return deleted;
  }

  forgetTopic(topic: string): void {
    this.settingsCache.delete(topic);
  }

  async close(): Promise<void> {
    this.closed = true;
    const command = this.command;
    this.command = undefined;
    if (command === undefined) return;
    const redis = await command.catch(() => undefined);
    await redis?.quit().catch(() => redis.disconnect());
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
