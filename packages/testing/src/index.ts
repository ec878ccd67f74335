export { type Consumer, consume, useClient, useTopic } from "./fixtures.js";
export * from "./harness.js";
export { type OwnRedisServer, startOwnRedisServer, useOwnRedisServer } from "./own-redis-server.js";
