export { checkOutputFolder } from "./check-output-folder.js";
export { type CliMessages, cliMessagesFor } from "./i18n/index.js";
export {
  type DurationOption,
  type FlagOption,
  type IntegerOption,
  type ListOption,
  list,
  type NumberOption,
  type OptionSpec,
  type OptionSpecs,
  type OptionValue,
  type OptionValues,
  type PathOption,
  type TextOption,
} from "./option-spec.js";
export { type ParsedCommandLine, type ParseOptions, parseCommandLine } from "./parse-command-line.js";
export { EXIT_RUN_FAILED, EXIT_USAGE, isUsageError, redact, reportFailure } from "./report-failure.js";
