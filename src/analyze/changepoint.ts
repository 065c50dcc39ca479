// Surges and drops in a series of counts: a two-sided Poisson CUSUM (Page, 1954; Lucas, 1985,
// "Counted data CUSUMs", Technometrics 27(2)). Each side accumulates the log-likelihood ratio of a
// shifted rate against the baseline, S_t = max(0, S_{t−1} + x_t·ln k − λ0·(k − 1)), and signals
// when S_t exceeds the decision interval h. The run since S last stood at zero is the changed
// segment; its significance is the exact Poisson tail of its total against the baseline. That
// p-value is nominal: the segment was picked by the detector, so read it as a strength of signal.
import { poissonCdf, poissonUpperTail } from "./numeric.ts";

export interface ChangePointOptions {
  /** Expected count per step when nothing has changed; default the mean of the series. */
  readonly baselineMean?: number;
  /** The rate multiple each side looks for: a surge of ×surgeFactor, a drop to ×dropFactor. */
  readonly surgeFactor?: number;
  readonly dropFactor?: number;
  /** The decision interval h, in log-likelihood units. */
  readonly threshold?: number;
}

export interface ChangeAlarm {
  readonly direction: "surge" | "drop";
  /** Index of the first step of the changed run, and of the step that raised the alarm. */
  readonly startIndex: number;
  readonly alarmIndex: number;
  readonly observed: number;
  readonly expected: number;
  /** Exact one-sided Poisson tail of `observed` given `expected`. */
  readonly pValue: number;
}

export interface ChangePointResult {
  readonly baselineMean: number;
  readonly surgeFactor: number;
  readonly dropFactor: number;
  readonly threshold: number;
  readonly alarms: readonly ChangeAlarm[];
  readonly method: string;
}

export const DEFAULT_SURGE_FACTOR = 2;
export const DEFAULT_DROP_FACTOR = 0.5;
export const DEFAULT_THRESHOLD = 3;

export function detectChanges(counts: readonly number[], options: ChangePointOptions = {}): ChangePointResult {
  const surgeFactor = options.surgeFactor ?? DEFAULT_SURGE_FACTOR;
  const dropFactor = options.dropFactor ?? DEFAULT_DROP_FACTOR;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!(surgeFactor > 1 && dropFactor > 0 && dropFactor < 1 && threshold > 0)) {
    throw new RangeError("surgeFactor must exceed 1, dropFactor lie in (0, 1) and threshold be positive");
  }
  const mean = options.baselineMean ?? (counts.length === 0 ? 0 : counts.reduce((sum, count) => sum + count, 0) / counts.length);
  // A zero baseline makes any event infinitely surprising; half an event over the series is the
  // smallest rate the data could not tell from zero.
  const baselineMean = mean > 0 ? mean : 0.5 / Math.max(1, counts.length);
  const alarms: ChangeAlarm[] = [];
  for (const [direction, factor] of [
    ["surge", surgeFactor],
    ["drop", dropFactor],
  ] as const) {
    const perCount = Math.log(factor);
    const perStep = baselineMean * (factor - 1);
    let score = 0;
    let start = 0;
    let observed = 0;
    counts.forEach((count, index) => {
      if (score === 0) {
        start = index;
        observed = 0;
      }
      score = Math.max(0, score + count * perCount - perStep);
      observed += count;
      if (score > threshold) {
        const expected = baselineMean * (index - start + 1);
        const pValue = direction === "surge" ? poissonUpperTail(observed, expected) : poissonCdf(observed, expected);
        alarms.push({ direction, startIndex: start, alarmIndex: index, observed, expected, pValue });
        score = 0;
      }
    });
  }
  alarms.sort((left, right) => left.alarmIndex - right.alarmIndex || left.direction.localeCompare(right.direction));
  return {
    baselineMean,
    surgeFactor,
    dropFactor,
    threshold,
    alarms,
    method: `two-sided Poisson CUSUM against a baseline of ${baselineMean.toFixed(2)} per step, looking for ×${surgeFactor} and ×${dropFactor}, h = ${threshold}; p from the exact Poisson tail of the flagged run`,
  };
}
