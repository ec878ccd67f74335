import { describe, expect, it } from "vitest";
import { classpathDirs, listeningInodes } from "./local-listener.js";

describe("listeningInodes", () => {
  const table = [
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
    "   0: 0100007F:2384 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1 0 100 0 0 10 0",
    "   1: 0100007F:2384 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000     0        0 4343 1 0 20 4 30 10 -1",
    "   2: 0100007F:18EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4444 1 0 100 0 0 10 0",
  ].join("\n");

  it("finds the listening socket of a port, not its connections", () => {
    expect(listeningInodes(table, 9092)).toEqual(["4242"]);
    expect(listeningInodes(table, 6379)).toEqual(["4444"]);
    expect(listeningInodes(table, 5672)).toEqual([]);
  });
});

describe("classpathDirs", () => {
  it("reads the folders of a JVM classpath", () => {
    expect(
      classpathDirs("java -Xmx1g -cp /opt/kafka/libs/*:/x/y/kafka_2.13-3.9.1.jar kafka.Kafka a.properties"),
    ).toEqual(["/opt/kafka/libs", "/x/y"]);
    expect(classpathDirs("redis-server 127.0.0.1:6379")).toEqual([]);
  });
});
