import { describe, expect, it } from "vitest";
import { InFlight } from "./in-flight.js";

describe("InFlight", () => {
  it("settles once what it tracks settled, failures included, and passes results through", async () => {
    const inFlight = new InFlight();
    let release: (value: string) => void = () => {};
    const slow = inFlight.track(new Promise<string>((resolve) => (release = resolve)));
    const failing = inFlight.track(Promise.reject(new Error("refused")));
    await expect(failing).rejects.toThrow("refused");
    let settled = false;
    const waiting = inFlight.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release("done");
    expect(await slow).toBe("done");
    await waiting;
    expect(settled).toBe(true);
  });
});
