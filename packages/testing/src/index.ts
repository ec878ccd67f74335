export { type Consumer, consume, useClient, useTopic } from "./fixtures.js";
export { type AckRule, Inbox } from "./inbox.js";
export { uniqueName } from "./names.js";
export { type NumberedRecordsOptions, numberedRecords, numberOf, text } from "./records.js";
export { fromTheStart } from "./start.js";
export { eventually, sleep, waitUntil } from "./wait.js";
