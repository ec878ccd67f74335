export type { CapabilityName, Capabilities, RetentionKind } from "./capabilities.js";
export type {
  Admin,
  DeliveryHandler,
  MessagingClient,
  PublishOptions,
  Publisher,
  SubscribeOptions,
  Subscriber,
  Subscription,
} from "./client.js";
export { DURABILITY_LEVELS, type DurabilityLevel } from "./durability.js";
export {
  BrokerlabError,
  ConnectionError,
  type ErrorCode,
  InvalidArgumentError,
  isBrokerlabError,
  TimeoutError,
  UnsupportedCapabilityError,
} from "./errors.js";
export { formatPosition, parsePosition, type Position } from "./position.js";
export type { Delivery, MessageRecord, PublishReceipt } from "./record.js";
export { StartAt, type StartPosition, type StartPositionKind } from "./start-position.js";
export { brokerOf, type BrokerKind, isTargetId, TARGET_IDS, type TargetId } from "./targets.js";
export type { GroupLag, PartitionState, RetentionPolicy, TopicOptions, TopicState } from "./topic.js";
export { withTimeout } from "./with-timeout.js";
export { requireDurability, requireStartPosition } from "./require-capability.js";
