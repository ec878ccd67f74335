export { defineConformanceSuite } from "./suite.js";
