// Counts of events over periods, treated as Poisson: exact intervals, run-rate projections,
// same-period comparisons and the rate ratio between two periods. Each result carries the inputs
// and the method in words, so that the brief can show how a number was reached.
import { betaQuantile, binomialProbability, gammaQuantile, regularizedBeta } from "./numeric.ts";

export interface Interval {
  readonly lower: number;
  readonly upper: number;
  /** e.g. 0.95 */
  readonly level: number;
}

/**
 * The exact (Garwood, 1936) interval for a Poisson mean given one observed count k:
 * [χ²(α/2; 2k)/2, χ²(1−α/2; 2k+2)/2], i.e. Gamma(k) and Gamma(k + 1) quantiles.
 */
export function poissonInterval(count: number, level = 0.95): Interval {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`a count must be a non-negative integer, not ${count}`);
  const alpha = 1 - level;
  const lower = count === 0 ? 0 : gammaQuantile(alpha / 2, count);
  const upper = gammaQuantile(1 - alpha / 2, count + 1);
  return { lower, upper, level };
}

/** The exact (Clopper–Pearson, 1934) interval for a binomial proportion k / n. */
export function binomialInterval(successes: number, trials: number, level = 0.95): Interval {
  const alpha = 1 - level;
  const lower = successes === 0 ? 0 : betaQuantile(alpha / 2, successes, trials - successes + 1);
  const upper = successes === trials ? 1 : betaQuantile(1 - alpha / 2, successes + 1, trials - successes);
  return { lower, upper, level };
}

export interface Projection {
  readonly observed: number;
  /** The length of the observed part, and of the whole period, in the same unit (months, days). */
  readonly observedLength: number;
  readonly fullLength: number;
  readonly projected: number;
  readonly interval: Interval;
  readonly method: string;
}

/**
 * Run-rate projection: the observed count scaled to the whole period, assuming the rate so far
 * continues. The interval is the Garwood interval on the count, scaled the same way, so it covers
 * Poisson noise in the observed part only, not a change of tempo.
 */
export function projectRunRate(observed: number, observedLength: number, fullLength: number, level = 0.95): Projection {
  if (!(observedLength > 0 && fullLength >= observedLength)) {
    throw new RangeError(`the observed part (${observedLength}) must be positive and no longer than the whole (${fullLength})`);
  }
  const scale = fullLength / observedLength;
  const interval = poissonInterval(observed, level);
  return {
    observed,
    observedLength,
    fullLength,
    projected: observed * scale,
    interval: { lower: interval.lower * scale, upper: interval.upper * scale, level },
    method: `run rate: ${observed} × ${fullLength}/${observedLength}; ${Math.round(level * 100)}% exact Poisson (Garwood) interval on ${observed}, scaled`,
  };
}

/** (current − previous) / previous, as a fraction; null when there is no previous count. */
export function percentChange(current: number, previous: number): number | null {
  return previous === 0 ? null : (current - previous) / previous;
}

export interface RateComparison {
  readonly current: number;
  readonly previous: number;
  /** Exposure of each count (months, days); equal for a same-period comparison. */
  readonly currentExposure: number;
  readonly previousExposure: number;
  /** (current / currentExposure) / (previous / previousExposure); null when previous is 0. */
  readonly rateRatio: number | null;
  readonly interval: Interval;
  /** Two-sided exact conditional binomial p-value for equal rates. */
  readonly pValue: number;
  /** P(current rate < previous rate | counts), Jeffreys prior on the conditional proportion. */
  readonly probabilityLower: number;
  readonly percentChange: number | null;
  readonly method: string;
}

/**
 * Compares two Poisson counts with exposures. Given the total n = current + previous, the current
 * count is Binomial(n, π0) under equal rates with π0 = e₁/(e₁+e₂) (Przyborowski and Wilenski,
 * 1940). The p-value sums the binomial probabilities no larger than the observed one (as R's
 * binom.test does); the ratio's interval maps the Clopper–Pearson interval for π through
 * RR = π/(1 − π) · e₂/e₁.
 */
export function compareRates(current: number, previous: number, currentExposure = 1, previousExposure = 1, level = 0.95): RateComparison {
  for (const count of [current, previous]) {
    if (!Number.isInteger(count) || count < 0) throw new RangeError(`a count must be a non-negative integer, not ${count}`);
  }
  const total = current + previous;
  const nullShare = currentExposure / (currentExposure + previousExposure);
  const exposureRatio = previousExposure / currentExposure;
  const toRatio = (share: number): number => (share >= 1 ? Number.POSITIVE_INFINITY : (share / (1 - share)) * exposureRatio);
  let pValue = 1;
  let interval: Interval = { lower: 0, upper: Number.POSITIVE_INFINITY, level };
  let probabilityLower = 0.5;
  if (total > 0) {
    const observedProbability = binomialProbability(current, total, nullShare);
    pValue = 0;
    // The relative tolerance keeps ties that differ only by rounding (R uses 1 + 1e-7).
    for (let k = 0; k <= total; k++) {
      const probability = binomialProbability(k, total, nullShare);
      if (probability <= observedProbability * (1 + 1e-7)) pValue += probability;
    }
    pValue = Math.min(1, pValue);
    const share = binomialInterval(current, total, level);
    interval = { lower: toRatio(share.lower), upper: toRatio(share.upper), level };
    probabilityLower = regularizedBeta(nullShare, current + 0.5, previous + 0.5);
  }
  const rateRatio = previous === 0 ? null : current / currentExposure / (previous / previousExposure);
  return {
    current,
    previous,
    currentExposure,
    previousExposure,
    rateRatio,
    interval,
    pValue,
    probabilityLower,
    percentChange: percentChange(current / currentExposure, previous / previousExposure),
    method: `exact conditional binomial test of ${current} against ${previous} (exposures ${currentExposure} and ${previousExposure}); ${Math.round(level * 100)}% Clopper–Pearson interval mapped to the rate ratio`,
  };
}
