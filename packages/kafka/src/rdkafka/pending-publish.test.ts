import { describe, expect, it } from "vitest";
import { PendingPublish } from "./pending-publish.js";

describe("PendingPublish", () => {
  it("resolves with receipts in record order, whatever order the reports come in", async () => {
    const publish = new PendingPublish(3);
    publish.delivered(2, 1, 7);
    publish.delivered(0, 0, 41);
    publish.delivered(1, 1, 6);
    expect(await publish.done).toEqual([
      { position: { partition: 0, offset: "41" } },
      { position: { partition: 1, offset: "6" } },
      { position: { partition: 1, offset: "7" } },
    ]);
  });

  it("gives acks=0 records no position", async () => {
    const publish = new PendingPublish(1);
    publish.delivered(0, 2, -1001);
    expect(await publish.done).toEqual([{}]);
  });

  it("rejects with the first error only once every record is settled", async () => {
    const publish = new PendingPublish(3);
    let settled = false;
    publish.done.then(
      () => {},
      () => {
        settled = true;
      },
    );
    publish.failed(0, new Error("first"));
    publish.failed(1, new Error("second"));
    await Promise.resolve();
    expect(settled).toBe(false);
    publish.delivered(2, 0, 1);
    await expect(publish.done).rejects.toThrow("first");
  });

  it("counts records that were never queued as settled", async () => {
    const publish = new PendingPublish(4);
    publish.delivered(0, 0, 0);
    publish.abandon(3, new Error("queue refused"));
    await expect(publish.done).rejects.toThrow("queue refused");
  });

  it("resolves at once for no records", async () => {
    expect(await new PendingPublish(0).done).toEqual([]);
  });
});
