import { KAFKA_TARGET_DEFINITIONS } from "@brokerlab/kafka";
import type { TargetDefinition } from "@brokerlab/messaging";
import { RABBITMQ_TARGET_DEFINITIONS } from "@brokerlab/rabbitmq";
import { REDIS_TARGET_DEFINITIONS } from "@brokerlab/redis";
import { checkTargetDefinitions } from "./check-definition.js";

/**
 * Every target, in the order tables show them: one line per adapter package. A new target is a definition in
 * its adapter package; a new adapter package is one more line here (and a dependency in package.json).
 */
export const TARGETS: readonly TargetDefinition[] = checkTargetDefinitions([
  ...KAFKA_TARGET_DEFINITIONS,
  ...RABBITMQ_TARGET_DEFINITIONS,
  ...REDIS_TARGET_DEFINITIONS,
]);
