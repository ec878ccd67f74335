import { COMMAND_HELP, parseArgs, USAGE } from "./args.js";
import { down } from "./down.js";
import { BrokersError, UsageError } from "./errors.js";
import { logs } from "./logs.js";
import { reason } from "./probes.js";
import { settingsFromEnv } from "./settings.js";
import { formatStatus, status } from "./status.js";
import { up } from "./up.js";

const print = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.stdout.write(`  … ${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.command) {
    print(USAGE);
    return args.help ? 0 : 2;
  }
  if (args.help) {
    print(COMMAND_HELP[args.command]);
    return 0;
  }
  const settings = settingsFromEnv();
  switch (args.command) {
    case "up": {
      const started = Date.now();
      const results = await up({
        settings,
        log: progress,
        ...(args.kafkaBrokers ? { kafkaBrokers: args.kafkaBrokers } : {}),
      });
      for (const result of results) print(`${result.ok ? "✓" : "✗"} ${result.message}`);
      const failed = results.filter((result) => !result.ok).length;
      print(
        failed
          ? `${failed} broker(s) not ready (${((Date.now() - started) / 1000).toFixed(1)} s)`
          : `all brokers ready (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      );
      return failed ? 1 : 0;
    }
    case "status": {
      const rows = await status(settings);
      print(args.json ? JSON.stringify(rows, null, 2) : formatStatus(rows));
      return rows.every((row) => row.health === "healthy") ? 0 : 1;
    }
    case "down": {
      for (const line of await down(settings, progress)) print(line);
      return 0;
    }
    case "logs": {
      await logs({
        lines: args.lines,
        follow: args.follow,
        settings,
        ...(args.broker ? { broker: args.broker } : {}),
      });
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`pnpm brokers: ${error.message}\nRun "pnpm brokers --help" for usage.\n`);
    } else if (error instanceof BrokersError) {
      process.stderr.write(`pnpm brokers: ${error.message}\n`);
    } else {
      // Not a user mistake: keep the stack for whoever debugs it.
      process.stderr.write(
        `pnpm brokers: unexpected error: ${reason(error)}\n${error instanceof Error ? error.stack : ""}\n`,
      );
    }
    process.exitCode = error instanceof BrokersError ? error.exitCode : 1;
  },
);
