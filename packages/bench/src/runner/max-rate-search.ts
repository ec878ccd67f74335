/** What one search step measured at one offered rate. */
export interface RateStep {
  /** Offered rate, messages per second. */
  readonly rate: number;
  /** Acknowledged publishes per second during the step. */
  readonly publishRate: number;
  /** Consumed per second per subscription during the step. */
  readonly consumeRate: number;
  /** Backlog per subscription at the end of the step (published − consumed). */
  readonly backlogAfter: number;
  /** How much that backlog grew from the step's first second to its last (negative: it shrank). */
  readonly backlogGrowth: number;
  readonly sustained: boolean;
}

export interface MaxRateSearchOptions {
  readonly startRate?: number;
  readonly stepSeconds?: number;
  /** Stop when the failing rate is within this factor of the last sustained one. Default 1.15. */
  readonly precision?: number;
  readonly maxSteps?: number;
}

/**
 * Finds the highest rate the target sustains: doubling from `startRate` until a step is not sustained, then
 * bisecting between the last sustained and the first failing rate. A step is sustained only when both sides keep
 * up: publishes and consumes each reach 95 % of the offered rate, the backlog left at its end is under half a second
 * of that rate, and it did not grow over the step by more than a quarter second of it. So the timed run never starts
 * at a rate the consumers cannot take, whose backlog would grow without end (OMB issue #163). Pure: the runner runs
 * each step and feeds the measurements in.
 */
export class MaxRateSearch {
  readonly steps: RateStep[] = [];
  readonly stepSeconds: number;
  private readonly precision: number;
  private readonly maxSteps: number;
  private lastGood = 0;
  private firstBad = Number.POSITIVE_INFINITY;
  private nextRate: number;

  constructor(options: MaxRateSearchOptions = {}) {
    this.nextRate = options.startRate ?? 1000;
    this.stepSeconds = options.stepSeconds ?? 3;
    this.precision = options.precision ?? 1.15;
    this.maxSteps = options.maxSteps ?? 12;
  }

  static isSustained(step: Omit<RateStep, "sustained">): boolean {
    const { rate } = step;
    return (
      step.publishRate >= 0.95 * rate &&
      step.consumeRate >= 0.95 * rate &&
      step.backlogAfter <= 0.5 * rate &&
      step.backlogGrowth <= 0.25 * rate
    );
  }

  /** The rate to try next, or undefined when the search is over. */
  next(): number | undefined {
    if (this.steps.length >= this.maxSteps) return undefined;
    if (this.lastGood > 0 && this.firstBad / this.lastGood <= this.precision) return undefined;
    return Math.max(1, Math.round(this.nextRate));
  }

  record(measured: Omit<RateStep, "sustained">): RateStep {
    const step = {
      ...measured,
      sustained: MaxRateSearch.isSustained(measured),
    };
    this.steps.push(step);
    if (step.sustained) this.lastGood = Math.max(this.lastGood, step.rate);
    else {
      this.firstBad = Math.min(this.firstBad, step.rate);
      // A failure at or below a rate sustained earlier withdraws it: the later, longer look (the warm-up's
      // confirmation) is the one that holds, and the result falls to the highest rate sustained below it.
      if (this.lastGood >= step.rate) {
        const below = this.steps.filter((s) => s.sustained && s.rate < step.rate).map((s) => s.rate);
        this.lastGood = Math.max(0, ...below);
      }
    }
    if (Number.isFinite(this.firstBad)) {
      // Bisect; with nothing sustained yet, aim below what the broker actually managed.
      this.nextRate =
        this.lastGood > 0
          ? (this.lastGood + this.firstBad) / 2
          : Math.min(this.firstBad / 2, Math.max(1, Math.min(step.publishRate, step.consumeRate) * 0.8));
    } else {
      this.nextRate = step.rate * 2;
    }
    return step;
  }

  /** The highest sustained rate; if none was, 80 % of the best consumed rate seen. */
  result(): number {
    if (this.lastGood > 0) return this.lastGood;
    const best = Math.max(1, ...this.steps.map((step) => Math.min(step.publishRate, step.consumeRate)));
    return Math.max(1, Math.round(best * 0.8));
  }
}
