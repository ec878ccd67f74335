import { InvalidArgumentError } from "@brokerlab/messaging";

/** The librdkafka binding's module, as its typings describe it. */
export type RdkafkaModule = typeof import("@confluentinc/kafka-javascript");

let loading: Promise<RdkafkaModule> | undefined;

/**
 * Loads the librdkafka binding on first use, so the kafkajs target works on a machine where the native
 * module was never built. A missing build is one line saying how to make it.
 */
export function loadRdkafka(): Promise<RdkafkaModule> {
  loading ??= import("@confluentinc/kafka-javascript").then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new InvalidArgumentError(
        `the librdkafka binding (@confluentinc/kafka-javascript) does not load: ${reason}; run \`bash setup.sh\` to build it`,
      );
    },
  );
  return loading;
}
