import { cliMessagesFor } from "@brokerlab/cli";
import type { Command } from "../args.js";
import type { NodeHealth } from "../cluster/cluster-status.js";
import type { Fault } from "../cluster/faults.js";

/** What the help texts name: the faults, nodes, brokers and the leader command's forms. */
export interface HelpParams {
  readonly faults: string;
  readonly nodes: string;
  readonly brokers: string;
  readonly leaderUsage: string;
  /** One line per fault: its name and what it does (from {@link en.faultHelp}). */
  readonly faultLines: string;
}

/**
 * Every word `pnpm brokers` shows in its help and usage errors, in English; ko.ts has exactly this shape
 * (the compiler checks it). Commands, flags, broker and node names are not translated.
 */
export const en = {
  /** The shared parser's usage errors; the ones below word the brokers CLI's own. */
  parser: cliMessagesFor("en"),
  usage: (p: HelpParams) => `Usage: pnpm brokers <command> [options]

Real Kafka, RabbitMQ and Redis on this machine: Docker (docker-compose.yml) when an engine answers,
otherwise native processes (Kafka from the Apache jars via Maven; redis-server; rabbitmq-server).
Single nodes by default; --cluster for three nodes of each broker (README: the port table).

Commands:
  up [--cluster]            start what is missing and wait until it accepts work
  status [--json] [--cluster]
                            every broker (and cluster node) with its role, health and owner
  down [--cluster [--purge]]
                            stop what up started (never a broker that was already running)
  logs [broker|node] [-n N] [--follow]
                            tail the logs of what up started
  fault <${p.faults}> <node>
                            break (or mend) one cluster node on purpose
  heal                      undo every fault: heal, resume and start whatever a fault left down
  leader ${p.leaderUsage}
                            the cluster node that leads a partition, queue or the Redis primary

Options for every command:
  --lang en|ko              language of help, progress, results and errors (default: BROKERLAB_LANG,
                            else LC_ALL/LANG, so ko_KR.UTF-8 gives Korean; else English); texts quoted
                            from a broker or client stay as they are

Run "pnpm brokers <command> --help" for details.`,
  commandHelp: {
    up: () => `Usage: pnpm brokers up [--cluster]

Without --cluster: the single-node brokers. Reuses every broker that already completes a round trip
on its address (reported as "external"), starts the missing ones and waits (bounded) until each
accepts work. Idempotent: a second run starts nothing.

Options:
  --cluster   start only the three-node cluster: Kafka (KRaft, RF 3, min.insync.replicas 2),
              RabbitMQ (three members, management plugin), Redis (primary, two replicas, three
              Sentinels), on the ports in the README. Waits until each broker acknowledges a
              replicated write on all three nodes; the single nodes are not touched.`,
    down: () => `Usage: pnpm brokers down [--cluster [--purge]]

Stops only what "pnpm brokers up" started (native processes by their pid files, docker containers it
created). Brokers that were already running are left alone. Data stays for the next up.

Options:
  --cluster   stop the three-node cluster only (the single nodes keep running)
  --purge     with --cluster: delete the cluster's data as well, so the next up starts clean`,
    status: () => `Usage: pnpm brokers status [--json] [--cluster]

Prints each single-node broker (address, version, health by a real round trip, owner) and, when the
cluster runs, each of its nodes with the role the cluster gives it (Kafka: active controller; RabbitMQ:
running member; Redis: primary or replica with its replication offset; Sentinels), health and pid.
Exits 1 when something shown is not healthy.

Options:
  --json      print one JSON entry per broker and per node (name, broker, role, address, health, pid)
  --cluster   only the cluster's nodes`,
    logs: (p: HelpParams) => `Usage: pnpm brokers logs [broker|node] [-n N] [--follow]

Prints the last lines of the logs of what "pnpm brokers up" started: a single-node broker
(${p.brokers}) or a cluster node (${p.nodes}).

Options:
  -n, --lines N   lines per log file (default 50)
  -f, --follow    keep printing new lines (Ctrl-C to stop)`,
    fault: (p: HelpParams) => `Usage: pnpm brokers fault <fault> <node>

Acts on one node of the cluster that "pnpm brokers up --cluster" started, never on anything else.
Nodes: ${p.nodes}.

Faults:
${p.faultLines}`,
    heal: () => `Usage: pnpm brokers heal

Undoes every fault on the cluster: removes all isolation, resumes paused nodes, starts stopped or
killed ones, and waits until each broker acknowledges a replicated write on all three nodes again.`,
    leader: (p: HelpParams) => `Usage: pnpm brokers leader ${p.leaderUsage} [--json]

Prints the cluster node that leads a Kafka partition (default partition 0), a RabbitMQ queue, or the
Redis primary (as the Sentinels see it), with the members and those in sync.

Options:
  --json   print { leader, members, inSync }`,
  } satisfies Record<Command, (p: HelpParams) => string>,
  faultHelp: {
    kill: "SIGKILL every process of the node (a crash: no shutdown, data as it is on disk)",
    stop: "graceful shutdown (the broker's own)",
    pause: "SIGSTOP: a hung node; its peers see it vanish, the process keeps its state",
    resume: "SIGCONT: a paused node runs again",
    start: "start a stopped or killed node with its data, wait until it serves",
    restart: "graceful stop, then start",
    isolate: "cut the node off from its peers (iptables by cgroup) while clients still reach it",
    heal: "undo isolate for the node",
  } satisfies Record<Fault, string>,
  errors: {
    seeHelp: 'Run "pnpm brokers --help" for usage.',
    commandFirst: (arg: string, commands: string) =>
      `unknown option "${arg}" (give a command first: ${commands})`,
    unknownCommand: (arg: string, commands: string) => `unknown command "${arg}"; commands: ${commands}`,
    unknownOption: (name: string, command: string) => `unknown option "${name}" for "${command}"`,
    noValue: (name: string) => `option ${name} takes no value`,
    needsValue: (name: string) => `option ${name} needs a value`,
    purge: "--purge deletes the cluster's data: use it as down --cluster --purge",
    unknownBrokerOrNode: (name: string, brokers: string, nodes: string) =>
      `unknown broker or node "${name}"; brokers: ${brokers}; nodes: ${nodes}`,
    unexpected: (arg: string, command: string) => `unexpected argument "${arg}" for "${command}"`,
    faultNeedsBoth: (faults: string) =>
      `fault needs a fault and a node: pnpm brokers fault <${faults}> <node>`,
    unknownFault: (name: string, faults: string) => `unknown fault "${name}"; faults: ${faults}`,
    faultNeedsNode: (fault: string, nodes: string) => `fault ${fault} needs a node; nodes: ${nodes}`,
    unknownNode: (name: string, nodes: string) => `unknown node "${name}"; nodes: ${nodes}`,
    leaderNeedsBroker: (usage: string) => `leader needs a broker: pnpm brokers leader ${usage}`,
    unknownBroker: (name: string, brokers: string) => `unknown broker "${name}"; brokers: ${brokers}`,
    positiveInteger: (name: string, value: string) =>
      `option ${name} needs a positive whole number, got "${value}"`,
    kafkaBrokersRemoved:
      '--kafka-brokers was folded into the cluster: "pnpm brokers up --cluster" starts three Kafka nodes (19092/19094/19096), plain "up" one',
  },
  /** What the commands print once they ran: tables and summary lines (the --json output keeps its English words). */
  run: {
    statusHeaders: ["broker", "address", "version", "health", "managed by", "notes"],
    clusterHeaders: ["node", "role", "address", "health", "pid", "details"],
    kafkaBrokers: (n: number) => `kafka (${n} broker${n > 1 ? "s" : ""})`,
    unknownVersion: "unknown",
    cluster: "cluster:",
    /** The health column's words; JSON keeps the English ones. */
    health: {
      healthy: "healthy",
      down: "down",
      paused: "paused",
      isolated: "isolated",
      "not answering": "not answering",
    } satisfies Record<NodeHealth, string>,
    /** The role column's words for the roles the clusters report; JSON keeps the English ones. */
    roles: {
      "active controller": "active controller",
      broker: "broker",
      "running member": "running member",
      "member (not running)": "member (not running)",
      primary: "primary",
      replica: "replica",
      sentinel: "sentinel",
    },
    notReady: (failed: number, seconds: string) => `${failed} broker(s) not ready (${seconds} s)`,
    allReady: (seconds: string) => `all brokers ready (${seconds} s)`,
    clusterReady: (seconds: string) => `cluster ready (${seconds} s)`,
    leader: (leader: string, members: string, inSync: string) =>
      `${leader} (members ${members}; in sync ${inSync || "none"})`,
  },
  /** What fault and heal print, one line per node, and why they refuse. */
  fault: {
    docker: (node: string, kind: string) => `${node}: ${kind} (docker)`,
    killed: (node: string, pids: string) => `${node}: killed (SIGKILL to pid ${pids})`,
    stopped: (node: string, pid: number) => `${node}: stopped (pid ${pid}, graceful shutdown)`,
    paused: (node: string, pids: string) => `${node}: paused (SIGSTOP to pid ${pids})`,
    resumed: (node: string, pids: string) => `${node}: resumed (SIGCONT to pid ${pids})`,
    alreadyRunning: (node: string, pid: number | undefined) => `${node}: already running (pid ${pid})`,
    started: (node: string, pid: number | undefined) => `${node}: started (pid ${pid})`,
    restarted: (node: string, pid: number | undefined) => `${node}: restarted (pid ${pid})`,
    isolated: (node: string, address: string) =>
      `${node}: isolated from its peers (clients still reach ${address})`,
    healed: (node: string) => `${node}: healed (peers reach it again)`,
    notIsolated: (node: string) => `${node}: was not isolated`,
    healResumed: (node: string) => `${node}: resumed`,
    healStarting: (node: string) => `${node}: starting`,
    healDocker: "cluster: docker containers unpaused and started",
    healBack: (label: string) =>
      `${label} cluster: every node back and a replicated write acknowledged by all three`,
    nothingToHeal: "cluster: nothing to heal",
    notRunning: (node: string) =>
      `${node} is not running under pnpm brokers (faults act only on the nodes "pnpm brokers up --cluster" started); start it with: pnpm brokers fault start ${node}`,
    needsNative: (kind: string) => `${kind} needs the native cluster (BROKERLAB_RUNTIME=native)`,
  },
  /** The cluster's up/down lines and the leader command's refusals; `why` is a broker's or client's own text. */
  cluster: {
    ready: (label: string, nodes: string, detail: string) => `${label} cluster: ${nodes} (${detail})`,
    failed: (label: string, why: string) => `${label} cluster: ${why}`,
    composeUp: (profile: string, services: string) =>
      `cluster: docker compose --profile ${profile} up ${services}…`,
    dockerRemoved: (nodes: string) => `cluster: removed the docker containers ${nodes}`,
    stopping: (label: string, node: string) => `${label} cluster: stopping ${node}…`,
    stopped: (label: string, nodes: string, purged: boolean) =>
      `${label} cluster: stopped ${nodes}${purged ? "; data deleted" : ""}`,
    nothingRunning: (label: string, purged: boolean) =>
      `${label} cluster: nothing was running${purged ? "; data deleted" : ""}`,
    kafkaNoTopic: (topic: string, why: string) => `Kafka cluster: no topic "${topic}" (${why})`,
    kafkaNoPartition: (topic: string, partition: number) =>
      `Kafka cluster: topic "${topic}" has no partition ${partition}`,
    kafkaNoLeader: (topic: string, partition: number) =>
      `Kafka cluster: ${topic}/${partition} has no leader now`,
    kafkaNeedsTopic: "leader kafka needs a topic: pnpm brokers leader kafka <topic> [partition]",
    kafkaPartitionNumber: (partition: string) =>
      `leader kafka: partition must be a whole number, got "${partition}"`,
    rabbitmqNeedsQueue: "leader rabbitmq needs a queue: pnpm brokers leader rabbitmq <queue>",
    rabbitmqNoLeader: (queue: string) => `RabbitMQ cluster: queue "${queue}" has no leader now`,
    redisNoArgument: (got: string) =>
      `leader redis takes no argument (the primary leads everything), got "${got}"`,
    redisNoPrimary: "Redis cluster: no Sentinel answers with a primary",
  },
  /** What a cluster's readiness was judged by, after its node list. */
  ready: {
    kafka: "RF 3, min.insync.replicas 2; an acks=all write with all three in sync",
    rabbitmq: (ports: string) => `management ${ports}; a quorum queue with three members online confirms`,
    redis: (master: string, primary: string | undefined) =>
      `Sentinel master "${master}" is ${primary}; WAIT 2 acknowledged by both replicas`,
  },
  /** One line per single-node broker from up, down and logs; owners ("brokerlab native", "docker", "external") are status words and stay. */
  single: {
    running: (label: string, display: string, owner: string, version: string) =>
      `${label}: already running at ${display} (${owner}${version})`,
    started: (label: string, display: string, owner: string, version: string) =>
      `${label}: started at ${display} (${owner}${version})`,
    version: (version: string) => `, version ${version}`,
    stoppedNative: (label: string, address: string) => `${label}: stopped (brokerlab native, ${address})`,
    stoppedDocker: (label: string, services: string) => `${label}: stopped (docker ${services})`,
    leftAlone: (label: string, address: string) =>
      `${label}: not started by brokerlab; left as it is (${address})`,
    noLogs: (label: string, address: string) =>
      `${label} at ${address}: not started by brokerlab, so its logs are wherever its owner keeps them`,
  },
  /** The launcher's progress lines ("  … " in front); Kafka's start with "Kafka: ", which the cluster rewrites. */
  progress: {
    dockerFound: "Docker engine found: missing brokers start from docker-compose.yml",
    composeUp: (label: string, services: string) =>
      `${label}: docker compose up ${services} (waits for the healthcheck)…`,
    waiting: (label: string, address: string, seconds: number) =>
      `${label}: waiting for a round trip on ${address} (up to ${seconds} s)…`,
    noPidFile: (label: string) =>
      `${label}: answering, but its pid file is missing; down will not be able to stop it`,
    stoppingPids: (label: string, pids: string) => `${label}: stopping pid ${pids}…`,
    kafkaStartingOne: (address: string) => `Kafka: nothing answers on ${address}; starting one native broker`,
    kafkaReplacing: (from: number, dir: string, to: number) =>
      `Kafka: stopping the ${from}-broker cluster in ${dir} to start ${to} broker(s); its data is discarded`,
    kafkaFormatting: (brokers: number, clusterId: string) =>
      `Kafka: formatting KRaft storage for ${brokers} broker(s) (cluster id ${clusterId})…`,
    kafkaStartingNode: (id: number, address: string, controllerPort: number, logFile: string) =>
      `Kafka: starting node ${id} on ${address} (controller ${controllerPort}), log ${logFile}`,
    kafkaWaiting: (brokers: number, seconds: number) =>
      `Kafka: waiting for ${brokers} broker(s) to accept a produce/consume round trip (up to ${seconds} s)…`,
    kafkaCluster: "Kafka cluster: ",
    resolvingJars: (version: string, libs: string) =>
      `resolving Kafka ${version} jars from Maven Central into ${libs} (first run only)…`,
    rabbitmqStarting: (address: string, logFile: string) =>
      `RabbitMQ: starting rabbitmq-server on ${address} (takes 10-20 s), log ${logFile}`,
    rabbitmqStartingNode: (node: string, address: string, logFile: string) =>
      `RabbitMQ cluster: starting ${node} on ${address}, log ${logFile}`,
    rabbitmqJoining: (node: string, first: string) => `RabbitMQ cluster: joining ${node} to ${first}`,
    redisStarting: (address: string, logFile: string) =>
      `Redis: starting redis-server on ${address}, log ${logFile}`,
    redisStartingNode: (node: string, address: string, logFile: string) =>
      `Redis cluster: starting ${node} on ${address}, log ${logFile}`,
  },
  /** Why starting, probing or stopping failed; `why` is the broker's, client's or tool's own text, quoted as is. */
  failures: {
    runtime: (runtime: string) => `BROKERLAB_RUNTIME="${runtime}" is not one of auto, native, docker`,
    kafkaHeap: (heap: string) => `BROKERLAB_KAFKA_HEAP="${heap}" is not a JVM size such as 512m or 1g`,
    notHostPort: (what: string, address: string) =>
      `${what}: "${address}" is not host:port (for example 127.0.0.1:9092)`,
    notUrl: (what: string, url: string) => `${what}: "${url}" is not a URL`,
    unsupportedScheme: (what: string, url: string) => `${what}: "${url}" has an unsupported scheme`,
    noDocker: "BROKERLAB_RUNTIME=docker but no Docker engine answers (docker info failed)",
    composeFailed: (services: string, why: string) => `docker compose up ${services} failed: ${why}`,
    composePort: (label: string, composePort: number, port: number) =>
      `docker-compose.yml runs ${label} on port ${composePort}, not ${port}; for other ports set BROKERLAB_RUNTIME=native`,
    noRoundTrip: (label: string, address: string, why: string, logFile: string | undefined) =>
      `${label} at ${address} does not accept a round trip (${why}); see ${logFile ?? "its log"}`,
    notReady: (label: string, address: string, why: string, logFile: string | undefined) =>
      `${label} at ${address} is not ready (${why}); see ${logFile ?? "its log"}`,
    portTaken: (wanted: string, address: string, holder: string, why: string, fix: string) =>
      `${wanted} cannot start: port ${address} is taken${holder}${why}; free the port or ${fix}`,
    portHolder: (pid: number, command: string) => ` by pid ${pid} (${command})`,
    notWorking: (label: string, why: string) => `, not by a working ${label} (${why})`,
    otherPorts: "choose other ports",
    setVariable: (variable: string) => `set ${variable}`,
    remoteFailed: (label: string, address: string, why: string) =>
      `${label} at ${address} answers but the round trip failed: ${why}`,
    remoteSilent: (label: string, address: string, why: string, variable: string) =>
      `${label} at ${address} does not answer (${why}); brokerlab starts brokers only on this machine: start it or fix ${variable}`,
    noJava:
      "Java is not installed: install Java 17 (e.g. apt-get install openjdk-17-jre-headless) or use Docker",
    kafkaBrokerCount: (brokers: number) => `Kafka broker count must be 1 to 9, got ${brokers}`,
    kafkaNode: (id: number) => `Kafka node ${id}`,
    kafkaFormat: (id: number, why: string) => `Kafka: formatting storage of node ${id} failed: ${why}`,
    kafkaNoNode: (dir: string, id: number) => `Kafka cluster in ${dir} has no node ${id}`,
    kafkaNodeNotReady: (id: number, address: string, why: string, logFile: string) =>
      `Kafka node ${id} at ${address} is not ready (${why}); see ${logFile}`,
    portNeverOpened: "its port never opened",
    processExited: "the process exited",
    noAnswerYet: "no answer yet",
    noAnswer: "no answer",
    registered: (registered: number | undefined, running: number) =>
      `${registered} of ${running} brokers registered`,
    noMaven: (version: string, libs: string) =>
      `Kafka ${version} jars are not cached in ${libs} and "mvn" is not installed: install Maven (e.g. apt-get install maven) or use Docker`,
    mavenFailed: (version: string, why: string) => `mvn could not resolve the Kafka ${version} jars: ${why}`,
    mavenNoJar: (staging: string, version: string) =>
      `mvn finished but ${staging} holds no kafka_2.13-${version} jar`,
    kafkaClusterNoWrite: (seconds: number, why: string, logFile: string) =>
      `Kafka cluster: no write acknowledged by all three nodes within ${seconds} s (${why}); see ${logFile}`,
    inSync: (nodes: string) => `in sync: ${nodes}`,
    rabbitmqNotInstalled: (address: string) =>
      `RabbitMQ does not answer on ${address} and rabbitmq-server is not installed: install RabbitMQ 3.10+ (e.g. apt-get install rabbitmq-server) or use Docker`,
    rabbitmqClusterNotInstalled:
      "RabbitMQ cluster: rabbitmq-server is not installed: install RabbitMQ 3.10+ (e.g. apt-get install rabbitmq-server) or use Docker",
    rabbitmqNoDistribution: (node: string) => `RabbitMQ cluster: ${node} has no distribution port`,
    rabbitmqNodeNotReady: (node: string, address: string, why: string, logFile: string) =>
      `RabbitMQ cluster: ${node} at ${address} is not ready (${why}); see ${logFile}`,
    rabbitmqNotFound: (path: string) => `RabbitMQ cluster: ${path} not found`,
    rabbitmqNoManagement: (why: string) => `RabbitMQ cluster: no management API answers (${why})`,
    rabbitmqNoConfirm: (seconds: number, why: string) =>
      `RabbitMQ cluster: no publish confirmed by a three-member quorum queue within ${seconds} s (${why})`,
    membersOnline: (members: string) => `members online: ${members}`,
    redisNotInstalled: (address: string) =>
      `Redis does not answer on ${address} and redis-server is not installed: install Redis 7 (e.g. apt-get install redis-server) or use Docker`,
    redisClusterNotInstalled:
      "Redis cluster: redis-server is not installed: install Redis 7 (e.g. apt-get install redis-server) or use Docker",
    redisNodeNotReady: (node: string, address: string, why: string, logFile: string) =>
      `Redis cluster: ${node} at ${address} is not ready (${why}); see ${logFile}`,
    redisNoWrite: (seconds: number, why: string, logFile: string) =>
      `Redis cluster: no write acknowledged by both replicas within ${seconds} s (${why}); see ${logFile}`,
    noPrimaryYet: "no Sentinel names a primary yet",
    waitReturned: (acked: number, views: string) => `WAIT 2 returned ${acked}; Sentinels see ${views}`,
    sentinelView: (replicas: number, sentinels: number) => `${replicas} replicas/${sentinels} sentinels`,
    roundTrip: (label: string) => `${label} round trip`,
    confirm: "publisher confirm",
    timedOut: (what: string, ms: number) => `${what} timed out after ${ms} ms`,
    noLeaderAfter: (topic: string, seconds: number) => `topic ${topic} has no leader after ${seconds} s`,
    differentMessage: "RabbitMQ returned a different message",
    differentValue: "Redis returned a different value",
    noRoundTripWithin: (seconds: number, why: string) => `no round trip within ${seconds} s: ${why}`,
    exited: (why: string) => `the process exited (${why})`,
    couldNotStart: (command: string) => `could not start ${command}`,
    request: (node: string) => `${node} request`,
    kafkaClusterRequest: "Kafka cluster request",
    http: (status: number, node: string) => `HTTP ${status} from ${node}`,
    noIptables:
      "isolate needs iptables (Debian: apt-get install iptables; setup.sh installs it when run as root)",
    notRoot: "isolate needs root (iptables changes the firewall)",
    noCgroup:
      "isolate needs cgroup v2 (a node's own connections are told apart from clients' by their cgroup); none is writable here",
    unexpected: (why: string) => `unexpected error: ${why}`,
  },
};

export type BrokersMessages = typeof en;
