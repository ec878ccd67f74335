import { cliMessagesFor } from "@brokerlab/cli";
import type { Messages } from "./en.js";

function said(value: boolean | null, [yes, no]: [string, string]): string | undefined {
  return value === null ? undefined : value ? yes : no;
}

/**
 * `pnpm scenario`의 한국어 문구. 용어는 시드 노트(kafka-starter-notes.ko.md)를 따른다: 파티션, 오프셋,
 * 리더 파티션, 팔로워 파티션, ISR, 컨슈머 랙, 프로듀서, 컨슈머 그룹, 레코드, 보존, acks.
 */
export const ko: Messages = {
  parser: cliMessagesFor("ko"),
  cli: {
    failoverHint:
      "failover(3노드 클러스터에서 acks 수준마다 리더를 SIGKILL로 죽입니다)는 이름을 줄 때만 실행됩니다: pnpm scenario failover",
    help: (
      p,
    ) => `사용법: pnpm scenario <이름…|all> [--targets a,b,…] [--messages N] [--out DIR] [--json] [--cluster] [--lang en|ko]

실행 중인 브로커에서 모든 타깃에 같은 작업을 돌리고, 시나리오마다 나란히 비교하는 표를 출력합니다
(열은 타깃, 행은 측정값, 지원 여부는 ✓/✗). results.json, report.md와 그 자체로 완결된 report.html을 씁니다.

시나리오 (기본값: 전부):
  ${p.scenarios}
  failover: 3노드 클러스터에서 리더 장애; 이름을 줄 때만 실행됩니다 (pnpm scenario failover --help)

옵션:
  --targets a,b,…  비교할 타깃 (기본값: 전부)
                   ${p.targets}
  --messages N     시나리오 단계마다 보낼 레코드 수, ${p.min}–${p.max} (기본값 ${p.messages})
  --out DIR        보고서 파일을 쓸 곳 (기본값: 저장소 루트의 reports/<run-id>/)
  --json           표 대신 결과 JSON을 표준 출력으로 (진행 상황은 계속 표준 오류로)
  --cluster        3노드 클러스터에서 실행 (pnpm brokers up --cluster); BROKERLAB_DEPLOYMENT=cluster와 같음
  --lang en|ko     표, 진행 상황, 보고서의 언어 (기본값: BROKERLAB_LANG, 없으면 LC_ALL/LANG —
                   ko_KR.UTF-8이면 한국어, 그 밖에는 영어). results.json의 측정값 이름은 바뀌지 않습니다.
  -h, --help       이 도움말

기본값이면 2코어 머신에서 \`pnpm scenario all\`이 모든 타깃에 대해 몇 분이면 끝납니다:
  레코드 ${p.messages}개; 보존 정책은 최대 보존 시간 1초(또는 개수로 레코드의 4분의 1)이고 최대 ${p.policyWaitS}초
  동안 지켜봅니다; 컨슈머 랙 시나리오의 느린 컨슈머는 모든 레코드를 처리하는 데 약 ${p.lagS}초가 걸립니다.

브로커: BROKERLAB_KAFKA_BROKERS, BROKERLAB_RABBITMQ_URL, BROKERLAB_REDIS_URL (기본값: \`pnpm brokers up\`이
띄운 로컬 브로커). 종료 코드: 0 정상, 1 타깃이 실패했거나 연결할 수 없음, 2 사용법 오류.`,
    unknownScenario: (name, valid) => `알 수 없는 시나리오 "${name}"; 가능한 시나리오: ${valid}, all`,
    unknownTarget: (target, valid) => `알 수 없는 타깃 "${target}"; 가능한 타깃: ${valid}`,
    written: (html) => `보고서: ${html} (report.md, results.json도 함께)`,
  },
  progress: {
    connected: (target, version, address) => `✓ ${target}: ${address}의 ${version}`,
    unreachable: (target, error) => `✗ ${target}: ${error}`,
    scenario: (index, total, name) => `▶ 시나리오 ${index}/${total}: ${name}`,
    starting: "시작하는 중",
    published: (n) => `${n}개 발행함`,
    seconds: (s) => `${s}초`,
  },
  runner: {
    failed: (reason) => `실패: ${reason}`,
    unsupported: (reason) => `지원하지 않음: ${reason}`,
    lastStep: (reason, step) => `${reason} (마지막 단계: ${step})`,
    unsupportedStep: (what, reason) => `${what}: 지원하지 않음 — ${reason}`,
    notConnected: "연결되지 않음",
  },
  report: {
    title: "brokerlab: 모든 타깃에 같은 작업을",
    markdownTitle: "brokerlab 시나리오",
    intro: (runId) =>
      `Kafka, RabbitMQ, Redis를 나란히 놓고 비교합니다. 모든 수치는 실행 ${runId} 동안 실제 브로커에서 측정한 값이며, 어떤 단계를 할 수 없는 타깃은 그 이유와 함께 '지원하지 않음'으로 표시합니다.`,
    markdownIntro: (runId, startedAt) =>
      `실행 \`${runId}\`, 시작 ${startedAt}. 아래의 모든 수치는 이번 실행 동안 실제 브로커에서 측정했습니다.`,
    brokerAt: (target, version, address) => `${target}: ${address}의 ${version}`,
    brokerUnreachable: (target, address, error) => `${target}: ${address} — 연결할 수 없음: ${error}`,
    parameters: (list) => `매개변수: ${list}`,
    metric: "측정값",
    supported: "지원",
    why: "이유",
    error: "오류",
    note: "참고",
    contents: "목차",
    footer: (runId, startedAt, finishedAt, schema) =>
      `실행 ${runId} · 시작 ${startedAt}${finishedAt ? ` · 종료 ${finishedAt}` : ""} · 스키마 ${schema}`,
    chartTexts: { noData: "데이터 없음", log: "로그 눈금" },
  },
  metrics: {
    produced: "보낸 레코드",
    consumed: "소비한 레코드",
    retainedAfterConsume: "소비 후 남은 레코드",
    completedKept: "completed 집합에 남음",
    failedKept: "failed 집합에 남음",
    policy: "보존 정책",
    policyProduced: "정책 토픽에 보낸 수",
    retainedAfterPolicy: "정책 적용 후 남은 수",
    policySeconds: "삭제까지 걸린 초",
    replayFrom: "다시 읽기 시작 레코드",
    replayed: "오프셋부터 다시 읽은 수",
    firstReplayed: "다시 읽은 첫 위치",
    firstReplayedRecord: "다시 읽은 첫 레코드",
    replayedFromTimestamp: "타임스탬프부터 읽은 수",
    firstReplayedFromTimestamp: "타임스탬프 첫 레코드",
    storedBeforeConsume: "소비 전 저장된 수",
    storedAfterAck: "절반 ack 후 저장된 수",
    redeliveredAfterNack: "nack한 레코드 재전달",
    partitions: "파티션 수",
    keys: "키 수",
    keysOnOnePartition: "한 파티션에 머문 키",
    keyedPartitionsUsed: "키 있음: 쓴 파티션",
    unkeyedPartitionsUsed: "키 없음: 쓴 파티션",
    unkeyedMostOnOnePartition: "키 없음: 최다 파티션",
    roundRobinMeanRun: "라운드 로빈: 평균 연속",
    roundRobinLongestRun: "라운드 로빈: 최장 연속",
    roundRobinPartitionsUsed: "라운드 로빈: 파티션",
    roundRobinMostOnOnePartition: "라운드 로빈: 최다",
    stickyMeanRun: "스티키: 평균 연속",
    stickyLongestRun: "스티키: 최장 연속",
    stickyPartitionsUsed: "스티키: 파티션",
    keysElsewhereUnderLibrdkafkaDefault: "librdkafka 기본: 다른 파티션",
    stickyMostOnOnePartition: "스티키: 최다",
    partitionsBefore: "늘리기 전 파티션",
    partitionsAfter: "늘린 후 파티션",
    keysMoved: "옮겨 간 키",
    keysMovedFraction: "옮겨 간 키 비율",
    keysMovedSameProducer: "기존 프로듀서: 옮긴 키",
    decreaseRefused: "줄이기 거부됨",
    decreaseError: "줄이기 오류",
    partitionsAfterDecrease: "줄이기 후 파티션",
    groupA: "그룹 A가 받은 수",
    groupB: "그룹 B가 받은 수",
    everyGroupGetsAll: "그룹마다 전부 받음",
    consumerOne: "같은 그룹: 컨슈머 1",
    consumerTwo: "같은 그룹: 컨슈머 2",
    consumersSplit: "컨슈머끼리 나눠 받음",
    outOfOrderOneConsumer: "순서 어긋남, 컨슈머 1",
    outOfOrder: "순서 어긋남, 컨슈머 3",
    outOfOrderWithRedelivery: "순서 어긋남, 재전달",
    processedWithRedelivery: "처리한 수, 재전달",
    throughputNone: "초당 레코드, acks 0",
    throughputLeader: "초당 레코드, acks 1",
    throughputReplicated: "초당 레코드, acks all",
    storedNone: "저장됨, acks 0",
    storedLeader: "저장됨, acks 1",
    storedReplicated: "저장됨, acks all",
    maxLag: "최대 컨슈머 랙",
    finalLag: "마지막 컨슈머 랙",
    caughtUpSeconds: "랙 0까지 걸린 초",
    produceSeconds: "보내는 데 걸린 초",
    samples: "랙 측정 횟수",
    samplesWhileProducing: "보내는 동안 측정 횟수",
    maxLagSeconds: "최대 랙(초)",
    statusTimeline: "상태 변화",
    sawWarn: "WARN 상태가 됨",
    stoppedStatus: "컨슈머 멈춘 뒤 상태",
  },
  retention: {
    title: "보존: 모든 레코드를 소비한 뒤에도 브로커에 남아 있는 것",
    explanation:
      "로그(Kafka, RabbitMQ 스트림, Redis 스트림)는 레코드를 소비하고 ack한 뒤에도 지우지 않습니다. 레코드를 지우는 것은 보존 정책뿐이며, Kafka와 스트림은 세그먼트 단위로 지웁니다(가장 최근의 활성 세그먼트는 남습니다). 반면 큐는 ack를 받는 즉시 그 레코드를 삭제합니다.",
    consumedAsking: (consumed, n) => `${n}개 중 ${consumed}개 소비함, 아직 저장된 양을 묻는 중`,
    policyStep: (policy) => `보존 정책: ${policy}`,
    policyHolds: (n) => `정책 토픽에 ${n}개가 있음; 지켜보는 중`,
    droppedAfter: (s) => `${s}초 뒤 브로커가 레코드를 삭제함`,
    noPolicy: (target) => `보존 정책: ${target}에는 브로커가 저장된 레코드를 지우게 하는 설정이 없습니다`,
    inspectionFailed: (error) => `브로커가 데이터를 지우는 동안 조회 한 번이 실패했습니다: ${error}`,
    nothingDropped: (policy, s) => `보존 정책(${policy}): ${s}초 안에 아무것도 삭제되지 않았습니다`,
    keepsAll: (n) => `소비한 뒤에도 ${n}개를 모두 보존함`,
    storesSome: (stored, n, completed) =>
      `소비한 뒤 ${n}개 중 ${stored}개가 남음${completed === undefined ? "" : ` (completed 집합에는 ${completed}개가 남음)`}`,
    noPolicySummary: "보존 정책 없음",
    policyNothing: (policy) => `정책(${policy})이 시간 안에 아무것도 지우지 않음`,
    policyDropped: (policy, s, left) => `정책(${policy})이 ${s}초 뒤 데이터를 지워 ${left}개가 남음`,
    chartTitle: "보존 정책: 시간에 따라 저장된 레코드 수",
    chartX: "토픽을 만든 뒤 지난 초",
    chartY: "저장된 레코드",
    chartDescription:
      "타깃마다 선언된 가장 짧은 정책을 적용합니다. 브로커가 데이터를 지우면 개수가 줄어듭니다.",
  },
  replay: {
    title: "다시 읽기: 새 컨슈머가 이전 위치로 돌아가 읽기",
    explanation:
      "로그에서는 모든 레코드에 오프셋이 있어서, 새 컨슈머(또는 오프셋을 되돌린 컨슈머 그룹)가 보존된 어느 오프셋이나 타임스탬프에서든 다시 읽기 시작할 수 있습니다. 큐에는 돌아갈 오프셋이 없습니다. ack한 레코드는 이미 사라졌기 때문입니다.",
    groupConsumed: (consumed, n, from) =>
      `그룹이 ${n}개 중 ${consumed}개 소비함; 레코드 ${from}부터 다시 읽는 중`,
    byTimestamp: "타임스탬프로 다시 읽기",
    summary: (replayed, position, byTime) =>
      `위치 ${position}부터 레코드 ${replayed}개를 다시 읽음${byTime === undefined ? ", 타임스탬프로는 다시 읽을 수 없음" : `, 타임스탬프부터 ${byTime}개`}`,
    chartTitle: "중간부터 읽기 시작한 새 컨슈머가 받은 레코드",
    chartY: "레코드",
    fromPosition: "오프셋부터",
    fromTimestamp: "타임스탬프부터",
  },
  deleteOnConsume: {
    title: "소비하면 삭제: ack하면 큐에서 레코드가 사라짐",
    explanation:
      "메시지 브로커는 컨슈머가 ack한 레코드를 잊고, ack하지 않은(nack한) 레코드는 다시 전달합니다. 이벤트 로그는 컨슈머 그룹의 커밋된 오프셋만 옮길 뿐 모든 레코드를 그대로 둡니다.",
    acknowledged: (acked, stored) => `${acked}개 ack함; 브로커에 ${stored}개 저장됨; 하나를 nack하는 중`,
    nackRequeue: "requeue를 붙인 nack",
    summary: (p) =>
      `${p.acked}개를 ack한 뒤 ${p.stored === p.before ? `${p.stored}개를 모두 그대로 보존함` : `${p.before}개 중 ${p.stored}개가 남음`}; nack한 레코드가 ${p.redelivered ? "다시 전달됨" : "다시 오지 않음"}`,
    chartTitle: "절반을 ack하기 전과 후에 저장된 레코드",
    chartY: "저장된 레코드",
    before: "소비 전",
    after: "절반 ack 후",
  },
  partitioning: {
    title: "파티셔닝: 키가 있으면 해시값으로 파티션을 고르고, 키가 없으면 흩어 보냄",
    explanation:
      "Kafka 토픽은 여러 파티션으로 나뉩니다. 프로듀서의 파티셔너는 키가 있는 레코드를 hash(key) mod 파티션 수로 보내므로 같은 키는 늘 같은 파티션에 순서대로 쌓이고, 키가 없는 레코드는 여러 파티션에 흩어 보냅니다. 큐와 스트림에는 파티션이 없어서 큐 하나가 모든 레코드를 담습니다.",
    unkeyedExplanation:
      "키가 없는 레코드를 흩는 방식은 두 가지입니다. 라운드 로빈은 레코드마다 다음 파티션으로 보내고(연속 1개), 스티키 파티셔닝은 한 파티션용 배치를 채운 뒤 다음 파티션으로 넘어갑니다(연속이 길고, 시간이 지나면 합계는 고르게 됩니다). '연속'은 같은 파티션에 잇달아 들어간 레코드 수입니다. Java 클라이언트의 기본값은 Kafka 2.4부터 스티키 방식(KIP-480, DefaultPartitioner / 노트의 UniformStickyPartitioner)이고, 3.3부터는 batch.size 바이트를 채우면 파티션을 바꾸는 내장 균등 스티키 파티셔너(KIP-794)입니다. 레코드마다 돌아가는 라운드 로빈은 RoundRobinPartitioner를 직접 지정할 때뿐입니다.",
    noPartitionsReason: (target, n) =>
      `${target}에는 파티션이 없습니다: 레코드 ${n}개가 모두 하나의 큐에 도착 순서대로 들어갔습니다`,
    noPartitions: (n) => `파티션 없음: 레코드 ${n}개가 모두 하나의 큐/스트림에`,
    summary: (p) =>
      `키 ${p.keys}개 중 ${p.onOne}개가 한 파티션에 머묾; 키 없는 레코드는 파티션 ${p.partitions}개 중 ${p.used}개에 들어감`,
    modes: (roundRobin, sticky) => `키 없음, 라운드 로빈: ${roundRobin}; 스티키: ${sticky}`,
    modeStep: (mode) => `${mode} 프로듀서로 키 없는 레코드를 보내는 중`,
    legend: [
      "키 없는 행: 라운드 로빈은 레코드마다 다음 파티션으로 보내고, 스티키는 한 파티션용 16 KiB 배치(1 KiB 레코드 16개)를 채운 뒤 다음 파티션으로 넘어갑니다. '연속'은 같은 파티션에 잇달아 들어간 레코드 수입니다.",
      "Java 클라이언트의 기본값은 스티키입니다: Kafka 2.4부터(KIP-480), 3.3부터는 배치 바이트 기준으로(KIP-794). 레코드마다 돌아가는 라운드 로빈은 RoundRobinPartitioner를 지정할 때뿐입니다.",
      "librdkafka 기본: 키 가운데 librdkafka의 기본 파티셔너(consistent_random, CRC32)를 쓰는 프로듀서가 Java 클라이언트의 murmur2와 다른 파티션에 넣는 키의 수입니다. 그 파티셔너가 있는 클라이언트의 타깃에서만 잽니다. Java 서비스와 C/Python/Go 서비스가 한 토픽을 같이 쓰면 같은 키의 레코드가 두 파티션으로 갈라집니다.",
    ],
    spread: (used, meanRun, most) => `파티션 ${used}개, 평균 ${meanRun}개 연속, 한 파티션에 최대 ${most}개`,
    chartTitle: "파티션별 레코드 수",
    chartX: "파티션",
    chartY: "레코드",
    keyed: "키 있음",
    unkeyed: "키 없음",
    roundRobin: "라운드 로빈",
    sticky: "스티키",
  },
  partitionsIncrease: {
    title: "파티션 늘리기: 늘릴 수는 있지만 줄일 수는 없고, 키가 옮겨 간다",
    explanation:
      "Kafka는 토픽의 파티션을 늘릴 수는 있지만 줄일 수는 없습니다. 키의 파티션은 hash(key) mod 파티션 수로 정해지므로, 파티션을 늘리면 기존 키 일부가 새 파티션으로 옮겨 가고 변경 전후로는 키별 순서가 더 이상 보장되지 않습니다.",
    grew: (from, to) => `파티션을 ${from} → ${to}개로 늘림; 같은 키를 다시 보내는 중`,
    noPartitions: "늘릴 파티션이 없음",
    summary: (p) =>
      `파티션 ${p.from} → ${p.to}개는 성공, ${p.to} → ${p.from}개는 ${p.refused ? "거부됨" : "받아들여짐"}; 키 ${p.keys}개 중 ${p.moved}개가 다른 파티션으로 감 (이미 실행 중이던 프로듀서에서는 ${p.sameProducer}개)`,
  },
  consumerGroups: {
    title: "컨슈머 그룹과 경쟁하는 컨슈머",
    explanation:
      "Kafka는 컨슈머 그룹마다 커밋된 오프셋을 따로 두므로 그룹마다 모든 레코드를 읽고(발행/구독), 한 그룹 안의 컨슈머들은 파티션을 나눠 맡습니다. 큐는 그룹이 하나뿐인 셈이라 모든 컨슈머가 같은 레코드를 두고 경쟁합니다.",
    twoGroups: (a, b) => `두 그룹이 ${a}개와 ${b}개를 받음; 이제 한 그룹에 컨슈머 둘`,
    eachGotAll: (n) => `두 그룹이 각각 ${n}개를 모두 받음`,
    groupsShared: (n, a, b) => `두 그룹이 ${n}개를 나눠 받음 (${a} + ${b})`,
    split: (one, two) => `한 그룹의 두 컨슈머가 나눠 받음: ${one} + ${two}`,
    notSplit: (one, two) => `한 그룹의 두 컨슈머가 ${one}개와 ${two}개를 받음`,
    chartTitle: "컨슈머마다 받은 레코드",
    chartY: "레코드",
    groupA: "그룹 A",
    groupB: "그룹 B",
    consumerOne: "같은 그룹: 컨슈머 1",
    consumerTwo: "같은 그룹: 컨슈머 2",
  },
  ordering: {
    title: "순서: 컨슈머가 하나일 때와 셋일 때의 키별 순서",
    explanation:
      "Kafka는 파티션 안의 순서를 보장하고 그룹 안에서 한 파티션은 한 컨슈머만 맡으므로, 컨슈머를 늘려도 키별 순서가 유지됩니다. 큐도 순서는 있지만 경쟁하는 컨슈머들이 이웃한 레코드를 동시에 처리하고, 다시 전달된 레코드는 뒤의 레코드보다 늦게 도착합니다.",
    oneConsumer: (n) => `컨슈머 1개: 순서 어긋남 ${n}개; 이제 컨슈머 3개`,
    threeConsumers: (n) => `컨슈머 3개: 순서 어긋남 ${n}개; 이제 재전달을 섞어서`,
    redelivery: "재전달",
    summary: (one, three, redelivery) =>
      `키별 순서 어긋남: 컨슈머 1개일 때 ${one}개, 3개일 때 ${three}개, ${redelivery === undefined ? "재전달은 할 수 없음" : `3개에 재전달이 섞이면 ${redelivery}개`}`,
    chartTitle: "키별 순서가 어긋난 전달",
    chartY: "순서가 어긋나게 처리된 레코드",
    one: "컨슈머 1개",
    three: "컨슈머 3개",
    threeRedelivery: "3개 + 재전달",
  },
  acks: {
    title: "acks 수준: 내구성 수준마다 발행 처리량이 얼마나 드는가",
    explanation:
      "acks=0(none)은 브로커를 기다리지 않아 빠르지만 데이터를 잃을 수 있고, acks=1(leader)은 리더 파티션이 기록할 때까지, acks=all(replicated)은 동기화된 팔로워 파티션(ISR)까지 모두 저장할 때까지 기다립니다. RabbitMQ의 publisher confirm과 Redis의 응답이 같은 역할을 합니다. 레코드마다 따로 보내고 기다리므로, 처리량은 각 수준의 왕복 비용을 보여 줍니다. 단일 노드에서는 replicated를 거부합니다(기다릴 팔로워가 없으므로 어댑터가 클러스터를 쓰라고 알려 줍니다). --cluster에서는 RF 3, min.insync.replicas 2의 acks=all, 멤버 셋인 쿼럼 큐·스트림, 복제본을 기다리는 Redis WAIT입니다.",
    durability: (level) => `내구성 "${level}"`,
    rate: (level, rate) => `내구성 ${level}: 초당 레코드 ${rate}개`,
    none: "쓸 수 있는 내구성 수준이 없음",
    summary: (levels) => `수준별 발행 속도: ${levels}`,
    levelRate: (level, rate) => `${level} 초당 ${rate}개`,
    chartTitle: "내구성 수준별 발행 처리량 (발행마다 레코드 하나를 보내고 기다림)",
    chartY: "초당 레코드",
    levels: { none: "none (acks 0)", leader: "leader (acks 1)", replicated: "replicated (acks all)" },
  },
  lag: {
    title: "컨슈머 랙: 느린 컨슈머가 뒤처졌다가 따라잡기",
    explanation:
      "컨슈머 랙은 컨슈머 그룹이 프로듀서보다 얼마나 뒤처졌는지입니다. Kafka에서는 파티션마다 로그 끝 오프셋(프로듀서 오프셋)에서 커밋된 오프셋(컨슈머 오프셋)을 뺀 값이며, 버로우(Burrow)가 지켜보는 값입니다. RabbitMQ에서는 대기 중인 메시지와 ack되지 않은 메시지의 합, Redis 스트림에서는 XINFO GROUPS의 lag, BullMQ에서는 대기 중인 작업 수입니다. 상태는 같은 표본에 pnpm monitor의 평가기(버로우의 규칙)를 적용한 것입니다: 움직일 때마다 랙이 늘면 WARN, 따라잡으면 OK, 컨슈머가 멈추면 STOP. 초 단위 랙은 kafka-lag-exporter의 보간법으로 구합니다.",
    produced: (n, consumed) => `${n}개 보냄; 컨슈머는 ${consumed}개째, 랙이 0이 되기를 기다리는 중`,
    caughtUp: (max, s) => `랙이 최대 ${max}까지 올랐다가 ${s}초 뒤 0이 됨`,
    behind: (max, final) => `랙이 최대 ${max}까지 올랐고 끝날 때도 ${final}개가 남음`,
    stopping: (extra) => `컨슈머 멈춤; ${extra}개 더 보냄, 평가기가 STOP이라고 할 때까지 기다리는 중`,
    timeline: (text) => `상태(pnpm monitor의 평가기): ${text}`,
    chartTitle: "시간에 따른 컨슈머 랙",
    chartX: "프로듀서가 시작한 뒤 지난 초",
    chartY: "뒤처진 레코드",
  },
  failover: {
    title: "장애 조치: 리더가 죽을 때 각 브로커가 acks 수준마다 무엇을 잃고, 중복하고, 뒤섞는가",
    explanation:
      "프로듀서가 번호를 붙인 레코드를 몇 개의 키로 일정한 속도로, 재시도 횟수를 제한해 발행하고 컨슈머 그룹이 함께 읽습니다. 3분의 1 지점에서 파티션·큐·스트림의 리더 노드(또는 Redis 프라이머리)에 장애를 일으키고, 3분의 2 지점에서 되살린 뒤, 새 컨슈머가 저장된 모든 것을 읽습니다. 하나의 검사기가 기록 파일만으로 모든 수치를 계산합니다(Jepsen의 큐 검사기가 본보기): 유실 = ack를 받았지만 전달되지 않음, 복구 = 결과를 모르지만 전달됨, 중복 = 두 번 저장됨, 순서 어긋남 = 한 키의 레코드가 더 나중 레코드보다 뒤에 읽힘.",
    /** Row labels where failover's metric means something other than the shared label says. */
    help: (p) =>
      `사용법: pnpm scenario failover [--targets a,b,…] [--levels none,leader,replicated] [--faults kill,pause,isolate]
                              [--rate N] [--seconds S] [--out DIR] [--json] [--lang en|ko]

3노드 클러스터에서(없으면 띄웁니다) 타깃 × 그 타깃이 클러스터에서 선언한 내구성 수준 × 장애마다, 프로듀서가
번호를 붙인 레코드를 키 ${p.keys}개에 나눠 일정한 속도로, 재시도를 제한해 발행하고 컨슈머 그룹이 함께 읽습니다.
대상(파티션, 큐, 스트림, Redis 프라이머리)의 리더 노드에 3분의 1 지점에서 장애를 일으키고 3분의 2 지점에서
되살린 뒤, 새 컨슈머가 저장된 모든 것을 읽습니다. 브로커마다 한 번만 장애를 일으키고, 그동안 그 브로커의 모든
열이 함께 발행합니다. 모든 시도와 읽기는 <out>/failover/<target>-<level>-<fault>.history.jsonl에 기록되고,
하나의 검사기가 그 파일들로 표를 계산합니다.

옵션:
  --targets a,b,…   타깃 (기본값: 전부): ${p.targets}
  --levels …        선언된 곳에서 실행할 내구성 수준 (기본값: 셋 모두)
  --faults …        kill (SIGKILL 뒤 다시 시작), pause (SIGSTOP 뒤 SIGCONT), isolate (다른 노드와 끊은 뒤
                    다시 연결); 기본값 kill
  --rate N          열마다 초당 레코드 수, 10–2000 (기본값 ${p.rate})
  --seconds S       발행 시간(초), 6–120 (기본값 ${p.seconds})
  --out DIR         보고서와 기록 파일을 쓸 곳 (기본값: reports/<run-id>/)
  --json            표 대신 결과 JSON을 표준 출력으로
  --lang en|ko      표, 진행 상황, 보고서의 언어 (기본값: BROKERLAB_LANG, 없으면 LC_ALL/LANG)
  -h, --help        이 도움말

종료 코드: 0 정상, 1 실행 실패, 2 사용법 오류.`,
    metrics: { outOfOrder: "순서 어긋남 (키별)" },
    levels: {
      none: "파이어 앤 포겟(acks=0, 확인 없음, 응답을 기다리지 않음)",
      leader: "리더만 확인하는 acks(acks=1, 노드 하나의 확인, 프라이머리의 응답)",
      replicated: "복제 확인 acks(min.insync.replicas=2의 acks=all, 쿼럼 확인, 레플리카를 기다리는 WAIT)",
    },
    idempotent: (level) => `멱등 프로듀서를 쓴 ${level}`,
    faults: {
      kill: (node) => `리더 ${node} 노드가 SIGKILL로 죽었을 때`,
      pause: (node) => `리더 ${node} 노드가 멈췄을 때(SIGSTOP)`,
      isolate: (node) => `리더 ${node} 노드가 다른 노드와 끊겼을 때`,
    },
    noFault: "장애를 일으키지 않았을 때",
    lostNothing: (level, acknowledged, fault) =>
      `${fault} ${level} 수준은 ack를 받은 레코드 ${acknowledged}개를 하나도 잃지 않았습니다`,
    lost: (level, lost, acknowledged, fault) =>
      `${fault} ${level} 수준은 ack를 받은 레코드 ${acknowledged}개 중 ${lost}개를 잃었습니다`,
    lossPossible: "이 수준에서는 유실이 일어날 수 있으며, 이번 실행에서 일어나지 않았을 뿐입니다",
    lossWarned: "노트는 이 수준에서 데이터를 잃을 수 있다고 경고합니다",
    replicatedLost: "복제까지 확인된 ack는 잃어서는 안 됩니다",
    noAckAfterFault: "장애 뒤에는 ack를 받은 발행이 하나도 없었습니다",
    tookOver: (node) => `${node} 노드가 리더를 이어받았습니다`,
    firstAck: (seconds) => `장애 ${seconds}초 뒤에 첫 ack를 받았습니다`,
    redelivered: (n) => `${n}개는 ack를 보낸 뒤에 다시 전달되었습니다(최소 한 번 전달)`,
    storedTwice: (n, resent, own) =>
      `${n}개가 두 번 저장되었습니다(결과를 알 수 없어 애플리케이션이 다시 보낸 것 ${resent}개${own ? `, 클라이언트 자체 재시도로 ${own}개` : ""})`,
    vanished: (n) => `그룹이 읽은 ${n}개가 로그에서 사라졌습니다`,
    recovered: (n) => `결과를 알 수 없던 ${n}개가 결국 저장되었습니다`,
    freshIncomplete: "새 컨슈머의 대기 시간이 다 되어 개수가 완전하지 않을 수 있습니다",
    separator: "; ",
    failed: (error) => `실패: ${error}`,
    chart: {
      publishes: (target) => `${target}: 시간에 따른 발행`,
      x: "실행 시작 뒤 경과 시간(초)",
      perSecond: "초당",
      acknowledged: (variant) => `${variant} ack 받음`,
      notAcknowledged: (variant) => `${variant} 실패/결과 모름`,
      inSync: (target) =>
        `${target}: 동기화된 레플리카 (Kafka ISR, 온라인 쿼럼 멤버, 스트리밍 중인 Redis 레플리카)`,
      inSyncY: "동기화됨",
      faulted: (node) => `${node} 장애`,
      leader: "리더",
      broughtBack: "되살림",
    },
    progress: {
      cluster: (brokers) => `클러스터: ${brokers} (실행 중이 아닌 것을 띄우는 중)`,
      phase: (broker, fault) => `${broker}: 리더에 ${fault}`,
      publishing: (runs, broker, node, seconds) =>
        `${broker}에서 ${runs}개 실행, 대상의 리더는 ${node}: ${seconds}초 동안 발행`,
      action: (action, node) => `${action} ${node}`,
      producersDone: (broker) => `프로듀서 끝남; ${broker}가 정상이 되기를 기다리는 중`,
      notHealthy: (error) => `정상 아님: ${error}`,
      readingBack: "다시 읽는 중",
      written: (html, histories) =>
        `보고서: ${html} (report.md, results.json도 함께; 기록 파일은 ${histories})`,
    },
  },
  verdict: {
    title: "메시지 브로커인가, 이벤트 브로커인가?",
    explanation:
      "노트는 마지막에 메시지 브로커(RabbitMQ, Redis 큐: 메시지를 처리하고 나면 곧바로 또는 짧은 시간 안에 삭제)와 이벤트 브로커(Kafka, Kinesis: 레코드의 장부를 하나만 보관하고 오프셋으로 접근하며 이벤트를 보존, 메시지 브로커 역할도 가능)를 나눕니다. 여기서는 고정된 표가 아니라 바로 이번 실행에서 위에 측정한 행으로 각 타깃을 분류합니다.",
    properties: {
      keepsAfterConsume: "소비 후에도 보존",
      replaysFromOffset: "오프셋부터 다시 읽기",
      everyGroupGetsAll: "그룹마다 전부 받음",
      keyOrderCompeting: "컨슈머 3개 키별 순서",
      deletesOnAck: "ack하면 삭제",
    },
    kind: "브로커 종류",
    kinds: { event: "이벤트", message: "메시지", mixed: "중간" },
    property: "측정한 성질",
    sentence: (p) => {
      // Every fact but the last in its connective form (…했고), the last one ends the sentence (…했습니다).
      const facts = [
        said(p.keeps, ["소비한 뒤에도 모든 레코드를 보존했", "소비한 레코드를 보존하지 않았"]),
        said(p.replays, ["새 컨슈머가 오프셋부터 다시 읽을 수 있었", "오프셋부터 다시 읽을 수 없었"]),
        said(p.groups, ["컨슈머 그룹마다 모든 레코드를 받았", "컨슈머들이 레코드를 나눠 받았"]),
        said(p.order, [
          "경쟁하는 컨슈머 사이에서도 키별 순서를 지켰",
          "경쟁하는 컨슈머 사이에서 키별 순서가 어긋났",
        ]),
        said(p.deletes, ["ack하면 레코드를 삭제했", "ack해도 레코드를 지우지 않았"]),
      ].filter((fact): fact is string => fact !== undefined);
      const kind = {
        event: "이벤트 브로커",
        message: "메시지 브로커",
        mixed: "메시지 브로커와 이벤트 브로커의 중간",
      }[p.kind];
      const body = facts
        .map((fact, i) => (i === facts.length - 1 ? `${fact}습니다` : `${fact}고`))
        .join(", ");
      return `${p.target} — ${kind}: ${body}.`;
    },
  },
};
