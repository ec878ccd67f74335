import { mkdirSync } from "node:fs";
import {
  BROKERS,
  brokerAddress,
  kafkaDir,
  kafkaVersion,
  LABELS,
  type Ownership,
  ownership,
  probe,
  waitForRoundTrip,
} from "./brokers.js";
import {
  type BrokerName,
  composeRemove,
  composeServices,
  composeUp,
  dockerEngineAvailable,
  readDockerRecord,
  writeDockerRecord,
} from "./docker.js";
import { BrokersError } from "./errors.js";
import { portTaken, readLayout, startKafkaCluster } from "./kafka/kafka-cluster.js";
import { isPortOpen } from "./local-listener.js";
import { managedRabbitMqPid, rabbitMqLogFiles, startRabbitMq } from "./native/rabbitmq-native.js";
import { managedRedisPid, redisLogFile, startRedis } from "./native/redis-native.js";
import { type ProbeResult, reason } from "./probes.js";
import {
  type BrokerSettings,
  type HostPort,
  isLocalHost,
  KAFKA_VERSION,
  parseHostPort,
  settingsFromEnv,
  urlHostPort,
} from "./settings.js";

export interface UpOptions {
  /** Kafka brokers wanted; undefined keeps what runs (or one broker when nothing does). */
  readonly kafkaBrokers?: number;
  /** Which brokers (default all three). */
  readonly only?: readonly BrokerName[];
  readonly settings?: BrokerSettings;
  readonly log?: (line: string) => void;
  /** Bounded wait for each broker's round trip (default 60 s). */
  readonly waitMs?: number;
}

export interface UpResult {
  readonly broker: BrokerName;
  readonly ok: boolean;
  /** One line: what happened, or why it failed. */
  readonly message: string;
}

interface Context {
  readonly settings: BrokerSettings;
  readonly docker: () => Promise<boolean>;
  readonly log: (line: string) => void;
  readonly waitMs: number;
  readonly kafkaBrokers?: number;
}

/**
 * Idempotent: reuses every broker that already completes a round trip, starts the missing ones (Docker
 * when an engine answers, natively otherwise) and waits until each accepts work. Never throws for a
 * broker's failure: each result says what happened.
 */
export async function up(options: UpOptions = {}): Promise<UpResult[]> {
  const settings = options.settings ?? settingsFromEnv();
  const log = options.log ?? (() => {});
  mkdirSync(settings.stateDir, { recursive: true });
  // Asked only when something must start, once, so a machine whose brokers all run pays nothing.
  let dockerAnswer: Promise<boolean> | undefined;
  const docker = () => {
    dockerAnswer ??= useDocker(settings).then((found) => {
      if (found) log("Docker engine found: missing brokers start from docker-compose.yml");
      return found;
    });
    return dockerAnswer;
  };
  const context: Context = {
    settings,
    docker,
    log,
    waitMs: options.waitMs ?? 60_000,
    ...(options.kafkaBrokers ? { kafkaBrokers: options.kafkaBrokers } : {}),
  };
  const brokers = options.only ?? BROKERS;
  // In parallel: a cold RabbitMQ and a cold Kafka each take 10-20 s to start.
  return Promise.all(
    brokers.map(async (broker): Promise<UpResult> => {
      try {
        const message = broker === "kafka" ? await upKafka(context) : await upSimple(broker, context);
        return { broker, ok: true, message };
      } catch (error) {
        const message = error instanceof BrokersError ? error.message : `${LABELS[broker]}: ${reason(error)}`;
        return { broker, ok: false, message };
      }
    }),
  );
}

/** Throws one error listing every broker that failed; used by tests (`pnpm test` calls the CLI). */
export async function ensureBrokers(options: UpOptions = {}): Promise<UpResult[]> {
  const results = await up(options);
  const failed = results.filter((result) => !result.ok);
  if (failed.length) throw new BrokersError(failed.map((result) => result.message).join("\n"));
  return results;
}

async function useDocker(settings: BrokerSettings): Promise<boolean> {
  if (settings.runtime === "native") return false;
  const available = await dockerEngineAvailable();
  if (settings.runtime === "docker" && !available) {
    throw new BrokersError("BROKERLAB_RUNTIME=docker but no Docker engine answers (docker info failed)");
  }
  return available;
}

function describe(owner: Ownership): string {
  return owner.by ?? "external";
}

