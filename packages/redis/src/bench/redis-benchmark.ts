import type { NativeTool } from "@brokerlab/messaging";
import { Redis } from "ioredis";
import type { RedisSettings } from "../redis-settings.js";
import { parseRedisBenchmark } from "./native-output.js";

/**
 * redis-benchmark running one command (`LPUSH` or `XADD`) with the adapter's in-flight window as connections
 * and its batch as pipeline depth. `note` says why this command stands for the target, where that is not plain.
 */
export function redisBenchmark(command: "LPUSH" | "XADD", note?: string): NativeTool<RedisSettings> {
  return {
    name: `redis-benchmark ${command}`,
    async run(settings, run, context) {
      if (settings.sentinels?.length) {
        // It takes one host and port; the cluster's primary is whatever the Sentinels say at the moment.
        throw new Error("redis-benchmark runs only against a single Redis (not through Sentinel)");
      }
      const url = new URL(settings.url);
      const payload = "x".repeat(run.messageSize);
      const requests = Math.max(50_000, Math.min(200_000, run.seconds * 20_000));
      const commandArgs =
        command === "XADD" ? ["XADD", run.name, "*", "v", payload] : ["LPUSH", run.name, payload];
      const args = [
        ...["-h", url.hostname, "-p", url.port || "6379"],
        ...(url.password ? ["-a", decodeURIComponent(url.password), "--no-auth-warning"] : []),
        ...(url.username ? ["--user", decodeURIComponent(url.username)] : []),
        ...(url.pathname.length > 1 ? ["--dbnum", url.pathname.slice(1)] : []),
        ...(url.protocol === "rediss:" ? ["--tls"] : []),
        ...["-n", String(requests), "-c", String(run.maxInflight), "-P", String(run.batchSize), "-q"],
        ...commandArgs,
      ];
      try {
        const result = await context.runCommand("redis-benchmark", args, 180_000);
        const msgPerSec = parseRedisBenchmark(result.output);
        if (msgPerSec === undefined) throw new Error(`redis-benchmark printed no summary: ${result.tail}`);
        const notes = [
          `redis-benchmark: ${requests} × ${command}, ${run.maxInflight} connections, pipeline ${run.batchSize}`,
        ];
        return { msgPerSec: Math.round(msgPerSec), notes: note ? [...notes, note] : notes };
      } finally {
        const redis = new Redis(settings.url, { maxRetriesPerRequest: 1 });
        await redis.del(run.name).catch(() => 0);
        redis.disconnect();
      }
    },
  };
}
