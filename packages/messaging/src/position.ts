/**
 * Where a record sits in its topic or queue. Opaque to callers but always printable:
 * Kafka `partition/offset`, a RabbitMQ stream offset, a Redis stream id, a queue's delivery tag.
 * `offset` is a string because Redis stream ids and Kafka offsets (int64) do not fit a JS number.
 */
export interface Position {
  readonly partition: number;
  readonly offset: string;
}

export function formatPosition(position: Position): string {
  return `${position.partition}/${position.offset}`;
}

/** Parses `offset` or `partition/offset` (the form {@link formatPosition} prints). */
export function parsePosition(text: string): Position | undefined {
  const match = /^(?:(\d+)\/)?([0-9]+(?:-[0-9]+)?)$/.exec(text.trim());
  if (!match?.[2]) return undefined;
  return { partition: match[1] === undefined ? 0 : Number(match[1]), offset: match[2] };
}
