import { InvalidArgumentError, type MessagingClient } from "@brokerlab/messaging";
import { BullMqClient } from "./bullmq/bullmq-client.js";
import { REDIS_TARGETS, type RedisTarget } from "./capabilities.js";
import { ListClient } from "./list/list-client.js";
import { type RedisClientOptions, resolveOptions } from "./options.js";
import { RedisSession } from "./session.js";
import { StreamClient } from "./stream/stream-client.js";

/** A client for one Redis target, not yet connected: call connect() (or any operation) to connect. */
export function createRedisClient(target: RedisTarget, options: RedisClientOptions): MessagingClient {
  if (!REDIS_TARGETS.includes(target)) {
    throw new InvalidArgumentError(
      `"${target}" is not a Redis target; use one of ${REDIS_TARGETS.join(", ")}`,
    );
  }
  const resolved = resolveOptions(options);
  const session = new RedisSession(target, resolved);
  switch (target) {
    case "redis-list":
      return new ListClient(session);
    case "redis-stream":
      return new StreamClient(session);
    case "bullmq":
      return new BullMqClient(session);
  }
}
