import { mkdirSync, rmSync } from "node:fs";
import type {
  BrokerDefinition,
  BrokerName,
  LaunchContext,
  LeaderInfo,
} from "../definitions/broker-definition.js";
import { BROKER_DEFINITIONS, brokerDefinition } from "../definitions/index.js";
import { CLUSTER_PROFILE, composeRemove, composeUp, readDockerRecord, writeDockerRecord } from "../docker.js";
import { BrokersError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import { reason } from "../probes.js";
import { type BrokerSettings, settingsFromEnv } from "../settings.js";
import { dockerOnce, type UpResult } from "../up.js";
import { address, CLUSTER_NODES, type ClusterNode } from "./cluster-nodes.js";
import { heal as healIsolation } from "./isolation.js";
import { removeNodeCgroup } from "./node-cgroup.js";
import { killNode, nodeProcesses, nodeState, signalNode } from "./node-processes.js";

export interface ClusterOptions {
  readonly settings?: BrokerSettings;
  readonly log?: (line: string) => void;
  /** Bounded wait for each broker's readiness (default 120 s). */
  readonly waitMs?: number;
  /** Which brokers (default all three). */
  readonly only?: readonly BrokerName[];
}

export function launchContext(options: ClusterOptions = {}): LaunchContext {
  return {
    settings: options.settings ?? settingsFromEnv(),
    log: options.log ?? (() => {}),
    waitMs: options.waitMs ?? 120_000,
  };
}

const definitionsOf = (options: ClusterOptions) => options.only?.map(brokerDefinition) ?? BROKER_DEFINITIONS;

/** True when `up --cluster` ran the cluster with docker compose (faults then act on containers). */
export function dockerCluster(settings: BrokerSettings): boolean {
  return readDockerRecord(settings.clusterDir).cluster !== undefined;
}

function summary(definition: BrokerDefinition, detail: string): string {
  const nodes = definition.cluster.nodes.map((node) => `${node.name} ${address(node)}`).join(", ");
  return brokersText().cluster.ready(definition.label, nodes, detail);
}

/**
 * Starts every cluster node that does not run (natively, or docker compose's `cluster` profile where an
 * engine answers) and waits until each broker acknowledges a replicated write on all three nodes.
 * Idempotent; never throws for one broker's failure: each result says what happened.
 */
export async function upCluster(options: ClusterOptions = {}): Promise<UpResult[]> {
  const context = launchContext(options);
  mkdirSync(context.settings.clusterDir, { recursive: true });
  const docker = await dockerOnce(context.settings, context.log)().catch((error: unknown) => {
    throw error instanceof BrokersError ? error : new BrokersError(reason(error));
  });
  if (docker) {
    const services = CLUSTER_NODES.map((node) => node.name);
    context.log(brokersText().cluster.composeUp(CLUSTER_PROFILE, services.join(" ")));
    await composeUp(services, [CLUSTER_PROFILE]);
    writeDockerRecord(context.settings.clusterDir, {
      ...readDockerRecord(context.settings.clusterDir),
      cluster: { services, profile: CLUSTER_PROFILE },
    });
  }
  return Promise.all(
    definitionsOf(options).map(async (definition): Promise<UpResult> => {
      try {
        if (!docker) await definition.cluster.launch(context);
        return {
          broker: definition.name,
          ok: true,
          message: summary(definition, await definition.cluster.ready(context)),
        };
      } catch (error) {
        const message =
          error instanceof BrokersError
            ? error.message
            : brokersText().cluster.failed(definition.label, reason(error));
        return { broker: definition.name, ok: false, message };
      }
    }),
  );
}

/** Throws one error listing every broker whose cluster is not ready; for tests and scenarios. */
export async function ensureCluster(options: ClusterOptions = {}): Promise<UpResult[]> {
  const results = await upCluster(options);
  const failed = results.filter((result) => !result.ok);
  if (failed.length) throw new BrokersError(failed.map((result) => result.message).join("\n"));
  return results;
}

/** Stops one node: its broker's own shutdown, then SIGKILL for whatever of it is left. */
export async function stopNode(node: ClusterNode, context: LaunchContext): Promise<void> {
  // A paused process cannot shut down: let it run first.
  await signalNode(node, context.settings, "SIGCONT");
  await brokerDefinition(node.broker).cluster.stopNode(node, context);
  if ((await nodeProcesses(node, context.settings)).length) await killNode(node, context.settings);
}

/**
 * Stops the cluster's nodes (never the single-node brokers), undoing isolation first; with `purge`,
 * deletes the cluster's data too. Returns one line per broker.
 */
export async function downCluster(options: ClusterOptions & { purge?: boolean } = {}): Promise<string[]> {
  const context = launchContext(options);
  const m = brokersText().cluster;
  await healIsolation().catch(() => []);
  const record = readDockerRecord(context.settings.clusterDir);
  if (record.cluster) {
    await composeRemove(record.cluster.services, [CLUSTER_PROFILE]);
    delete record.cluster;
    writeDockerRecord(context.settings.clusterDir, record);
    return [m.dockerRemoved(CLUSTER_NODES.map((node) => node.name).join(" "))];
  }
  return Promise.all(
    definitionsOf(options).map(async (definition) => {
      const stopped: string[] = [];
      // Last node first, so the others keep a quorum while each shuts down.
      for (const node of [...definition.cluster.nodes].reverse()) {
        if (
          (await nodeState(node, context.settings)) === "stopped" &&
          !(await nodeProcesses(node, context.settings)).length
        )
          continue;
        context.log(m.stopping(definition.label, node.name));
        await stopNode(node, context);
        stopped.push(node.name);
      }
      if (options.purge) {
        for (const dir of definition.cluster.dataDirs(context.settings))
          rmSync(dir, { recursive: true, force: true });
        for (const node of definition.cluster.nodes) removeNodeCgroup(node.name);
      }
      const purged = options.purge === true;
      return stopped.length
        ? m.stopped(definition.label, stopped.reverse().join(", "), purged)
        : m.nothingRunning(definition.label, purged);
    }),
  );
}

/** The node that leads `what` on `broker`'s cluster, and who follows. */
export async function clusterLeader(
  broker: string,
  what: readonly string[] = [],
  options: ClusterOptions = {},
): Promise<LeaderInfo> {
  return brokerDefinition(broker).cluster.leader(what, launchContext(options));
}

/**
 * The node that leads one destination (a topic's first partition, a queue or stream) on `broker`'s cluster:
 * for scenarios that handle every broker alike. Where one node leads everything (Redis), that node.
 */
export async function destinationLeader(
  broker: string,
  destination: string,
  options: ClusterOptions = {},
): Promise<LeaderInfo> {
  const { cluster } = brokerDefinition(broker);
  return cluster.leader(cluster.leadsEveryDestination ? [] : [destination], launchContext(options));
}
