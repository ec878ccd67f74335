import { type DurabilityLevel, type TargetId, UnsupportedCapabilityError } from "@brokerlab/messaging";
import type { DurabilityChoice } from "./workload.js";

/**
 * The level a target runs at: the workload's choice for the target, else its `default`, else `leader` (one node
 * confirmed: acks=1, a publisher confirm) where the target has it, else the next stronger level it declares.
 * A choice the target does not declare throws, naming what it does offer.
 */
export function durabilityFor(
  choice: DurabilityChoice,
  target: TargetId,
  declared: readonly DurabilityLevel[],
): DurabilityLevel {
  const asked = choice[target] ?? choice.default;
  if (asked !== undefined) {
    if (!declared.includes(asked)) {
      throw new UnsupportedCapabilityError(
        target,
        `durability "${asked}"`,
        `it offers ${declared.join(", ")}`,
      );
    }
    return asked;
  }
  for (const level of ["leader", "replicated", "none"] as const) if (declared.includes(level)) return level;
  return "leader";
}
