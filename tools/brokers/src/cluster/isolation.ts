import { BrokersError } from "../errors.js";
import { brokersText } from "../i18n/index.js";
import { hasCommand, run } from "../processes.js";
import { type ClusterNode, clusterNode, peersOf } from "./cluster-nodes.js";
import { ensureNodeCgroup, nodeCgroupPath } from "./node-cgroup.js";

/**
 * `isolate` cuts a node off from its peers while clients still reach it: iptables drops, in a chain of
 * our own, every packet the node's cgroup sends to a peer's ports and every packet a peer's cgroup sends
 * to the node's ports. Clients are in no node's cgroup, so their connections pass. Each rule carries a
 * comment naming the isolated node, so `heal` removes exactly those rules.
 */
export const CHAIN = "BROKERLAB-ISOLATE";
const COMMENT_PREFIX = "brokerlab-isolate:";

/** The iptables rules (arguments after `-A CHAIN`) that isolate `node`. */
export function isolationRules(node: ClusterNode): string[][] {
  const comment = ["-m", "comment", "--comment", `${COMMENT_PREFIX}${node.name}`];
  const drop = (from: ClusterNode, to: ClusterNode) => [
    "-p",
    "tcp",
    "-m",
    "cgroup",
    "--path",
    nodeCgroupPath(from.name),
    "-m",
    "multiport",
    "--dports",
    to.peerPorts.join(","),
    ...comment,
    "-j",
    "DROP",
  ];
  return peersOf(node).flatMap((peer) => [drop(node, peer), drop(peer, node)]);
}

/** Names of the nodes that `iptables -S CHAIN` output shows isolated. */
export function isolatedInRules(listing: string): string[] {
  const names = new Set<string>();
  for (const match of listing.matchAll(new RegExp(`${COMMENT_PREFIX}([\\w-]+)`, "g"))) {
    if (match[1]) names.add(match[1]);
  }
  return [...names];
}

async function iptables(args: readonly string[]): Promise<string> {
  return run("iptables", ["-w", "5", ...args], { timeoutMs: 15_000 });
}

async function requireIptables(): Promise<void> {
  if (!(await hasCommand("iptables"))) {
    throw new BrokersError(brokersText().failures.noIptables);
  }
  if (process.getuid?.() !== 0) throw new BrokersError(brokersText().failures.notRoot);
}

async function ensureChain(): Promise<void> {
  const existing = await iptables(["-S"]);
  if (!existing.includes(`-N ${CHAIN}`)) await iptables(["-N", CHAIN]);
  if (!existing.includes(`-A OUTPUT -j ${CHAIN}`)) await iptables(["-I", "OUTPUT", "1", "-j", CHAIN]);
}

/** Nodes isolated now (none when iptables is missing or our chain does not exist). */
export async function isolatedNodes(): Promise<string[]> {
  if (process.getuid?.() !== 0 || !(await hasCommand("iptables"))) return [];
  try {
    return isolatedInRules(await iptables(["-S", CHAIN]));
  } catch {
    return [];
  }
}

export async function isolate(node: ClusterNode): Promise<void> {
  await requireIptables();
  for (const each of [node, ...peersOf(node)]) {
    if (!ensureNodeCgroup(each.name)) {
      throw new BrokersError(brokersText().failures.noCgroup);
    }
  }
  await ensureChain();
  if ((await isolatedNodes()).includes(node.name)) return;
  for (const rule of isolationRules(node)) await iptables(["-A", CHAIN, ...rule]);
}

/** Removes the rules isolating `node` (every node when undefined); returns the nodes healed. */
export async function heal(node?: ClusterNode): Promise<string[]> {
  const isolated = await isolatedNodes();
  const healed = node ? isolated.filter((name) => name === node.name) : isolated;
  if (!healed.length) return [];
  for (const name of healed) {
    // Deleted by the very rules isolate added (the listing quotes them differently).
    for (const rule of isolationRules(clusterNode(name)))
      await iptables(["-D", CHAIN, ...rule]).catch(() => "");
  }
  return healed;
}
