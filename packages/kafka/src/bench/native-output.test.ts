import { describe, expect, it } from "vitest";
import { parseConsumerPerformance, parseProducerPerformance } from "./native-output.js";

describe("Kafka tool output", () => {
  it("reads ProducerPerformance's final summary, not the interim lines", () => {
    const output = [
      "249031 records sent, 49806.2 records/sec (48.64 MB/sec), 350.2 ms avg latency, 612.0 ms max latency.",
      "500000 records sent, 61050.061050 records/sec (59.62 MB/sec), 301.66 ms avg latency, 612.00 ms max latency, 280 ms 50th.",
    ].join("\n");
    expect(parseProducerPerformance(output)).toBeCloseTo(61050.06, 2);
    expect(parseProducerPerformance("nothing")).toBeUndefined();
  });

  it("reads nMsg.sec from ConsumerPerformance's CSV line", () => {
    const output = [
      "start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec",
      "2025-01-01 10:00:00:000, 2025-01-01 10:00:05:000, 488.2812, 97.6562, 500000, 100000.0000, 3012, 1988, 245.5, 251509.0543",
    ].join("\n");
    expect(parseConsumerPerformance(output)).toBe(100000);
    expect(parseConsumerPerformance(output, "fetch.nMsg.sec")).toBeCloseTo(251509.05, 2);
    expect(parseConsumerPerformance("WARN no header")).toBeUndefined();
  });
});
