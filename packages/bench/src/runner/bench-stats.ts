import { LatencyHistogram } from "../metrics/latency-histogram.js";

/** Counters and histograms one target's producers and consumers share. */
export class BenchStats {
  published = 0;
  publishedBytes = 0;
  publishErrors = 0;
  consumed = 0;
  consumedBytes = 0;
  consumeErrors = 0;
  readonly publishLatency = new LatencyHistogram();
  readonly publishDelay = new LatencyHistogram();
  readonly endToEnd = new LatencyHistogram();
  private readonly errorMessages = new Map<string, number>();

  noteError(error: unknown): void {
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    this.errorMessages.set(message, (this.errorMessages.get(message) ?? 0) + 1);
  }

  /** Distinct errors with how often they happened, most frequent first (at most 10). */
  errors(): string[] {
    return [...this.errorMessages.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([message, count]) => (count > 1 ? `${message} (×${count})` : message));
  }

  resetHistograms(): void {
    this.publishLatency.reset();
    this.publishDelay.reset();
    this.endToEnd.reset();
  }
}
