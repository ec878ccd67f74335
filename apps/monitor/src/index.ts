/** What other apps reuse: Burrow's evaluation and the lag-in-seconds table (the lag scenario uses them). */
export { evaluateGroup, type GroupStatus, notFoundStatus } from "./evaluator/evaluate-group.js";
export { evaluatePartition } from "./evaluator/evaluate-partition.js";
export { type LagReading, type LagSample, LagTimeline } from "./evaluator/lag-timeline.js";
export {
  DEFAULT_EVALUATOR_OPTIONS,
  type EvaluatorOptions,
  STATUS_NAMES,
  type StatusName,
} from "./evaluator/status.js";
export { LagTable, lagSecondsFrom } from "./windows/lag-table.js";
