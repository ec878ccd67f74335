import { type Capabilities, StartAt, type StartPosition } from "@brokerlab/messaging";

/** Where a fresh reader starts on this target: the oldest record if it can say so, else the queue head. */
export function fromTheStart(capabilities: Capabilities): StartPosition {
  return capabilities.startPositions.includes("earliest") ? StartAt.earliest : StartAt.committed;
}
