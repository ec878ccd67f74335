import { describe, expect, it } from "vitest";
import { brokersMessagesFor } from "../i18n/index.js";
import { formatClusterStatus } from "./cluster-status.js";

describe("formatClusterStatus", () => {
  const node = { broker: "redis", kind: "redis", deployment: "cluster", log: "" } as const;
  const rows = [
    { ...node, name: "redis-1", role: "primary", address: "127.0.0.1:16379", health: "healthy", pid: 7 },
    { ...node, name: "redis-2", role: "leader-ish", address: "127.0.0.1:16380", health: "paused", pid: 8 },
  ] as const;

  it("words health and the roles it knows in Korean, keeping names, addresses and unknown roles", () => {
    const lines = formatClusterStatus(rows, brokersMessagesFor("ko").run).split("\n");
    expect(lines[0]).toMatch(/^노드\s+역할\s+주소\s+상태\s+pid\s+세부 정보$/);
    expect(lines[2]).toMatch(/^redis-1\s+프라이머리\s+127\.0\.0\.1:16379\s+정상\s+7$/);
    expect(lines[3]).toMatch(/^redis-2\s+leader-ish\s+127\.0\.0\.1:16380\s+일시 정지\s+8$/);
  });

  it("keeps the English words by default", () => {
    const lines = formatClusterStatus(rows).split("\n");
    expect(lines[2]).toMatch(/^redis-1\s+primary\s+127\.0\.0\.1:16379\s+healthy\s+7$/);
  });
});
