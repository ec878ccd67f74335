import type { BrokerName, NodeRole } from "../definitions/broker-definition.js";
import { BROKER_DEFINITIONS } from "../definitions/index.js";
import { type BrokersMessages, en } from "../i18n/en.js";
import { formatTable } from "../status.js";
import { type ClusterOptions, dockerCluster, launchContext } from "./cluster.js";
import { address, CLUSTER_NODES, type ClusterNode, type NodeKind } from "./cluster-nodes.js";
import { isolatedNodes } from "./isolation.js";
import { nodePid, nodeState } from "./node-processes.js";

export type NodeHealth = "healthy" | "down" | "paused" | "isolated" | "not answering";

/** One cluster node as `status --json` prints it. */
export interface NodeStatus {
  readonly name: string;
  readonly broker: BrokerName;
  readonly kind: NodeKind;
  readonly deployment: "cluster";
  /** What the cluster says the node is (or "-" when nothing answered for it). */
  readonly role: string;
  readonly address: string;
  readonly health: NodeHealth;
  /** The node's main process, or null when it does not run (or runs in a container). */
  readonly pid: number | null;
  readonly details?: Readonly<Record<string, string | number>>;
  readonly log: string;
}

function health(role: NodeRole | undefined, state: string, isolated: boolean, docker: boolean): NodeHealth {
  if (state === "stopped" && !docker) return "down";
  if (state === "paused") return "paused";
  if (isolated) return "isolated";
  return role?.answered ? "healthy" : docker ? "down" : "not answering";
}

/** Every cluster node with its role (asked of the cluster itself), health and pid. */
export async function clusterStatus(options: ClusterOptions = {}): Promise<NodeStatus[]> {
  const context = launchContext(options);
  const { settings } = context;
  const docker = dockerCluster(settings);
  const isolated = await isolatedNodes();
  const roles = new Map<string, NodeRole>();
  await Promise.all(
    BROKER_DEFINITIONS.map(async (definition) => {
      const found = await definition.cluster.roles(context).catch(() => new Map<string, NodeRole>());
      for (const [name, role] of found) roles.set(name, role);
    }),
  );
  return Promise.all(
    CLUSTER_NODES.map(async (node: ClusterNode): Promise<NodeStatus> => {
      const role = roles.get(node.name);
      const state = await nodeState(node, settings);
      const definition = BROKER_DEFINITIONS.find((each) => each.name === node.broker);
      return {
        name: node.name,
        broker: node.broker,
        kind: node.kind,
        deployment: "cluster",
        role: role?.role ?? "-",
        address: address(node),
        health: health(role, state, isolated.includes(node.name), docker),
        pid: (await nodePid(node, settings)) ?? null,
        ...(role?.details ? { details: role.details } : {}),
        log: docker
          ? `docker compose logs ${node.name}`
          : (definition?.cluster.nodeFiles(node, settings).logFile ?? ""),
      };
    }),
  );
}

/** True when any cluster node runs (natively or in docker): `status` then shows the cluster too. */
export async function clusterRunning(options: ClusterOptions = {}): Promise<boolean> {
  const { settings } = launchContext(options);
  if (dockerCluster(settings)) return true;
  for (const node of CLUSTER_NODES) if (await nodePid(node, settings)) return true;
  return false;
}

const detailText = (details: NodeStatus["details"]) =>
  Object.entries(details ?? {})
    .map(([key, value]) => `${key} ${value}`)
    .join(", ");

/** A role the catalogue knows, in its language; any other (a broker's own word) as it is. */
function roleText(role: string, m: BrokersMessages["run"]): string {
  const roles: Readonly<Record<string, string>> = m.roles;
  return roles[role] ?? role;
}

export function formatClusterStatus(rows: readonly NodeStatus[], m: BrokersMessages["run"] = en.run): string {
  return formatTable(
    m.clusterHeaders,
    rows.map((row) => [
      row.name,
      roleText(row.role, m),
      row.address,
      m.health[row.health],
      row.pid ? String(row.pid) : "-",
      detailText(row.details),
    ]),
  );
}
