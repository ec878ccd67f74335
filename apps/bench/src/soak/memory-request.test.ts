import { describe, expect, it } from "vitest";
import { listeningPidFrom, processRssBytes } from "./memory-request.js";

describe("listeningPidFrom", () => {
  it("reads the process id from ss -ltnp's users column", () => {
    const line = 'LISTEN 0 128 127.0.0.1:5672 0.0.0.0:* users:(("beam.smp",pid=2945,fd=35))';
    expect(listeningPidFrom(line)).toBe(2945);
  });

  it("is undefined when nothing listens", () => {
    expect(listeningPidFrom("")).toBeUndefined();
  });
});

describe("processRssBytes", () => {
  it("reads a live process's resident set from /proc, and nothing for one that does not exist", async () => {
    const rss = await processRssBytes(process.pid);
    expect(rss).toBeGreaterThan(0);
    expect(await processRssBytes(2 ** 30)).toBeUndefined();
  });
});
