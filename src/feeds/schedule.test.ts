import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { advanceCursor, backoffDelayMs, parseInterval } from "./schedule.ts";

describe("backoffDelayMs", () => {
  test("doubles from five minutes per failure in a row, capped at a day", () => {
    assert.equal(backoffDelayMs(0), 0);
    assert.equal(backoffDelayMs(1), 5 * 60_000);
    assert.equal(backoffDelayMs(2), 10 * 60_000);
    assert.equal(backoffDelayMs(4), 40 * 60_000);
    assert.equal(backoffDelayMs(20), 24 * 3_600_000);
    assert.equal(backoffDelayMs(5000), 24 * 3_600_000);
  });
});

describe("parseInterval", () => {
  test("reads seconds, minutes, hours and days; refuses less than a minute and other text", () => {
    assert.equal(parseInterval("15m"), 900_000);
    assert.equal(parseInterval("1h"), 3_600_000);
    assert.equal(parseInterval("90s"), 90_000);
    assert.equal(parseInterval("2D"), 172_800_000);
    assert.equal(parseInterval("30s"), null);
    assert.equal(parseInterval("15"), null);
    assert.equal(parseInterval("fifteen minutes"), null);
    assert.equal(parseInterval("-5m"), null);
  });
});

describe("advanceCursor", () => {
  test("adds the stored ids once, newest last, and keeps only the newest up to the limit", () => {
    assert.deepEqual(advanceCursor(["a", "b"], ["c", "a"]), ["b", "c", "a"]);
    assert.deepEqual(advanceCursor(["a", "b", "c"], ["d"], 3), ["b", "c", "d"]);
    assert.deepEqual(advanceCursor([], []), []);
  });
});
