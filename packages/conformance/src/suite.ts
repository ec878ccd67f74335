import type { Capabilities, MessagingClient, TargetId } from "@brokerlab/messaging";
import { fromTheStart, useClient } from "@brokerlab/testing";
import { describe } from "vitest";
import { contractErrorCases } from "./cases/contract-errors.js";
import { deadLetteringCases } from "./cases/dead-lettering.js";
import { deliveryCases } from "./cases/delivery.js";
import { durabilityCases } from "./cases/durability.js";
import { groupCases } from "./cases/groups.js";
import { lagCases } from "./cases/lag.js";
import { orderingCases } from "./cases/ordering.js";
import { partitionCases } from "./cases/partitions.js";
import { redeliveryCases } from "./cases/redelivery.js";
import { retentionCases } from "./cases/retention.js";
import { retentionAfterAckCases } from "./cases/retention-after-ack.js";
import { startPositionCases } from "./cases/start-positions.js";
import { topicCases } from "./cases/topics.js";
import type { SuiteContext } from "./suite-context.js";

/** The case files, one concern each, in the order the conformance table lists them. */
const CASES: readonly ((context: SuiteContext) => void)[] = [
  deliveryCases,
  redeliveryCases,
  retentionAfterAckCases,
  orderingCases,
  groupCases,
  startPositionCases,
  topicCases,
  lagCases,
  durabilityCases,
  partitionCases,
  retentionCases,
  deadLetteringCases,
  contractErrorCases,
];

/**
 * The one suite every target runs (in the spirit of Watermill's universal pub/sub tests, one file per
 * concern in cases/). Each case is switched by a declared capability: where a target declares it, the
 * behaviour is measured; where it does not, the case asserts the opposite behaviour or the typed refusal,
 * so measured always equals declared.
 */
export function defineConformanceSuite(
  target: TargetId,
  create: () => MessagingClient,
  capabilities: Capabilities,
): void {
  const context: SuiteContext = {
    target,
    caps: capabilities,
    start: fromTheStart(capabilities),
    open: () => useClient(create),
  };
  describe(target, () => {
    for (const cases of CASES) cases(context);
  });
}
