import type { BenchProgress } from "@brokerlab/bench";
import { formatNumber } from "@brokerlab/report";
import { type BenchMessages, benchMessagesFor } from "./i18n/index.js";

/** One progress line per second on stderr: which target, which phase and second, the rates and the backlog. */
export function progressLine(progress: BenchProgress, m: BenchMessages = benchMessagesFor("en")): string {
  const second = `${progress.second}${progress.of > 0 ? `/${progress.of}` : ""}`;
  const phase = m.progress.phases[progress.phase];
  if (progress.detail !== undefined)
    return m.progress.detail(progress.target, phase, second, progress.detail);
  return m.progress.line({
    target: progress.target,
    phase,
    second,
    rate: progress.offeredRate > 0 ? formatNumber(Math.round(progress.offeredRate)) : m.progress.max,
    publish: formatNumber(progress.publishRate),
    consume: formatNumber(progress.consumeRate),
    backlog: formatNumber(progress.backlog),
  });
}

/** On a terminal the line is rewritten in place; in a log every line stays. */
export function progressPrinter(
  m: BenchMessages,
  stream: NodeJS.WriteStream = process.stderr,
): (progress: BenchProgress) => void {
  return (progress) => {
    const line = progressLine(progress, m);
    if (stream.isTTY) stream.write(`\r\x1b[2K${line}`);
    else stream.write(`${line}\n`);
  };
}

export function endProgressLine(stream: NodeJS.WriteStream = process.stderr): void {
  if (stream.isTTY) stream.write("\r\x1b[2K");
}
