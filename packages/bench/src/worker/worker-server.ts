import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Agent } from "./agent.js";
import { AGENT_PATH_PREFIX, isAgentMethod } from "./worker-protocol.js";

/** A plan is a workload plus a payload of a few KB; anything far larger is not a coordinator talking. */
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface WorkerServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Serves one agent over HTTP (see worker-protocol.ts) on `host:port` (port 0: any free port). */
export async function startWorkerServer(
  agent: Agent,
  port: number,
  host = "127.0.0.1",
): Promise<WorkerServer> {
  const server = createServer((request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const method = request.url?.startsWith(AGENT_PATH_PREFIX)
      ? request.url.slice(AGENT_PATH_PREFIX.length)
      : "";
    if (request.method !== "POST" || !isAgentMethod(method)) {
      reply(404, {
        error: `unknown request ${request.method} ${request.url}; expected POST ${AGENT_PATH_PREFIX}<method>`,
      });
      return;
    }
    readJson(request)
      .then(async (body) => {
        const args = Array.isArray(body.args) ? body.args : [];
        const call = agent[method] as (...args: unknown[]) => Promise<unknown>;
        const result = await call.apply(agent, args);
        reply(200, { result: result ?? null });
      })
      .catch((error: unknown) =>
        reply(500, { error: error instanceof Error ? error.message : String(error) }),
      );
  });
  // Node closes an idle keep-alive connection after 5 s by default, racing the coordinator's next call on it
  // (ECONNRESET when the worker's event loop is late, e.g. while it connects hundreds of clients): the coordinator
  // calls at least every second during a run, so a long idle bound never holds a dead connection for long.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Coordinators keep connections alive between calls; do not wait for them to hang up.
        server.closeAllConnections();
      }),
  };
}

async function readJson(request: IncomingMessage): Promise<{ args?: unknown }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  const parsed: unknown = JSON.parse(text);
  return parsed !== null && typeof parsed === "object" ? (parsed as { args?: unknown }) : {};
}
