export type { Capabilities, CapabilityName, RetentionKind } from "./capabilities.js";
export {
  type Admin,
  DEFAULT_PREFETCH,
  type DeliveryHandler,
  type MessagingClient,
  type Publisher,
  type PublishOptions,
  type SubscribeOptions,
  type Subscriber,
  type Subscription,
} from "./client.js";
export { DEPLOYMENTS, type Deployment, deploymentOf, listFromEnv } from "./deployment.js";
export { DURABILITY_LEVELS, type DurabilityLevel } from "./durability.js";
export {
  BrokerlabError,
  ConnectionError,
  type ErrorCode,
  InvalidArgumentError,
  isBrokerlabError,
  NotReplicatedError,
  TimeoutError,
  UnsupportedCapabilityError,
} from "./errors.js";
export { type HandlerErrorReporter, reportHandlerError, reportingHandler } from "./handler-errors.js";
export { formatPosition, type Position, parsePosition } from "./position.js";
export type { Delivery, MessageRecord, PublishReceipt } from "./record.js";
export { replicatedNeedsCluster, requireDurability, requireStartPosition } from "./require-capability.js";
export { StartAt, type StartPosition, type StartPositionKind } from "./start-position.js";
export type {
  BenchSupport,
  CommandResult,
  ConnectionSource,
  NativeRounds,
  NativeRun,
  NativeTool,
  NativeToolContext,
  NativeToolResult,
  ProducerPreferences,
  RawPublisher,
  RawPublisherFactory,
  RawPublisherOptions,
  TargetDefinition,
} from "./target-definition.js";
export type { TargetId } from "./targets.js";
export {
  type GroupLag,
  type PartitionState,
  type RetentionPolicy,
  singlePartitionLag,
  singlePartitionState,
  type TopicOptions,
  type TopicState,
} from "./topic.js";
export { withTimeout } from "./with-timeout.js";
