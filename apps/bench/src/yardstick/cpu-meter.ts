import { readFileSync } from "node:fs";
import type { ProcessCpu } from "@brokerlab/bench";

/** Linux reports thread CPU in clock ticks of 1/100 s (USER_HZ, the same on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

interface Reading {
  readonly userMicros: number;
  readonly systemMicros: number;
  readonly mainThreadTicks: number | null;
  readonly wallMs: number;
}

export interface CpuSummary {
  readonly userMs: number;
  readonly systemMs: number;
  readonly percentOfOneCore: number;
  readonly mainThreadPercent: number | null;
  readonly usPerRecord: number;
}

/**
 * Adds up the CPU this process spends over the intervals it is told about: the whole process (every thread)
 * and, on Linux, the JavaScript thread alone, whose ~100 % of a core is the limit of a Node client.
 */
export class CpuMeter {
  private userMicros = 0;
  private systemMicros = 0;
  private mainThreadTicks: number | null = 0;
  private wallMs = 0;
  private started?: Reading;

  start(): void {
    this.started = read();
  }

  /** Ends an interval; returns its process CPU, µs (0 when none was started). */
  stop(): number {
    const begin = this.started;
    if (begin === undefined) return 0;
    const end = read();
    this.started = undefined;
    this.userMicros += end.userMicros - begin.userMicros;
    this.systemMicros += end.systemMicros - begin.systemMicros;
    this.wallMs += end.wallMs - begin.wallMs;
    this.mainThreadTicks =
      this.mainThreadTicks === null || begin.mainThreadTicks === null || end.mainThreadTicks === null
        ? null
        : this.mainThreadTicks + end.mainThreadTicks - begin.mainThreadTicks;
    return end.userMicros - begin.userMicros + end.systemMicros - begin.systemMicros;
  }

  /** % of one core over the measured intervals, and µs of process CPU per record of `records`. */
  summary(records: number): CpuSummary {
    const processMicros = this.userMicros + this.systemMicros;
    const wallMicros = this.wallMs * 1000;
    const percent = (micros: number) => (wallMicros > 0 ? Math.round((micros / wallMicros) * 1000) / 10 : 0);
    return {
      userMs: Math.round(this.userMicros / 1000),
      systemMs: Math.round(this.systemMicros / 1000),
      percentOfOneCore: percent(processMicros),
      mainThreadPercent:
        this.mainThreadTicks === null ? null : percent((this.mainThreadTicks / TICKS_PER_SECOND) * 1e6),
      usPerRecord: records > 0 ? Math.round((processMicros / records) * 100) / 100 : 0,
    };
  }
}

function read(): Reading {
  const usage = process.cpuUsage();
  return {
    userMicros: usage.user,
    systemMicros: usage.system,
    mainThreadTicks: mainThreadTicks(),
    wallMs: performance.now(),
  };
}

/** utime + stime of the main thread (task id = pid) from /proc; null where there is no /proc. */
export function mainThreadTicks(stat?: string): number | null {
  let text = stat;
  if (text === undefined) {
    try {
      text = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    } catch {
      return null;
    }
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its closing one.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const user = Number(fields[11]);
  const system = Number(fields[12]);
  return Number.isFinite(user) && Number.isFinite(system) ? user + system : null;
}

/**
 * What a yardstick path's meter measured as results.json's process CPU: the bench process (in-process), its µs per
 * record published or consumed, and its JavaScript thread. The coordinator does both end to end, where a record
 * is published once and consumed once, so its µs per record is over the pairs.
 */
export function yardstickCpu(
  meter: CpuMeter,
  role: "producer" | "consumer" | "coordinator",
  counts: { readonly published: number; readonly consumed: number },
): ProcessCpu & { mainThreadPercent: number | null } {
  const records =
    role === "producer"
      ? counts.published
      : role === "consumer"
        ? counts.consumed
        : (counts.published + counts.consumed) / 2;
  const summary = meter.summary(records);
  const perRecord =
    role === "producer"
      ? { usPerRecordPublished: summary.usPerRecord }
      : role === "consumer"
        ? { usPerRecordConsumed: summary.usPerRecord }
        : { usPerRecord: summary.usPerRecord };
  return {
    role,
    where: "in-process",
    pid: process.pid,
    userMs: summary.userMs,
    systemMs: summary.systemMs,
    percentOfOneCore: summary.percentOfOneCore,
    published: counts.published,
    consumed: counts.consumed,
    ...perRecord,
    mainThreadPercent: summary.mainThreadPercent,
  };
}
