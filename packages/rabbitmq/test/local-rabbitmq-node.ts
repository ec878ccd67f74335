import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * A RabbitMQ node of our own on spare ports, so tests can stop, reset and restart a broker without
 * touching the shared one. Needs `rabbitmq-server` and `rabbitmqctl` on PATH (run as root or rabbitmq).
 */
export class LocalRabbitNode {
  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `amqp://guest:guest@127.0.0.1:${this.port}`;
  }

  static async start(): Promise<LocalRabbitNode> {
    const [port, distPort] = [await freePort(), await freePort()];
    const dir = await mkdtemp(join(tmpdir(), "bl-rabbit-"));
    const name = `bl-test-${port}@localhost`;
    await writeFile(
      join(dir, "rabbitmq.conf"),
      `listeners.tcp.1 = 127.0.0.1:${port}\nlog.file.level = warning\n`,
    );
    // The packaged wrapper drops root to the rabbitmq user, which must own the node's files.
    if (process.getuid?.() === 0) await run("chown", ["-R", "rabbitmq:rabbitmq", dir]);
    const env = {
      ...process.env,
      RABBITMQ_NODENAME: name,
      RABBITMQ_DIST_PORT: String(distPort),
      RABBITMQ_MNESIA_BASE: join(dir, "mnesia"),
      RABBITMQ_LOG_BASE: join(dir, "log"),
      RABBITMQ_CONFIG_FILE: join(dir, "rabbitmq.conf"),
      RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, "enabled_plugins"),
      RABBITMQ_PID_FILE: join(dir, "pid"),
    };
    try {
      await run("rabbitmq-server", ["-detached"], { env });
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`cannot start a test RabbitMQ node (is rabbitmq-server installed?): ${String(error)}`);
    }
    const node = new LocalRabbitNode(name, port, dir);
    await node.awaitListening();
    return node;
  }

  /** Stops the broker application: connections drop, the port closes, data stays. */
  async stopApp(): Promise<void> {
    await this.ctl("stop_app");
  }

  async startApp(): Promise<void> {
    await this.ctl("start_app");
    await this.awaitListening();
  }

  /** Wipes every queue (the node must be stopped with stopApp first). */
  async reset(): Promise<void> {
    await this.ctl("reset");
  }

  /** Closes, server side, the connection a client opened under `connectionName`. */
  async closeConnection(connectionName: string): Promise<void> {
    const { stdout } = await this.ctl(
      "list_connections",
      "--no-table-headers",
      "--silent",
      "pid",
      "client_properties",
    );
    const line = stdout.split("\n").find((row) => row.includes(`{"connection_name","${connectionName}"}`));
    const pid = line?.split("\t")[0]?.trim();
    if (!pid) throw new Error(`no connection named ${connectionName} on ${this.name}`);
    await this.ctl("close_connection", pid, "closed by a brokerlab test");
  }

  async stop(): Promise<void> {
    await this.ctl("stop").catch(() => {});
    await rm(this.dir, { recursive: true, force: true });
  }

  private ctl(...args: string[]): Promise<{ stdout: string }> {
    return run("rabbitmqctl", ["-n", this.name, ...args]);
  }

  private async awaitListening(): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (!(await accepts(this.port))) {
      if (Date.now() > deadline)
        throw new Error(`test RabbitMQ node ${this.name} did not open port ${this.port}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
