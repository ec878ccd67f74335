import { capabilitiesOf, createClient, parseTargets } from "@brokerlab/targets";
import { defineConformanceSuite } from "../src/suite.js";

// BROKERLAB_TARGETS=kafka,redis-list narrows the run; default: every target.
for (const target of parseTargets(process.env.BROKERLAB_TARGETS)) {
  defineConformanceSuite(target, () => createClient(target), capabilitiesOf(target));
}
