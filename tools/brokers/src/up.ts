import { mkdirSync } from "node:fs";
import type {
  BrokerDefinition,
  BrokerName,
  LaunchContext,
  Ownership,
} from "./definitions/broker-definition.js";
import { BROKER_DEFINITIONS, brokerDefinition } from "./definitions/index.js";
import { composeUp, dockerEngineAvailable, readDockerRecord, writeDockerRecord } from "./docker.js";
import { BrokersError } from "./errors.js";
import { brokersText } from "./i18n/index.js";
import { portTaken } from "./kafka/kafka-cluster.js";
import { isPortOpen } from "./local-listener.js";
import { ownershipOf } from "./ownership.js";
import { type ProbeResult, reason, waitForRoundTrip } from "./probes.js";
import { type BrokerSettings, type HostPort, isLocalHost, settingsFromEnv } from "./settings.js";

export interface UpOptions {
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

interface Context extends LaunchContext {
  readonly docker: () => Promise<boolean>;
}

/** Asked only when something must start, once, so a machine whose brokers all run pays nothing. */
export function dockerOnce(settings: BrokerSettings, log: (line: string) => void): () => Promise<boolean> {
  let answer: Promise<boolean> | undefined;
  return () => {
    answer ??= useDocker(settings).then((found) => {
      if (found) log(brokersText().progress.dockerFound);
      return found;
    });
    return answer;
  };
}

/**
 * Idempotent: reuses every single-node broker that already completes a round trip, starts the missing
 * ones (Docker when an engine answers, natively otherwise) and waits until each accepts work. Never
 * throws for a broker's failure: each result says what happened.
 */
export async function up(options: UpOptions = {}): Promise<UpResult[]> {
  const settings = options.settings ?? settingsFromEnv();
  const log = options.log ?? (() => {});
  mkdirSync(settings.stateDir, { recursive: true });
  const context: Context = {
    settings,
    log,
    waitMs: options.waitMs ?? 60_000,
    docker: dockerOnce(settings, log),
  };
  const definitions = options.only?.map(brokerDefinition) ?? BROKER_DEFINITIONS;
  // In parallel: a cold RabbitMQ and a cold Kafka each take 10-20 s to start.
  return Promise.all(
    definitions.map(async (definition): Promise<UpResult> => {
      try {
        return { broker: definition.name, ok: true, message: await upSingle(definition, context) };
      } catch (error) {
        const message =
          error instanceof BrokersError ? error.message : `${definition.label}: ${reason(error)}`;
        return { broker: definition.name, ok: false, message };
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

export async function useDocker(settings: BrokerSettings): Promise<boolean> {
  if (settings.runtime === "native") return false;
  const available = await dockerEngineAvailable();
  if (settings.runtime === "docker" && !available) {
    throw new BrokersError(brokersText().failures.noDocker);
  }
  return available;
}

const describe = (owner: Ownership) => owner.by ?? "external";

function withVersion(
  definition: BrokerDefinition,
  settings: BrokerSettings,
  owner: Ownership,
  probed: ProbeResult,
) {
  const version = definition.versionOf(settings, owner, probed);
  return version ? brokersText().single.version(version) : "";
}

/** One broker's single node: reuse, else start natively or with docker, then wait for a round trip. */
async function upSingle(definition: BrokerDefinition, context: Context): Promise<string> {
  const { settings, log } = context;
  const { label } = definition;
  const { single, progress, failures } = brokersText();
  const address = definition.address(settings);
  const display = definition.display(settings);
  const probe = () => definition.probe(settings, definition.probeTimeoutMs);
  const owner = await ownershipOf(definition, settings);

  if (owner.by === "brokerlab native") {
    // Ours and alive, perhaps still booting: wait for it.
    const result = await waitForRoundTrip(probe, context.waitMs).catch((error: unknown) => {
      throw new BrokersError(failures.noRoundTrip(label, display, reason(error), owner.logFiles[0]));
    });
    return single.running(
      label,
      display,
      "brokerlab native",
      withVersion(definition, settings, owner, result),
    );
  }
  const { answered, failure } = await probeExisting(definition, settings, address);
  if (answered) {
    return single.running(
      label,
      display,
      describe(owner),
      withVersion(definition, settings, owner, answered),
    );
  }
  await refuseTakenOrRemote(definition, address, failure);

  const docker = await context.docker();
  if (docker && address.port !== definition.compose.port) {
    throw new BrokersError(failures.composePort(label, definition.compose.port, address.port));
  }
  if (docker) {
    log(progress.composeUp(label, definition.compose.services.join(" ")));
    const profiles = definition.compose.profile ? [definition.compose.profile] : [];
    await composeUp(definition.compose.services, profiles);
    writeDockerRecord(settings.stateDir, {
      ...readDockerRecord(settings.stateDir),
      [definition.name]: {
        services: [...definition.compose.services],
        ...(definition.compose.profile ? { profile: definition.compose.profile } : {}),
      },
    });
  } else {
    await definition.startNative(address, context);
  }
  const started = await definition.ownership(settings);
  const logFile = docker
    ? `docker compose logs ${definition.compose.services.join(" ")}`
    : started.logFiles[0];
  log(progress.waiting(label, display, context.waitMs / 1000));
  const result = await waitForRoundTrip(
    probe,
    context.waitMs,
    () => docker || definition.stillStarting(settings),
  ).catch((error: unknown) => {
    throw new BrokersError(failures.notReady(label, display, reason(error), logFile));
  });
  const now = await definition.ownership(settings);
  if (!docker && !now.by) log(progress.noPidFile(label));
  return single.started(
    label,
    display,
    docker ? "docker" : "brokerlab native",
    withVersion(definition, settings, docker ? { by: "docker", pids: [], logFiles: [] } : now, result),
  );
}

/**
 * Asks whatever runs at the broker's address for a round trip. A port that is open but fails once gets
 * a few more seconds, so a busy broker is not mistaken for a stranger.
 */
async function probeExisting(
  definition: BrokerDefinition,
  settings: BrokerSettings,
  address: HostPort,
): Promise<{ answered?: ProbeResult; failure: string }> {
  try {
    return { answered: await definition.probe(settings, definition.probeTimeoutMs), failure: "" };
  } catch (error) {
    if (!(await isPortOpen(address.host, address.port))) return { failure: reason(error) };
  }
  try {
    return { answered: await waitForRoundTrip(() => definition.probe(settings), 10_000), failure: "" };
  } catch (error) {
    return { failure: reason(error) };
  }
}

/** Before starting anything: a port held by something else, or a remote address, is the user's to fix. */
async function refuseTakenOrRemote(
  definition: BrokerDefinition,
  address: HostPort,
  failure: string,
): Promise<void> {
  const { label, addressVariable } = definition;
  const { failures } = brokersText();
  if (await isPortOpen(address.host, address.port)) {
    if (isLocalHost(address.host)) {
      throw portTaken(
        address.host,
        address.port,
        label,
        failures.setVariable(addressVariable),
        failures.notWorking(label, failure),
      );
    }
    throw new BrokersError(failures.remoteFailed(label, `${address.host}:${address.port}`, failure));
  }
  if (!isLocalHost(address.host)) {
    throw new BrokersError(
      failures.remoteSilent(label, `${address.host}:${address.port}`, failure, addressVariable),
    );
  }
}
