import {
  DEFAULT_PREFETCH,
  type DeliveryHandler,
  type MessagingClient,
  type RawConsumer,
  type RawPublisher,
  type RawRecordHandler,
  type Subscription,
  type TargetDefinition,
  withTimeout,
} from "@brokerlab/messaging";
import { connectionSource } from "@brokerlab/targets";
import type { Path } from "./rounds.js";
import type { YardstickOptions } from "./yardstick-targets.js";

/**
 * The two consuming paths of one target, each on its own topic: the adapter's client with a subscription, and the
 * raw publisher with the raw consumer on the same name. `close` removes whatever `open` got to.
 */
export class ConsumerPair {
  readonly client: MessagingClient;
  readonly names: Record<Path, string>;
  readonly partitions: number;
  readonly settings: unknown;
  /** The raw publisher, once open; undefined where the target has no raw publisher and consumer. */
  raw: RawPublisher | undefined;
  private consumer: RawConsumer | undefined;
  private subscription: Subscription | undefined;

  constructor(
    private readonly definition: TargetDefinition,
    options: YardstickOptions,
  ) {
    const base = `bl-yard-${options.runId}-${definition.id}`;
    this.names = { adapter: `${base}-adapter`, raw: `${base}-raw` };
    this.partitions = definition.capabilities.partitions ? options.loaded.workload.partitionsPerTopic : 1;
    this.settings = definition.settings(connectionSource());
    this.client = definition.createClient(this.settings);
  }

  /** Connects, creates the topics and subscribes both paths (prefetch DEFAULT_PREFETCH); says where raw is missing. */
  async open(adapter: DeliveryHandler, raw: RawRecordHandler, notes: string[]): Promise<void> {
    const { client, names, partitions, definition } = this;
    const { rawPublisher, rawConsumer } = definition.bench;
    await withTimeout(client.connect(), 15_000, `connecting ${definition.id} to ${client.address}`);
    await client.createTopic(names.adapter, partitions > 1 ? { partitions } : {});
    const group = (path: Path) => `${names[path]}-group`;
    this.subscription = await client.subscribe(
      names.adapter,
      { group: group("adapter"), prefetch: DEFAULT_PREFETCH },
      adapter,
    );
    if (rawPublisher === "none" || rawConsumer === "none") {
      notes.push(`${definition.id} has no raw client publisher and consumer: adapter only`);
      return;
    }
    this.raw = await rawPublisher.open(this.settings, { name: names.raw, partitions });
    this.consumer = await rawConsumer.open(
      this.settings,
      { name: names.raw, partitions, group: group("raw"), prefetch: DEFAULT_PREFETCH },
      raw,
    );
  }

  /** Stops the raw consumer early (its client then leaves the broker to a native tool); close() skips it. */
  async closeRawConsumer(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.close();
  }

  async close(): Promise<void> {
    await this.closeRawConsumer().catch(() => {});
    await this.subscription?.close().catch(() => {});
    await this.client.deleteTopic(this.names.adapter).catch(() => {});
    await this.client.close().catch(() => {});
    await this.raw?.close().catch(() => {});
  }
}
