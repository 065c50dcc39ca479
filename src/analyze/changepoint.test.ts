import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectChanges } from "./changepoint.ts";

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

describe("detectChanges (Poisson CUSUM)", () => {
  it("flags a tripling after four quiet steps, with the run's exact Poisson tail", () => {
    // Surge side, k = 2, λ0 = 1: a step of 1 adds ln 2 − 1 < 0; a step of 5 adds 5 ln 2 − 1 = 2.47,
    // so S = 2.47 after index 4 and 4.93 > 3 at index 5.
    const result = detectChanges([1, 1, 1, 1, 5, 5, 5], { baselineMean: 1 });
    const surges = result.alarms.filter((alarm) => alarm.direction === "surge");
    assert.equal(surges.length, 1);
    const [surge] = surges;
    assert.ok(surge);
    assert.equal(surge.startIndex, 4);
    assert.equal(surge.alarmIndex, 5);
    assert.equal(surge.observed, 10);
    assert.equal(surge.expected, 2);
    // P(X ≥ 10 | 2) = 1 − e^−2 Σ_{k<10} 2^k / k!
    let below = 0;
    for (let k = 0; k < 10; k++) below += 2 ** k / factorial(k);
    assert.ok(Math.abs(surge.pValue - (1 - Math.exp(-2) * below)) < 1e-12);
  });

  it("flags a fall to zero: each empty step adds λ0 (1 − ½) = 2 on the drop side", () => {
    const result = detectChanges([4, 4, 4, 0, 0, 0], { baselineMean: 4 });
    const drops = result.alarms.filter((alarm) => alarm.direction === "drop");
    assert.equal(drops.length, 1);
    const [drop] = drops;
    assert.ok(drop);
    assert.equal(drop.startIndex, 3);
    assert.equal(drop.alarmIndex, 4);
    assert.equal(drop.observed, 0);
    assert.ok(Math.abs(drop.pValue - Math.exp(-8)) < 1e-15);
  });

  it("a steady series raises nothing", () => {
    assert.deepEqual(detectChanges([3, 3, 3, 3, 3, 3]).alarms, []);
  });

  it("an all-zero baseline is floored so that a burst still registers", () => {
    // λ0 = 0.5 / 5 = 0.1, so 6 events add 6 ln 2 − 0.1 = 4.06 > 3.
    const result = detectChanges([0, 0, 0, 0, 6], { baselineMean: 0 });
    assert.equal(result.baselineMean, 0.1);
    assert.ok(result.alarms.some((alarm) => alarm.direction === "surge" && alarm.alarmIndex === 4));
  });

  it("rejects factors on the wrong side of 1", () => {
    assert.throws(() => detectChanges([1], { surgeFactor: 0.5 }), RangeError);
  });
});
