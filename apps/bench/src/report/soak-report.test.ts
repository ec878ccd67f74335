import type { SoakResult } from "@brokerlab/bench";
import { describe, expect, it } from "vitest";
import { benchMessagesFor } from "../i18n/index.js";
import { soakGrowthTable, soakMinuteTable, soakNotes } from "./soak-report.js";

const MB = 1024 * 1024;
const m = benchMessagesFor("en");

const soak: SoakResult = {
  minutes: 10,
  ratePerTarget: 200,
  warmupMinutes: 5,
  tolerancePercent: 5,
  samples: Array.from({ length: 11 }, (_, minute) => ({
    minute,
    processes: [{ name: "monitor", pid: 1, rssBytes: (100 + minute) * MB, heapUsedBytes: 30 * MB }],
    brokers: [
      minute === 3
        ? { broker: "rabbitmq", error: "rabbitmq-diagnostics memory_breakdown failed: timeout" }
        : { broker: "rabbitmq", what: "memory_breakdown", bytes: 60 * MB, rssBytes: 120 * MB },
    ],
  })),
  growth: [
    {
      series: "monitor rss",
      fromMinute: 5,
      fromBytes: 105 * MB,
      toMinute: 10,
      toBytes: 110 * MB,
      percent: 4.8,
      flat: true,
    },
    {
      series: "broker rabbitmq rss",
      fromMinute: 5,
      fromBytes: 100 * MB,
      toMinute: 10,
      toBytes: 120 * MB,
      percent: 20,
      flat: false,
    },
  ],
};

describe("the soak report", () => {
  it("shows each series' growth in MB and marks the one that grew", () => {
    const table = soakGrowthTable(soak, m);
    expect(table.rows).toEqual([
      ["monitor rss", 5, 105, 10, 110, 4.8, "yes"],
      ["broker rabbitmq rss", 5, 100, 10, 120, 20, "NO"],
    ]);
  });

  it("lists every fifth minute and the last, with a gap where a figure was not read", () => {
    const table = soakMinuteTable(soak, m);
    expect(table.headers).toEqual(["minute", "0", "5", "10"]);
    expect(table.rows[0]).toEqual(["monitor rss", 100, 105, 110]);
  });

  it("says how many series grew and names each broker error once", () => {
    expect(soakNotes(soak, m)).toEqual([
      "1 of 2 series grew past warm-up beyond the tolerance (marked NO).",
      "broker rabbitmq, minute 3: memory not read: rabbitmq-diagnostics memory_breakdown failed: timeout",
    ]);
  });
});
