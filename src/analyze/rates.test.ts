// Expected values are worked by hand in each test: closed forms of the special functions for
// small integer arguments, and binomial sums short enough to add up on paper.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  betaQuantile,
  binomialProbability,
  gammaQuantile,
  logGamma,
  poissonCdf,
  poissonUpperTail,
  regularizedBeta,
  regularizedGammaP,
  regularizedGammaQ,
} from "./numeric.ts";
import { binomialInterval, compareRates, percentChange, poissonInterval, projectRunRate } from "./rates.ts";

const close = (actual: number, expected: number, tolerance = 1e-9): void =>
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${actual} is not ${expected}`);

describe("special functions", () => {
  it("logGamma gives ln((n-1)!) and ln √π", () => {
    close(logGamma(1), 0);
    close(logGamma(5), Math.log(24));
    close(logGamma(11), Math.log(3628800));
    close(logGamma(0.5), Math.log(Math.sqrt(Math.PI)));
    assert.throws(() => logGamma(0), RangeError);
  });

  it("the incomplete gamma function has closed forms for shape 1 and 2", () => {
    // P(1, x) = 1 − e^−x; Q(2, x) = e^−x (1 + x)
    close(regularizedGammaP(1, 0.7), 1 - Math.exp(-0.7));
    close(regularizedGammaQ(2, 3), Math.exp(-3) * 4);
    close(regularizedGammaQ(2, 30), Math.exp(-30) * 31, 1e-6);
    close(regularizedGammaP(3, 0), 0);
  });

  it("the incomplete beta function equals a binomial tail for integer arguments", () => {
    close(regularizedBeta(0.3, 1, 1), 0.3);
    // I_0.5(2, 3) = P(Bin(4, 0.5) ≥ 2) = 11/16
    close(regularizedBeta(0.5, 2, 3), 11 / 16);
    // I_0.2(1, 4) = 1 − 0.8⁴
    close(regularizedBeta(0.2, 1, 4), 1 - 0.8 ** 4);
  });

  it("quantiles invert the distributions", () => {
    // Gamma(1) is the unit exponential: quantile −ln(1 − p).
    close(gammaQuantile(0.5, 1), Math.log(2), 1e-9);
    // Beta(1, 1) is uniform; Beta(2, 1) has CDF x², so its median is √0.5.
    close(betaQuantile(0.3, 1, 1), 0.3, 1e-9);
    close(betaQuantile(0.5, 2, 1), Math.sqrt(0.5), 1e-9);
  });

  it("Poisson and binomial probabilities", () => {
    // P(X ≤ 1 | 2) = e^−2 (1 + 2); P(X ≥ 2 | 2) = 1 − 3e^−2
    close(poissonCdf(1, 2), 3 * Math.exp(-2));
    close(poissonUpperTail(2, 2), 1 - 3 * Math.exp(-2));
    close(poissonUpperTail(0, 2), 1);
    close(binomialProbability(2, 4, 0.5), 6 / 16);
    close(binomialProbability(0, 3, 0.2), 0.512);
  });
});

describe("poissonInterval (Garwood)", () => {
  it("for 0 the upper bound solves e^−μ = α/2", () => {
    const interval = poissonInterval(0);
    assert.equal(interval.lower, 0);
    close(interval.upper, -Math.log(0.025), 1e-9);
  });

  it("for 1 the lower bound solves 1 − e^−μ = α/2", () => {
    close(poissonInterval(1).lower, -Math.log(0.975), 1e-9);
  });

  it("refuses a non-integer count", () => {
    assert.throws(() => poissonInterval(2.5), RangeError);
  });
});

describe("binomialInterval (Clopper–Pearson)", () => {
  it("for 0 of n the upper bound is 1 − (α/2)^(1/n)", () => {
    const interval = binomialInterval(0, 10);
    assert.equal(interval.lower, 0);
    close(interval.upper, 1 - 0.025 ** 0.1, 1e-9);
  });
  it("for n of n the lower bound is (α/2)^(1/n)", () => {
    close(binomialInterval(5, 5).lower, 0.025 ** 0.2, 1e-9);
  });
});

describe("projectRunRate", () => {
  it("scales the count and its interval to the whole period", () => {
    const projection = projectRunRate(38, 5, 12);
    close(projection.projected, 38 * 2.4);
    const count = poissonInterval(38);
    close(projection.interval.lower, count.lower * 2.4);
    close(projection.interval.upper, count.upper * 2.4);
    assert.ok(projection.interval.lower < projection.projected && projection.projected < projection.interval.upper);
  });
  it("a count of zero projects to zero with a positive upper bound", () => {
    const projection = projectRunRate(0, 3, 12);
    assert.equal(projection.projected, 0);
    close(projection.interval.upper, -Math.log(0.025) * 4, 1e-9);
  });
  it("refuses a part longer than the whole", () => {
    assert.throws(() => projectRunRate(3, 13, 12), RangeError);
  });
});

describe("compareRates", () => {
  it("percent change", () => {
    close(percentChange(4, 61) ?? Number.NaN, -57 / 61);
    assert.equal(percentChange(3, 0), null);
  });

  it("2 against 0 in equal periods: p = P(0) + P(2) under Bin(2, ½) = ½", () => {
    const comparison = compareRates(2, 0);
    close(comparison.pValue, 0.5);
    assert.equal(comparison.rateRatio, null);
  });

  it("5 against 0: p = 2 · (½)⁵, and the ratio's lower bound maps (α/2)^(1/5)", () => {
    const comparison = compareRates(5, 0);
    close(comparison.pValue, 2 / 32);
    const share = 0.025 ** 0.2;
    close(comparison.interval.lower, share / (1 - share), 1e-8);
    assert.equal(comparison.interval.upper, Number.POSITIVE_INFINITY);
  });

  it("3 against 1: p sums the probabilities ≤ P(3) = 4/16, which are 1/16 + 4/16 + 4/16 + 1/16", () => {
    close(compareRates(3, 1).pValue, 10 / 16);
  });

  it("unequal exposures: 2 in one month against 2 in three months tests Bin(4, ¼)", () => {
    const comparison = compareRates(2, 2, 1, 3);
    close(comparison.rateRatio ?? 0, 3);
    // P(k) for k = 0..4: 81, 108, 54, 12, 1 (/256); those ≤ 54/256: 54, 12, 1
    close(comparison.pValue, 67 / 256);
  });

  it("a fall from 61 to 4 is very unlikely to be noise", () => {
    const comparison = compareRates(4, 61);
    close(comparison.rateRatio ?? 0, 4 / 61);
    close(comparison.percentChange ?? 0, -57 / 61);
    assert.ok(comparison.pValue < 1e-10);
    assert.ok(comparison.interval.upper < 0.2 && comparison.interval.lower > 0.01);
    assert.ok(comparison.probabilityLower > 0.999);
  });

  it("no counts at all: nothing to say", () => {
    const comparison = compareRates(0, 0);
    assert.equal(comparison.pValue, 1);
    close(comparison.probabilityLower, 0.5);
  });
});
