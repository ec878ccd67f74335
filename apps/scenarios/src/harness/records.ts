import type { MessageRecord } from "@brokerlab/messaging";
import { type NumberedRecordsOptions, numberedRecords } from "@brokerlab/testing/harness";

/** Twenty keys, so keyed records share keys as real traffic does; a scenario may pick its own `keyOf`. */
const twentyKeys = (n: number) => `key-${n % 20}`;

/** Numbered records (header `n`, value "<label>-<n>") over twenty keys unless `keyOf` says otherwise. */
export function scenarioRecords(count: number, options: NumberedRecordsOptions = {}): MessageRecord[] {
  return numberedRecords(count, { keyOf: twentyKeys, ...options });
}
