export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `read` until `done` holds or `ms` pass, and returns the last value read either way. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms: number,
): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await sleep(200);
    value = await read();
  }
  return value;
}

/**
 * Waits until `count()` has not changed for `quietMs` (deliveries have stopped), or `ms` pass.
 * Used where the number that arrives is the measurement, so no expected count is assumed.
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
