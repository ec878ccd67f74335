import type { BrokerMemoryProbe, BrokerProbeContext } from "@brokerlab/messaging";
import type { KafkaSettings } from "../kafka-settings.js";

/** The heap columns of `jstat -gc` that hold objects: survivor spaces, eden and old generation (KB). */
const USED_COLUMNS = ["S0U", "S1U", "EU", "OU"] as const;

/** The local process listening on the first bootstrap address, undefined when Kafka is on another machine. */
async function brokerProcess(
  settings: KafkaSettings,
  context: BrokerProbeContext,
): Promise<number | undefined> {
  const match = /^(.*):(\d+)$/.exec(settings.brokers[0] ?? "");
  if (!match || !context.isLocalHost(match[1] ?? "")) return undefined;
  return context.listeningPid(Number(match[2]));
}

/** The Kafka JVM's heap in use, from `jstat -gc` on the broker process (no JMX port needed). */
export const kafkaJvmHeap: BrokerMemoryProbe<KafkaSettings> = {
  process: brokerProcess,
  async read(settings, context) {
    const pid = await brokerProcess(settings, context);
    if (pid === undefined) {
      throw new Error(`no local process listens on ${settings.brokers[0]}: jstat reads only local JVMs`);
    }
    const result = await context.runCommand("jstat", ["-gc", String(pid)], 30_000);
    const bytes = jstatHeapUsedBytes(result.output);
    if (bytes === undefined) throw new Error(`jstat -gc ${pid} printed no heap columns: ${result.tail}`);
    return { what: "JVM heap used (jstat -gc S0U+S1U+EU+OU)", bytes };
  },
};
/** Sums the used heap columns of `jstat -gc` output (a header line, then a line of KB values). */
export function jstatHeapUsedBytes(output: string): number | undefined {
  const lines = output
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/));
  const headerAt = lines.findIndex((line) => line.includes("EU") && line.includes("OU"));
  const header = lines[headerAt];
  const values = lines[headerAt + 1];
  if (header === undefined || values === undefined) return undefined;
  let kb = 0;
  for (const column of USED_COLUMNS) {
    const value = Number(values[header.indexOf(column)]);
    if (!Number.isFinite(value)) return undefined;
    kb += value;
  }
  return Math.round(kb * 1024);
}
