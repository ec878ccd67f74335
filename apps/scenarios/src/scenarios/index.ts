import type { Scenario } from "../scenario.js";
import { acks } from "./acks.js";
import { consumerGroups } from "./consumer-groups.js";
import { deleteOnConsume } from "./delete-on-consume.js";
import { lag } from "./lag.js";
import { ordering } from "./ordering.js";
import { partitioning } from "./partitioning.js";
import { partitionsIncrease } from "./partitions-increase.js";
import { replay } from "./replay.js";
import { retention } from "./retention.js";

/** Every scenario, in the order `all` runs them. */
export const SCENARIOS: readonly Scenario[] = [
  retention,
  replay,
  deleteOnConsume,
  partitioning,
  partitionsIncrease,
  consumerGroups,
  ordering,
  acks,
  lag,
];

export const SCENARIO_NAMES = SCENARIOS.map((scenario) => scenario.name);
