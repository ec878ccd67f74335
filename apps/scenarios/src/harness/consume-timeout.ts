/** How long to wait for `count` records to arrive: generous, since the machine is small and shared. */
export function consumeTimeoutMs(count: number): number {
  return 20_000 + count * 50;
}
