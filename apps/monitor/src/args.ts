import { list, parseCommandLine } from "@brokerlab/cli";
import { type Lang, resolveLang } from "@brokerlab/i18n";
import { InvalidArgumentError, type TargetId } from "@brokerlab/messaging";
import { TARGET_IDS } from "@brokerlab/targets";
import type { MonitorMessages } from "./i18n/index.js";

export interface MonitorArgs {
  readonly help: boolean;
  readonly port: number;
  readonly host: string;
  /** Seconds between polls of each cluster. */
  readonly interval: number;
  readonly targets: TargetId[];
  readonly cluster: boolean;
  readonly config?: string;
  readonly once: boolean;
  readonly json: boolean;
  /** RabbitMQ queues to watch over AMQP when there is no management API. */
  readonly queues: string[];
  /** The live page's language. */
  readonly lang: Lang;
}

/** `pnpm monitor --help` in the messages' language; the targets are every defined one. */
export function usage(m: MonitorMessages): string {
  return m.usage(TARGET_IDS.join(", "));
}

/** Parses the command line; a bad flag is one InvalidArgumentError line. */
export function parseMonitorArgs(argv: readonly string[]): MonitorArgs {
  const { values } = parseCommandLine(
    argv,
    {
      help: { type: "flag", short: "h" },
      port: { type: "integer", min: 0, max: 65535 },
      host: { type: "text" },
      interval: { type: "number", min: 0.1, max: 3600 },
      targets: list(TARGET_IDS, { all: true, unknown: (target, valid) => unknownTarget(target, valid) }),
      cluster: { type: "flag" },
      config: { type: "path" },
      queues: { type: "list" },
      once: { type: "flag" },
      json: { type: "flag" },
      lang: { type: "text" },
    },
    { command: "pnpm monitor" },
  );
  if (values.json && !values.once)
    throw new InvalidArgumentError("--json goes with --once; see pnpm monitor --help");
  return {
    help: values.help,
    port: values.port ?? 8000,
    host: values.host ?? "127.0.0.1",
    interval: values.interval ?? 1,
    targets: values.targets ?? [...TARGET_IDS],
    cluster: values.cluster,
    ...(values.config === undefined ? {} : { config: values.config }),
    once: values.once,
    json: values.json,
    queues: values.queues ?? [],
    lang: resolveLang(values.lang),
  };
}

function unknownTarget(target: string, valid: readonly string[]): string {
  return `unknown target "${target}"; valid targets: ${valid.join(", ")}`;
}
