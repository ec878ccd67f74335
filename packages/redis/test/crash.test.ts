import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";
import { REDIS_TARGETS } from "../src/index.js";
import { consume, REDIS_URL, records, useClient, useTopic } from "./helpers.js";

const fixture = fileURLToPath(new URL("./fixtures/crashing-consumer.ts", import.meta.url));

/** Everything a child prints, kept from the start so no line is missed between waits. */
class Output {
  private text = "";
  private listeners: (() => void)[] = [];

  constructor(child: ChildProcess) {
    child.stdout?.on("data", (chunk: Buffer) => {
      this.text += chunk.toString();
      for (const listener of this.listeners) listener();
    });
  }

  waitForLine(line: string, ms = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!this.text.split("\n").includes(line)) return false;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((listener) => listener !== check);
        resolve();
        return true;
      };
      const timer = setTimeout(
        () => reject(new Error(`child never printed "${line}"; it printed: ${this.text}`)),
        ms,
      );
      if (!check()) this.listeners.push(check);
    });
  }
}

describe.each(REDIS_TARGETS)("%s consumer killed before ack", (target) => {
  it("hands its unacknowledged record to another consumer, marked redelivered", async () => {
    const client = await useClient(target, { abandonedAfterMs: 1_000 });
    const topic = await useTopic(client, "crash");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "--conditions=source", fixture, target, topic, REDIS_URL, "1000"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    onTestFinished(() => {
      child.kill("SIGKILL");
    });
    const output = new Output(child);
    await output.waitForLine("subscribed");
    await client.publish(topic, records(1));
    await output.waitForLine("got record-0");
    child.kill("SIGKILL");
    await once(child, "exit");

    const { inbox } = await consume(client, topic, { group: "crash" });
    const [again] = await inbox.waitFor(1, 30_000);
    expect(again?.value.toString()).toBe("record-0");
    expect(again?.redelivered).toBe(true);
  });
});
