import type { Agent } from "./agent.js";

/**
 * The worker's HTTP protocol: `POST /agent/<method>` with `{"args": [...]}`, answered `{"result": …}` (200) or
 * `{"error": "…"}` (500). One method per {@link Agent} call, as OMB's workers expose one endpoint per step; the
 * coordinator polls `snapshot` once a second for the counts, and `histograms` once at the end of the timed run.
 */
export const AGENT_METHODS = [
  "info",
  "setup",
  "subscribe",
  "unsubscribe",
  "setRate",
  "startProducers",
  "stopProducers",
  "recordEndToEnd",
  "snapshot",
  "histograms",
  "resetHistograms",
  "close",
] as const satisfies readonly (keyof Agent)[];

export type AgentMethod = (typeof AGENT_METHODS)[number];

export const AGENT_PATH_PREFIX = "/agent/";

export function isAgentMethod(name: string): name is AgentMethod {
  return (AGENT_METHODS as readonly string[]).includes(name);
}
