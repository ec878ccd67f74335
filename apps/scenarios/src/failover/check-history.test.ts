import { describe, expect, it } from "vitest";
import { checkHistory } from "./check-history.js";
import type { AttemptEvent, AttemptOutcome, HistoryEvent, ReadEvent, Reader } from "./history.js";
import { parseHistory } from "./history-file.js";

function run(retainsAfterAck: boolean): HistoryEvent {
  return {
    type: "run",
    target: "t",
    level: "replicated",
    fault: "kill",
    topic: "x",
    startedAt: "2026-01-01T00:00:00.000Z",
    retainsAfterAck,
    idempotent: false,
  };
}

function attempt(id: number, outcome: AttemptOutcome, start: number, n = 1, key = "k0"): AttemptEvent {
  return { type: "attempt", id, key, attempt: n, start, end: start + 10, outcome };
}

function read(id: number | null, reader: Reader, t: number, extra: Partial<ReadEvent> = {}): ReadEvent {
  return { type: "read", reader, id, key: "k0", position: `0/${id}`, t, ...extra };
}

describe("checkHistory", () => {
  it("counts attempted, acknowledged, failed, unknown and retries per record over all its attempts", () => {
    const metrics = checkHistory([
      run(true),
      attempt(1, "ok", 0),
      attempt(2, "unknown", 20),
      attempt(2, "ok", 40, 2),
      attempt(3, "failed", 60),
      attempt(3, "unknown", 80, 2),
      attempt(4, "failed", 100),
      attempt(4, "failed", 120, 2),
    ]);
    expect(metrics).toMatchObject({ attempted: 4, acknowledged: 2, unknown: 1, failed: 1, retries: 3 });
  });

  it("lost: acknowledged records no reader got; a record only the group read is not lost", () => {
    const metrics = checkHistory([
      run(false),
      attempt(1, "ok", 0),
      attempt(2, "ok", 20),
      attempt(3, "ok", 40),
      read(1, "group", 50, { ackedAt: 51 }),
      read(2, "fresh", 60),
    ]);
    expect(metrics.lost).toBe(1);
  });

  it("recovered: unknown or failed records that were delivered anyway; unexpected: delivered, never attempted", () => {
    const metrics = checkHistory([
      run(true),
      attempt(1, "unknown", 0),
      attempt(2, "unknown", 20),
      attempt(3, "failed", 40),
      read(1, "fresh", 50),
      read(3, "fresh", 51),
      read(99, "fresh", 52),
      read(99, "group", 53),
      read(null, "fresh", 54),
    ]);
    expect(metrics).toMatchObject({ recovered: 2, unexpected: 2, lost: 0 });
  });

  it("duplicates on a log: one record at two positions in the fresh read; re-reading one position is not one", () => {
    const metrics = checkHistory([
      run(true),
      attempt(1, "unknown", 0),
      attempt(1, "ok", 20, 2),
      attempt(2, "ok", 40),
      read(1, "fresh", 50, { position: "0/1" }),
      read(1, "fresh", 51, { position: "0/2" }),
      read(2, "fresh", 52, { position: "0/3" }),
      read(2, "fresh", 53, { position: "0/3" }),
      read(2, "group", 54, { position: "0/7" }),
      attempt(3, "ok", 60),
      read(3, "fresh", 61, { position: "0/8" }),
      read(3, "fresh", 62, { position: "0/9" }),
    ]);
    // 1 was sent twice by the application; 3 once (a client's own retry wrote it twice).
    expect(metrics.duplicates).toBe(2);
    expect(metrics.duplicatesResent).toBe(1);
  });

  it("duplicates on a queue: delivered again after an acknowledged delivery; a requeued unacked one is not", () => {
    const metrics = checkHistory([
      run(false),
      attempt(1, "ok", 0),
      attempt(2, "ok", 20),
      read(1, "group", 30, { ackedAt: 31 }),
      read(1, "fresh", 40),
      read(2, "group", 32),
      read(2, "fresh", 41, { ackedAt: 42 }),
    ]);
    expect(metrics.duplicates).toBe(1);
  });

  it("vanishedFromLog: read by the group, missing from the fresh read of a log; null for queues", () => {
    const events = [
      run(true),
      attempt(1, "ok", 0),
      attempt(2, "ok", 10),
      read(1, "group", 20),
      read(2, "group", 21),
      read(2, "fresh", 30),
    ];
    expect(checkHistory(events).vanishedFromLog).toBe(1);
    expect(checkHistory([run(false), ...events.slice(1)]).vanishedFromLog).toBeNull();
  });

  it("outOfOrder: per reader and key, a first read older than the newest that reader had", () => {
    const metrics = checkHistory([
      run(true),
      ...[1, 2, 3, 4].map((id) => attempt(id, "ok", id * 10)),
      read(2, "group", 50),
      read(1, "group", 51),
      read(2, "group", 52),
      read(3, "group", 53, { key: "k1" }),
      read(4, "group", 54),
      read(1, "fresh", 60),
      read(2, "fresh", 61),
      read(3, "fresh", 62, { key: "k1" }),
      read(4, "fresh", 63),
    ]);
    // Only `1` after `2` on key k0 for the group; its re-read of 2 is a redelivery, not a reordering.
    expect(metrics.outOfOrder).toBe(1);
  });

  it("unavailableSeconds: the longest stretch without an ack; failoverSeconds: fault to first ack started after it", () => {
    const metrics = checkHistory([
      run(true),
      attempt(1, "ok", 0),
      attempt(2, "ok", 1_000),
      { type: "fault", t: 1_500, action: "kill", node: "n1" },
      attempt(3, "unknown", 1_495),
      { ...attempt(3, "ok", 1_505, 2), end: 1_600 },
      attempt(4, "unknown", 2_000),
      attempt(4, "ok", 4_990, 2),
      { type: "recover", t: 6_000, action: "start", node: "n1" },
      attempt(5, "ok", 6_000),
    ]);
    // acks at 10, 1010, 1600, 5000, 6010: the longest gap is 1600 → 5000.
    expect(metrics.unavailableSeconds).toBe(3.4);
    expect(metrics.failoverSeconds).toBe(0.1);
    expect(metrics).toMatchObject({ faultNode: "n1", faultAtSeconds: 1.5, recoverAtSeconds: 6 });
  });

  it("unavailableSeconds counts a producer that never got an ack as unavailable throughout", () => {
    const metrics = checkHistory([
      run(true),
      attempt(1, "unknown", 0),
      { ...attempt(1, "failed", 100, 2), end: 2_000 },
    ]);
    expect(metrics.unavailableSeconds).toBe(2);
    expect(metrics.failoverSeconds).toBeNull();
  });

  it("reports the leaders before and after and whether the fresh read completed", () => {
    const metrics = checkHistory([
      run(true),
      { type: "leader", phase: "before", t: 0, node: "kafka-2" },
      { type: "leader", phase: "after", t: 9, node: "kafka-1" },
      { type: "read-done", reader: "fresh", t: 10, complete: true },
    ]);
    expect(metrics).toMatchObject({
      leaderBefore: "kafka-2",
      leaderAfter: "kafka-1",
      freshReadComplete: true,
    });
    expect(checkHistory([run(true)]).freshReadComplete).toBe(false);
  });

  it("gives the same metrics for a history written as JSONL and parsed back", () => {
    const events: HistoryEvent[] = [run(false), attempt(1, "ok", 0), read(1, "group", 20, { ackedAt: 21 })];
    const text = events.map((event) => JSON.stringify(event)).join("\n");
    expect(checkHistory(parseHistory(text))).toEqual(checkHistory(events));
  });
});

describe("parseHistory", () => {
  it("names the line that is not a history event", () => {
    expect(() => parseHistory('{"type":"run"}\nnot json', "h.jsonl")).toThrow("h.jsonl:2 is not JSON");
    expect(() => parseHistory('{"type":"nope"}', "h.jsonl")).toThrow(
      'h.jsonl:1 has no known event type (got "nope")',
    );
  });
});
