export { checkTargetDefinitions, definitionProblems } from "./check-definition.js";
export {
  brokerOf,
  capabilitiesOf,
  checkSettings,
  connectionSource,
  createClient,
  isTargetId,
  parseTargets,
  TARGET_IDS,
  targetDefinition,
} from "./lookup.js";
export { TARGETS } from "./targets.js";
