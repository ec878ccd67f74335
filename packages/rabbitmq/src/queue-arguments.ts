import { InvalidArgumentError, type TopicOptions, UnsupportedCapabilityError } from "@brokerlab/messaging";
import type { RabbitMqTarget } from "./capabilities.js";

/** AMQP queue arguments (x-*) as RabbitMQ reads them. */
export type QueueArguments = Record<string, string | number>;

/** The x-queue-type each target declares its queues with. */
export const QUEUE_TYPE: Readonly<Record<RabbitMqTarget, string>> = {
  "rabbitmq-queue": "classic",
  "rabbitmq-quorum": "quorum",
  "rabbitmq-stream": "stream",
};

/** The target a queue of this `x-queue-type` belongs to (what the management API reports as `type`). */
export function targetForQueueType(type: string): RabbitMqTarget | undefined {
  return (Object.keys(QUEUE_TYPE) as RabbitMqTarget[]).find((target) => QUEUE_TYPE[target] === type);
}

/**
 * Maps broker-neutral topic options onto the arguments of one durable queue of the target's type.
 * Options the queue type has no equivalent for are refused with the typed error, never ignored,
 * except `segmentBytes` on classic and quorum queues: they have no segments, so there is nothing to tune.
 */
export function queueArguments(target: RabbitMqTarget, options: TopicOptions = {}): QueueArguments {
  const args: QueueArguments = { "x-queue-type": QUEUE_TYPE[target] };
  if (options.partitions !== undefined && options.partitions !== 1) {
    throw new UnsupportedCapabilityError(
      target,
      "partitions",
      "a RabbitMQ queue is one ordered queue; leave partitions out (or use the kafka target)",
    );
  }
  if (options.replicationFactor !== undefined) replicaArguments(target, options.replicationFactor, args);
  retentionArguments(target, options.retention ?? {}, args);
  if (options.deadLetterTopic !== undefined) deadLetterArguments(target, options.deadLetterTopic, args);
  if (options.deliveryLimit !== undefined) deliveryLimitArguments(target, options.deliveryLimit, args);
  return args;
}

function replicaArguments(target: RabbitMqTarget, replicas: number, args: QueueArguments): void {
  positiveInteger("replicationFactor", replicas);
  if (target === "rabbitmq-quorum") args["x-quorum-initial-group-size"] = replicas;
  else if (target === "rabbitmq-stream") args["x-initial-cluster-size"] = replicas;
  else if (replicas !== 1) {
    throw new UnsupportedCapabilityError(
      target,
      "replicationFactor",
      "a classic queue lives on one node; use rabbitmq-quorum or rabbitmq-stream for replicas",
    );
  }
}

function retentionArguments(
  target: RabbitMqTarget,
  retention: NonNullable<TopicOptions["retention"]>,
  args: QueueArguments,
): void {
  const stream = target === "rabbitmq-stream";
  if (retention.maxAgeMs !== undefined) {
    positiveInteger("retention.maxAgeMs", retention.maxAgeMs);
    // Streams take an age with a unit; whole seconds, rounded up so nothing goes earlier than asked.
    if (stream) args["x-max-age"] = `${Math.ceil(retention.maxAgeMs / 1000)}s`;
    else args["x-message-ttl"] = retention.maxAgeMs;
  }
  if (retention.maxBytes !== undefined) {
    positiveInteger("retention.maxBytes", retention.maxBytes);
    args["x-max-length-bytes"] = retention.maxBytes;
  }
  if (retention.maxCount !== undefined) {
    positiveInteger("retention.maxCount", retention.maxCount);
    if (stream) {
      throw new UnsupportedCapabilityError(
        target,
        'retention "count"',
        "a stream drops whole segments by age or size only; use maxAgeMs or maxBytes",
      );
    }
    args["x-max-length"] = retention.maxCount;
  }
  if (retention.segmentBytes !== undefined && stream) {
    positiveInteger("retention.segmentBytes", retention.segmentBytes);
    args["x-stream-max-segment-size-bytes"] = retention.segmentBytes;
  }
}

function deadLetterArguments(target: RabbitMqTarget, topic: string, args: QueueArguments): void {
  if (target === "rabbitmq-stream") {
    throw new UnsupportedCapabilityError(
      target,
      "dead-lettering",
      "a stream keeps every record; nothing is rejected",
    );
  }
  if (topic === "") throw new InvalidArgumentError("deadLetterTopic must not be empty");
  // The default exchange routes by queue name, so the dead-letter topic is just another queue.
  args["x-dead-letter-exchange"] = "";
  args["x-dead-letter-routing-key"] = topic;
}

function deliveryLimitArguments(target: RabbitMqTarget, limit: number, args: QueueArguments): void {
  positiveInteger("deliveryLimit", limit);
  if (target !== "rabbitmq-quorum") {
    throw new UnsupportedCapabilityError(
      target,
      "deliveryLimit",
      target === "rabbitmq-stream"
        ? "a stream never redelivers"
        : "classic queues have no delivery limit; use rabbitmq-quorum",
    );
  }
  // deliveryLimit counts deliveries; x-delivery-limit counts redeliveries (RabbitMQ delivers limit + 1 times).
  args["x-delivery-limit"] = limit - 1;
}

function positiveInteger(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new InvalidArgumentError(`${name} must be a positive whole number (got ${value})`);
  }
}
