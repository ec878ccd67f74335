import { RABBITMQ_CLUSTER } from "../native/rabbitmq-cluster.js";
import {
  managedRabbitMqPid,
  rabbitMqLogFiles,
  startRabbitMq,
  stopRabbitMq,
} from "../native/rabbitmq-native.js";
import { rabbitMqRoundTrip } from "../probes.js";
import { type BrokerSettings, RABBITMQ_VERSION, urlHostPort } from "../settings.js";
import type { BrokerDefinition } from "./broker-definition.js";

const address = (settings: BrokerSettings) => urlHostPort(settings.rabbitmqUrl, "BROKERLAB_RABBITMQ_URL");

/** RabbitMQ: the machine's own node when it answers, else one of ours; or the three-node cluster. */
export const RABBITMQ: BrokerDefinition = {
  name: "rabbitmq",
  label: "RabbitMQ",
  version: RABBITMQ_VERSION,
  addressVariable: "BROKERLAB_RABBITMQ_URL",
  probeTimeoutMs: 10_000,
  address,
  display: (settings) => {
    const { host, port } = address(settings);
    return `${host}:${port}`;
  },
  probe: (settings, timeoutMs) => rabbitMqRoundTrip(settings.rabbitmqUrl, timeoutMs),
  versionOf: (_settings, _owner, probed) => probed.version,
  async ownership(settings) {
    const pid = await managedRabbitMqPid(settings.stateDir);
    if (!pid) return { pids: [], logFiles: [] };
    return {
      by: "brokerlab native",
      pids: [pid],
      logFiles: rabbitMqLogFiles(settings.stateDir, address(settings).port),
    };
  },
  startNative: (hostPort, context) => startRabbitMq(context.settings.stateDir, hostPort, context.log),
  // Its pid file appears only once the node has booted, so it cannot tell a dead launch early.
  stillStarting: async () => true,
  async stopNative(settings) {
    await stopRabbitMq(settings.stateDir, address(settings).port);
  },
  compose: { services: ["rabbitmq"], port: 5672 },
  cluster: RABBITMQ_CLUSTER,
};
