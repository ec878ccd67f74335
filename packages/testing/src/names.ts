import { randomBytes } from "node:crypto";

/** `bl-<label>-<8 hex>`: a topic, queue or group name no other test (or teammate) is using. */
export function uniqueName(label: string): string {
  return `bl-${label}-${randomBytes(4).toString("hex")}`;
}
