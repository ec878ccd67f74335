import type { Position } from "./position.js";

/** Where a new subscription begins reading. Which kinds a target accepts is in its capabilities. */
export type StartPosition =
  | { readonly kind: "earliest" }
  | { readonly kind: "latest" }
  /** Resume where the group last acknowledged; a group with no commit starts at `fallback` (default earliest). */
  | { readonly kind: "committed"; readonly fallback?: "earliest" | "latest" }
  | { readonly kind: "position"; readonly position: Position }
  /** First record whose broker timestamp is at or after `timestamp` (ms since epoch). */
  | { readonly kind: "timestamp"; readonly timestamp: number };

export type StartPositionKind = StartPosition["kind"];

export const StartAt = {
  earliest: { kind: "earliest" } as StartPosition,
  latest: { kind: "latest" } as StartPosition,
  committed: { kind: "committed" } as StartPosition,
  position: (position: Position): StartPosition => ({ kind: "position", position }),
  timestamp: (timestamp: number): StartPosition => ({ kind: "timestamp", timestamp }),
};
