export {
  consume,
  eventually,
  fromTheStart,
  Inbox,
  numberedRecords,
  numberOf,
  uniqueName,
  useClient,
  useTopic,
} from "./harness.js";
export { defineConformanceSuite } from "./suite.js";
