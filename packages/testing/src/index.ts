export { type Consumer, consume, useClient, useTopic } from "./fixtures.js";
export * from "./harness.js";