async function upKafka(context: Context): Promise<string> {
  const { settings, log } = context;
  const first = parseHostPort(settings.kafkaBrokers[0] ?? "", "BROKERLAB_KAFKA_BROKERS");
  const dir = kafkaDir(settings);
  const owner = await ownership("kafka", settings);
  const requested = context.kafkaBrokers;

  if (owner.by === "brokerlab native") {
    const layout = readLayout(dir);
    const want = requested ?? layout?.brokers ?? 1;
    const intact = layout?.brokers === want && owner.pids.length === want && layout.basePort === first.port;
    if (intact) {
      const result = await waitForRoundTrip(() => probe("kafka", settings, 20_000), context.waitMs).catch(
        (error: unknown) => {
          throw new BrokersError(
            `Kafka at ${brokerAddress("kafka", settings, want)} (brokerlab native) does not accept a round trip (${reason(error)}); see ${owner.logFiles[0]}`,
          );
        },
      );
      return `Kafka: already running at ${brokerAddress("kafka", settings, want)} (brokerlab native, ${result.brokers} broker(s), version ${layout?.version})`;
    }
    return startNativeKafka(context, first, want);
  }

  const { answered, failure } = await probeExisting("kafka", settings, first);
  if (answered) {
    const count = answered.brokers ?? 1;
    if (requested && count !== requested) {
      if (owner.by === "docker") return startDockerKafka(context, first, requested, owner);
      throw new BrokersError(
        `Kafka at ${first.host}:${first.port} is not started by brokerlab and has ${count} broker(s), not ${requested}: stop it, or run brokerlab's cluster on other ports (e.g. BROKERLAB_KAFKA_BROKERS=127.0.0.1:19092)`,
      );
    }
    const version = kafkaVersion(settings, owner);
    return `Kafka: already running at ${settings.kafkaBrokers.join(",")} (${describe(owner)}, ${count} broker(s)${version ? `, version ${version}` : ""})`;
  }
  await refuseTakenOrRemote("Kafka", first, failure, "BROKERLAB_KAFKA_BROKERS");
  const want = requested ?? readLayout(dir)?.brokers ?? 1;
  if (await context.docker()) return startDockerKafka(context, first, want, owner);
  log(`Kafka: nothing answers on ${first.host}:${first.port}; starting ${want} native broker(s)`);
  return startNativeKafka(context, first, want);
}

async function startNativeKafka(context: Context, first: HostPort, brokers: number): Promise<string> {
  const { settings } = context;
  const cluster = await startKafkaCluster({
    dir: kafkaDir(settings),
    brokers,
    basePort: first.port,
    host:
      isLocalHost(first.host) && first.host !== "0.0.0.0"
        ? first.host.replace("localhost", "127.0.0.1")
        : first.host,
    heap: settings.kafkaHeap,
    cacheDir: settings.cacheDir,
    waitMs: context.waitMs,
    log: context.log,
  });
  return `Kafka: started at ${cluster.addresses.join(",")} (brokerlab native, ${brokers} broker(s), version ${KAFKA_VERSION}), logs in ${cluster.dir}`;
}

async function startDockerKafka(
  context: Context,
  first: HostPort,
  brokers: number,
  owner: Ownership,
): Promise<string> {
  const { settings, log } = context;
  if (first.port !== 9092) {
    throw new BrokersError(
      "docker-compose.yml runs Kafka on 9092 (9094, 9096); for other ports set BROKERLAB_RUNTIME=native",
    );
  }
  const record = readDockerRecord(settings.stateDir);
  const wanted = composeServices("kafka", brokers);
  if (owner.by === "docker" && record.kafka) {
    log(
      `Kafka: switching the docker Kafka to ${brokers} broker(s); the old containers and their data are removed`,
    );
    await composeRemove(record.kafka.services, record.kafka.profile ? [record.kafka.profile] : []);
  }
  log(`Kafka: docker compose up ${wanted.services.join(" ")} (waits for the healthchecks)…`);
  await composeUp(wanted.services, wanted.profile ? [wanted.profile] : []);
  writeDockerRecord(settings.stateDir, { ...readDockerRecord(settings.stateDir), kafka: wanted });
  const address = brokerAddress("kafka", settings, brokers);
  await waitForRoundTrip(() => probe("kafka", settings, 20_000), context.waitMs).catch((error: unknown) => {
    throw new BrokersError(
      `Kafka at ${address} (docker) does not accept a round trip (${reason(error)}); see docker compose logs ${wanted.services.join(" ")}`,
    );
  });
  return `Kafka: started at ${address} (docker, ${brokers} broker(s))`;
}

