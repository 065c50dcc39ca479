// Calendar arithmetic on ISO 8601 calendar dates (`YYYY-MM-DD`), proleptic Gregorian, in UTC.
// Every function is pure: nothing here reads the wall clock, so a date resolved from a report
// depends only on the report and the reference date it was given.

/** An inclusive span of days, both ends `YYYY-MM-DD`. */
export interface Period {
  readonly periodStart: string;
  readonly periodEnd: string;
}

export interface CalendarDay {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** English month names, lower case; a name's index + 1 is its month number. */
export const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** The usual abbreviations of month names, lower case, with their month numbers ("may" is a full name). */
export const MONTH_ABBREVIATIONS: readonly (readonly [string, number])[] = [
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["sept", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
];

/** English weekday names, lower case; a name's index is its number in `weekdayOf` (0 = Sunday). */
export const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}

export function isoDay(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Parses `YYYY-MM-DD`; null for anything else, including impossible days such as 2025-02-30. */
export function parseIsoDay(text: string): CalendarDay | null {
  const match = ISO_DAY.exec(text);
  if (match === null) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return isValidDay(year, month, day) ? { year, month, day } : null;
}

function toDayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): CalendarDay {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function dayToIso(day: CalendarDay): string {
  return isoDay(day.year, day.month, day.day);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromDayNumber(toDayNumber(day.year, day.month, day.day) + days);
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: CalendarDay, months: number): CalendarDay {
  const index = day.year * 12 + (day.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return toDayNumber(to.year, to.month, to.day) - toDayNumber(from.year, from.month, from.day);
}

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay`. */
export function weekdayOf(day: CalendarDay): number {
  return new Date(toDayNumber(day.year, day.month, day.day) * MS_PER_DAY).getUTCDay();
}

export function compareDays(left: CalendarDay, right: CalendarDay): number {
  return left.year - right.year || left.month - right.month || left.day - right.day;
}

export function monthPeriod(year: number, month: number): Period {
  return { periodStart: isoDay(year, month, 1), periodEnd: isoDay(year, month, daysInMonth(year, month)) };
}

export function yearPeriod(year: number): Period {
  return { periodStart: isoDay(year, 1, 1), periodEnd: isoDay(year, 12, 31) };
}

export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

/**
 * The period a partial ISO 8601 date covers: `2024` → the whole year, `2024-12` → the month,
 * `2024-12-02` → that day. Null when the text is not a valid partial date.
 */
export function periodOfPartialDate(partial: string): Period | null {
  const match = PARTIAL_DATE.exec(partial);
  if (match === null) return null;
  const year = Number(match[1]);
  if (match[2] === undefined) return yearPeriod(year);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return monthPeriod(year, month);
  const day = Number(match[3]);
  if (!isValidDay(year, month, day)) return null;
  const iso = isoDay(year, month, day);
  return { periodStart: iso, periodEnd: iso };
}

/**
 * The smallest calendar unit (day, month or year) holding the whole period, as a partial date;
 * null when the period crosses a year boundary.
 */
export function containingPartialDate(period: Period): string | null {
  const start = period.periodStart;
  const end = period.periodEnd;
  if (start === end) return start;
  if (start.slice(0, 7) === end.slice(0, 7)) return start.slice(0, 7);
  if (start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  return null;
}

function shiftDayByYears(iso: string, years: number, keepMonthEnd: boolean): string {
  const day = parseIsoDay(iso);
  if (day === null) throw new RangeError(`not an ISO calendar date: ${iso}`);
  const year = day.year + years;
  const lastDay = daysInMonth(year, day.month);
  const wasMonthEnd = day.day === daysInMonth(day.year, day.month);
  const shiftedDay = keepMonthEnd && wasMonthEnd ? lastDay : Math.min(day.day, lastDay);
  return isoDay(year, day.month, shiftedDay);
}

/**
 * The same period `years` years later (negative: earlier), for "the same period last year".
 * A period ending on a month's last day still ends on that month's last day (Feb 28, 2025 → Feb 29,
 * 2024), and Feb 29 shifted to a common year becomes Feb 28.
 */
export function shiftYears(period: Period, years: number): Period {
  return {
    periodStart: shiftDayByYears(period.periodStart, years, false),
    periodEnd: shiftDayByYears(period.periodEnd, years, true),
  };
}
