import { isBrokerlabError, maskUrlCredentials } from "@brokerlab/messaging";

/** Exit status of every brokerlab CLI: 0 ok, 1 a run failed (an unreachable broker too), 2 a usage mistake. */
export const EXIT_RUN_FAILED = 1;
export const EXIT_USAGE = 2;

/** Whether `error` is the user's mistake on the command line, in a variable or a file they gave (exit 2). */
export function isUsageError(error: unknown): boolean {
  if (isBrokerlabError(error)) return error.code === "BROKERLAB_INVALID_ARGUMENT";
  // The workload parser's errors are usage mistakes in a file the user named; matched by name so that
  // this package need not depend on the bench.
  return error instanceof Error && error.name === "WorkloadError";
}

/** Credentials in URLs (`scheme://user:password@host` → `scheme://***@host`) and secret variables' values. */
export function redact(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let result = maskUrlCredentials(text);
  for (const [name, value] of Object.entries(env)) {
    if (value && value.length >= 4 && /PASSWORD|SECRET|TOKEN|PASS$/i.test(name)) {
      result = result.split(value).join("***");
    }
  }
  return result;
}

/**
 * Prints `error` as the CLI's one line on stderr (`prog: message`), redacted and on one line even when a
 * library's message has newlines in it; the stack only with BROKERLAB_DEBUG=1. Returns the exit status.
 */
export function reportFailure(
  prog: string,
  error: unknown,
  options: { readonly unexpected?: (line: string) => string; readonly env?: NodeJS.ProcessEnv } = {},
): number {
  const env = options.env ?? process.env;
  const unexpected = options.unexpected ?? ((text: string) => `unexpected error: ${text}`);
  const usage = isUsageError(error);
  const ours = usage || (isBrokerlabError(error) && error.userFacing);
  const message = error instanceof Error ? error.message : String(error);
  const line = redact(message, env)
    .replace(/\s*\n\s*/g, "; ")
    .trim();
  process.stderr.write(`${prog}: ${ours ? line : unexpected(line)}\n`);
  if (env.BROKERLAB_DEBUG === "1" && error instanceof Error && error.stack) {
    process.stderr.write(`${redact(error.stack, env)}\n`);
  }
  return usage ? EXIT_USAGE : EXIT_RUN_FAILED;
}
