import { randomBytes } from "node:crypto";

/** `20250101-120000-ab12`: sortable, unique enough for topic names and report folders. */
export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  return `${stamp}-${randomBytes(2).toString("hex")}`;
}
