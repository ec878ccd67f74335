import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n/index.js";
import type { MetricValue, RunResults, TargetResult } from "../results.js";
import { classify, verdictSection, verdicts } from "./verdict.js";

function result(target: TargetResult["target"], metrics: Record<string, MetricValue>, supported = true) {
  return { target, supported, metrics, summary: "" };
}

/** A run with the five deciding scenarios, measured as a log (kafka) and a queue (rabbitmq-queue) behave. */
const RUN: RunResults = {
  schema: "brokerlab.scenario-results/1",
  runId: "r",
  startedAt: "t",
  brokers: {},
  scenarios: [
    {
      name: "retention",
      params: {},
      results: [
        result("kafka", { produced: 20, retainedAfterConsume: 20 }),
        result("rabbitmq-queue", { produced: 20, retainedAfterConsume: 0 }),
      ],
    },
    {
      name: "replay",
      params: {},
      results: [result("kafka", { produced: 20, replayed: 10 }), result("rabbitmq-queue", {}, false)],
    },
    {
      name: "delete-on-consume",
      params: {},
      results: [
        result("kafka", { storedBeforeConsume: 20, storedAfterAck: 20 }),
        result("rabbitmq-queue", { storedBeforeConsume: 20, storedAfterAck: 10 }),
      ],
    },
    {
      name: "consumer-groups",
      params: {},
      results: [
        result("kafka", { everyGroupGetsAll: true }),
        result("rabbitmq-queue", { everyGroupGetsAll: false }),
      ],
    },
    {
      name: "ordering",
      params: {},
      results: [result("kafka", { outOfOrder: 0 }), result("rabbitmq-queue", { outOfOrder: 3 })],
    },
  ],
};

describe("message broker or event broker", () => {
  it("classifies each target from the measured rows of the run", () => {
    expect(verdicts(RUN)).toEqual([
      {
        target: "kafka",
        keeps: true,
        replays: true,
        groups: true,
        order: true,
        deletes: false,
        kind: "event",
      },
      {
        target: "rabbitmq-queue",
        keeps: false,
        replays: false,
        groups: false,
        order: false,
        deletes: true,
        kind: "message",
      },
    ]);
  });

  it("calls a target that keeps records but cannot replay neither, and classifies nothing unmeasured", () => {
    const base = { keeps: true, replays: false, groups: true, order: null, deletes: false };
    expect(classify(base)).toBe("mixed");
    expect(classify({ ...base, keeps: null, deletes: null })).toBeNull();
  });

  it("writes one sentence per classified target in either language, and nothing when nothing decides", () => {
    const en = verdictSection(RUN, messagesFor("en"));
    expect(en?.sentences).toEqual([
      "kafka is an event broker here: it kept every record after consumption, let a new reader replay from an offset, gave every group all records, kept per-key order under competing consumers, and kept them when acknowledged.",
      "rabbitmq-queue is a message broker here: it did not keep consumed records, could not replay, made its consumers share the records, lost per-key order under competing consumers, and deleted records on acknowledgement.",
    ]);
    const ko = verdictSection(RUN, messagesFor("ko"));
    expect(ko?.sentences[0]).toBe(
      "kafka — 이벤트 브로커: 소비한 뒤에도 모든 레코드를 보존했고, 새 컨슈머가 오프셋부터 다시 읽을 수 있었고, 컨슈머 그룹마다 모든 레코드를 받았고, 경쟁하는 컨슈머 사이에서도 키별 순서를 지켰고, ack해도 레코드를 지우지 않았습니다.",
    );
    expect(ko?.table.rows.at(-1)).toEqual(["브로커 종류", "이벤트", "메시지"]);
    expect(
      verdictSection({ ...RUN, scenarios: RUN.scenarios.slice(1, 2) }, messagesFor("en")),
    ).toBeUndefined();
  });
});
