/**
 * A mistake or a missing prerequisite the user can fix. The CLI prints its message as one line
 * (no stack trace) and exits with `exitCode`.
 */
export class BrokersError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "BrokersError";
  }
}

/** A wrong command line: exit code 2 and a hint to `--help`. */
export class UsageError extends BrokersError {
  constructor(message: string) {
    super(message, 2);
    this.name = "UsageError";
  }
}
