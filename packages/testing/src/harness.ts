// The helpers that need no test runner: the scenarios (a CLI) use these, tests get them from the index too.
export { type AckRule, Inbox } from "./inbox.js";
export { uniqueName } from "./names.js";
export { batches, type NumberedRecordsOptions, numberedRecords, numberOf, text } from "./records.js";
export { fromTheStart } from "./start.js";
export { eventually, sleep, untilQuiet, waitUntil } from "./wait.js";
