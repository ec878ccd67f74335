import { ConnectionError, TimeoutError } from "@brokerlab/messaging";
import type { Agent, AgentHistograms, AgentInfo, AgentPlan, AgentSnapshot } from "./agent.js";
import { AGENT_PATH_PREFIX, type AgentMethod } from "./worker-protocol.js";

/** Quick calls (snapshot, rate changes) must answer within this; setup and subscribe get their own bound. */
const CALL_TIMEOUT_MS = 15_000;

/** An {@link Agent} on a bench worker (`pnpm bench worker`), reached over HTTP. */
export class RemoteAgent implements Agent {
  readonly where: string;
  private readonly setupTimeoutMs: number;
  private readonly callTimeoutMs: number;

  /**
   * `setupTimeoutMs` bounds setup and subscribe, which connect every client the plan names; `callTimeoutMs` the
   * quick calls.
   */
  constructor(url: string, setupTimeoutMs = 120_000, callTimeoutMs = CALL_TIMEOUT_MS) {
    this.where = url.replace(/\/+$/, "");
    this.setupTimeoutMs = setupTimeoutMs;
    this.callTimeoutMs = callTimeoutMs;
  }

  info(): Promise<AgentInfo> {
    return this.call("info", [], 5000);
  }
  setup(plan: AgentPlan): Promise<void> {
    return this.call("setup", [plan], this.setupTimeoutMs);
  }
  subscribe(): Promise<void> {
    return this.call("subscribe", [], this.setupTimeoutMs);
  }
  unsubscribe(): Promise<void> {
    return this.call("unsubscribe", []);
  }
  setRate(ratePerProducer: number): Promise<void> {
    return this.call("setRate", [ratePerProducer]);
  }
  startProducers(): Promise<void> {
    return this.call("startProducers", []);
  }
  stopProducers(): Promise<void> {
    return this.call("stopProducers", []);
  }
  recordEndToEnd(on: boolean): Promise<void> {
    return this.call("recordEndToEnd", [on]);
  }
  snapshot(): Promise<AgentSnapshot> {
    return this.call("snapshot", []);
  }
  histograms(): Promise<AgentHistograms> {
    return this.call("histograms", []);
  }
  resetHistograms(): Promise<void> {
    return this.call("resetHistograms", []);
  }
  close(): Promise<void> {
    return this.call("close", [], 30_000);
  }

  private async call<T>(
    method: AgentMethod,
    args: readonly unknown[],
    timeoutMs = this.callTimeoutMs,
  ): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.where}${AGENT_PATH_PREFIX}${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ args }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (error instanceof Error && error.name === "TimeoutError") {
        throw new TimeoutError(`bench worker ${this.where} answering ${method}`, timeoutMs);
      }
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      throw new ConnectionError(this.where, "start a worker there with `pnpm bench worker --port P`", cause);
    }
    const body = (await response.json().catch(() => ({}))) as { result?: T; error?: string };
    if (!response.ok) {
      throw new Error(
        `bench worker ${this.where}: ${method} failed: ${body.error ?? `HTTP ${response.status}`}`,
      );
    }
    return body.result as T;
  }
}
