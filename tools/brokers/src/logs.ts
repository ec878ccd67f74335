import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import type { BrokerName } from "./definitions/broker-definition.js";
import { BROKER_DEFINITIONS, brokerDefinition } from "./definitions/index.js";
import { composeArgs, composeLogs, readDockerRecord } from "./docker.js";
import { brokersText } from "./i18n/index.js";
import { type BrokerSettings, settingsFromEnv } from "./settings.js";

/** The last `lines` lines of a text file. */
export function tail(text: string, lines: number): string {
  const all = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  return all.slice(-lines).join("\n");
}

/** Prints the log tails of the brokers `up` started; with `follow`, keeps printing until interrupted. */
export async function logs(
  options: {
    broker?: BrokerName;
    lines: number;
    follow: boolean;
    settings?: BrokerSettings;
    files?: readonly string[];
  },
  print: (text: string) => void = (text) => process.stdout.write(`${text}\n`),
): Promise<void> {
  const settings = options.settings ?? settingsFromEnv();
  const files: string[] = [];
  const containers: string[] = [];
  const profiles: string[] = [];
  const definitions = options.broker ? [brokerDefinition(options.broker)] : BROKER_DEFINITIONS;
  for (const definition of options.files ? [] : definitions) {
    const owner = await definition.ownership(settings);
    const entry = readDockerRecord(settings.stateDir)[definition.name];
    if (!owner.by && entry) {
      containers.push(...entry.services);
      if (entry.profile) profiles.push(entry.profile);
      if (!options.follow)
        print(await composeLogs(entry.services, entry.profile ? [entry.profile] : [], options.lines));
      continue;
    }
    const existing = owner.logFiles.filter((file) => existsSync(file));
    if (!existing.length) {
      print(brokersText().single.noLogs(definition.label, definition.display(settings)));
      continue;
    }
    for (const file of existing) {
      print(`==> ${definition.label}: ${file} <==`);
      print(tail(readFileSync(file, "utf8"), options.lines));
      files.push(file);
    }
  }
  for (const file of (options.files ?? []).filter((each) => existsSync(each))) {
    print(`==> ${file} <==`);
    print(tail(readFileSync(file, "utf8"), options.lines));
    files.push(file);
  }
  if (!options.follow) return;
  const followers: [string, string[]][] = [];
  if (files.length) followers.push(["tail", ["-n", "0", "-F", ...files]]);
  if (containers.length) {
    followers.push([
      "docker",
      [...composeArgs(profiles), "logs", "-f", "--tail", String(options.lines), ...containers],
    ]);
  }
  await Promise.all(
    followers.map(
      ([command, args]) =>
        new Promise<void>((resolve) => {
          const child = spawn(command, args, { stdio: "inherit" });
          child.on("exit", () => resolve());
          process.once("SIGINT", () => child.kill("SIGTERM"));
        }),
    ),
  );
}
