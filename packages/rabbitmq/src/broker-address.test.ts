import { ConnectionError, InvalidArgumentError } from "@brokerlab/messaging";
import { describe, expect, it } from "vitest";
import { brokerAddress, connectionFailure } from "./broker-address.js";

describe("brokerAddress", () => {
  it("prints host and port without credentials, with the scheme's default port", () => {
    expect(brokerAddress("amqp://guest:secret@127.0.0.1:5672/")).toBe("127.0.0.1:5672");
    expect(brokerAddress("amqp://mq.local")).toBe("mq.local:5672");
    expect(brokerAddress("amqps://u:p@mq.local/vhost")).toBe("mq.local:5671");
  });

  it("rejects other schemes without echoing the url", () => {
    expect(() => brokerAddress("http://u:secret@h")).toThrow(InvalidArgumentError);
    expect(() => brokerAddress("http://u:secret@h")).not.toThrow(/secret/);
    expect(() => brokerAddress("not a url")).toThrow(/amqp:\/\//);
  });
});

describe("connectionFailure", () => {
  it("gives distinct hints for refused connections and refused credentials", () => {
    const refused = connectionFailure(
      "h:1",
      Object.assign(new Error("connect ECONNREFUSED h:1"), { code: "ECONNREFUSED" }),
      5,
    );
    expect(refused).toBeInstanceOf(ConnectionError);
    expect(refused.message).toContain("pnpm brokers up");
    const login = connectionFailure(
      "h:1",
      new Error("Handshake terminated by server: 403 (ACCESS-REFUSED)"),
      5,
    );
    expect(login.message).toMatch(/^cannot reach h:1: .*user name or password/);
  });

  it("says TLS met a plaintext port in one line, leaving OpenSSL's lines in the cause", () => {
    const openssl = Object.assign(
      new Error(
        "write EPROTO 40:error:0A00010B:SSL routines:ssl3_get_record:wrong version number:\n../deps/ssl.c:355:\n",
      ),
      { code: "EPROTO" },
    );
    const failure = connectionFailure("h:5672", openssl, 5);
    expect(failure.message).toBe(
      "cannot reach h:5672: the TLS handshake failed: the port seems to speak plaintext; connect without TLS or use the broker's TLS port",
    );
    expect(failure.cause).toBe(openssl);
  });
});
