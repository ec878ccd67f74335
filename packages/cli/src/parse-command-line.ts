import { InvalidArgumentError } from "@brokerlab/messaging";
import { type CliMessages, cliMessagesFor } from "./i18n/index.js";
import type { ListOption, OptionSpec, OptionSpecs, OptionValues } from "./option-spec.js";

export interface ParseOptions {
  /** How the user started the CLI ("pnpm scenario failover"), for the pointer to its --help. */
  readonly command: string;
  /** Allow arguments that are not flags (scenario names, a subcommand's arguments); else each is an error. */
  readonly positionals?: boolean;
  /** The error lines (default English); a CLI may replace some with its own wording. */
  readonly messages?: CliMessages;
}

export interface ParsedCommandLine<S extends OptionSpecs> {
  readonly values: OptionValues<S>;
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` against `specs`: `--name value`, `--name=value`, `-x value`, `--` ends the flags. Every
 * mistake is an InvalidArgumentError with one line naming the flag, the value and what is expected.
 * Unlike node:util parseArgs, a value may start with "-" when it looks like a number (`--rate -5` is
 * reported as a negative rate, not as an "ambiguous argument").
 */
export function parseCommandLine<const S extends OptionSpecs>(
  argv: readonly string[],
  specs: S,
  options: ParseOptions,
): ParsedCommandLine<S> {
  const m = options.messages ?? cliMessagesFor("en");
  // The flag as typed (-n or --lines), so an error names what the user wrote.
  const raw = new Map<string, { readonly flag: string; readonly value: string | true }>();
  const positionals: string[] = [];
  const rest = [...argv];
  while (rest.length > 0) {
    const arg = rest.shift() ?? "";
    if (arg === "--") {
      positionals.push(...rest.splice(0));
      break;
    }
    if (!arg.startsWith("-") || arg === "-" || looksNumeric(arg)) {
      if (!options.positionals) throw new InvalidArgumentError(m.unexpectedArgument(arg, options.command));
      positionals.push(arg);
      continue;
    }
    const [flag = "", inline] = splitInline(arg);
    const name = nameOf(flag, specs);
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || spec === undefined)
      throw new InvalidArgumentError(m.unknownFlag(flag, options.command));
    if (spec.type === "flag") {
      if (inline !== undefined) throw new InvalidArgumentError(m.noValue(flag));
      raw.set(name, { flag, value: true });
      continue;
    }
    const next = rest[0];
    const value =
      inline ??
      (next !== undefined && (!next.startsWith("-") || looksNumeric(next)) ? rest.shift() : undefined);
    if (value === undefined) throw new InvalidArgumentError(m.needsValue(flag, options.command));
    raw.set(name, { flag, value });
  }
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const given = raw.get(name);
    values[name] =
      spec.type === "flag"
        ? given?.value === true
        : given === undefined || given.value === true
          ? undefined
          : convert(given.flag, given.value, spec, m);
  }
  return { values: values as OptionValues<S>, positionals };
}

function splitInline(arg: string): [string, string | undefined] {
  if (!arg.startsWith("--")) return [arg, undefined];
  const at = arg.indexOf("=");
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}

function nameOf(flag: string, specs: OptionSpecs): string | undefined {
  if (flag.startsWith("--")) return Object.hasOwn(specs, flag.slice(2)) ? flag.slice(2) : undefined;
  return Object.entries(specs).find(([, spec]) => spec.short !== undefined && `-${spec.short}` === flag)?.[0];
}

/** "-5", "-0.5", "-1e3": a negative number given as a value, not a flag. */
function looksNumeric(arg: string): boolean {
  return /^-\.?\d/.test(arg);
}

function convert(
  flag: string,
  value: string,
  spec: Exclude<OptionSpec, { type: "flag" }>,
  m: CliMessages,
): unknown {
  switch (spec.type) {
    case "text":
      if (value.trim() === "" && !spec.allowEmpty) throw new InvalidArgumentError(m.emptyValue(flag));
      return value;
    case "path":
      if (value.trim() === "") throw new InvalidArgumentError(m.emptyValue(flag));
      return value;
    case "integer": {
      const number = Number(value);
      if (
        !/^\s*\d+\s*$/.test(value) ||
        !Number.isSafeInteger(number) ||
        number < spec.min ||
        (spec.max !== undefined && number > spec.max)
      ) {
        throw new InvalidArgumentError(m.wholeNumber(flag, value, spec.min, spec.max));
      }
      return number;
    }
    case "number":
    case "duration": {
      const number = Number(value);
      const max = spec.max ?? Number.POSITIVE_INFINITY;
      if (value.trim() === "" || !Number.isFinite(number) || number < spec.min || number > max) {
        throw new InvalidArgumentError(
          spec.type === "duration"
            ? m.seconds(flag, value, spec.min, spec.max)
            : m.number(flag, value, spec.min, spec.max),
        );
      }
      return number;
    }
    case "list":
      return items(flag, value, spec, m);
  }
}

function items(flag: string, value: string, spec: ListOption, m: CliMessages): string[] {
  const parts = value.split(",").map((item) => item.trim());
  if (parts.some((item) => item === "")) {
    throw new InvalidArgumentError(value.trim() === "" ? m.emptyValue(flag) : m.emptyItem(flag, value));
  }
  const { valid } = spec;
  if (valid === undefined) return [...new Set(parts)];
  if (spec.all && parts.length === 1 && parts[0] === "all") return [...valid];
  for (const item of parts) {
    if (!valid.includes(item)) {
      throw new InvalidArgumentError(
        spec.unknown ? spec.unknown(item, valid) : m.notOneOf(flag, item, valid.join(", ")),
      );
    }
  }
  return [...new Set(parts)];
}
