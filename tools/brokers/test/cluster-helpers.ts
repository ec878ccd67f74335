import { onTestFinished } from "vitest";
import { healAll } from "../src/cluster/faults.js";
import type { BrokerName } from "../src/definitions/broker-definition.js";

/** Retries `attempt` until it returns without throwing, or throws its last error after `timeoutMs`. */
export async function eventually<T>(
  attempt: () => Promise<T>,
  timeoutMs = 60_000,
  pauseMs = 500,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

/**
 * After the test, whatever it did, every fault on `broker`'s nodes is undone (other tests and helpers
 * share the cluster; another broker's nodes are left to whoever is breaking them).
 */
export function healClusterAfterTest(broker: BrokerName): void {
  onTestFinished(async () => {
    await healAll({ only: [broker] });
  }, 180_000);
}

/** One line of a fault test's history. */
export type Operation =
  | { readonly type: "write"; readonly value: string; readonly outcome: "ok" | "failed" }
  | { readonly type: "read"; readonly values: readonly string[] };

/**
 * The checker of a fault test, Jepsen's queue checker reduced to what these tests claim: every write
 * the broker acknowledged is read back after the fault. Returns the acknowledged values missing from
 * the final read and values read that were never written.
 */
export function checkAcknowledgedKept(history: readonly Operation[]): {
  lost: string[];
  unexpected: string[];
} {
  const acknowledged = new Set<string>();
  const attempted = new Set<string>();
  let read: readonly string[] = [];
  for (const operation of history) {
    if (operation.type === "write") {
      attempted.add(operation.value);
      if (operation.outcome === "ok") acknowledged.add(operation.value);
    } else {
      read = operation.values;
    }
  }
  const seen = new Set(read);
  return {
    lost: [...acknowledged].filter((value) => !seen.has(value)),
    unexpected: [...seen].filter((value) => !attempted.has(value)),
  };
}
