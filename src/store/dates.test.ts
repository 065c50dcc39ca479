import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { isPartialDate, sinceBound, untilBound } from "./dates.ts";

// The store compares these bounds with stored dates in SQL; here the same comparison in
// JavaScript (byte-wise on ASCII, as SQLite's BINARY collation does) pins the interval semantics.
function overlapsSince(stored: string, since: string): boolean {
  const bound = sinceBound(since);
  return stored >= bound.atOrAfter || bound.containing.includes(stored);
}

function overlapsUntil(stored: string, until: string): boolean {
  return stored <= untilBound(until);
}

describe("partial date bounds", () => {
  it("keeps a stored date whose interval reaches the since bound", () => {
    assert.equal(overlapsSince("2024-12-02", "2024-12"), true);
    assert.equal(overlapsSince("2024-12", "2024-12"), true);
    assert.equal(overlapsSince("2024", "2024-12"), true);
    assert.equal(overlapsSince("2025-01", "2024-12"), true);
    assert.equal(overlapsSince("2024-12", "2024-12-15"), true);
    assert.equal(overlapsSince("2024-11-30", "2024-12"), false);
    assert.equal(overlapsSince("2024-11", "2024-12-15"), false);
    assert.equal(overlapsSince("2023", "2024-12"), false);
  });

  it("keeps a stored date whose interval starts by the until bound", () => {
    assert.equal(overlapsUntil("2024-12-31", "2024-12"), true);
    assert.equal(overlapsUntil("2024-12", "2024-12-15"), true);
    assert.equal(overlapsUntil("2024", "2024-12"), true);
    assert.equal(overlapsUntil("2024-12-15", "2024-12-15"), true);
    assert.equal(overlapsUntil("2024-12-16", "2024-12-15"), false);
    assert.equal(overlapsUntil("2025", "2024-12"), false);
  });

  it("rejects a bound that is not an ISO partial date", () => {
    assert.equal(isPartialDate("2024-13"), false);
    assert.equal(isPartialDate("24-01-01"), false);
    assert.throws(() => sinceBound("2024/12"), RangeError);
    assert.throws(() => untilBound("' OR 1=1--"), RangeError);
  });
});
