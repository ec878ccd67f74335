import type { BrokersMessages } from "./en.js";

/** `pnpm brokers` 도움말과 사용법 오류의 한국어 문구. 용어는 시드 노트를 따른다 (브로커, 파티션, 리더 파티션, ISR). */
export const ko: BrokersMessages = {
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
  --lang en|ko              도움말과 사용법 오류의 언어 (기본값: BROKERLAB_LANG, 없으면 LC_ALL/LANG —
                            ko_KR.UTF-8이면 한국어, 그 밖에는 영어)

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
};
