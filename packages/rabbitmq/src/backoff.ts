export interface ReconnectOptions {
  /** Wait before the first reconnect attempt. Default 200 ms. */
  readonly initialDelayMs: number;
  /** Longest wait between attempts. Default 10 s. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectOptions = { initialDelayMs: 200, maxDelayMs: 10_000 };

/**
 * Delay before reconnect attempt `attempt` (1, 2, ...): doubling from `initialDelayMs`, capped at
 * `maxDelayMs`, with up to 20% taken off at random so many clients do not reconnect in lockstep.
 */
export function reconnectDelay(
  attempt: number,
  options: ReconnectOptions,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const base = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** exponent);
  return Math.max(0, Math.round(base * (1 - 0.2 * random())));
}
