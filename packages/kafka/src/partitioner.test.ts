import kafkajs from "kafkajs";
import { describe, expect, it } from "vitest";
import { javaCompatiblePartitioner, murmur2, partitionForKey } from "./partitioner.js";

// Computed with the Java client itself (kafka-clients 3.9.1 under jshell):
// Utils.murmur2(key.getBytes(UTF_8)) and BuiltInPartitioner.partitionForKey(bytes, n) for n = 3, 7, 12.
// "1".."12345" also match the published Akka/librdkafka vectors for Kafka's murmur2.
const JAVA: readonly [string, number, number, number, number][] = [
  ["", 275646681, 0, 2, 9],
  ["a", -1563381124, 1, 5, 4],
  ["1", -1993445489, 0, 2, 3],
  ["12", 126087238, 1, 4, 10],
  ["123", -267702483, 2, 3, 5],
  ["1234", -1614185708, 0, 0, 0],
  ["12345", -1188365604, 2, 3, 8],
  ["kafka", -798503068, 1, 3, 4],
  ["order-42", 501153024, 0, 1, 0],
  ["user-7", 696778364, 2, 2, 8],
  ["héllo-ключ-🚀", -1317046081, 1, 1, 7],
  ["giberish123456789", -1890243828, 2, 5, 8],
  ["a-little-bit-long-string", -985981536, 2, 1, 8],
];

describe("murmur2 / partitionForKey", () => {
  it.each(JAVA)("%j hashes and partitions as the Java client does", (key, hash, p3, p7, p12) => {
    expect(murmur2(Buffer.from(key, "utf8"))).toBe(hash);
    expect(partitionForKey(key, 3)).toBe(p3);
    expect(partitionForKey(key, 7)).toBe(p7);
    expect(partitionForKey(key, 12)).toBe(p12);
  });

  it("treats a string key and its UTF-8 bytes alike", () => {
    expect(partitionForKey(Buffer.from("héllo", "utf8"), 12)).toBe(partitionForKey("héllo", 12));
  });

  it("rejects a partition count that is not a positive integer", () => {
    expect(() => partitionForKey("k", 0)).toThrow(RangeError);
    expect(() => partitionForKey("k", 1.5)).toThrow(RangeError);
  });

  it("agrees with kafkajs' DefaultPartitioner for keyed records", () => {
    const partitionMetadata = Array.from({ length: 12 }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 1,
      replicas: [1],
      isr: [1],
    }));
    const theirs = kafkajs.Partitioners.DefaultPartitioner();
    const ours = javaCompatiblePartitioner(() => {})();
    for (let i = 0; i < 500; i++) {
      const message = { key: `key-${i}`, value: "v" };
      expect(ours({ topic: "t", partitionMetadata, message })).toBe(
        theirs({ topic: "t", partitionMetadata, message }),
      );
    }
  });

  it("spreads unkeyed records over partitions with a leader and reports each choice", () => {
    const partitionMetadata = [0, 1, 2].map((partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: partitionId === 1 ? -1 : 1,
      replicas: [1],
      isr: [1],
    }));
    const seen: number[] = [];
    const partitioner = javaCompatiblePartitioner((_, partition) => seen.push(partition))();
    for (let i = 0; i < 6; i++) partitioner({ topic: "t", partitionMetadata, message: { value: "v" } });
    expect(new Set(seen)).toEqual(new Set([0, 2]));
    expect(partitioner({ topic: "t", partitionMetadata, message: { value: "v", partition: 1 } })).toBe(1);
  });

  it("follows new metadata when a partition loses its leader", () => {
    const metadata = (leaderless: number) =>
      [0, 1, 2].map((partitionId) => ({
        partitionErrorCode: 0,
        partitionId,
        leader: partitionId === leaderless ? -1 : 1,
        replicas: [1],
        isr: [1],
      }));
    const partitioner = javaCompatiblePartitioner(() => {})();
    const choices = (partitionMetadata: ReturnType<typeof metadata>) =>
      new Set(
        Array.from({ length: 6 }, () =>
          partitioner({ topic: "t", partitionMetadata, message: { value: "v" } }),
        ),
      );
    expect(choices(metadata(0))).toEqual(new Set([1, 2]));
    expect(choices(metadata(2))).toEqual(new Set([0, 1]));
  });
});
