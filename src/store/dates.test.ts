import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { boundsOutOfOrder, dayBounds, isPartialDate, sinceBound, untilBound } from "./dates.ts";

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

  it("rejects a day the calendar does not have", () => {
    assert.equal(isPartialDate("2024-02-29"), true);
    assert.equal(isPartialDate("2025-02-29"), false);
    assert.equal(isPartialDate("2024-02-30"), false);
    assert.equal(isPartialDate("2024-04-31"), false);
    assert.equal(isPartialDate("2024-12-31"), true);
    assert.throws(() => untilBound("2024-02-30"), RangeError);
  });

  it("finds bounds out of order: since starting after until ends", () => {
    assert.deepEqual(dayBounds("2024-02"), { first: "2024-02-01", last: "2024-02-29" });
    assert.match(boundsOutOfOrder("2025", "2024") ?? "", /since \(2025\) is after until \(2024\)/);
    assert.notEqual(boundsOutOfOrder("2024-12-02", "2024-12-01"), null);
    assert.equal(boundsOutOfOrder("2024-06", "2024"), null, "a month inside the year");
    assert.equal(boundsOutOfOrder("2024", "2024-01-01"), null, "the year starts on that day");
    assert.equal(boundsOutOfOrder("2024-12-01", "2024-12-01"), null);
    assert.equal(boundsOutOfOrder(undefined, "2024"), null);
  });
});
