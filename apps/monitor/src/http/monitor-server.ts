import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Lang } from "@brokerlab/i18n";
import type { Monitor } from "../monitor.js";
import { pageHtml } from "../page/page-html.js";
import { snapshot } from "../snapshot.js";
import { burrowRoute } from "./burrow-routes.js";
import { MonitorMetrics } from "./metrics.js";

const require = createRequire(import.meta.url);
const UPLOT_DIST = dirname(require.resolve("uplot/dist/uPlot.iife.min.js"));

/** Files the page loads, read once: uPlot from its npm package, the client script beside this code. */
function assets(): Map<string, { type: string; body: Buffer }> {
  return new Map([
    [
      "/assets/uPlot.iife.min.js",
      { type: "text/javascript", body: readFileSync(join(UPLOT_DIST, "uPlot.iife.min.js")) },
    ],
    ["/assets/uPlot.min.css", { type: "text/css", body: readFileSync(join(UPLOT_DIST, "uPlot.min.css")) }],
    [
      "/assets/client.js",
      { type: "text/javascript", body: readFileSync(join(import.meta.dirname, "../page/client.js")) },
    ],
  ]);
}

/**
 * The monitor's HTTP side: the page, its assets and server-sent events (a snapshot every second), Burrow's v3
 * API, /metrics and /api/snapshot. Nothing it serves carries credentials: clusters show addresses only.
 */
export class MonitorServer {
  private readonly server: Server;
  private readonly metrics: MonitorMetrics;
  private readonly files = assets();
  private readonly page: string;
  private readonly streams = new Set<ServerResponse>();
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    private readonly monitor: Monitor,
    private readonly pushMs = 1_000,
    lang: Lang = "en",
  ) {
    this.page = pageHtml(lang);
    this.metrics = new MonitorMetrics(monitor);
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" });
        response.end(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      });
    });
  }

  /** Listens; resolves with the port (0 picks a free one). */
  async listen(port: number, host: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => resolve());
    });
    this.ticker = setInterval(() => this.push(), this.pushMs);
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : port;
  }

  async close(): Promise<void> {
    clearInterval(this.ticker);
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private push(): void {
    if (this.streams.size === 0) return;
    const data = `data: ${JSON.stringify(snapshot(this.monitor, Date.now(), false))}\n\n`;
    for (const stream of this.streams) stream.write(data);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? "/", "http://monitor").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") {
      return this.send(response, 405, "text/plain", "only GET");
    }
    if (path === "/") return this.send(response, 200, "text/html; charset=utf-8", this.page);
    const file = this.files.get(path);
    if (file) return this.send(response, 200, file.type, file.body);
    if (path === "/events") return this.openStream(request, response);
    if (path === "/metrics")
      return this.send(response, 200, this.metrics.registry.contentType, await this.metrics.text(Date.now()));
    if (path === "/api/snapshot") return this.json(response, 200, snapshot(this.monitor, Date.now(), true));
    if (path === "/burrow/admin") return this.send(response, 200, "text/plain", "GOOD");
    const answer = burrowRoute(this.monitor, path, Date.now());
    if (answer) return this.json(response, answer.status, answer.body);
    // Burrow's answer for any path it does not route.
    return this.send(
      response,
      404,
      "application/json",
      '{"error":true,"message":"invalid request type","result":{}}',
    );
  }

  private openStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    response.write(`data: ${JSON.stringify(snapshot(this.monitor, Date.now(), true))}\n\n`);
    this.streams.add(response);
    request.on("close", () => this.streams.delete(response));
  }

  private json(response: ServerResponse, status: number, body: unknown): void {
    this.send(response, status, "application/json", JSON.stringify(body));
  }

  private send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
    response.writeHead(status, { "content-type": type });
    response.end(body);
  }
}
