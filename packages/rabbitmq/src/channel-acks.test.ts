import type { Channel, ConsumeMessage } from "amqplib";
import { describe, expect, it } from "vitest";
import { ChannelAcks } from "./channel-acks.js";

/** The frames a channel was asked to send, as `ack 5 multiple`, `ack 7`, `nack 3 requeue`. */
function recordingChannel(): { channel: Channel; frames: string[] } {
  const frames: string[] = [];
  const recorder = {
    ack: (message: ConsumeMessage, allUpTo?: boolean) =>
      frames.push(`ack ${message.fields.deliveryTag}${allUpTo ? " multiple" : ""}`),
    nack: (message: ConsumeMessage, _allUpTo?: boolean, requeue?: boolean) =>
      frames.push(`nack ${message.fields.deliveryTag}${requeue ? " requeue" : ""}`),
  };
  return { channel: recorder as unknown as Channel, frames };
}

function messages(count: number): ConsumeMessage[] {
  return Array.from({ length: count }, (_, i) => ({
    content: Buffer.alloc(0),
    fields: { deliveryTag: i + 1, redelivered: false, exchange: "", routingKey: "q", consumerTag: "c" },
    properties: {} as ConsumeMessage["properties"],
  }));
}

describe("ChannelAcks", () => {
  it("sends the acks of one turn as one multiple ack when they are the oldest deliveries", async () => {
    const { channel, frames } = recordingChannel();
    const acks = new ChannelAcks(channel);
    const delivered = messages(5);
    for (const message of delivered) acks.delivered(message);
    await Promise.all(delivered.slice(0, 4).map((message) => acks.ack(message)));
    expect(frames).toEqual(["ack 4 multiple"]);
    expect(acks.unacked).toBe(1);
  });

  it("acks singly what lies beyond a delivery still open, and covers it later", async () => {
    const { channel, frames } = recordingChannel();
    const acks = new ChannelAcks(channel);
    const delivered = messages(4);
    for (const message of delivered) acks.delivered(message);
    const [first, second, third, fourth] = delivered as [
      ConsumeMessage,
      ConsumeMessage,
      ConsumeMessage,
      ConsumeMessage,
    ];
    await Promise.all([acks.ack(first), acks.ack(third)]);
    expect(frames).toEqual(["ack 1 multiple", "ack 3"]);
    acks.nack(fourth, true);
    await acks.ack(second);
    // 3 and 4 are settled already; the multiple ack stops at 2 only because nothing after it is open.
    expect(frames).toEqual(["ack 1 multiple", "ack 3", "nack 4 requeue", "ack 2 multiple"]);
    expect(acks.unacked).toBe(0);
  });

  it("drain sends what is gathering without waiting for the next turn", async () => {
    const { channel, frames } = recordingChannel();
    const acks = new ChannelAcks(channel);
    const [only] = messages(1) as [ConsumeMessage];
    acks.delivered(only);
    const acked = acks.ack(only);
    await acks.drain();
    expect(frames).toEqual(["ack 1 multiple"]);
    await acked;
  });

  it("fails acks once the channel is gone, naming why", async () => {
    const { channel, frames } = recordingChannel();
    const acks = new ChannelAcks(channel);
    const [only] = messages(1) as [ConsumeMessage];
    acks.delivered(only);
    const acked = acks.ack(only);
    acks.lost(new Error("connection lost"));
    await expect(acked).rejects.toThrow("connection lost");
    await expect(acks.ack(only)).rejects.toThrow("connection lost");
    expect(frames).toEqual([]);
  });
});
