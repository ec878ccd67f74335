import { REDIS_CLUSTER } from "../native/redis-cluster.js";
import { managedRedisPid, redisLogFile, startRedis, stopRedis } from "../native/redis-native.js";
import { redisRoundTrip } from "../probes.js";
import { type BrokerSettings, REDIS_VERSION, urlHostPort } from "../settings.js";
import type { BrokerDefinition } from "./broker-definition.js";

const address = (settings: BrokerSettings) => urlHostPort(settings.redisUrl, "BROKERLAB_REDIS_URL");

/** Redis: the machine's own server when it answers, else one of ours; or primary, replicas and Sentinels. */
export const REDIS: BrokerDefinition = {
  name: "redis",
  label: "Redis",
  version: REDIS_VERSION,
  addressVariable: "BROKERLAB_REDIS_URL",
  probeTimeoutMs: 5000,
  address,
  display: (settings) => {
    const { host, port } = address(settings);
    return `${host}:${port}`;
  },
  probe: (settings, timeoutMs) => redisRoundTrip(settings.redisUrl, timeoutMs),
  versionOf: (_settings, _owner, probed) => probed.version,
  async ownership(settings) {
    const pid = await managedRedisPid(settings.stateDir);
    return pid
      ? { by: "brokerlab native", pids: [pid], logFiles: [redisLogFile(settings.stateDir)] }
      : { pids: [], logFiles: [] };
  },
  startNative: (hostPort, context) => startRedis(context.settings.stateDir, hostPort, context.log),
  stillStarting: async (settings) => (await managedRedisPid(settings.stateDir)) !== undefined,
  async stopNative(settings) {
    await stopRedis(settings.stateDir);
  },
  compose: { services: ["redis"], port: 6379 },
  cluster: REDIS_CLUSTER,
};
