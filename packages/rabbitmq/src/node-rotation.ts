import { InvalidArgumentError } from "@brokerlab/messaging";

/** The URL fields amqplib's `connect` reads from an object instead of a string. */
export interface AmqpAddress {
  protocol: string;
  hostname: string;
  port: number;
  username: string;
  password: string;
  vhost?: string;
  heartbeat?: number;
  frameMax?: number;
}

/** One amqp(s):// URL as amqplib's object form; throws InvalidArgumentError for anything else. */
export function amqpAddress(url: string): AmqpAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidArgumentError("the RabbitMQ url is not a URL; expected amqp://user:password@host:5672");
  }
  const protocol = parsed.protocol.replace(/:$/, "");
  if (protocol !== "amqp" && protocol !== "amqps") {
    throw new InvalidArgumentError(
      `the RabbitMQ url must start with amqp:// or amqps:// (got ${parsed.protocol}//)`,
    );
  }
  const vhost = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
  const number = (name: string) => {
    const value = parsed.searchParams.get(name);
    return value === null ? undefined : Number(value);
  };
  const heartbeat = number("heartbeat");
  const frameMax = number("frameMax");
  return {
    protocol,
    hostname: parsed.hostname.replace(/^\[(.*)\]$/, "$1"),
    port: Number(parsed.port) || (protocol === "amqps" ? 5671 : 5672),
    // amqplib's string form defaults to guest/guest only when both are missing: so does this.
    username: parsed.username ? decodeURIComponent(parsed.username) : parsed.password ? "" : "guest",
    password: parsed.password ? decodeURIComponent(parsed.password) : parsed.username ? "" : "guest",
    ...(vhost ? { vhost } : {}),
    ...(heartbeat !== undefined ? { heartbeat } : {}),
    ...(frameMax !== undefined ? { frameMax } : {}),
  };
}

/**
 * The nodes of a cluster as one address object that amqplib reads on every (re)connect attempt:
 * `advance()` points it at the next node, so a client whose node died reconnects to a surviving one.
 */
export class NodeRotation {
  private readonly nodes: AmqpAddress[];
  private index = 0;
  /** Handed to amqplib's connect; its fields change in place on advance(). */
  readonly current: AmqpAddress;

  constructor(urls: readonly string[]) {
    if (urls.length === 0) throw new InvalidArgumentError("no RabbitMQ url given");
    this.nodes = urls.map(amqpAddress);
    this.current = { ...(this.nodes[0] as AmqpAddress) };
  }

  get size(): number {
    return this.nodes.length;
  }

  /** `host:port` of the node the next attempt goes to. */
  get address(): string {
    return `${this.current.hostname}:${this.current.port}`;
  }

  /** Every node's `host:port`, comma-separated (for messages). */
  get addresses(): string {
    return this.nodes.map((node) => `${node.hostname}:${node.port}`).join(",");
  }

  advance(): void {
    this.index = (this.index + 1) % this.nodes.length;
    const next = this.nodes[this.index] as AmqpAddress;
    for (const key of Object.keys(this.current) as (keyof AmqpAddress)[]) delete this.current[key];
    Object.assign(this.current, next);
  }
}
