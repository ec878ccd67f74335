import { CommitWindow } from "../windows/commit-window.js";
import { LagTable } from "../windows/lag-table.js";
import { evaluatePartition } from "./evaluate-partition.js";
import { DEFAULT_EVALUATOR_OPTIONS, type EvaluatorOptions, type StatusName } from "./status.js";

export interface LagSample {
  /** ms since epoch. */
  readonly at: number;
  /** Records the producer has written so far (the log end). */
  readonly produced: number;
  /** Records the group has not acknowledged. */
  readonly lag: number;
}

export interface LagReading {
  readonly status: StatusName;
  /** undefined while there are too few points. */
  readonly lagSeconds: number | undefined;
}

/**
 * The monitor's evaluation for one group seen through samples of (produced, lag), as a scenario sees any target:
 * the position (produced - lag) is a commit whenever it moved, judged by Burrow's rules on the commit window;
 * lag in seconds from the produced-over-time table (kafka-lag-exporter's interpolation).
 */
export class LagTimeline {
  private readonly window: CommitWindow;
  private readonly table = new LagTable();
  private readonly logEnds: number[] = [];
  private order = 0;

  constructor(
    private readonly intervals = 10,
    private readonly options: EvaluatorOptions = DEFAULT_EVALUATOR_OPTIONS,
  ) {
    this.window = new CommitWindow(intervals);
  }

  add(sample: LagSample): LagReading {
    const committed = sample.produced - sample.lag;
    this.logEnds.push(sample.produced);
    if (this.logEnds.length > this.intervals) this.logEnds.shift();
    this.table.add({ offset: sample.produced, time: sample.at });
    // A group that has taken nothing yet has made no commit: its window starts at its first move.
    const first = this.window.newest() === undefined;
    if ((first && committed > 0) || (!first && this.window.newest()?.offset !== committed)) {
      this.order += 1;
      this.window.add(
        { offset: committed, order: this.order, timestamp: sample.at },
        sample.produced,
        sample.at,
      );
    }
    const { status } = evaluatePartition(
      { offsets: this.window.slots(), brokerOffsets: this.logEnds, currentLag: sample.lag },
      sample.at,
      this.options,
    );
    return { status, lagSeconds: sample.lag === 0 ? 0 : this.table.lagSeconds(committed, sample.at) };
  }
}
