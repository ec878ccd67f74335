import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export interface BrowserCheck {
  readonly title: string;
  /** Console messages of type error, and uncaught page errors. */
  readonly consoleErrors: readonly string[];
  /** Requests that failed, including any to the network (blocked: a report must be self-contained). */
  readonly failedRequests: readonly string[];
  /** `svg.bl-chart` elements the page rendered with a non-zero size. */
  readonly svgCharts: number;
  /** The font families Chromium drew the `fontsOf` element's text with (empty without that option). */
  readonly platformFonts: readonly string[];
  /** The page's `<html lang>`. */
  readonly lang: string;
}

export interface BrowserCheckOptions {
  /** Default `/usr/bin/chromium` (Debian's package); no browser download. */
  readonly executablePath?: string;
  readonly timeoutMs?: number;
  /** A CSS selector: report which installed fonts rendered its text (does Hangul get a real font?). */
  readonly fontsOf?: string;
  /** Write a full-page PNG screenshot here, for a person to look at. */
  readonly screenshot?: string;
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Opens an HTML file in headless Chromium (fresh profile) and reports what a reader's browser would hit. */
export async function checkHtmlInBrowser(
  file: string,
  options: BrowserCheckOptions = {},
): Promise<BrowserCheck> {
  // Loaded on demand: playwright-core is only needed by tests, never by report generation.
  const { chromium } = await import("playwright-core");
  const userDataDir = await mkdtemp(join(tmpdir(), "brokerlab-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: options.executablePath ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: options.timeoutMs ?? 30_000,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const consoleErrors: string[] = [];
    const failedRequests: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => consoleErrors.push(error.message));
    page.on("requestfailed", (request) => {
      failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
    });
    await page.route("**/*", (route) => {
      const url = route.request().url();
      return url.startsWith("file:") || url.startsWith("data:")
        ? route.continue()
        : route.abort("blockedbyclient");
    });
    await page.goto(pathToFileURL(resolve(file)).href, {
      waitUntil: "load",
      timeout: options.timeoutMs ?? 30_000,
    });
    let svgCharts = 0;
    for (const chart of await page.locator("svg.bl-chart").all()) {
      const box = await chart.boundingBox();
      if (box && box.width > 0 && box.height > 0) svgCharts += 1;
    }
    const platformFonts: string[] = [];
    if (options.fontsOf) {
      // Chrome DevTools Protocol: the platform fonts (and glyph counts) that drew a node's text.
      const cdp = await context.newCDPSession(page);
      await cdp.send("DOM.enable");
      await cdp.send("CSS.enable");
      const { root } = await cdp.send("DOM.getDocument");
      const { nodeId } = await cdp.send("DOM.querySelector", {
        nodeId: root.nodeId,
        selector: options.fontsOf,
      });
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
      platformFonts.push(...fonts.filter((font) => font.glyphCount > 0).map((font) => font.familyName));
    }
    if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
    const lang = (await page.locator("html").getAttribute("lang")) ?? "";
    return { title: await page.title(), consoleErrors, failedRequests, svgCharts, platformFonts, lang };
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}
