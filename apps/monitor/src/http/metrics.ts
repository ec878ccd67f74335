import { Gauge, Registry } from "prom-client";
import { statusRank } from "../evaluator/status.js";
import type { Monitor } from "../monitor.js";

/**
 * Prometheus gauges named as Burrow 1.3.4+ names them (`burrow_kafka_*`, labels cluster / consumer_group /
 * topic / partition) and, for lag in seconds, as kafka-lag-exporter does (`kafka_consumergroup_*`, labels
 * cluster_name / group / topic / partition). Set afresh from the current evaluation at every scrape, as Burrow
 * does, so a group that is gone disappears.
 */
export class MonitorMetrics {
  readonly registry = new Registry();
  private readonly group = ["cluster", "consumer_group"] as const;
  private readonly partition = ["cluster", "consumer_group", "topic", "partition"] as const;
  private readonly exporterGroup = ["cluster_name", "group"] as const;
  private readonly exporterPartition = ["cluster_name", "group", "topic", "partition"] as const;
  private readonly gauges = {
    lagTotal: this.gauge(
      "burrow_kafka_consumer_lag_total",
      "The sum of all partition current lag values for the group",
      this.group,
    ),
    status: this.gauge(
      "burrow_kafka_consumer_status",
      "The status of the consumer group (index in NOTFOUND, OK, WARN, ERR, STOP, STALL, REWIND)",
      this.group,
    ),
    partitionStatus: this.gauge(
      "burrow_kafka_topic_partition_status",
      "The status of a group's topic partition (index in NOTFOUND, OK, WARN, ERR, STOP, STALL, REWIND)",
      this.partition,
    ),
    currentOffset: this.gauge(
      "burrow_kafka_consumer_current_offset",
      "Latest offset stored for this group partition",
      this.partition,
    ),
    partitionLag: this.gauge(
      "burrow_kafka_consumer_partition_lag",
      "Number of messages the group is behind by on a partition",
      this.partition,
    ),
    topicOffset: this.gauge("burrow_kafka_topic_partition_offset", "Latest offset of the topic partition", [
      "cluster",
      "topic",
      "partition",
    ]),
    lag: this.gauge(
      "kafka_consumergroup_group_lag",
      "Group offset lag of a partition",
      this.exporterPartition,
    ),
    lagSeconds: this.gauge(
      "kafka_consumergroup_group_lag_seconds",
      "Group time lag of a partition",
      this.exporterPartition,
    ),
    maxLag: this.gauge("kafka_consumergroup_group_max_lag", "Max group offset lag", this.exporterGroup),
    maxLagSeconds: this.gauge(
      "kafka_consumergroup_group_max_lag_seconds",
      "Max group time lag",
      this.exporterGroup,
    ),
    sumLag: this.gauge("kafka_consumergroup_group_sum_lag", "Sum of group offset lag", this.exporterGroup),
    latestOffset: this.gauge("kafka_partition_latest_offset", "Latest offset of a partition", [
      "cluster_name",
      "topic",
      "partition",
    ]),
    up: this.gauge("brokerlab_monitor_cluster_up", "1 when the last poll of the cluster succeeded", [
      "cluster",
      "broker",
    ]),
    info: this.gauge(
      "brokerlab_monitor_group_info",
      "The kind of target a group belongs to and how its status is found",
      ["cluster", "consumer_group", "kind", "status_basis"],
    ),
  };

  constructor(private readonly monitor: Monitor) {}

  async text(now: number): Promise<string> {
    for (const gauge of Object.values(this.gauges)) gauge.reset();
    const g = this.gauges;
    for (const { state } of this.monitor.clusters) {
      const cluster = state.name;
      g.up.set({ cluster, broker: state.broker }, state.error === null && state.lastPollAt !== null ? 1 : 0);
      for (const topic of state.topicNames()) {
        if (!this.monitor.wanted(state.topicKind(topic) ?? "")) continue;
        (state.topicOffsets(topic) ?? []).forEach((offset, partition) => {
          g.topicOffset.set({ cluster, topic, partition: String(partition) }, offset);
          g.latestOffset.set({ cluster_name: cluster, topic, partition: String(partition) }, offset);
        });
      }
      for (const report of this.monitor.reports(state, now)) {
        const group = { cluster, consumer_group: report.group };
        const exporter = { cluster_name: cluster, group: report.group };
        g.lagTotal.set(group, report.totalLag);
        g.status.set(group, statusRank(report.status));
        g.info.set({ ...group, kind: report.kind, status_basis: report.statusBasis }, 1);
        g.maxLag.set(exporter, report.maxlag?.currentLag ?? 0);
        g.sumLag.set(exporter, report.totalLag);
        if (report.lagSeconds !== null) g.maxLagSeconds.set(exporter, report.lagSeconds);
        report.partitions.forEach((partition, index) => {
          const labels = { ...group, topic: partition.topic, partition: String(partition.partition) };
          const exporterLabels = {
            ...exporter,
            topic: partition.topic,
            partition: String(partition.partition),
          };
          g.partitionLag.set(labels, partition.currentLag);
          g.lag.set(exporterLabels, partition.currentLag);
          const seconds = report.partitionLagSeconds[index];
          if (seconds !== null && seconds !== undefined) g.lagSeconds.set(exporterLabels, seconds);
          if (partition.end) {
            g.currentOffset.set(labels, partition.end.offset);
            g.partitionStatus.set(labels, statusRank(partition.status));
          }
        });
      }
    }
    return this.registry.metrics();
  }

  private gauge(name: string, help: string, labelNames: readonly string[]) {
    return new Gauge({ name, help, labelNames: [...labelNames], registers: [this.registry] });
  }
}
