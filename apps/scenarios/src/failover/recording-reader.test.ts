import { describe, expect, it } from "vitest";
import { RecordingReader } from "./recording-reader.js";

describe("RecordingReader.settle", () => {
  it("is not done while fewer records arrived than were stored, however quiet it is", async () => {
    let clock = 0;
    const reader = new RecordingReader(
      "fresh",
      () => clock,
      () => {},
    );
    let done: boolean | undefined;
    const settling = reader.settle(1_000, 60_000, 3).then((complete) => (done = complete));
    clock = 5_000;
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(done).toBeUndefined();
    reader.count = 3;
    reader.lastAt = 5_000;
    clock = 6_000;
    expect(await settling).toBe(true);
  });

  it("gives up, incomplete, once the longest wait passed", async () => {
    let clock = 0;
    const reader = new RecordingReader(
      "fresh",
      () => clock,
      () => {},
    );
    const settling = reader.settle(1_000, 10_000, 3);
    clock = 10_000;
    expect(await settling).toBe(false);
  });
});
