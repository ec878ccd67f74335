/**
 * The parser's usage errors. Each names the flag, the value given, what is expected and where to look;
 * `command` is how the user started the CLI ("pnpm scenario"), for the pointer to its --help.
 */
export const en = {
  unknownFlag: (flag: string, command: string) => `unknown flag ${flag}; see ${command} --help`,
  needsValue: (flag: string, command: string) => `${flag} needs a value; see ${command} --help`,
  noValue: (flag: string) => `${flag} takes no value`,
  unexpectedArgument: (arg: string, command: string) => `unexpected argument "${arg}"; see ${command} --help`,
  wholeNumber: (flag: string, value: string, min: number, max: number | undefined) =>
    max === undefined
      ? `${flag} must be a whole number ≥ ${min}, got "${value}"`
      : `${flag} must be a whole number from ${min} to ${max}, got "${value}"`,
  number: (flag: string, value: string, min: number, max: number | undefined) =>
    max === undefined
      ? `${flag} must be a number ≥ ${min}, got "${value}"`
      : `${flag} must be a number from ${min} to ${max}, got "${value}"`,
  seconds: (flag: string, value: string, min: number, max: number) =>
    `${flag} must be a number of seconds from ${min} to ${max}, got "${value}"`,
  notOneOf: (flag: string, item: string, valid: string) => `${flag} "${item}" is not one of ${valid}`,
  emptyItem: (flag: string, value: string) =>
    `${flag} "${value}" has an empty item; give a comma-separated list without empty entries`,
  emptyValue: (flag: string) => `${flag} is empty; give a value or leave the flag out`,
};

export type CliMessages = typeof en;
