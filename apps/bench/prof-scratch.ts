import { createPayloads, measurePublishRate } from "@brokerlab/bench";
import { createClient, settingsFromEnv } from "@brokerlab/targets";
import { Redis } from "ioredis";
import { createRawPublisher } from "./src/yardstick/raw-publishers.js";

const target = (process.argv[2] ?? "redis-list") as "redis-list";
const path = process.argv[3] ?? "adapter";
const settings = settingsFromEnv();
const redis = new Redis(settings.redisUrl);
const stats = async () => {
  const out: Record<string, [number, number]> = {};
  for (const l of (await redis.info("commandstats")).split("\n")) {
    const m = /cmdstat_(\w+):calls=(\d+),usec=(\d+)/.exec(l);
    if (m) out[m[1] as string] = [Number(m[2]), Number(m[3])];
  }
  return out;
};
const diff = (a: Record<string, [number, number]>, b: Record<string, [number, number]>) =>
  Object.entries(b)
    .map(([k, [c, u]]) => [k, c - (a[k]?.[0] ?? 0), u - (a[k]?.[1] ?? 0)] as const)
    .filter(([, c]) => c > 0)
    .map(([k, c, u]) => `${k}: ${c} calls, ${u} usec, ${(u / c).toFixed(1)} usec/call`)
    .join("\n");
const name = `bl-prof-${Date.now()}`;
const payloads = createPayloads({
  messageSize: 1024,
  useRandomizedPayloads: false,
  randomBytesRatio: 0,
  randomizedPayloadPoolSize: 1,
});
let publisher;
let close: () => Promise<void>;
if (path === "adapter") {
  const client = createClient(target, settings);
  await client.connect();
  await client.createTopic(name);
  publisher = client;
  close = async () => {
    await client.deleteTopic(name);
    await client.close();
  };
} else {
  const raw = await createRawPublisher({ target, settings, name, partitions: 1 });
  publisher = raw;
  close = () => raw.close();
}
const before = await stats();
const cpu0 = process.cpuUsage();
const m = await measurePublishRate({
  publisher,
  topic: name,
  payloads,
  keyDistributor: "NO_KEY",
  batchSize: 100,
  maxInflight: 8,
  durability: "leader",
  warmupSeconds: 1,
  seconds: 4,
});
const cpu = process.cpuUsage(cpu0);
console.log(
  path,
  m.publishRate.msgPerSec,
  "msg/s; client cpu ms",
  Math.round((cpu.user + cpu.system) / 1000),
  "over 5 s",
);
console.log(diff(before, await stats()));
await close();
redis.disconnect();
process.exit(0);
