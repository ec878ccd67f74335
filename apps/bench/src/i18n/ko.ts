import { cliMessagesFor } from "@brokerlab/cli";
import type { BenchMessages } from "./en.js";

/** `pnpm bench`의 한국어 문구. 용어는 시드 노트를 따른다 (프로듀서, 컨슈머, 파티션, 레코드, acks). */
export const ko: BenchMessages = {
  parser: cliMessagesFor("ko"),
  cli: {
    usage: (targets) => `사용법:
  pnpm bench --workload FILE [--targets a,b] [--duration S] [--warmup S] [--rate N] [--workers W] [--cluster] [--out DIR] [--lang en|ko]
  pnpm bench --yardstick [--consume | --end-to-end [--rate N]] [--workload FILE] [--targets a,b] [--duration S]
                    [--cluster] [--out DIR] [--lang en|ko]
  pnpm bench worker [--port P] [--host H]     벤치 워커: 코디네이터가 맡기는 프로듀서/컨슈머를 실행
  pnpm bench compare A.json B.json            두 실행의 결과를 나란히, 비율과 잡음 범위 안이면 표시
  pnpm bench --soak MINUTES [--workload FILE] [--targets a,b] [--rate N] [--out DIR]
                                              모든 타깃을 동시에, 타깃마다 자기 워커에서, 모니터와 함께;
                                              프로세스와 브로커의 메모리를 1분마다 기록

워크로드(OpenMessaging Benchmark YAML 필드, apps/bench/README.md 참고)를 타깃마다 차례로 돌리고
results.json, report.md, report.html을 씁니다 (기본값 reports/bench-<run-id>/).

옵션:
  --workload FILE   워크로드 YAML (예: workloads/1-topic-16-partitions-1kb.yaml)
  --targets LIST    쉼표로 구분한 타깃 (기본값 전부): ${targets}
  --cluster         3노드 클러스터에서 실행 (pnpm brokers up --cluster); BROKERLAB_DEPLOYMENT=cluster와 같음
  --duration S      측정 시간(초) (워크로드의 측정 시간을 대신하며, --warmup이 없으면 워밍업을
                    S/4로 제한); 야드스틱에서는 어댑터와 원시 클라이언트가 각각 발행하는 초 수로,
                    1초 조각을 번갈아 돌림 (기본값 60: 여기서는 1초 값이 ±20 % 흔들리고,
                    30라운드의 중앙값이면 안정됨)
  --warmup S        워밍업 초 수, 결과에서 제외
  --rate N          프로듀서 속도, 모든 프로듀서를 합친 초당 메시지 수 (0 = 버틸 수 있는 최고 속도를 찾음)
  --workers W       프로듀서와 컨슈머를 돌릴 곳: 로컬 워커 프로세스 N개(프로듀서와 컨슈머는 서로 다른
                    워커에), "auto"(어느 워커도 코어의 ~70 %를 넘지 않을 만큼, 최대 머신의 코어 수),
                    또는 실행 중인 워커의 URL: http://host:port,… (기본값: 모두 이 프로세스 안에서)
  --out DIR         보고서를 쓸 곳
  --yardstick       어댑터, 원시 클라이언트, 브로커 자체 도구(Kafka ProducerPerformance, RabbitMQ
                    PerfTest, redis-benchmark)로 최대 속도 발행을 비교
  --consume         --yardstick과 함께: 슬라이스마다 직전에 채운 토픽을 어댑터와 원시 클라이언트 루프
                    (kafkajs eachBatch, amqplib, XREADGROUP + XACK, LMOVE + LREM, BullMQ Worker)로 소비하고
                    확인(ack), Kafka ConsumerPerformance / PerfTest 컨슈머와 비교; 속도와 레코드당 벤치 CPU
  --end-to-end      --yardstick과 함께: 어댑터와 원시 발행자 + 원시 컨슈머를 각각 --rate msg/s로 (기본 워크로드
                    workloads/smoke.yaml, 128바이트 레코드) 번갈아 5초 슬라이스씩; 종단 간 레코드당 벤치
                    CPU와 어댑터 ÷ 원시
  --soak MINUTES    장시간 실행: 모든 타깃을 동시에 워크로드의 속도로 (기본 workloads/soak.yaml, 타깃마다
                    200 msg/s), 타깃마다 자기 워커 프로세스에서, 모니터와 함께 실행; 1분마다 각
                    프로세스의 RSS와 힙, 각 브로커의 메모리를 기록하고 워밍업(5분) 이후 증가 여부를 판정
  --lang en|ko      표, 진행 상황, 보고서의 언어 (기본값: BROKERLAB_LANG, 없으면 LC_ALL/LANG —
                    ko_KR.UTF-8이면 한국어, 그 밖에는 영어); results.json은 바뀌지 않음
  -h, --help        이 도움말`,
    yardstickSide: "--consume과 --end-to-end는 --yardstick의 모드이며 한 번에 하나만 씁니다 (--help 참고)",
    soakAlone:
      "--soak은 MINUTES 동안 타깃마다 자기 워커에서 실행합니다; --workers, --duration, --yardstick과 함께 쓸 수 없습니다",
    workloadRequired: "--workload FILE이 필요합니다 (예: --workload workloads/smoke.yaml); --help를 보세요",
    unknownTarget: (target, valid) => `알 수 없는 타깃 "${target}"; 가능한 타깃: ${valid}`,
    warning: (text) => `경고: ${text}`,
    workers: (where) => `워커: ${where}`,
    starting: (workload, targets, warmup, seconds) =>
      `${workload}: ${targets}; 타깃마다 워밍업 ${warmup}초 + 측정 ${seconds}초`,
    targetDone: (target, summary) => `[${target}] 끝: ${summary}`,
    targetSummary: (publish, consume, p99) =>
      `발행 초당 ${publish}개, 소비 초당 ${consume}개, 종단 간 p99 ${p99} ms`,
    failed: (error) => `실패: ${error}`,
    reports: (json, markdown, html) => `보고서: ${json}\n        ${markdown}\n        ${html}`,
  },
  worker: {
    usage: `사용법: pnpm bench worker [--port P] [--host H] [--lang en|ko]

벤치 워커를 시작합니다: 코디네이터(pnpm bench --workers http://host:P,…)가 맡기는 프로듀서와 컨슈머를 실행하고
초당 개수와 인코딩한 HdrHistogram으로 답하는 HTTP 서비스입니다(OpenMessaging Benchmark의 워커처럼).
한 번에 실행 하나만 맡으며 Ctrl-C를 누를 때까지 계속 돕니다.

옵션:
  --port P   받을 포트 (기본값 7401; 0이면 빈 포트 아무거나, 시작할 때 출력)
  --host H   받을 주소 (기본값 127.0.0.1; 다른 머신의 코디네이터를 받으려면 0.0.0.0 —
             인증이 없으니 믿을 수 있는 네트워크에서만)
  -h, --help 이 도움말`,
  },
  compare: {
    usage: `사용법: pnpm bench compare A.json B.json [--lang en|ko]

두 벤치 실행(각각의 results.json)을 나란히 놓습니다: 타깃과 측정값마다 A, B, B ÷ A를 보이고, 차이가 두 실행
자체의 잡음(초당 속도의 퍼짐; 지연은 10 %) 안이면 "≈"를 붙입니다.`,
    needsTwo:
      "bench compare에는 results.json 파일이 정확히 두 개 필요합니다: pnpm bench compare A.json B.json",
    run: (side, file, runId, workers) =>
      `${side}: ${file} (${runId}, ${workers === undefined ? "한 프로세스 안에서" : `워커 ${workers}개`})`,
    headers: { target: "타깃", metric: "측정값", ratio: "B ÷ A" },
    withinNoise: "≈ 잡음 범위 안",
    onlyIn: (target, side) => `${target}: ${side}에만 있음`,
    notFound: (file) => `${file} 파일이 없습니다; 벤치 실행의 results.json을 주세요`,
    notJson: (file) => `${file}은(는) JSON이 아닙니다; 벤치 실행의 results.json을 주세요`,
    wrongSchema: (file, expected, schema) =>
      `${file}은(는) ${expected}가 아닙니다 (schema: ${schema}); 벤치 실행의 results.json을 주세요`,
    metrics: {
      offeredRate: "목표 속도 (msg/s)",
      publish: "발행 (msg/s)",
      consume: "소비 (msg/s)",
      publishP50: "발행 지연 p50 (ms)",
      publishP99: "발행 지연 p99 (ms)",
      endToEndP50: "종단 간 지연 p50 (ms)",
      endToEndP99: "종단 간 지연 p99 (ms)",
      endToEndP999: "종단 간 지연 p99.9 (ms)",
      delayP50: "발행 밀림 p50 (µs)",
      delayP99: "발행 밀림 p99 (µs)",
      benchCpu: "벤치 CPU (코어 1개 대비 %)",
    },
  },
  progress: {
    detail: (target, phase, second, detail) => `[${target}] ${phase} ${second}초  ${detail}`,
    line: (p) =>
      `[${p.target}] ${p.phase} ${p.second}초  목표 초당 ${p.rate}  발행 초당 ${p.publish}  소비 초당 ${p.consume}  밀린 메시지 ${p.backlog}`,
    max: "최대",
    phases: {
      setup: "설정",
      ready: "준비",
      search: "속도 탐색",
      warmup: "워밍업",
      backlog: "적체 쌓기",
      drain: "적체 비우기",
      test: "측정",
    },
  },
  report: {
    workload: "워크로드",
    sideBySide: (name) => `${name}: 나란히 비교`,
    metric: "측정값",
    status: "상태",
    failedCell: "실패",
    ok: "정상",
    durability: "내구성 (acks)",
    partitions: "파티션",
    setupSeconds: "준비 시간 (초)",
    offeredRate: "목표 속도 (msg/s)",
    publishMsgs: "발행 (msg/s)",
    publishMBs: "발행 (MB/s)",
    consumeMsgs: "소비 (msg/s)",
    consumeMBs: "소비 (MB/s)",
    publishLatency: "발행 지연",
    endToEnd: "종단 간 지연",
    publishDelay: "발행 밀림",
    backlogAtEnd: "끝날 때 적체 (msg)",
    errors: "오류",
    benchCpu: "벤치 CPU (코어 1개 대비 %)",
    busiestProcess: "가장 바쁜 벤치 프로세스 (코어 1개 대비 %)",
    cpuPerPublished: "발행 레코드당 벤치 CPU (µs)",
    cpuPerConsumed: "소비 레코드당 벤치 CPU (µs)",
    cpuPerRecordEndToEnd: "레코드당 벤치 CPU, 발행 + 소비 (µs)",
    machineCpu: "머신 CPU (전체 코어 대비 %)",
    limit: "한계를 정한 것",
    processTitle: "측정 구간 동안의 벤치 프로세스",
    processHeaders: {
      target: "타깃",
      role: "역할",
      where: "위치",
      pid: "pid",
      cpu: "CPU (코어 1개 대비 %)",
      published: "발행",
      consumed: "소비",
      perRecord: "레코드당 CPU µs",
    },
    perPublished: (us) => `발행 1건당 ${us}`,
    perConsumed: (us) => `소비 1건당 ${us}`,
    perRecord: (us) => `발행 또는 소비 1건당 ${us}`,
    inProcess:
      "프로듀서와 컨슈머가 벤치 자체 프로세스(Node 스레드 하나)에서 돌았으므로, 종단 간 지연은 시계 하나로 잽니다.",
    onWorkers: (count, spawned) =>
      `프로듀서와 컨슈머가 벤치 워커 ${count}개(${spawned ? "이번 실행이 시작함" : "URL로 주어짐"})에서, 서로 다른 워커에 나뉘어 돌았습니다. 지연 백분위수는 합친 HdrHistogram의 값입니다.`,
    severalMachines: (hosts, skews) =>
      `워커가 머신 ${hosts}대에 있습니다: 종단 간 지연은 프로듀서의 시계와 컨슈머의 시계를 비교하므로 두 시계가 동기화되어 있어야 합니다(NTP/PTP). 시작할 때 잰 시계 차이: ${skews}.`,
    oneMachine: (host, skews) =>
      `모든 워커가 한 머신(${host})에 있습니다: 종단 간 지연은 그 머신의 시스템 시계를 µs 단위로 씁니다. 시작할 때 잰 시계 차이(왕복 시간 이내): ${skews}.`,
    limitNote: (target, kind, reason) => `${target}: 한계 ${kind}: ${reason}`,
    settingsNote: (target, settings) => `${target}: 적용된 설정: ${settings}`,
    hotProcess: (target, role, where, percent) =>
      `${target}: ${where}의 ${role} 프로세스가 코어의 ${percent} %를 써서 여유를 남기는 ~70 %를 넘었습니다. 워커를 늘리면(--workers N) 부하가 나뉩니다`,
    benchProcesses: "벤치 프로세스",
    environment: (p) =>
      `${p.cpuModel ? `${p.cpuModel}, ` : ""}코어 ${p.cores}개, Node ${p.node}, ${p.platform}${p.libraries ? `; 클라이언트 ${p.libraries}` : ""}`,
    yardstickTitle: "야드스틱: 최대 속도 발행",
    consumeTitle: "야드스틱: 채워 둔 토픽 소비와 확인",
    endToEndTitle: (rate) => `야드스틱: ${rate} msg/s 종단 간`,
    endToEndHeaders: {
      target: "타깃",
      offered: "제공 msg/s",
      adapter: "어댑터 소비 msg/s",
      raw: "원시 클라이언트 소비 msg/s",
      cpuPerRecord: "종단 간 레코드당 CPU µs (어댑터 / 원시)",
      cpuVsRaw: "CPU 어댑터 ÷ 원시",
      benchThread: "벤치 JS 스레드 (코어 1개 대비 %)",
    },
    yardstickHeaders: {
      target: "타깃",
      adapter: "어댑터 msg/s",
      raw: "원시 클라이언트 msg/s",
      adapterVsRaw: "어댑터 ÷ 원시",
      nativeTool: "브로커 도구",
      native: "도구 msg/s",
      adapterVsNative: "어댑터 ÷ 도구",
      ceiling: "클라이언트 한계 (원시 ÷ 도구)",
      benchThread: "벤치 JS 스레드 (코어 1개 대비 %)",
      cpuPerRecord: "레코드당 CPU µs (어댑터 / 원시)",
      cpuVsRaw: "CPU 어댑터 ÷ 원시",
    },
    tooWide: (p25, p75) => `편차가 큼 (${p25}–${p75})`,
    clientBound: "클라이언트 한계",
    describeWorkload: (w) =>
      `토픽 ${w.topics}개 × 파티션 ${w.partitions}개, ${w.size}바이트 메시지, 토픽마다 프로듀서 ${w.producers}개가 ${w.rate}로 발행, ` +
      `구독 ${w.subscriptions}개 × 컨슈머 ${w.consumers}개, 키 ${w.keys}, 워밍업 ${w.warmup}초(제외) 뒤 ${w.seconds}초 측정` +
      (w.backlogGB ? `, 그 전에 ${w.backlogGB} GB 적체를 쌓았다가 비움` : "") +
      ".",
    searchedRate: "버틸 수 있는 최고 속도(탐색)",
    fixedRate: (rate) => `초당 ${rate}개`,
    meaning: [
      "발행 지연: 보낸 때부터 표시된 내구성(acks) 수준으로 브로커가 확인할 때까지.",
      "종단 간 지연: 레코드에 담긴 프로듀서 타임스탬프부터 컨슈머가 받을 때까지, µs 단위 (워커가 여럿이면 각자의 시계, 아래 참고).",
      "발행 밀림: 속도 제한기가 정한 보낼 시각부터 실제로 보낸 시각까지. 프로듀서가 따라가지 못하면 커지며, 평범한 지연 히스토그램이 감추는 coordinated omission을 드러냅니다.",
      "벤치 CPU: 측정하는 동안 모든 벤치 프로세스가 쓴 CPU. 한 프로세스가 코어 하나의 100 %에 가까우면 브로커가 아니라 벤치가 한계입니다 (Node는 한 프로세스의 프로듀서와 컨슈머를 한 스레드에서 돌립니다): 워커로 나누세요(--workers).",
      "한계를 정한 것: offered(정한 속도를 맞춤), worker-bound(벤치 프로세스가 코어 하나를 거의 다 씀), machine-bound(모든 코어가 바쁨: 브로커가 같은 머신을 쓸 때의 정직한 답), broker(브로커).",
    ],
    failedNote: (target, error) => `${target}: 실패: ${error}`,
    errorDuringRun: (target, error) => `${target}: 실행 중 오류: ${error}`,
    backlogNote: (target, built, buildS, drainS, rate) =>
      `${target}: 메시지 ${built}개의 적체를 ${buildS}초에 쌓음, ` +
      (drainS === undefined ? "시간 안에 비우지 못함" : `${drainS}초에 초당 ${rate}개로 비움`),
    rateSearch: (target, steps, rate) => `${target}: 속도 탐색 ${steps} → 초당 ${rate}개`,
    benchmark: (name) => `벤치마크: ${name}`,
    yardstick: "야드스틱",
    yardstickIntro:
      "발행만, 최대 속도로, 같은 메시지 크기·배치·동시 전송 창으로: 우리 어댑터를 거쳐, 어댑터 없이 원시 클라이언트로, 그리고 브로커 자체 도구로.",
    yardstickExplanation:
      "같은 메시지 크기·배치·동시 전송 창으로 최대 속도로 발행만 합니다. 어댑터 ÷ 원시는 원시 클라이언트에 비해 어댑터가 드는 비용을, 어댑터 ÷ 도구는 브로커 자체 도구(JVM 또는 C 클라이언트, 측정한 그대로)와의 비교를 보여 줍니다.",
    whatTheNumbersMean: "수치의 뜻",
    notesAndErrors: "참고와 오류",
    runLine: (runId, started, finished, environment) =>
      `실행 ${runId}, ${started} → ${finished}; ${environment}.`,
    footer: (runId, started, finished, environment, file) =>
      `실행 ${runId}, ${started} → ${finished}; ${environment}. 워크로드 ${file}.`,
    yardstickIntroShort: "어댑터, 원시 클라이언트, 브로커 자체 도구를 나란히 비교합니다.",
    consumeExplanation:
      "슬라이스마다 직전에 채운 토픽이나 큐를 같은 prefetch로 소비하고 확인합니다: 어댑터의 subscribe, 어댑터 없이 같은 일을 하는 원시 클라이언트 루프, 그리고 브로커에 컨슈머 도구가 있으면 그 도구. 어댑터 ÷ 원시는 소비 경로의 비용이고, 레코드당 CPU µs는 각 경로가 소비한 레코드에 대한 벤치 프로세스의 CPU입니다.",
    endToEndExplanation:
      "고정 속도로 발행과 소비를 함께, 번갈아 가는 슬라이스로 실행합니다: 어댑터의 publish와 subscribe, 그리고 원시 발행자와 원시 컨슈머. 종단 간 레코드당 CPU µs는 통과한 레코드(발행 + 소비)에 대한 벤치 프로세스의 CPU이며, 원시 클라이언트의 값이 어댑터를 재는 기준입니다.",
    consumeChart: "채워 둔 토픽의 초당 소비 메시지",
    soak: {
      heading: "소크 동안의 메모리",
      intro: (minutes, rate, targets) =>
        `소크: 타깃 ${targets}개를 동시에 ${minutes}분 동안 타깃마다 ${rate} msg/s로, 타깃마다 자기 벤치 워커 프로세스에서, 모니터를 함께 실행. 메모리는 1분마다.`,
      explanation: (warmup, tolerance) =>
        `증가는 ${warmup}분(그 전에는 캐시, JIT, 연결 풀이 채워짐)부터 마지막 분까지 재며, 양 끝은 세 번 읽은 값의 중앙값입니다; ${tolerance} % 이하로 늘면 평탄입니다. RSS는 OS의 상주 메모리, 힙은 전체 GC 뒤 V8의 사용 중인 힙이며, 각 브로커 자체 수치는 그 이름을 함께 적습니다. 로그 타깃은 레코드를 2분 동안 보존해 저장량이 일정해지고, BullMQ는 기본값대로 완료된 작업을 보존합니다.`,
      growthHeaders: ["계열", "시작 분", "MB", "끝 분", "MB", "증가 %", "평탄"],
      minuteHeader: "분",
      flat: "예",
      grew: "아니오",
      rssChart: "프로세스별 RSS (MB)",
      brokerChart: "브로커 메모리 (MB)",
      minuteOfSoak: "소크의 분",
      megabytes: "MB",
      brokerError: (broker, minute, error) => `브로커 ${broker}, ${minute}분: 메모리를 읽지 못함: ${error}`,
      verdict: (grew, total) =>
        grew === 0
          ? `계열 ${total}개 모두 워밍업 이후 평탄합니다.`
          : `계열 ${total}개 중 ${grew}개가 워밍업 이후 허용치를 넘어 늘었습니다 (아니오로 표시).`,
      minuteLine: (minute, minutes, rates, rss, brokers) =>
        `소크 ${minute}/${minutes}분: 발행/소비 msg/s ${rates}; RSS ${rss}; 브로커 ${brokers}`,
    },
    contents: "목차",
    chartTexts: { noData: "데이터 없음", log: "로그 눈금" },
    curveX: "백분위수를 1/(1−p)로, 로그 눈금: 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9",
    curveY: "ms (로그 눈금)",
    secondOfRun: "측정 구간의 초",
    msgPerSec: "msg/s",
    messages: "메시지",
    sideBySideHeading: "나란히 비교",
    throughput: "처리량",
    throughputExplanation: "측정 구간 동안의 초당 메시지 수: 확인받은 발행과 소비한 전달.",
    throughputPerTarget: "타깃별 처리량",
    publish: "발행",
    consume: "소비",
    ratesOverTime: "시간에 따른 속도",
    ratesExplanation:
      "측정 구간의 초마다. 소비 속도가 발행 속도보다 낮으면 적체가 쌓이고, 발행 속도가 목표 속도 아래에서 평평하면 프로듀서가 따라가지 못한 것입니다.",
    publishRate: "발행 속도",
    consumeRate: "소비 속도",
    backlogChart: "적체 (발행 − 소비)",
    latencyPercentiles: "지연 백분위수",
    latencyExplanation:
      "로그 눈금의 HdrHistogram 백분위수 곡선: 오른쪽 끝이 꼬리(p99.9 이상)이며, 브로커끼리 가장 크게 다른 곳입니다.",
    publishLatencyChart: "발행 지연 (보냄 → 확인)",
    endToEndChart: "종단 간 지연 (보냄 → 받음)",
    yardstickChart: "최대 속도에서 초당 발행 메시지",
    adapter: "어댑터",
    rawClient: "원시 클라이언트",
    nativeTool: "브로커 도구",
  },
};
