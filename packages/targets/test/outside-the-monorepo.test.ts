import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "../../..");
const adapters = ["messaging", "kafka", "rabbitmq", "redis"];

// Builds and packs the adapters as they would be published, installs the tarballs with plain npm into a
// folder outside the workspace, and runs examples/service.mjs there: what a service team would do.
describe("an adapter used from a script outside the monorepo", () => {
  const dir = mkdtempSync(join(tmpdir(), "brokerlab-service-"));

  beforeAll(() => {
    const filters = adapters.flatMap((name) => ["--filter", `@brokerlab/${name}`]);
    execFileSync("pnpm", [...filters, "build"], { cwd: repo, stdio: "pipe" });
    for (const name of adapters) {
      execFileSync("pnpm", ["pack", "--pack-destination", dir], {
        cwd: join(repo, "packages", name),
        stdio: "pipe",
      });
    }
    writeFileSync(
      join(dir, "package.json"),
      JSON.stringify({ name: "a-service", private: true, type: "module" }),
    );
    const tarballs = readdirSync(dir).filter((file) => file.endsWith(".tgz"));
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs.map((t) => `./${t}`)],
      {
        cwd: dir,
        stdio: "pipe",
      },
    );
    copyFileSync(join(repo, "examples/service.mjs"), join(dir, "service.mjs"));
  }, 240_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const target of ["kafka", "rabbitmq-stream", "redis-stream"]) {
    it(`publishes and consumes on ${target}`, () => {
      const output = execFileSync("node", ["service.mjs", target], {
        cwd: dir,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(output.trim()).toBe(`${target} received order-1=created`);
    });
  }
});
