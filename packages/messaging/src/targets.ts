/** One way of using one broker. The id appears in CLI flags, results JSON and reports. */
export const TARGET_IDS = [
  "kafka",
  "rabbitmq-queue",
  "rabbitmq-quorum",
  "rabbitmq-stream",
  "redis-list",
  "redis-stream",
  "bullmq",
] as const;

export type TargetId = (typeof TARGET_IDS)[number];

export type BrokerKind = "kafka" | "rabbitmq" | "redis";

export function isTargetId(value: string): value is TargetId {
  return (TARGET_IDS as readonly string[]).includes(value);
}

export function brokerOf(target: TargetId): BrokerKind {
  if (target === "kafka") return "kafka";
  if (target.startsWith("rabbitmq")) return "rabbitmq";
  return "redis";
}
