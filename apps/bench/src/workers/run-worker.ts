import { LoadAgent, startWorkerServer } from "@brokerlab/bench";
import { createClient } from "@brokerlab/targets";
import { LISTENING_PREFIX } from "./spawn-local-workers.js";

/**
 * `pnpm bench worker`: serves one {@link LoadAgent} over HTTP until SIGINT/SIGTERM, then closes its clients. It
 * reaches the brokers with its own environment's settings (BROKERLAB_* variables, see the root README). The first
 * stdout line says where it listens (a coordinator that spawned it reads the URL from there).
 */
export async function runWorker(port: number, host: string): Promise<void> {
  const agent = new LoadAgent((target) => createClient(target), "worker");
  const server = await startWorkerServer(agent, port, host);
  process.stdout.write(`${LISTENING_PREFIX}${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  await server.close();
  await agent.close();
}
