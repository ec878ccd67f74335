import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sleep, uniqueName } from "@brokerlab/testing";
import { Redis } from "ioredis";
import { chromium } from "playwright-core";
import { describe, expect, it, onTestFinished } from "vitest";
import { REDIS, useMonitor, useServer } from "./use-monitor.js";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--no-first-run",
];

describe("the live page in headless Chromium", () => {
  it("renders every group, has no console errors, asks nothing outside the monitor, and the lag moves", async () => {
    // A stream group that reads nothing while a producer appends: its lag grows every poll.
    const redis = new Redis(6379);
    const topic = uniqueName("page");
    const key = `brokerlab:{${topic}}:stream`;
    onTestFinished(async () => {
      await redis.del(key);
      redis.disconnect();
    });
    await redis.xadd(key, "*", "v", "0");
    await redis.xgroup("CREATE", key, "page-group", "0");
    let producing = true;
    const producer = (async () => {
      while (producing) {
        await redis.xadd(key, "*", "v", "1");
        await sleep(100);
      }
    })();
    onTestFinished(async () => {
      producing = false;
      await producer;
    });
    const monitor = useMonitor([REDIS]);
    const base = await useServer(monitor);

    const userDataDir = await mkdtemp(join(tmpdir(), "brokerlab-monitor-chromium-"));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: "/usr/bin/chromium",
      args: CHROMIUM_ARGS,
      headless: true,
      viewport: { width: 390, height: 844 },
    });
    onTestFinished(async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    const outside: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base) || url.startsWith("data:")) return route.continue();
      outside.push(url);
      return route.abort("blockedbyclient");
    });
    await page.goto(base, { waitUntil: "load" });
    const card = page.locator(`.card[data-group="page-group"]`);
    await card.waitFor({ timeout: 15_000 });
    const lagOf = async () => Number((await card.locator(".total-lag").textContent())?.replace(/,/g, ""));
    const first = await lagOf();
    await sleep(2_500);
    const later = await lagOf();
    expect(later).toBeGreaterThan(first);
    expect(await card.locator(".badge").textContent()).toMatch(/^(OK|WARN|ERR)$/);
    // uPlot drew its canvas, sized to the phone-width card.
    const canvas = await card.locator("canvas").boundingBox();
    expect(canvas?.width).toBeGreaterThan(200);
    expect(canvas?.width).toBeLessThanOrEqual(390);
    // Runs in the page; the test's own tsconfig has no DOM types, so the expression goes as text.
    const overflow = await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    if (process.env.BROKERLAB_MONITOR_SCREENSHOT)
      await page.screenshot({ path: process.env.BROKERLAB_MONITOR_SCREENSHOT, fullPage: true });
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
  }, 60_000);
});
