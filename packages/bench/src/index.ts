export { createKeyDistributor, KEY_POOL_SIZE, type KeyDistributor, keyPool } from "./keys/key-distributor.js";
export { nowMs, sleep } from "./metrics/clock.js";
export {
  CURVE_PERCENTILES,
  LatencyHistogram,
  type PercentilePoint,
  type Percentiles,
} from "./metrics/latency-histogram.js";
export { RateLimiter } from "./rate/rate-limiter.js";
export {
  type BacklogDrain,
  BENCH_RESULTS_SCHEMA,
  type BenchResults,
  type ClientCpu,
  type LimitKind,
  type MachineCpu,
  type ProcessCpu,
  type RunLimit,
  type SecondSample,
  type SoakBrokerSample,
  type SoakGrowth,
  type SoakProcessSample,
  type SoakResult,
  type SoakSample,
  type Spread,
  type TargetBenchResult,
  type Throughput,
  type WorkerInfo,
  type YardstickEntry,
} from "./results.js";
export { BenchStats } from "./runner/bench-stats.js";
export { type CpuPerRecord, cpuPerRecord } from "./runner/cpu-per-record.js";
export { decideLimit, type LimitInputs } from "./runner/decide-limit.js";
export { MaxRateSearch, type MaxRateSearchOptions, type RateStep } from "./runner/max-rate-search.js";
export {
  type MeasurePublishOptions,
  measurePublishRate,
  type PublishMeasurement,
} from "./runner/measure-publish-rate.js";
export {
  PROBE_HEADER,
  ProducerLoop,
  type ProducerLoopOptions,
  SENT_AT_HEADER,
} from "./runner/producer-loop.js";
export {
  type BenchPhase,
  type BenchProgress,
  type RunTargetOptions,
  runTarget,
} from "./runner/run-target.js";
export { memoryGrowth, soakSeries } from "./soak/memory-growth.js";
export type {
  Agent,
  AgentCounts,
  AgentHistograms,
  AgentInfo,
  AgentPlan,
  AgentRole,
  AgentSnapshot,
} from "./worker/agent.js";
export { assignRoles } from "./worker/assign-roles.js";
export { LoadAgent } from "./worker/load-agent.js";
export { RemoteAgent } from "./worker/remote-agent.js";
export { startWorkerServer, type WorkerServer } from "./worker/worker-server.js";
export { durabilityFor } from "./workload/durability.js";
export {
  type LoadedWorkload,
  type LoadOptions,
  loadWorkload,
  payloadCandidates,
} from "./workload/load-workload.js";
export { type ParsedWorkload, parseWorkload, WorkloadError } from "./workload/parse-workload.js";
export { createPayloads, type PayloadOptions, type PayloadSource } from "./workload/payloads.js";
export {
  type DurabilityChoice,
  KEY_DISTRIBUTORS,
  type KeyDistributorType,
  type Workload,
} from "./workload/workload.js";
