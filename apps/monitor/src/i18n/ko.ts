import type { MonitorMessages } from "./en.js";

/** `pnpm monitor`의 터미널 문구 (노트의 용어: 컨슈머 그룹, 컨슈머 랙, 파티션, 오프셋). */
export const ko: MonitorMessages = {
  usage: (targets) => `사용법:
  pnpm monitor [--port 8000] [--interval S] [--targets a,b] [--cluster] [--config FILE] [--queues q1,q2]
  pnpm monitor --once [--json] [...]

모든 클러스터의 컨슈머 랙을 지켜봅니다: Kafka 컨슈머 그룹(Burrow처럼 __consumer_offsets에서 커밋을 읽음),
Redis 스트림 그룹, BullMQ 큐, Redis 리스트, RabbitMQ 큐. 그룹마다 Burrow의 규칙(OK, WARN, ERR/STOP/STALL/REWIND)으로
평가하고, 초 단위 랙을 추정하며, 다음을 제공합니다:
  /                 실시간 페이지 (1초마다 갱신)
  /v3/kafka/...     Burrow의 HTTP API v3 (같은 경로와 필드; Kafka만이 아니라 모든 클러스터)
  /metrics          Prometheus 텍스트 (Burrow 1.3.4+와 kafka-lag-exporter의 메트릭 이름)
  /api/snapshot     전부를 하나의 JSON 문서로

클러스터: 기본값은 kafka, rabbitmq, redis(단일 노드; BROKERLAB_KAFKA_BROKERS, BROKERLAB_RABBITMQ_URL,
BROKERLAB_REDIS_URL에서)와, 응답할 때는 3노드 클러스터인 kafka-cluster, rabbitmq-cluster, redis-cluster
(BROKERLAB_CLUSTER_KAFKA_BROKERS, BROKERLAB_CLUSTER_RABBITMQ_URLS, BROKERLAB_CLUSTER_RABBITMQ_MANAGEMENT,
BROKERLAB_CLUSTER_REDIS_SENTINELS)입니다. --config FILE을 주면 그 파일의 클러스터를 씁니다 (apps/monitor/README.md 참고).

옵션:
  --port N          HTTP 포트 (기본값 8000)
  --host ADDR       받을 주소 (기본값 127.0.0.1)
  --interval S      조회 간격(초) (기본값 1)
  --targets LIST    이 종류의 타깃만 (기본값: 전부): ${targets}
  --cluster         3노드 클러스터가 아직 응답하지 않아도 함께 지켜봄
  --config FILE     이름 붙인 클러스터의 YAML 파일 (기본값을 대신함)
  --queues LIST     관리 API가 꺼진 곳에서 AMQP passive declare로 읽을 RabbitMQ 큐
  --once            모든 클러스터를 한 번 읽고 스냅숏 하나를 출력한 뒤 끝냄
  --json            --once와 함께: 스냅숏을 JSON으로 (/api/snapshot 문서)
  --lang en|ko      페이지와 터미널의 언어 (기본값: BROKERLAB_LANG, 없으면 LC_ALL/LANG —
                    ko_KR.UTF-8이면 한국어, 그 밖에는 영어); API와 /metrics는 바뀌지 않습니다
  -h, --help        이 도움말`,
  once: {
    headers: {
      cluster: "클러스터",
      group: "컨슈머 그룹",
      kind: "종류",
      status: "상태",
      totalLag: "총 랙",
      lagSeconds: "랙(초)",
      note: "비고",
    },
    error: "오류",
    queueDepth: "큐 깊이로 판단",
    partitions: (n) => `파티션 ${n}개`,
  },
  log: {
    watching: (clusters) => `감시하는 클러스터: ${clusters}`,
    serving: (url) => `${url} (Burrow API는 /v3/kafka, Prometheus는 /metrics); Ctrl-C로 멈춥니다`,
    stopping: (signal) => `${signal}: 멈추는 중`,
    reachableAgain: (cluster) => `${cluster}: 다시 연결됨`,
    cannotFollow: (cluster, error) => `${cluster}: 커밋 로그를 따라갈 수 없습니다: ${error}`,
    cannotRead: (broker, addresses, error) => `${addresses}의 ${broker}를 읽을 수 없습니다: ${error}`,
    reading: (addresses) => `${addresses} 읽기`,
    unexpected: (error) => `예상하지 못한 오류: ${error}`,
  },
};
