import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n/index.js";
import { checkHistory } from "./check-history.js";
import type { HistoryEvent } from "./history.js";
import { readingOf } from "./reading.js";

const en = messagesFor("en").failover;
const ko = messagesFor("ko").failover;

const events: HistoryEvent[] = [
  {
    type: "run",
    target: "kafka",
    level: "replicated",
    fault: "kill",
    topic: "t",
    startedAt: "",
    retainsAfterAck: true,
    idempotent: false,
  },
  { type: "leader", phase: "before", t: 0, node: "kafka-2" },
  { type: "attempt", id: 1, key: "k", attempt: 1, start: 0, end: 10, outcome: "ok" },
  { type: "fault", t: 100, action: "kill", node: "kafka-2" },
  { type: "attempt", id: 2, key: "k", attempt: 1, start: 200, end: 2_200, outcome: "ok" },
  { type: "leader", phase: "after", t: 3_000, node: "kafka-1" },
  { type: "read", reader: "fresh", id: 1, key: "k", position: "0/0", t: 3_100 },
  { type: "read", reader: "fresh", id: 2, key: "k", position: "0/1", t: 3_100 },
  { type: "read-done", reader: "fresh", t: 3_200, complete: true },
];

describe("readingOf", () => {
  it("says what the level lost when the leader died and who took over how fast", () => {
    const line = readingOf(
      { level: "replicated", fault: "kill", idempotent: false, retainsAfterAck: true },
      checkHistory(events),
      en,
    );
    expect(line).toBe(
      "replicated acks (acks=all with min.insync.replicas=2, quorum confirms, WAIT for a replica) lost nothing of 2 acknowledged records when the leader kafka-2 was SIGKILLed; kafka-1 took over; first acknowledgement 2.1 s after the fault",
    );
  });

  it("on a weaker level, a zero says that loss is possible, not promised away", () => {
    const line = readingOf(
      { level: "leader", fault: "kill", idempotent: false, retainsAfterAck: true },
      checkHistory(events),
      en,
    );
    expect(line).toContain("loss is possible at this level, this run just did not hit it");
    const lossy = checkHistory(events.filter((e) => !(e.type === "read" && e.id === 2)));
    expect(
      readingOf({ level: "leader", fault: "kill", idempotent: false, retainsAfterAck: true }, lossy, en),
    ).toContain("lost 1 of 2 acknowledged records");
  });

  it("reads in Korean with the same facts: the node, the counts and the seconds", () => {
    const line = readingOf(
      { level: "replicated", fault: "kill", idempotent: false, retainsAfterAck: true },
      checkHistory(events),
      ko,
    );
    expect(line).toBe(
      "리더 kafka-2 노드가 SIGKILL로 죽었을 때 복제 확인 acks(min.insync.replicas=2의 acks=all, 쿼럼 확인, 레플리카를 기다리는 WAIT) 수준은 ack를 받은 레코드 2개를 하나도 잃지 않았습니다; kafka-1 노드가 리더를 이어받았습니다; 장애 2.1초 뒤에 첫 ack를 받았습니다",
    );
  });
});
