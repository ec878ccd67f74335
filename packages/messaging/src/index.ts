export type { Capabilities, CapabilityName, RetentionKind } from "./capabilities.js";
export { checkRecords, checkTopicName } from "./check-records.js";
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
export { type ConnectionCause, connectionCause, connectionCauseHint } from "./connection-cause.js";
export { DEPLOYMENTS, type Deployment, deploymentOf, listFromEnv } from "./deployment.js";
export { DURABILITY_LEVELS, type DurabilityLevel } from "./durability.js";
export {
  BrokerlabError,
  ClosedError,
  ConnectionError,
  type ErrorCode,
  InvalidArgumentError,
  isBrokerlabError,
  NotFoundError,
  NotReplicatedError,
  PublishRejectedError,
  TimeoutError,
  UnsupportedCapabilityError,
} from "./errors.js";
export { type HandlerErrorReporter, reportHandlerError, reportingHandler } from "./handler-errors.js";
export { formatPosition, type Position, parsePosition } from "./position.js";
export type { Delivery, MessageRecord, PublishReceipt } from "./record.js";
export { replicatedNeedsCluster, requireDurability, requireStartPosition } from "./require-capability.js";
export {
  booleanSetting,
  brokerUrl,
  brokerUrlList,
  choiceSetting,
  hostPortList,
  maskUrlCredentials,
} from "./setting-values.js";
export { StartAt, type StartPosition, type StartPositionKind } from "./start-position.js";
export type {
  BenchSupport,
  BrokerCapacity,
  BrokerMemory,
  BrokerMemoryProbe,
  BrokerProbeContext,
  BrokerRoom,
  CommandResult,
  ConnectionSource,
  DiskShare,
  NativeConsumeRun,
  NativeConsumerTool,
  NativeRounds,
  NativeRun,
  NativeTool,
  NativeToolContext,
  NativeToolResult,
  ProducerPreferences,
  RawConsumer,
  RawConsumerFactory,
  RawConsumerOptions,
  RawPublisher,
  RawPublisherFactory,
  RawPublisherOptions,
  RawRecordHandler,
  TargetDefinition,
} from "./target-definition.js";
export type { TargetId } from "./targets.js";
export { TickBatcher } from "./tick-batcher.js";
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
