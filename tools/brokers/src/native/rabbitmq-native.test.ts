import { describe, expect, it } from "vitest";
import { rabbitMqEnv, reachableByOthers, systemUser } from "./rabbitmq-native.js";

describe("rabbitMqEnv", () => {
  it("gives a brokerlab node its own name, port, plugins and folders", () => {
    expect(rabbitMqEnv("/state", { host: "127.0.0.1", port: 5673 })).toEqual({
      RABBITMQ_NODENAME: "brokerlab-5673@localhost",
      RABBITMQ_NODE_IP_ADDRESS: "127.0.0.1",
      RABBITMQ_NODE_PORT: "5673",
      RABBITMQ_DIST_PORT: "25673",
      RABBITMQ_CONFIG_FILE: "/state/rabbitmq/rabbitmq.conf",
      RABBITMQ_ENABLED_PLUGINS_FILE: "/state/rabbitmq/enabled_plugins",
      RABBITMQ_MNESIA_BASE: "/state/rabbitmq/data",
      RABBITMQ_LOG_BASE: "/state/rabbitmq/log",
      RABBITMQ_PID_FILE: "/state/rabbitmq/rabbitmq.pid",
    });
  });
});

describe("systemUser", () => {
  it("reads uid and gid from passwd lines", () => {
    const passwd =
      "root:x:0:0:root:/root:/bin/bash\nrabbitmq:x:106:109:RabbitMQ:/var/lib/rabbitmq:/usr/sbin/nologin\n";
    expect(systemUser("rabbitmq", passwd)).toEqual({ uid: 106, gid: 109 });
    expect(systemUser("nobody", passwd)).toBeUndefined();
  });
});

describe("reachableByOthers", () => {
  const modes: Record<string, number> = { "/": 0o755, "/root": 0o700, "/root/clone": 0o755, "/work": 0o755 };
  it("is false when a folder on the way is closed to other users", () => {
    expect(reachableByOthers("/root/clone/.brokerlab", (dir) => modes[dir])).toBe(false);
    expect(reachableByOthers("/work/clone/.brokerlab", (dir) => modes[dir])).toBe(true);
  });
});
