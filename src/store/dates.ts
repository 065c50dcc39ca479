// Partial-date interval filters (ISO 8601 calendar dates at year, month or day precision).
//
// A stored date stands for the whole interval it names: "2024" is 2024-01-01..2024-12-31. A
// filter bound does too. A record is kept when its interval overlaps the filter's, so `since
// 2024-12` keeps "2024-12-02", "2024-12" and also "2024" (the year contains December), and
// `until 2024-12` keeps "2024-12-31" and "2024". Records without a date are left out by any
// date bound.
//
// Both tests reduce to byte-wise comparisons of the stored strings, which an index can serve:
// - the interval of D ends on or after S starts  <=>  D >= S, or D is a shorter prefix of S;
// - the interval of D starts on or before U ends <=>  D <= U + "~" ("~" sorts after "-" and
//   every digit, so it stands for "any later character at this precision").
import type { PartialDate } from "../domain/records.ts";
import { daysInMonth } from "../nlp/calendar.ts";

const PARTIAL_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists: 2024-02-29 is one, 2025-02-29 and 2024-04-31 are not. */
export function isPartialDate(value: string): value is PartialDate {
  if (!PARTIAL_DATE.test(value)) return false;
  return value.length < 10 || Number(value.slice(8, 10)) <= daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
}

/** The first and last day of the interval a partial date names ("2024-02" is 2024-02-01..2024-02-29). */
export function dayBounds(date: PartialDate): { readonly first: string; readonly last: string } {
  if (date.length >= 10) return { first: date.slice(0, 10), last: date.slice(0, 10) };
  const year = Number(date.slice(0, 4));
  if (date.length >= 7) {
    const month = Number(date.slice(5, 7));
    return { first: `${date.slice(0, 7)}-01`, last: `${date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, "0")}` };
  }
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** A usage error's text when the since bound starts after the until bound ends; null when they are in order. */
export function boundsOutOfOrder(since: PartialDate | undefined, until: PartialDate | undefined): string | null {
  if (since === undefined || until === undefined) return null;
  return dayBounds(since).first > dayBounds(until).last ? `since (${since}) is after until (${until}): no date lies between` : null;
}

export function assertPartialDate(value: string, bound: "since" | "until"): void {
  if (!isPartialDate(value)) throw new RangeError(`${bound} must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
}

export interface SinceBound {
  /** Stored dates at or after this string overlap. */
  readonly atOrAfter: string;
  /** Coarser stored dates that contain the bound: "2024" and "2024-12" for "2024-12-15". */
  readonly containing: readonly string[];
}

export function sinceBound(since: PartialDate): SinceBound {
  assertPartialDate(since, "since");
  const containing = [4, 7].filter((length) => since.length > length).map((length) => since.slice(0, length));
  return { atOrAfter: since, containing };
}

/** Stored dates at or before this string overlap. */
export function untilBound(until: PartialDate): string {
  assertPartialDate(until, "until");
  return `${until}~`;
}
