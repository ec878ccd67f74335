import { cliMessagesFor } from "@brokerlab/cli";
import type { BrokersMessages } from "./en.js";

/** `pnpm brokers` 도움말과 사용법 오류의 한국어 문구. 용어는 시드 노트를 따른다 (브로커, 파티션, 리더 파티션, ISR). */
export const ko: BrokersMessages = {
  parser: cliMessagesFor("ko"),
  usage: (p) => `사용법: pnpm brokers <명령> [옵션]

이 머신에서 진짜 Kafka, RabbitMQ, Redis를 띄웁니다: Docker 엔진이 응답하면 Docker(docker-compose.yml)로,
아니면 네이티브 프로세스로 (Kafka는 Maven으로 받은 Apache jar, redis-server, rabbitmq-server).
기본값은 브로커마다 노드 하나이고, --cluster면 브로커마다 노드 세 개입니다 (README의 포트 표 참고).

명령:
  up [--cluster]            없는 것을 시작하고 일을 받을 수 있을 때까지 기다림
  status [--json] [--cluster]
                            모든 브로커(와 클러스터 노드)의 역할, 상태, 소유자
  down [--cluster [--purge]]
                            up이 시작한 것만 멈춤 (원래 돌고 있던 브로커는 건드리지 않음)
  logs [broker|node] [-n N] [--follow]
                            up이 시작한 것의 로그 끝부분
  fault <${p.faults}> <node>
                            클러스터 노드 하나를 일부러 고장 냄 (또는 고침)
  heal                      모든 장애를 되돌림: 격리를 풀고, 멈춘 노드를 재개하고, 내려간 노드를 시작
  leader ${p.leaderUsage}
                            파티션의 리더 파티션, 큐의 리더, 또는 Redis 프라이머리를 맡은 클러스터 노드

모든 명령의 옵션:
  --lang en|ko              도움말, 진행 상황, 결과, 오류의 언어 (기본값: BROKERLAB_LANG, 없으면
                            LC_ALL/LANG — ko_KR.UTF-8이면 한국어, 그 밖에는 영어). 브로커나 클라이언트가
                            낸 문구는 그대로 인용합니다

자세한 내용은 "pnpm brokers <명령> --help"를 실행하세요.`,
  commandHelp: {
    up: () => `사용법: pnpm brokers up [--cluster]

--cluster가 없으면 단일 노드 브로커. 주소에서 이미 왕복 요청에 응답하는 브로커는 그대로 쓰고("external"로
표시), 없는 것만 시작한 뒤 각각 일을 받을 수 있을 때까지 (정해진 시간 안에서) 기다립니다. 여러 번 실행해도
같습니다: 두 번째 실행은 아무것도 시작하지 않습니다.

옵션:
  --cluster   3노드 클러스터만 시작: Kafka (KRaft, 레플리케이션 3, min.insync.replicas 2), RabbitMQ
              (멤버 셋, management 플러그인), Redis (프라이머리 하나, 레플리카 둘, Sentinel 셋), 포트는
              README대로. 각 브로커가 세 노드 모두에 복제된 쓰기를 확인할 때까지 기다리며, 단일 노드는
              건드리지 않습니다.`,
    down: () => `사용법: pnpm brokers down [--cluster [--purge]]

"pnpm brokers up"이 시작한 것만 멈춥니다 (pid 파일로 찾은 네이티브 프로세스, up이 만든 docker 컨테이너).
원래 돌고 있던 브로커는 그대로 둡니다. 데이터는 다음 up을 위해 남습니다.

옵션:
  --cluster   3노드 클러스터만 멈춤 (단일 노드는 계속 돎)
  --purge     --cluster와 함께: 클러스터의 데이터도 지워서 다음 up이 깨끗하게 시작하게 함`,
    status: () => `사용법: pnpm brokers status [--json] [--cluster]

단일 노드 브로커마다 주소, 버전, 상태(실제 왕복 요청으로 확인), 소유자를 보여 주고, 클러스터가 돌고 있으면
노드마다 클러스터 안에서의 역할(Kafka: 활성 컨트롤러, RabbitMQ: 실행 중인 멤버, Redis: 복제 오프셋과 함께
프라이머리 또는 레플리카, Sentinel), 상태, pid를 보여 줍니다. 보여 준 것 중 하나라도 건강하지 않으면
종료 코드는 1입니다.

옵션:
  --json      브로커와 노드마다 JSON 항목 하나씩 (name, broker, role, address, health, pid)
  --cluster   클러스터의 노드만`,
    logs: (p) => `사용법: pnpm brokers logs [broker|node] [-n N] [--follow]

"pnpm brokers up"이 시작한 것의 로그 마지막 줄들을 보여 줍니다: 단일 노드 브로커(${p.brokers})
또는 클러스터 노드(${p.nodes}).

옵션:
  -n, --lines N   로그 파일마다 보여 줄 줄 수 (기본값 50)
  -f, --follow    새 줄을 계속 보여 줌 (Ctrl-C로 멈춤)`,
    fault: (p) => `사용법: pnpm brokers fault <fault> <node>

"pnpm brokers up --cluster"가 시작한 클러스터의 노드 하나에만 작용하며, 그 밖의 것은 절대 건드리지 않습니다.
노드: ${p.nodes}.

장애:
${p.faultLines}`,
    heal: () => `사용법: pnpm brokers heal

클러스터의 모든 장애를 되돌립니다: 격리를 모두 풀고, 일시 정지한 노드를 재개하고, 멈추거나 죽은 노드를
시작한 뒤, 각 브로커가 다시 세 노드 모두에 복제된 쓰기를 확인할 때까지 기다립니다.`,
    leader: (p) => `사용법: pnpm brokers leader ${p.leaderUsage} [--json]

Kafka 파티션의 리더 파티션을 맡은 클러스터 노드(기본값 파티션 0), RabbitMQ 큐의 리더, 또는 (Sentinel이
보는) Redis 프라이머리를, 멤버와 동기화된 멤버(ISR)와 함께 보여 줍니다.

옵션:
  --json   { leader, members, inSync }를 출력`,
  },
  faultHelp: {
    kill: "노드의 모든 프로세스에 SIGKILL (충돌: 종료 절차 없이, 데이터는 디스크에 있는 그대로)",
    stop: "정상 종료 (브로커 자체의 종료 절차)",
    pause: "SIGSTOP: 멈춘 노드. 다른 노드에게는 사라진 것처럼 보이고, 프로세스는 상태를 그대로 가짐",
    resume: "SIGCONT: 일시 정지한 노드가 다시 돎",
    start: "멈추거나 죽은 노드를 데이터와 함께 시작하고, 서비스할 때까지 기다림",
    restart: "정상 종료 후 다시 시작",
    isolate: "클라이언트는 계속 닿게 둔 채 노드를 다른 노드들과 끊음 (cgroup 기준 iptables)",
    heal: "그 노드의 isolate를 되돌림",
  },
  errors: {
    seeHelp: '사용법은 "pnpm brokers --help"를 실행하세요.',
    commandFirst: (arg, commands) => `알 수 없는 옵션 "${arg}" (명령을 먼저 주세요: ${commands})`,
    unknownCommand: (arg, commands) => `알 수 없는 명령 "${arg}"; 명령: ${commands}`,
    unknownOption: (name, command) => `"${command}"에는 없는 옵션 "${name}"`,
    noValue: (name) => `옵션 ${name}은(는) 값을 받지 않습니다`,
    needsValue: (name) => `옵션 ${name}에는 값이 필요합니다`,
    purge: "--purge는 클러스터의 데이터를 지웁니다: down --cluster --purge로 쓰세요",
    unknownBrokerOrNode: (name, brokers, nodes) =>
      `알 수 없는 브로커 또는 노드 "${name}"; 브로커: ${brokers}; 노드: ${nodes}`,
    unexpected: (arg, command) => `"${command}"에 예상하지 못한 인자 "${arg}"`,
    faultNeedsBoth: (faults) => `fault에는 장애와 노드가 필요합니다: pnpm brokers fault <${faults}> <node>`,
    unknownFault: (name, faults) => `알 수 없는 장애 "${name}"; 장애: ${faults}`,
    faultNeedsNode: (fault, nodes) => `fault ${fault}에는 노드가 필요합니다; 노드: ${nodes}`,
    unknownNode: (name, nodes) => `알 수 없는 노드 "${name}"; 노드: ${nodes}`,
    leaderNeedsBroker: (usage) => `leader에는 브로커가 필요합니다: pnpm brokers leader ${usage}`,
    unknownBroker: (name, brokers) => `알 수 없는 브로커 "${name}"; 브로커: ${brokers}`,
    positiveInteger: (name, value) => `옵션 ${name}에는 양의 정수가 필요합니다. 받은 값: "${value}"`,
    kafkaBrokersRemoved:
      '--kafka-brokers는 클러스터로 합쳐졌습니다: "pnpm brokers up --cluster"는 Kafka 노드 셋(19092/19094/19096)을, 그냥 "up"은 하나를 시작합니다',
  },
  run: {
    statusHeaders: ["브로커", "주소", "버전", "상태", "관리 주체", "비고"],
    clusterHeaders: ["노드", "역할", "주소", "상태", "pid", "세부 정보"],
    kafkaBrokers: (n) => `kafka (브로커 ${n}개)`,
    unknownVersion: "알 수 없음",
    cluster: "클러스터:",
    health: {
      healthy: "정상",
      down: "내려감",
      paused: "일시 정지",
      isolated: "격리됨",
      "not answering": "응답 없음",
    },
    roles: {
      "active controller": "활성 컨트롤러",
      broker: "브로커",
      "running member": "실행 중인 멤버",
      "member (not running)": "멤버 (실행 안 함)",
      primary: "프라이머리",
      replica: "레플리카",
      sentinel: "Sentinel",
    },
    notReady: (failed, seconds) => `브로커 ${failed}개가 준비되지 않음 (${seconds}초)`,
    allReady: (seconds) => `모든 브로커 준비됨 (${seconds}초)`,
    clusterReady: (seconds) => `클러스터 준비됨 (${seconds}초)`,
    leader: (leader, members, inSync) => `${leader} (멤버 ${members}; 동기화됨 ${inSync || "없음"})`,
  },
  fault: {
    docker: (node, kind) => `${node}: ${kind} (docker)`,
    killed: (node, pids) => `${node}: 강제 종료함 (pid ${pids}에 SIGKILL)`,
    stopped: (node, pid) => `${node}: 멈춤 (pid ${pid}, 정상 종료)`,
    paused: (node, pids) => `${node}: 일시 정지함 (pid ${pids}에 SIGSTOP)`,
    resumed: (node, pids) => `${node}: 재개함 (pid ${pids}에 SIGCONT)`,
    alreadyRunning: (node, pid) => `${node}: 이미 실행 중 (pid ${pid})`,
    started: (node, pid) => `${node}: 시작함 (pid ${pid})`,
    restarted: (node, pid) => `${node}: 다시 시작함 (pid ${pid})`,
    isolated: (node, address) => `${node}: 다른 노드들과 격리함 (클라이언트는 여전히 ${address}에 닿음)`,
    healed: (node) => `${node}: 격리를 풂 (다른 노드들이 다시 닿음)`,
    notIsolated: (node) => `${node}: 격리되어 있지 않았음`,
    healResumed: (node) => `${node}: 재개함`,
    healStarting: (node) => `${node}: 시작하는 중`,
    healDocker: "클러스터: docker 컨테이너를 재개하고 시작함",
    healBack: (label) => `${label} 클러스터: 모든 노드가 돌아왔고, 복제된 쓰기를 세 노드 모두가 확인함`,
    nothingToHeal: "클러스터: 되돌릴 장애가 없음",
    notRunning: (node) =>
      `${node}은(는) pnpm brokers 아래에서 실행 중이 아닙니다 (장애는 "pnpm brokers up --cluster"가 시작한 노드에만 줄 수 있습니다). 시작하려면: pnpm brokers fault start ${node}`,
    needsNative: (kind) => `${kind}은(는) 네이티브 클러스터에서만 됩니다 (BROKERLAB_RUNTIME=native)`,
  },
  cluster: {
    ready: (label, nodes, detail) => `${label} 클러스터: ${nodes} (${detail})`,
    failed: (label, why) => `${label} 클러스터: ${why}`,
    composeUp: (profile, services) => `클러스터: docker compose --profile ${profile} up ${services}…`,
    dockerRemoved: (nodes) => `클러스터: docker 컨테이너 ${nodes}을(를) 지움`,
    stopping: (label, node) => `${label} 클러스터: ${node}을(를) 멈추는 중…`,
    stopped: (label, nodes, purged) =>
      `${label} 클러스터: ${nodes}을(를) 멈춤${purged ? "; 데이터도 지움" : ""}`,
    nothingRunning: (label, purged) =>
      `${label} 클러스터: 실행 중인 노드가 없었음${purged ? "; 데이터도 지움" : ""}`,
    kafkaNoTopic: (topic, why) => `Kafka 클러스터: 토픽 "${topic}"이(가) 없습니다 (${why})`,
    kafkaNoPartition: (topic, partition) =>
      `Kafka 클러스터: 토픽 "${topic}"에 파티션 ${partition}이(가) 없습니다`,
    kafkaNoLeader: (topic, partition) =>
      `Kafka 클러스터: ${topic}/${partition}에는 지금 리더 파티션이 없습니다`,
    kafkaNeedsTopic: "leader kafka에는 토픽이 필요합니다: pnpm brokers leader kafka <topic> [partition]",
    kafkaPartitionNumber: (partition) =>
      `leader kafka: 파티션은 0 이상의 정수여야 합니다. 받은 값: "${partition}"`,
    rabbitmqNeedsQueue: "leader rabbitmq에는 큐가 필요합니다: pnpm brokers leader rabbitmq <queue>",
    rabbitmqNoLeader: (queue) => `RabbitMQ 클러스터: 큐 "${queue}"에는 지금 리더가 없습니다`,
    redisNoArgument: (got) =>
      `leader redis는 인자를 받지 않습니다 (프라이머리가 모든 것을 이끕니다). 받은 값: "${got}"`,
    redisNoPrimary: "Redis 클러스터: 프라이머리를 알려 주는 Sentinel이 없습니다",
  },
  ready: {
    kafka: "레플리케이션 3, min.insync.replicas 2; acks=all 쓰기를 세 노드 모두 ISR에 든 채로 확인",
    rabbitmq: (ports) => `management ${ports}; 멤버 셋이 모두 온라인인 쿼럼 큐가 발행을 확인`,
    redis: (master, primary) =>
      `Sentinel 마스터 "${master}"는 ${primary}; 두 레플리카 모두 WAIT 2로 쓰기를 확인`,
  },
  single: {
    running: (label, display, owner, version) => `${label}: 이미 ${display}에서 실행 중 (${owner}${version})`,
    started: (label, display, owner, version) => `${label}: ${display}에서 시작함 (${owner}${version})`,
    version: (version) => `, 버전 ${version}`,
    stoppedNative: (label, address) => `${label}: 멈춤 (brokerlab native, ${address})`,
    stoppedDocker: (label, services) => `${label}: 멈춤 (docker ${services})`,
    leftAlone: (label, address) => `${label}: brokerlab이 시작한 브로커가 아니라서 그대로 둠 (${address})`,
    noLogs: (label, address) =>
      `${label} (${address}): brokerlab이 시작한 브로커가 아니라서, 로그는 그 브로커를 띄운 쪽이 두는 곳에 있습니다`,
  },
  progress: {
    dockerFound: "Docker 엔진을 찾음: 없는 브로커는 docker-compose.yml로 시작합니다",
    composeUp: (label, services) =>
      `${label}: docker compose up ${services} (헬스체크를 통과할 때까지 기다림)…`,
    waiting: (label, address, seconds) =>
      `${label}: ${address}에서 왕복 요청이 성공하기를 기다리는 중 (최대 ${seconds}초)…`,
    noPidFile: (label) => `${label}: 응답은 하지만 pid 파일이 없어서 down으로 멈출 수 없습니다`,
    stoppingPids: (label, pids) => `${label}: pid ${pids}을(를) 멈추는 중…`,
    kafkaStartingOne: (address) =>
      `Kafka: ${address}에서 응답하는 브로커가 없어 네이티브 브로커 하나를 시작합니다`,
    kafkaReplacing: (from, dir, to) =>
      `Kafka: 브로커 ${to}개로 시작하려고 ${dir}의 브로커 ${from}개짜리 클러스터를 멈춥니다. 그 데이터는 버립니다`,
    kafkaFormatting: (brokers, clusterId) =>
      `Kafka: 브로커 ${brokers}개의 KRaft 저장소를 포맷하는 중 (클러스터 id ${clusterId})…`,
    kafkaStartingNode: (id, address, controllerPort, logFile) =>
      `Kafka: 노드 ${id}을(를) ${address}에서 시작 (컨트롤러 ${controllerPort}), 로그 ${logFile}`,
    kafkaWaiting: (brokers, seconds) =>
      `Kafka: 브로커 ${brokers}개가 프로듀스/컨슘 왕복 요청을 받을 때까지 기다리는 중 (최대 ${seconds}초)…`,
    kafkaCluster: "Kafka 클러스터: ",
    resolvingJars: (version, libs) =>
      `Kafka ${version} jar를 Maven Central에서 ${libs}로 받는 중 (처음 한 번만)…`,
    rabbitmqStarting: (address, logFile) =>
      `RabbitMQ: rabbitmq-server를 ${address}에서 시작 (10-20초 걸림), 로그 ${logFile}`,
    rabbitmqStartingNode: (node, address, logFile) =>
      `RabbitMQ 클러스터: ${node}을(를) ${address}에서 시작, 로그 ${logFile}`,
    rabbitmqJoining: (node, first) => `RabbitMQ 클러스터: ${node}을(를) ${first}의 클러스터에 합류시키는 중`,
    redisStarting: (address, logFile) => `Redis: redis-server를 ${address}에서 시작, 로그 ${logFile}`,
    redisStartingNode: (node, address, logFile) =>
      `Redis 클러스터: ${node}을(를) ${address}에서 시작, 로그 ${logFile}`,
  },
  failures: {
    runtime: (runtime) => `BROKERLAB_RUNTIME="${runtime}"은(는) auto, native, docker 중 하나가 아닙니다`,
    kafkaHeap: (heap) => `BROKERLAB_KAFKA_HEAP="${heap}"은(는) 512m, 1g 같은 JVM 크기가 아닙니다`,
    notHostPort: (what, address) => `${what}: "${address}"은(는) host:port가 아닙니다 (예: 127.0.0.1:9092)`,
    notUrl: (what, url) => `${what}: "${url}"은(는) URL이 아닙니다`,
    unsupportedScheme: (what, url) => `${what}: "${url}"은(는) 지원하지 않는 스킴입니다`,
    noDocker: "BROKERLAB_RUNTIME=docker인데 응답하는 Docker 엔진이 없습니다 (docker info 실패)",
    composeFailed: (services, why) => `docker compose up ${services} 실패: ${why}`,
    composePort: (label, composePort, port) =>
      `docker-compose.yml은 ${label}을(를) 포트 ${port}이(가) 아니라 ${composePort}에서 띄웁니다. 다른 포트를 쓰려면 BROKERLAB_RUNTIME=native로 설정하세요`,
    noRoundTrip: (label, address, why, logFile) =>
      `${label} (${address})이(가) 왕복 요청을 받지 않습니다 (${why}). ${logFile ?? "로그"}을(를) 보세요`,
    notReady: (label, address, why, logFile) =>
      `${label} (${address})이(가) 준비되지 않았습니다 (${why}). ${logFile ?? "로그"}을(를) 보세요`,
    portTaken: (wanted, address, holder, why, fix) =>
      `${wanted}을(를) 시작할 수 없습니다: 포트 ${address}을(를) ${holder}이미 쓰고 있습니다${why}. 포트를 비우거나 ${fix}`,
    portHolder: (pid, command) => `pid ${pid} (${command})이(가) `,
    notWorking: (label, why) => ` (제대로 동작하는 ${label}이(가) 아님: ${why})`,
    otherPorts: "다른 포트를 고르세요",
    setVariable: (variable) => `${variable}을(를) 설정하세요`,
    remoteFailed: (label, address, why) =>
      `${label} (${address})은(는) 응답하지만 왕복 요청이 실패했습니다: ${why}`,
    remoteSilent: (label, address, why, variable) =>
      `${label} (${address})이(가) 응답하지 않습니다 (${why}). brokerlab은 이 머신에서만 브로커를 시작합니다: 그 브로커를 띄우거나 ${variable}을(를) 고치세요`,
    noJava:
      "Java가 설치되어 있지 않습니다: Java 17을 설치하거나 (예: apt-get install openjdk-17-jre-headless) Docker를 쓰세요",
    kafkaBrokerCount: (brokers) => `Kafka 브로커 수는 1에서 9 사이여야 합니다. 받은 값: ${brokers}`,
    kafkaNode: (id) => `Kafka 노드 ${id}`,
    kafkaFormat: (id, why) => `Kafka: 노드 ${id}의 저장소 포맷 실패: ${why}`,
    kafkaNoNode: (dir, id) => `${dir}의 Kafka 클러스터에는 노드 ${id}이(가) 없습니다`,
    kafkaNodeNotReady: (id, address, why, logFile) =>
      `Kafka 노드 ${id} (${address})이(가) 준비되지 않았습니다 (${why}). ${logFile}을(를) 보세요`,
    portNeverOpened: "포트가 끝내 열리지 않음",
    processExited: "프로세스가 종료됨",
    noAnswerYet: "아직 응답 없음",
    noAnswer: "응답 없음",
    registered: (registered, running) => `브로커 ${running}개 중 ${registered}개만 등록됨`,
    noMaven: (version, libs) =>
      `Kafka ${version} jar가 ${libs}에 캐시되어 있지 않고 "mvn"도 설치되어 있지 않습니다: Maven을 설치하거나 (예: apt-get install maven) Docker를 쓰세요`,
    mavenFailed: (version, why) => `mvn이 Kafka ${version} jar를 받지 못했습니다: ${why}`,
    mavenNoJar: (staging, version) => `mvn은 끝났지만 ${staging}에 kafka_2.13-${version} jar가 없습니다`,
    kafkaClusterNoWrite: (seconds, why, logFile) =>
      `Kafka 클러스터: ${seconds}초 안에 세 노드 모두가 확인한 쓰기가 없습니다 (${why}). ${logFile}을(를) 보세요`,
    inSync: (nodes) => `ISR: ${nodes}`,
    rabbitmqNotInstalled: (address) =>
      `RabbitMQ가 ${address}에서 응답하지 않고 rabbitmq-server도 설치되어 있지 않습니다: RabbitMQ 3.10 이상을 설치하거나 (예: apt-get install rabbitmq-server) Docker를 쓰세요`,
    rabbitmqClusterNotInstalled:
      "RabbitMQ 클러스터: rabbitmq-server가 설치되어 있지 않습니다: RabbitMQ 3.10 이상을 설치하거나 (예: apt-get install rabbitmq-server) Docker를 쓰세요",
    rabbitmqNoDistribution: (node) => `RabbitMQ 클러스터: ${node}에는 distribution 포트가 없습니다`,
    rabbitmqNodeNotReady: (node, address, why, logFile) =>
      `RabbitMQ 클러스터: ${node} (${address})이(가) 준비되지 않았습니다 (${why}). ${logFile}을(를) 보세요`,
    rabbitmqNotFound: (path) => `RabbitMQ 클러스터: ${path}을(를) 찾을 수 없습니다`,
    rabbitmqNoManagement: (why) => `RabbitMQ 클러스터: 응답하는 management API가 없습니다 (${why})`,
    rabbitmqNoConfirm: (seconds, why) =>
      `RabbitMQ 클러스터: ${seconds}초 안에 멤버 셋인 쿼럼 큐가 확인한 발행이 없습니다 (${why})`,
    membersOnline: (members) => `온라인 멤버: ${members}`,
    redisNotInstalled: (address) =>
      `Redis가 ${address}에서 응답하지 않고 redis-server도 설치되어 있지 않습니다: Redis 7을 설치하거나 (예: apt-get install redis-server) Docker를 쓰세요`,
    redisClusterNotInstalled:
      "Redis 클러스터: redis-server가 설치되어 있지 않습니다: Redis 7을 설치하거나 (예: apt-get install redis-server) Docker를 쓰세요",
    redisNodeNotReady: (node, address, why, logFile) =>
      `Redis 클러스터: ${node} (${address})이(가) 준비되지 않았습니다 (${why}). ${logFile}을(를) 보세요`,
    redisNoWrite: (seconds, why, logFile) =>
      `Redis 클러스터: ${seconds}초 안에 두 레플리카 모두가 확인한 쓰기가 없습니다 (${why}). ${logFile}을(를) 보세요`,
    noPrimaryYet: "아직 프라이머리를 알려 주는 Sentinel이 없음",
    waitReturned: (acked, views) => `WAIT 2의 결과 ${acked}; Sentinel이 보는 것: ${views}`,
    sentinelView: (replicas, sentinels) => `레플리카 ${replicas}개/Sentinel ${sentinels}개`,
    roundTrip: (label) => `${label} 왕복 요청`,
    confirm: "발행 확인(publisher confirm)",
    timedOut: (what, ms) => `${what}이(가) ${ms} ms 안에 끝나지 않음`,
    noLeaderAfter: (topic, seconds) => `토픽 ${topic}에 ${seconds}초가 지나도 리더 파티션이 없음`,
    differentMessage: "RabbitMQ가 다른 메시지를 돌려줌",
    differentValue: "Redis가 다른 값을 돌려줌",
    noRoundTripWithin: (seconds, why) => `${seconds}초 안에 왕복 요청이 성공하지 않음: ${why}`,
    exited: (why) => `프로세스가 종료됨 (${why})`,
    couldNotStart: (command) => `${command}을(를) 시작할 수 없음`,
    request: (node) => `${node} 요청`,
    kafkaClusterRequest: "Kafka 클러스터 요청",
    http: (status, node) => `${node}의 HTTP ${status} 응답`,
    noIptables:
      "isolate에는 iptables가 필요합니다 (Debian: apt-get install iptables; setup.sh를 root로 실행하면 설치합니다)",
    notRoot: "isolate에는 root 권한이 필요합니다 (iptables로 방화벽을 바꿉니다)",
    noCgroup:
      "isolate에는 cgroup v2가 필요합니다 (노드끼리의 연결과 클라이언트의 연결을 cgroup으로 구분합니다). 여기에는 쓸 수 있는 cgroup이 없습니다",
    unexpected: (why) => `예상하지 못한 오류: ${why}`,
  },
};
