import {
  brokerUrl,
  type ConnectionSource,
  type Deployment,
  deploymentOf,
  hostPortList,
} from "@brokerlab/messaging";

/** Where the Redis server is: what every Redis target connects with. */
export interface RedisSettings {
  /** `redis://[user:password@]host[:port][/db]`, or `rediss://` for TLS (with Sentinel: credentials and db). */
  readonly url: string;
  /** On the cluster: the Sentinels that name the primary, and its master name. */
  readonly sentinels?: readonly string[];
  readonly sentinelMaster?: string;
  readonly deployment?: Deployment;
}

const DEFAULT_URL = "redis://127.0.0.1:6379";
const SCHEMES = ["redis:", "rediss:"];
/** The three Sentinels `pnpm brokers up --cluster` starts, and their master name. */
const DEFAULT_SENTINELS = ["127.0.0.1:26391", "127.0.0.1:26392", "127.0.0.1:26393"];
const DEFAULT_MASTER = "brokerlab";

/**
 * BROKERLAB_REDIS_URL (default redis://127.0.0.1:6379), or with BROKERLAB_DEPLOYMENT=cluster the primary
 * through BROKERLAB_CLUSTER_REDIS_SENTINELS (comma-separated) and BROKERLAB_CLUSTER_REDIS_MASTER
 * (defaults: the cluster's three Sentinels, master `brokerlab`).
 */
export function redisSettings(source: ConnectionSource): RedisSettings {
  const { env } = source;
  if (deploymentOf(source) === "single") {
    return {
      url: brokerUrl("BROKERLAB_REDIS_URL", env.BROKERLAB_REDIS_URL, DEFAULT_URL, SCHEMES, DEFAULT_URL),
    };
  }
  return {
    deployment: "cluster",
    url: "redis://127.0.0.1",
    sentinels: hostPortList(
      "BROKERLAB_CLUSTER_REDIS_SENTINELS",
      env.BROKERLAB_CLUSTER_REDIS_SENTINELS,
      DEFAULT_SENTINELS,
    ),
    sentinelMaster: env.BROKERLAB_CLUSTER_REDIS_MASTER || DEFAULT_MASTER,
  };
}
