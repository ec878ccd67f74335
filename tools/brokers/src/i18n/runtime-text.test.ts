import { afterEach, describe, expect, it } from "vitest";
import { clusterLeader } from "../cluster/cluster.js";
import { clusterNode } from "../cluster/cluster-nodes.js";
import { fault } from "../cluster/faults.js";
import { BrokersError, UsageError } from "../errors.js";
import { withDeadline } from "../probes.js";
import { settingsFromEnv } from "../settings.js";
import { brokersText, chooseBrokersLang } from "./index.js";

// Refusals that come before any broker or process is touched: pure formatting in the chosen language.
describe("runtime lines and errors in the chosen language", () => {
  afterEach(() => chooseBrokersLang("en"));

  it("refuses a wrong fault and a leader without its argument in Korean after chooseBrokersLang('ko')", async () => {
    chooseBrokersLang("ko");
    await expect(fault("melt", "kafka-1")).rejects.toThrow(UsageError);
    await expect(fault("melt", "kafka-1")).rejects.toThrow(/^알 수 없는 장애 "melt"; 장애: kill, stop, /);
    await expect(clusterLeader("kafka", [])).rejects.toThrow(/^leader kafka에는 토픽이 필요합니다: /);
    await expect(clusterLeader("kafka", ["orders", "x"])).rejects.toThrow(
      /^leader kafka: 파티션은 0 이상의 정수여야 합니다. 받은 값: "x"$/,
    );
    await expect(clusterLeader("redis", ["q"])).rejects.toThrow(/^leader redis는 인자를 받지 않습니다/);
  });

  it("reports a wrong setting, an unknown node and a timeout in Korean, quoting the value as typed", async () => {
    chooseBrokersLang("ko");
    expect(() => settingsFromEnv({ BROKERLAB_RUNTIME: "podman" })).toThrow(BrokersError);
    expect(() => settingsFromEnv({ BROKERLAB_RUNTIME: "podman" })).toThrow(
      'BROKERLAB_RUNTIME="podman"은(는) auto, native, docker 중 하나가 아닙니다',
    );
    expect(() => clusterNode("kafka-9")).toThrow(/^알 수 없는 노드 "kafka-9"; 노드: kafka-1, /);
    await expect(withDeadline(new Promise(() => {}), 5, "Redis 왕복 요청")).rejects.toThrow(
      "Redis 왕복 요청이(가) 5 ms 안에 끝나지 않음",
    );
  });

  it("words fault and heal lines in Korean, keeping node names, signals and pids as they are", () => {
    chooseBrokersLang("ko");
    const { fault: lines, cluster } = brokersText();
    expect(lines.killed("kafka-2", "41, 42")).toBe("kafka-2: 강제 종료함 (pid 41, 42에 SIGKILL)");
    expect(lines.isolated("redis-1", "127.0.0.1:16379")).toBe(
      "redis-1: 다른 노드들과 격리함 (클라이언트는 여전히 127.0.0.1:16379에 닿음)",
    );
    expect(lines.nothingToHeal).toBe("클러스터: 되돌릴 장애가 없음");
    expect(cluster.kafkaNoTopic("orders", "UNKNOWN_TOPIC_OR_PARTITION")).toBe(
      'Kafka 클러스터: 토픽 "orders"이(가) 없습니다 (UNKNOWN_TOPIC_OR_PARTITION)',
    );
  });

  it("stays English with chooseBrokersLang('en')", async () => {
    chooseBrokersLang("en");
    await expect(fault("melt", "kafka-1")).rejects.toThrow(/^unknown fault "melt"; faults: kill, stop, /);
    await expect(clusterLeader("rabbitmq", [])).rejects.toThrow(
      "leader rabbitmq needs a queue: pnpm brokers leader rabbitmq <queue>",
    );
    expect(brokersText().fault.healed("kafka-3")).toBe("kafka-3: healed (peers reach it again)");
    expect(() => settingsFromEnv({ BROKERLAB_KAFKA_HEAP: "lots" })).toThrow(
      'BROKERLAB_KAFKA_HEAP="lots" is not a JVM size such as 512m or 1g',
    );
  });
});
