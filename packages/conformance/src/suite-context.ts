import type { Capabilities, MessagingClient, StartPosition, TargetId } from "@brokerlab/messaging";

/** How long "nothing more arrives" is watched for. A wait, never a timing assertion. */
export const QUIET_MS = 1_500;

/** What every case file gets: the target's declared capabilities and a way to open a client. */
export interface SuiteContext {
  readonly target: TargetId;
  readonly caps: Capabilities;
  /** Where a fresh reader starts on this target (earliest where it can say so, else the queue head). */
  readonly start: StartPosition;
  /** A connected client, closed when the test finishes. */
  readonly open: () => Promise<MessagingClient>;
}
