import { describe, expect, it } from "vitest";
import { clusterNode } from "../cluster/cluster-nodes.js";
import { FAILOVER_SETTINGS, kafkaNodes, parseProperties, serverProperties } from "../kafka/kafka-config.js";
import { newErlangCookie, rabbitMqClusterConf, rabbitMqClusterEnv } from "./rabbitmq-cluster.js";
import { parseInfo, redisNodeConfig, replicasFromInfo, sentinelConfig } from "./redis-cluster.js";

describe("Kafka cluster config", () => {
  it("makes three voters on the cluster's controller ports, RF 3, min.insync 2 and fast failover", () => {
    const nodes = kafkaNodes(19_092, 3);
    const second = nodes[1];
    if (!second) throw new Error("no node 2");
    const properties = parseProperties(serverProperties(second, nodes, "/d"));
    expect(properties).toMatchObject({
      "node.id": "2",
      "controller.quorum.voters": "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097",
      listeners: "PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095",
      "default.replication.factor": "3",
      "min.insync.replicas": "2",
      ...FAILOVER_SETTINGS,
    });
    expect(Number(properties["broker.session.timeout.ms"])).toBeGreaterThan(
      Number(properties["broker.heartbeat.interval.ms"]),
    );
  });

  it("keeps a single node free of replication settings it cannot meet", () => {
    const nodes = kafkaNodes(9092, 1);
    const [only] = nodes;
    if (!only) throw new Error("no node");
    const properties = parseProperties(serverProperties(only, nodes, "/d"));
    expect(properties["min.insync.replicas"]).toBe("1");
    expect(properties["unclean.leader.election.enable"]).toBeUndefined();
  });
});

describe("RabbitMQ cluster config", () => {
  it("gives each node its own listeners, management port and a pausing minority", () => {
    const conf = rabbitMqClusterConf(clusterNode("rabbitmq-3"));
    expect(conf).toContain("listeners.tcp.default = 127.0.0.1:5703\n");
    expect(conf).toContain("management.tcp.port = 15703\n");
    expect(conf).toContain("cluster_partition_handling = pause_minority\n");
  });

  it("names the node, its ports and one cookie for all three, with one scheduler", () => {
    const env = rabbitMqClusterEnv(clusterNode("rabbitmq-2"), "/state/rabbitmq-2", "ABCDEFGHIJKLMNOPQRST");
    expect(env).toMatchObject({
      RABBITMQ_NODENAME: "rabbitmq-2@localhost",
      RABBITMQ_NODE_PORT: "5702",
      RABBITMQ_DIST_PORT: "25702",
      RABBITMQ_MNESIA_BASE: "/state/rabbitmq-2/data",
      RABBITMQ_PID_FILE: "/state/rabbitmq-2/rabbitmq.pid",
    });
    expect(env.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS).toContain("-setcookie ABCDEFGHIJKLMNOPQRST");
    expect(env.RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS).toContain("+S 1:1");
  });

  it("makes Erlang cookies of 20 upper-case letters", () => {
    expect(newErlangCookie()).toMatch(/^[A-Z]{20}$/);
    expect(newErlangCookie(() => 0)).toBe("A".repeat(20));
    expect(newErlangCookie(() => 25)).toBe("Z".repeat(20));
  });
});

describe("Redis cluster config", () => {
  const primary = clusterNode("redis-1");

  it("makes redis-1 the first primary and the others its replicas, persistent and memory-capped", () => {
    const first = redisNodeConfig(primary, "/d/redis-1", primary);
    expect(first).not.toContain("replicaof");
    expect(first).toContain("port 6391\n");
    expect(first).toContain("appendonly yes\n");
    expect(first).toContain("maxmemory 256mb\n");
    expect(redisNodeConfig(clusterNode("redis-3"), "/d/redis-3", primary)).toContain(
      "replicaof 127.0.0.1 6391\n",
    );
  });

  it("has each Sentinel watch the primary as `brokerlab` with a quorum of 2 and second-scale timeouts", () => {
    const conf = sentinelConfig(clusterNode("sentinel-2"), "/d/sentinel-2", primary);
    expect(conf).toContain("port 26392\n");
    expect(conf).toContain("sentinel monitor brokerlab 127.0.0.1 6391 2\n");
    expect(conf).toContain("sentinel down-after-milliseconds brokerlab 1000\n");
    expect(conf).toContain("sentinel failover-timeout brokerlab 5000\n");
  });

  it("reads roles, offsets and replicas from INFO replication", () => {
    const info = [
      "# Replication",
      "role:master",
      "connected_slaves:2",
      "slave0:ip=127.0.0.1,port=6392,state=online,offset=3310,lag=0",
      "slave1:ip=127.0.0.1,port=6393,state=wait_bgsave,offset=0,lag=1",
      "master_repl_offset:3310",
      "",
    ].join("\r\n");
    const fields = parseInfo(info);
    expect(fields.role).toBe("master");
    expect(fields.master_repl_offset).toBe("3310");
    expect(replicasFromInfo(fields)).toEqual([
      { port: 6392, state: "online" },
      { port: 6393, state: "wait_bgsave" },
    ]);
  });
});
