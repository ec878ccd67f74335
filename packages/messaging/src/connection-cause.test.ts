import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { connectionCause, connectionCauseHint } from "./connection-cause.js";

const coded = (code: string, message = "x") => Object.assign(new Error(message), { code });

describe("connectionCause", () => {
  it("reads the socket's code through the wrappers client libraries add", () => {
    expect(connectionCause(coded("ECONNREFUSED"))).toBe("refused");
    const kafkajs = Object.assign(new Error("retries exceeded"), { originalError: coded("ENOTFOUND") });
    expect(connectionCause(kafkajs)).toBe("unknown-host");
    expect(connectionCause(new Error("outer", { cause: coded("ERR_SSL_WRONG_VERSION_NUMBER") }))).toBe(
      "tls-mismatch",
    );
    expect(connectionCause(new AggregateError([new Error("?"), coded("ETIMEDOUT")]))).toBe("timeout");
  });

  it("falls back on the wording where the code was dropped, and says nothing when nothing is known", () => {
    expect(
      connectionCause(
        new Error("write EPROTO 4080:error:0A00010B:SSL routines:ssl3_get_record:wrong version number\n"),
      ),
    ).toBe("tls-mismatch");
    expect(connectionCause(new Error("self-signed certificate in certificate chain"))).toBe(
      "tls-certificate",
    );
    expect(connectionCause(new Error("something else"))).toBeUndefined();
    expect(connectionCause("not an error")).toBeUndefined();
  });

  it("classifies what a real socket says when nothing listens", async () => {
    const error = await new Promise((resolve) => connect(1, "127.0.0.1").on("error", resolve));
    expect(connectionCause(error)).toBe("refused");
  });

  it("gives one line per cause, naming the broker where it matters", () => {
    const hint = connectionCauseHint("refused", "Redis");
    expect(hint).toBe(
      "nothing is listening there (connection refused); is Redis running? try `pnpm brokers up`",
    );
    expect(connectionCauseHint("timeout", "Redis", true)).toContain("TLS handshake got no answer");
    for (const cause of ["unknown-host", "timeout", "tls-mismatch", "tls-certificate", "reset"] as const) {
      expect(connectionCauseHint(cause, "Kafka")).not.toContain("\n");
    }
  });
});
