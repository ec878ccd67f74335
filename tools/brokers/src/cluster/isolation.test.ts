import { describe, expect, it } from "vitest";
import { clusterNode } from "./cluster-nodes.js";
import { isolatedInRules, isolationRules } from "./isolation.js";
import { cgroupRoot, inNodeCgroup } from "./node-cgroup.js";

describe("isolationRules", () => {
  it("drops the node's packets to each peer and each peer's packets to the node, by cgroup", () => {
    const rules = isolationRules(clusterNode("kafka-1")).map((rule) => rule.join(" "));
    expect(rules).toEqual([
      "-p tcp -m cgroup --path brokerlab/kafka-1 -m multiport --dports 19094,19095 -m comment --comment brokerlab-isolate:kafka-1 -j DROP",
      "-p tcp -m cgroup --path brokerlab/kafka-2 -m multiport --dports 19092,19093 -m comment --comment brokerlab-isolate:kafka-1 -j DROP",
      "-p tcp -m cgroup --path brokerlab/kafka-1 -m multiport --dports 19096,19097 -m comment --comment brokerlab-isolate:kafka-1 -j DROP",
      "-p tcp -m cgroup --path brokerlab/kafka-3 -m multiport --dports 19092,19093 -m comment --comment brokerlab-isolate:kafka-1 -j DROP",
    ]);
  });

  it("cuts a RabbitMQ node on the Erlang distribution ports only (AMQP stays open to clients)", () => {
    const ports = isolationRules(clusterNode("rabbitmq-2")).map((rule) => rule[rule.indexOf("--dports") + 1]);
    expect(ports).toEqual(["25701", "25702", "25703", "25702"]);
  });

  it("reads back which nodes an iptables listing isolates", () => {
    const listing = [
      "-N BROKERLAB-ISOLATE",
      '-A BROKERLAB-ISOLATE -p tcp -m cgroup --path "brokerlab/redis-1" -m multiport --dports 6392 -m comment --comment "brokerlab-isolate:redis-1" -j DROP',
      '-A BROKERLAB-ISOLATE -p tcp -m cgroup --path "brokerlab/kafka-3" -m multiport --dports 19092 -m comment --comment "brokerlab-isolate:kafka-3" -j DROP',
    ].join("\n");
    expect(isolatedInRules(listing)).toEqual(["redis-1", "kafka-3"]);
    expect(isolatedInRules("-N BROKERLAB-ISOLATE")).toEqual([]);
  });
});

describe("node cgroups", () => {
  it("find cgroup v2 in /proc/mounts, also on hybrid hosts", () => {
    expect(cgroupRoot("cgroup2 /sys/fs/cgroup cgroup2 rw 0 0\n")).toBe("/sys/fs/cgroup");
    expect(
      cgroupRoot("cgroup /sys/fs/cgroup/cpu cgroup rw 0 0\ncgroup2 /sys/fs/cgroup/unified cgroup2 rw 0 0\n"),
    ).toBe("/sys/fs/cgroup/unified");
    expect(cgroupRoot("proc /proc proc rw 0 0\n")).toBeUndefined();
  });

  it("start a command through a shell that joins the cgroup and then becomes the command", () => {
    const wrapped = inNodeCgroup("redis-1", "redis-server", ["a.conf"]);
    if (wrapped.command === "sh") {
      expect(wrapped.args.slice(0, 2)).toEqual(["-c", 'echo $$ > "$0" && exec "$@"']);
      expect(wrapped.args[2]).toMatch(/brokerlab\/redis-1\/cgroup\.procs$/);
      expect(wrapped.args.slice(3)).toEqual(["redis-server", "a.conf"]);
    } else {
      // No writable cgroup v2 here: the command runs as it is.
      expect(wrapped).toEqual({ command: "redis-server", args: ["a.conf"] });
    }
  });
});
