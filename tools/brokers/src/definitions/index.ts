import { UsageError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import type { BrokerDefinition, BrokerName } from "./broker-definition.js";
import { KAFKA } from "./kafka.js";
import { RABBITMQ } from "./rabbitmq.js";
import { REDIS } from "./redis.js";

/** Every broker brokerlab runs, in display order. A new broker is one file here and one line below. */
export const BROKER_DEFINITIONS: readonly BrokerDefinition[] = [KAFKA, RABBITMQ, REDIS];

export const BROKER_NAMES: readonly BrokerName[] = BROKER_DEFINITIONS.map((definition) => definition.name);

/** The definition of `name`; an unknown name fails with the list of known ones. */
export function brokerDefinition(name: string): BrokerDefinition {
  const found = BROKER_DEFINITIONS.find((definition) => definition.name === name);
  if (!found) throw new UsageError(brokersText().errors.unknownBroker(name, BROKER_NAMES.join(", ")));
  return found;
}
