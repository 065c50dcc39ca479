// Calendar buckets for series (ISO 8601 weeks, months, years) and the arithmetic the figures
// need: how many whole months a reported period covers, and whether it is part of one year.
import type { PartialDate } from "../domain/records.ts";
import { daysInMonth, parseIsoDay } from "../nlp/calendar.ts";
import { dayBounds } from "../store/dates.ts";

export type Interval = "week" | "month" | "year";
export const INTERVALS: readonly Interval[] = ["week", "month", "year"];

/** ISO 8601 week of a day: the week with the year's first Thursday is week 1. */
export function isoWeek(day: string): string | null {
  const parsed = parseIsoDay(day);
  if (parsed === null) return null;
  const date = new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day));
  const weekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
  // The Thursday of this week decides the week-numbering year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The bucket of a partial date, or null when the date is too coarse for it. */
export function bucketOf(date: PartialDate | null, interval: Interval): string | null {
  if (date === null) return null;
  switch (interval) {
    case "year":
      return date.length >= 4 ? date.slice(0, 4) : null;
    case "month":
      return date.length >= 7 ? date.slice(0, 7) : null;
    case "week":
      return date.length >= 10 ? isoWeek(date.slice(0, 10)) : null;
  }
}

function mondayOfIsoWeek(week: string): Date {
  const year = Number(week.slice(0, 4));
  const number = Number(week.slice(6));
  const january4 = new Date(Date.UTC(year, 0, 4));
  const weekday = january4.getUTCDay() === 0 ? 7 : january4.getUTCDay();
  return new Date(Date.UTC(year, 0, 4 - weekday + 1 + (number - 1) * 7));
}

/** The bucket after `bucket`. */
export function nextBucket(bucket: string, interval: Interval): string {
  switch (interval) {
    case "year":
      return String(Number(bucket) + 1);
    case "month": {
      const year = Number(bucket.slice(0, 4));
      const month = Number(bucket.slice(5, 7));
      return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
    }
    case "week": {
      const monday = mondayOfIsoWeek(bucket);
      monday.setUTCDate(monday.getUTCDate() + 7);
      return isoWeek(monday.toISOString().slice(0, 10)) ?? bucket;
    }
  }
}

/** Every bucket from `first` to `last` inclusive (lexical order equals time order for each interval). */
export function bucketRange(first: string, last: string, interval: Interval): string[] {
  const buckets: string[] = [];
  for (let bucket = first; bucket <= last; bucket = nextBucket(bucket, interval)) buckets.push(bucket);
  return buckets;
}

/**
 * The number of whole calendar months from `start` to `end` (inclusive days), or null when the
 * period does not start on a month's first day and end on a month's last day.
 */
export function wholeMonths(start: string, end: string): number | null {
  const from = parseIsoDay(start);
  const to = parseIsoDay(end);
  if (from === null || to === null || from.day !== 1 || to.day !== daysInMonth(to.year, to.month)) return null;
  const months = (to.year - from.year) * 12 + (to.month - from.month) + 1;
  return months > 0 ? months : null;
}

// The first and last day of a partial date: one implementation, with the store's date filters.
export { dayBounds };

/** True when the partial date lies wholly inside [first, last] (days, inclusive). */
export function within(date: PartialDate | null, first: string, last: string): boolean {
  if (date === null) return false;
  const bounds = dayBounds(date);
  return bounds.first >= first && bounds.last <= last;
}

/** The same day one year earlier; 29 February becomes 28 February. */
export function yearBefore(day: string): string {
  const year = Number(day.slice(0, 4)) - 1;
  const month = Number(day.slice(5, 7));
  const dayOfMonth = Math.min(Number(day.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${day.slice(5, 7)}-${String(dayOfMonth).padStart(2, "0")}`;
}
