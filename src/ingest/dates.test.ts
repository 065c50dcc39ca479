import assert from "node:assert/strict";
import { test } from "node:test";
import { calendarDateFrom } from "./dates.ts";

test("ISO 8601 dates and date-times give the date as written, in the writer's own offset", () => {
  assert.equal(calendarDateFrom("2025-06-10"), "2025-06-10");
  assert.equal(calendarDateFrom("2025-06-10T23:30:00-05:00"), "2025-06-10");
  assert.equal(calendarDateFrom(" '2025-06-10 08:00' "), "2025-06-10");
  assert.equal(calendarDateFrom("20250610T080000Z"), "2025-06-10");
});

test("RFC 5322 and written-out dates", () => {
  assert.equal(calendarDateFrom("Tue, 10 Jun 2025 08:00:00 GMT"), "2025-06-10");
  assert.equal(calendarDateFrom("10 June 2025"), "2025-06-10");
  assert.equal(calendarDateFrom("June 10, 2025"), "2025-06-10");
  assert.equal(calendarDateFrom("Sept. 3 2024"), "2024-09-03");
});

test("invalid or partial dates give null, never a guess", () => {
  for (const value of ["2025-02-29", "2025-13-01", "2025-06", "2025", "yesterday", "Marching 3, 2025", "", null, undefined]) {
    assert.equal(calendarDateFrom(value), null, String(value));
  }
  assert.equal(calendarDateFrom("2024-02-29"), "2024-02-29");
});
