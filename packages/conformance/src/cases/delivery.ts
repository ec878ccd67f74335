import { consume, numberedRecords, uniqueName, useTopic } from "@brokerlab/testing";
import { expect, it } from "vitest";
import type { SuiteContext } from "../suite-context.js";

/** Every target: contents arrive intact, large messages pass, concurrent publishers lose nothing. */
export function deliveryCases({ start, open }: SuiteContext): void {
  it("round trip keeps keys, headers, binary values and null keys intact", async () => {
    const client = await open();
    const topic = await useTopic(client, "roundtrip");
    const binary = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start });
    await client.publish(topic, [
      { key: "user-1", value: binary, headers: { n: "0", "content-type": "application/octet-stream" } },
      { key: null, value: Buffer.from("héllo ✓"), headers: { n: "1" } },
    ]);
    const [first, second] = await inbox.waitFor(2);
    expect(first?.key).toBe("user-1");
    expect(Buffer.compare(first?.value ?? Buffer.alloc(0), binary)).toBe(0);
    expect(first?.headers["content-type"]).toBe("application/octet-stream");
    expect(first?.topic).toBe(topic);
    expect(first?.timestamp).toBeGreaterThan(Date.now() - 60_000);
    expect(second?.key).toBeNull();
    expect(second?.value.toString()).toBe("héllo ✓");
  });

  it("carries a 1 MiB message", async () => {
    const client = await open();
    const topic = await useTopic(client, "large");
    const big = Buffer.alloc(1024 * 1024, 7);
    big.write("first bytes", 0);
    const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start });
    await client.publish(topic, [{ key: "big", value: big, headers: { n: "0" } }]);
    const [delivery] = await inbox.waitFor(1, 30_000);
    expect(delivery?.value.length).toBe(big.length);
    expect(Buffer.compare(delivery?.value ?? Buffer.alloc(0), big)).toBe(0);
  });

  it("loses nothing from concurrent publishers", async () => {
    const publishers = 4;
    const each = 100;
    const client = await open();
    const topic = await useTopic(client, "concurrent");
    const { inbox } = await consume(client, topic, { group: uniqueName("g"), from: start, prefetch: 200 });
    await Promise.all(
      Array.from({ length: publishers }, async (_, p) => {
        const records = numberedRecords(each, { from: p * each });
        for (let i = 0; i < records.length; i += 10) await client.publish(topic, records.slice(i, i + 10));
      }),
    );
    await inbox.waitFor(publishers * each, 30_000);
    expect(new Set(inbox.numbers()).size).toBe(publishers * each);
  });
}
