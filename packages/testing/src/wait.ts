export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const POLL_MS = 200;

/** Polls `read` until `done` holds, returning the last value read; gives up (returning it anyway) after `ms`. */
export async function eventually<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(POLL_MS);
    value = await read();
  }
  return value;
}

/** Polls `condition` until it holds; rejects naming `what` it waited for when `ms` pass first. */
export async function waitUntil(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/**
 * Waits until `count()` has not changed for `quietMs` (deliveries have stopped), or `ms` pass. For where the
 * number that arrives is the measurement, so no expected count is assumed.
 */
export async function untilQuiet(count: () => number, quietMs: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  let last = count();
  let since = Date.now();
  while (Date.now() < deadline) {
    await sleep(100);
    const now = count();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return;
    }
  }
}
