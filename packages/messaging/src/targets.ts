/**
 * One way of using one broker ("kafka", "redis-stream", ...). The id appears in CLI flags, results JSON and
 * reports. The contract knows no concrete id: each adapter package defines its own (see TargetDefinition).
 */
export type TargetId = string;
