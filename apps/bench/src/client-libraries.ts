import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** Broker client libraries a bench result depends on (those not installed are left out). */
const CLIENT_LIBRARIES = [
  "kafkajs",
  "@confluentinc/kafka-javascript",
  "amqplib",
  "ioredis",
  "bullmq",
] as const;

/** The installed version of each client library, as resolved from this app (what the run really loaded). */
export function clientLibraryVersions(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const versions: Record<string, string> = {};
  for (const name of CLIENT_LIBRARIES) {
    const version = versionOf(require, name);
    if (version !== undefined) versions[name] = version;
  }
  return versions;
}

/** Walks up from the package's entry point to its own package.json (exports may hide `name/package.json`). */
function versionOf(require: NodeRequire, name: string): string | undefined {
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    return undefined;
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (manifest.name === name) return manifest.version;
  }
  return undefined;
}
