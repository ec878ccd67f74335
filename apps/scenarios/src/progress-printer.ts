import { displayWidth, formatValue } from "@brokerlab/report";
import type { Messages } from "./i18n/index.js";
import type { ProgressEvent } from "./runner.js";

interface Stream {
  readonly isTTY?: boolean;
  write(text: string): boolean;
}

/**
 * Progress on stderr for a person watching. On a terminal the current step overwrites one status line;
 * elsewhere (CI logs, pipes) every step is its own line.
 */
export class ProgressPrinter {
  private status = false;
  private targetStarted = Date.now();

  constructor(
    private readonly stream: Stream,
    private readonly total: number,
    private readonly m: Messages,
  ) {}

  handle(event: ProgressEvent): void {
    switch (event.kind) {
      case "connect":
        this.line(
          event.info.error
            ? this.m.progress.unreachable(event.target, event.info.error)
            : this.m.progress.connected(event.target, event.info.version ?? "?", event.info.address),
        );
        return;
      case "scenario":
        this.line(this.m.progress.scenario(event.index, this.total, event.scenario));
        return;
      case "target":
        this.targetStarted = Date.now();
        this.update(`  ${event.scenario} · ${event.target}: ${this.m.progress.starting}`);
        return;
      case "step":
        this.update(`  ${event.scenario} · ${event.target}: ${event.text}`);
        return;
      case "result": {
        const mark = formatValue(event.result.supported);
        const took = ((Date.now() - this.targetStarted) / 1000).toFixed(1);
        this.line(
          `  ${mark} ${event.scenario} · ${event.result.target} (${this.m.progress.seconds(took)}): ${event.result.summary}`,
        );
        return;
      }
      case "scenario-done":
        return;
    }
  }

  /** A permanent line (replacing the status line on a terminal). */
  line(text: string): void {
    this.clear();
    this.stream.write(`${text}\n`);
  }

  /** Removes the status line so other output starts on a clean line. */
  clear(): void {
    if (this.status) this.stream.write("\r\u001b[2K");
    this.status = false;
  }

  private update(text: string): void {
    if (!this.stream.isTTY) {
      this.stream.write(`${text}\n`);
      return;
    }
    const width = (process.stderr.columns ?? 100) - 1;
    this.stream.write(`\r\u001b[2K${fitWidth(text, width)}`);
    this.status = true;
  }
}

/** The text cut to `width` display columns (Hangul takes two), with an ellipsis where it was cut. */
function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = "";
  for (const char of text) {
    if (displayWidth(`${out}${char}…`) > width) break;
    out += char;
  }
  return `${out}…`;
}
