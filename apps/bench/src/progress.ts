import type { BenchProgress } from "@brokerlab/bench";
import { formatNumber } from "@brokerlab/report";

/** One progress line per second on stderr: which target, which phase and second, the rates and the backlog. */
export function progressLine(progress: BenchProgress): string {
  const of = progress.of > 0 ? `/${progress.of}` : "";
  if (progress.detail !== undefined) {
    return `[${progress.target}] ${progress.phase} ${progress.second}${of}s  ${progress.detail}`;
  }
  const rate = progress.offeredRate > 0 ? formatNumber(Math.round(progress.offeredRate)) : "max";
  return (
    `[${progress.target}] ${progress.phase} ${progress.second}${of}s  offered ${rate}/s  ` +
    `publish ${formatNumber(progress.publishRate)}/s  consume ${formatNumber(progress.consumeRate)}/s  ` +
    `backlog ${formatNumber(progress.backlog)}`
  );
}

/** On a terminal the line is rewritten in place; in a log every line stays. */
export function progressPrinter(
  stream: NodeJS.WriteStream = process.stderr,
): (progress: BenchProgress) => void {
  return (progress) => {
    const line = progressLine(progress);
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
    else stream.write(`${line}\n`);
  };
}

export function endProgressLine(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY) stream.write("\r\x1b[2K");
}