/** Redis and RabbitMQ: reuse, else start natively or with docker, then wait for a round trip. */
async function upSimple(broker: "redis" | "rabbitmq", context: Context): Promise<string> {
  const { settings, log } = context;
  const label = LABELS[broker];
  const variable = broker === "redis" ? "BROKERLAB_REDIS_URL" : "BROKERLAB_RABBITMQ_URL";
  const address = urlHostPort(broker === "redis" ? settings.redisUrl : settings.rabbitmqUrl, variable);
  const display = `${address.host}:${address.port}`;
  const owner = await ownership(broker, settings);
  const version = (result: { version?: string }) => (result.version ? `, version ${result.version}` : "");

  if (owner.by === "brokerlab native") {
    // Ours and alive, perhaps still booting: wait for it.
    const result = await waitForRoundTrip(() => probe(broker, settings), context.waitMs).catch(
      (error: unknown) => {
        throw new BrokersError(
          `${label} at ${display} does not accept a round trip (${reason(error)}); see ${owner.logFiles[0]}`,
        );
      },
    );
    return `${label}: already running at ${display} (brokerlab native${version(result)})`;
  }
  const { answered, failure } = await probeExisting(broker, settings, address);
  if (answered) return `${label}: already running at ${display} (${describe(owner)}${version(answered)})`;
  await refuseTakenOrRemote(label, address, failure, variable);

  const docker = await context.docker();
  if (docker) {
    const wanted = composeServices(broker);
    log(`${label}: docker compose up ${broker} (waits for the healthcheck)…`);
    await composeUp(wanted.services, []);
    writeDockerRecord(settings.stateDir, { ...readDockerRecord(settings.stateDir), [broker]: wanted });
  } else if (broker === "redis") {
    await startRedis(settings.stateDir, address, log);
  } else {
    await startRabbitMq(settings.stateDir, address, log);
  }
  const logFile = docker
    ? `docker compose logs ${broker}`
    : broker === "redis"
      ? redisLogFile(settings.stateDir)
      : rabbitMqLogFiles(settings.stateDir, address.port)[0];
  log(`${label}: waiting for a publish/consume round trip on ${display} (up to ${context.waitMs / 1000} s)…`);
  const alive = async () =>
    docker ||
    broker === "rabbitmq" || // its pid file appears only once the node has booted
    (await managedRedisPid(settings.stateDir)) !== undefined;
  const result = await waitForRoundTrip(() => probe(broker, settings), context.waitMs, alive).catch(
    (error: unknown) => {
      throw new BrokersError(`${label} at ${display} is not ready (${reason(error)}); see ${logFile}`);
    },
  );
  if (broker === "rabbitmq" && !docker && !(await managedRabbitMqPid(settings.stateDir))) {
    log(`${label}: answering, but its pid file is missing; down will not be able to stop it`);
  }
  return `${label}: started at ${display} (${docker ? "docker" : "brokerlab native"}${version(result)})`;
}

/**
 * Asks whatever runs at the broker's address for a round trip. A port that is open but fails once gets
 * a few more seconds, so a busy broker is not mistaken for a stranger.
 */
async function probeExisting(
  broker: BrokerName,
  settings: BrokerSettings,
  address: HostPort,
): Promise<{ answered?: ProbeResult; failure: string }> {
  try {
    return { answered: await probe(broker, settings, broker === "kafka" ? 15_000 : undefined), failure: "" };
  } catch (error) {
    if (!(await isPortOpen(address.host, address.port))) return { failure: reason(error) };
  }
  try {
    return { answered: await waitForRoundTrip(() => probe(broker, settings), 10_000), failure: "" };
  } catch (error) {
    return { failure: reason(error) };
  }
}

/** Before starting anything: a port held by something else, or a remote address, is the user's to fix. */
async function refuseTakenOrRemote(
  label: string,
  address: HostPort,
  failure: string,
  variable: string,
): Promise<void> {
  if (await isPortOpen(address.host, address.port)) {
    if (isLocalHost(address.host)) {
      throw portTaken(
        address.host,
        address.port,
        label,
        `set ${variable}`,
        `, not by a working ${label} (${failure})`,
      );
    }
    throw new BrokersError(
      `${label} at ${address.host}:${address.port} answers but the round trip failed: ${failure}`,
    );
  }
  if (!isLocalHost(address.host)) {
    throw new BrokersError(
      `${label} at ${address.host}:${address.port} does not answer (${failure}); brokerlab starts brokers only on this machine: start it or fix ${variable}`,
    );
  }
}
