import type { AgentRole } from "./agent.js";

export interface AgentShare<P, C> {
  readonly role: AgentRole;
  readonly producers: P[];
  readonly consumers: C[];
}

/**
 * Splits a workload's producers and consumers over `agents` processes. With one agent it does everything; with
 * several, producers and consumers go to different agents (so a consumer never shares a thread with the load it
 * must keep up with), half the agents each, the odd one to consumers (they cost more per record in Node), each
 * side dealt round-robin. Agents left without work are `idle`.
 */
export function assignRoles<P, C>(
  agents: number,
  producers: readonly P[],
  consumers: readonly C[],
): AgentShare<P, C>[] {
  if (agents < 1) throw new RangeError(`agents must be ≥ 1, got ${agents}`);
  if (agents === 1)
    return [
      {
        role: roleOf(producers.length, consumers.length),
        producers: [...producers],
        consumers: [...consumers],
      },
    ];
  const producerAgents = Math.floor(agents / 2);
  const shares = Array.from({ length: agents }, () => ({ producers: [] as P[], consumers: [] as C[] }));
  producers.forEach((producer, i) => {
    shares[i % producerAgents]?.producers.push(producer);
  });
  consumers.forEach((consumer, i) => {
    shares[producerAgents + (i % (agents - producerAgents))]?.consumers.push(consumer);
  });
  return shares.map((share) => ({ ...share, role: roleOf(share.producers.length, share.consumers.length) }));
}

function roleOf(producers: number, consumers: number): AgentRole {
  if (producers > 0 && consumers > 0) return "producer+consumer";
  if (producers > 0) return "producer";
  return consumers > 0 ? "consumer" : "idle";
}
