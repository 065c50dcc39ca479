import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, addMonths, containingPartialDate, daysBetween, isValidDay, parseIsoDay, weekdayOf } from "./calendar.ts";

describe("calendar", () => {
  it("parses only real ISO days", () => {
    assert.deepEqual(parseIsoDay("2024-02-29"), { year: 2024, month: 2, day: 29 });
    assert.equal(parseIsoDay("2025-02-29"), null);
    assert.equal(parseIsoDay("2025-6-1"), null);
    assert.equal(isValidDay(1900, 2, 29), false);
    assert.equal(isValidDay(2000, 2, 29), true);
  });

  it("adds days across month and year ends", () => {
    assert.deepEqual(addDays({ year: 2024, month: 12, day: 2 }, 11), { year: 2024, month: 12, day: 13 });
    assert.deepEqual(addDays({ year: 2024, month: 12, day: 30 }, 3), { year: 2025, month: 1, day: 2 });
    assert.equal(daysBetween({ year: 2024, month: 2, day: 28 }, { year: 2024, month: 3, day: 1 }), 2);
  });

  it("adds months, clamping the day", () => {
    assert.deepEqual(addMonths({ year: 2025, month: 1, day: 31 }, 1), { year: 2025, month: 2, day: 28 });
    assert.deepEqual(addMonths({ year: 2025, month: 1, day: 15 }, -2), { year: 2024, month: 11, day: 15 });
  });

  it("knows the weekday", () => {
    assert.equal(weekdayOf({ year: 2025, month: 6, day: 10 }), 2);
    assert.equal(weekdayOf({ year: 1990, month: 1, day: 16 }), 2);
  });

  it("finds the smallest calendar unit holding a period", () => {
    assert.equal(containingPartialDate({ periodStart: "2025-06-02", periodEnd: "2025-06-08" }), "2025-06");
    assert.equal(containingPartialDate({ periodStart: "2025-01-01", periodEnd: "2025-05-31" }), "2025");
    assert.equal(containingPartialDate({ periodStart: "2024-12-30", periodEnd: "2025-01-05" }), null);
    assert.equal(containingPartialDate({ periodStart: "2025-06-10", periodEnd: "2025-06-10" }), "2025-06-10");
  });
});
