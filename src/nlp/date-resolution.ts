// Resolves the date expressions ./date-grammar.ts finds to calendar spans.
//
// Rules:
// - A date without a year ("December 2", "in January") is the latest such date not after the
//   reference date: news reports past events. With no reference date it stays unresolved
//   (value and period null) but is still returned, so the caller knows a date was there.
// - Relative expressions ("yesterday", "last week", "this year", "the previous year") use the
//   reference date only; "eleven days later", "the next day", "the following week" use the
//   anchor: the previous day-precision date in the text (or `context.anchorDate` before the first
//   one); "the same period last year" moves the previous period or month/year the text named.
// - A period's `value` is null; `container` gives the smallest calendar unit holding it.
// - Nothing here reads the wall clock.
// - Calendar units are whole: "this year" is Jan 1-Dec 31 even when the reference is in June;
//   the caller clamps a period to the reference date where that matters.
import {
  type CalendarDay,
  type Period,
  addDays,
  addMonths,
  compareDays,
  containingPartialDate,
  dayToIso,
  daysBetween,
  daysInMonth,
  isValidDay,
  parseIsoDay,
  periodOfPartialDate,
  quarterOfMonth,
  shiftYears,
  weekdayOf,
} from "./calendar.ts";
import { type DateExpression, type DatePart, type SpanUnit, scanDateExpressions } from "./date-grammar.ts";
import { type Word, scanWords } from "./word-scan.ts";

export type DateResolution = "absolute" | "reference" | "anchor";

export interface DateMention {
  /** UTF-16 offsets into the text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** A point names one calendar day, month or year ("December 2", "mid-2024"); a period is anything else. */
  readonly kind: "point" | "period";
  /** For a point, the partial date at the precision the text gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly value: string | null;
  /** First day covered, inclusive; null when the expression cannot be resolved with the context given. */
  readonly periodStart: string | null;
  /** Last day covered, inclusive. */
  readonly periodEnd: string | null;
  /** The smallest calendar day, month or year holding the whole period ("last week" → `2025-06`), if any. */
  readonly container: string | null;
  /** What the date was resolved against: nothing else, the reference date, or the previous date (anchor). */
  readonly resolution: DateResolution;
  /** True when the expression itself writes the year ("December 2, 2024", "Q2 2019", "1990s"). */
  readonly explicitYear: boolean;
}

export interface DateContext {
  /** The report's date (`YYYY-MM-DD`; a `YYYY-MM` or `YYYY` counts as its last day), or null when unknown. */
  readonly referenceDate: string | null;
  /** The date "eleven days later" counts from until the text names a day itself. */
  readonly anchorDate?: string | null;
  /** The period a report covers; "the quarter", "this quarter" and "the reporting period" resolve to it. */
  readonly reportPeriod?: Period | null;
  /** Each day-precision date becomes the anchor for the relative dates after it (default true). */
  readonly chainAnchor?: boolean;
}

interface Span {
  readonly start: CalendarDay;
  readonly end: CalendarDay;
}

interface Environment {
  readonly reference: CalendarDay | null;
  anchor: CalendarDay | null;
  lastPeriod: Span | null;
  readonly reportPeriod: Span | null;
}

type Precision = "day" | "month" | "year";

/** The reference day of a context date; a `YYYY-MM` or `YYYY` reference counts as its last day. */
function contextDay(text: string | null | undefined, field: string): CalendarDay | null {
  if (text === null || text === undefined) return null;
  const period = periodOfPartialDate(text);
  if (period === null) throw new RangeError(`${field} is not an ISO 8601 date: ${text}`);
  return parseIsoDay(period.periodEnd);
}

/** Only a day can anchor "eleven days later"; an anchor given as a month or a year gives none. */
function anchorDay(text: string | null | undefined): CalendarDay | null {
  if (text === null || text === undefined) return null;
  contextDay(text, "anchorDate");
  return parseIsoDay(text);
}

function spanOfPeriod(period: Period): Span {
  const start = parseIsoDay(period.periodStart);
  const end = parseIsoDay(period.periodEnd);
  if (start === null || end === null) throw new RangeError(`not an ISO period: ${period.periodStart}..${period.periodEnd}`);
  return { start, end };
}

function daySpan(day: CalendarDay): Span {
  return { start: day, end: day };
}

function monthSpan(year: number, month: number): Span {
  return { start: { year, month, day: 1 }, end: { year, month, day: daysInMonth(year, month) } };
}

function yearSpan(year: number): Span {
  return { start: { year, month: 1, day: 1 }, end: { year, month: 12, day: 31 } };
}

function monthsSpan(year: number, firstMonth: number, count: number): Span {
  const start: CalendarDay = { year, month: firstMonth, day: 1 };
  const last = addMonths(start, count - 1);
  return { start, end: { ...last, day: daysInMonth(last.year, last.month) } };
}

function shiftBy(day: CalendarDay, unit: SpanUnit, amount: number): CalendarDay {
  switch (unit) {
    case "day":
      return addDays(day, amount);
    case "week":
      return addDays(day, amount * 7);
    case "month":
      return addMonths(day, amount);
    case "year":
      return addMonths(day, amount * 12);
  }
}

function spanAtPrecision(day: CalendarDay, precision: Precision): Span {
  switch (precision) {
    case "day":
      return daySpan(day);
    case "month":
      return monthSpan(day.year, day.month);
    case "year":
      return yearSpan(day.year);
  }
}

/** Monday of the ISO week (Monday-Sunday) holding `day`. */
function mondayOf(day: CalendarDay): CalendarDay {
  return addDays(day, -((weekdayOf(day) + 6) % 7));
}

function isMonthStart(day: CalendarDay): boolean {
  return day.day === 1;
}

function isMonthEnd(day: CalendarDay): boolean {
  return day.day === daysInMonth(day.year, day.month);
}

/** The first, middle or last third of a span: by whole months when it is months long, else by days. */
function narrowToThird(span: Span, part: "early" | "mid" | "late"): Span {
  const months = (span.end.year - span.start.year) * 12 + (span.end.month - span.start.month) + 1;
  if (isMonthStart(span.start) && isMonthEnd(span.end) && months >= 3) {
    const first = Math.floor(months / 3);
    const second = Math.floor((2 * months) / 3);
    const [from, to] = part === "early" ? [0, first] : part === "mid" ? [first, second] : [second, months];
    const start = addMonths(span.start, from);
    return monthsSpan(start.year, start.month, to - from);
  }
  const days = daysBetween(span.start, span.end) + 1;
  if (days < 3) return span;
  const first = Math.floor(days / 3);
  const second = Math.floor((2 * days) / 3);
  const [from, to] = part === "early" ? [0, first] : part === "mid" ? [first, second] : [second, days];
  return { start: addDays(span.start, from), end: addDays(span.start, to - 1) };
}

function narrow(span: Span, part: DatePart, reference: CalendarDay | null): Span | null {
  switch (part) {
    case "early":
    case "mid":
    case "late":
      return narrowToThird(span, part);
    case "earlier":
      if (reference === null || compareDays(reference, span.start) < 0) return null;
      return { start: span.start, end: compareDays(reference, span.end) < 0 ? reference : span.end };
    case "later":
      if (reference === null || compareDays(reference, span.end) > 0) return null;
      return { start: compareDays(reference, span.start) > 0 ? reference : span.start, end: span.end };
  }
}

/**
 * "Country Reports on Terrorism 2022 ... On January 20, ISIS attacked the prison": in a report
 * about a period, a year-less day that falls within it is in it, though the report came out the
 * year after. Null when the report has no period or the day falls outside it.
 */
function yearWithinReport(expression: DateExpression & { type: "calendar" }, period: Span | null, reference: CalendarDay): number | null {
  if (period === null || expression.month === null || expression.day === null || expression.monthMode !== "past") return null;
  for (let year = period.end.year; year >= period.start.year; year--) {
    if (!isValidDay(year, expression.month, expression.day)) continue;
    const day = { year, month: expression.month, day: expression.day };
    // Never after the report itself.
    if (compareDays(day, reference) > 0) continue;
    if (compareDays(day, period.start) >= 0 && compareDays(day, period.end) <= 0) return year;
  }
  return null;
}

/** The year of a year-less date: the latest one not after the reference (or as "last/this/next" says). */
function yearFor(expression: DateExpression & { type: "calendar" }, reference: CalendarDay): number | null {
  const month = expression.month;
  if (month === null) return null;
  const day = expression.day;
  if (day !== null) {
    for (
      let year = month * 100 + day > reference.month * 100 + reference.day ? reference.year - 1 : reference.year, tries = 0;
      tries < 8;
      year--, tries++
    ) {
      if (isValidDay(year, month, day)) return year;
    }
    return null;
  }
  switch (expression.monthMode) {
    case "past":
      return month > reference.month ? reference.year - 1 : reference.year;
    case "last":
      return month >= reference.month ? reference.year - 1 : reference.year;
    case "this":
      return reference.year;
    case "next":
      return month <= reference.month ? reference.year + 1 : reference.year;
  }
}

/** The precision of a point expression, or null for a period. Known without resolving. */
function pointPrecision(expression: DateExpression): Precision | null {
  switch (expression.type) {
    case "calendar":
      return expression.day !== null ? "day" : expression.month !== null ? "month" : "year";
    case "relativeDay":
    case "weekday":
      return "day";
    case "ago":
      if (expression.vague) return null;
      return expression.unit === "month" ? "month" : expression.unit === "year" ? "year" : "day";
    case "relativeUnit":
      return expression.unit === "month" ? "month" : expression.unit === "year" ? "year" : null;
    case "anchorShift":
      if (expression.unit === "month" || expression.unit === "year") return expression.unit;
      return expression.wholeUnit ? null : "day";
    case "part":
      return pointPrecision(expression.inner);
    case "decade":
    case "rolling":
    case "quarter":
    case "half":
    case "slice":
    case "range":
    case "since":
    case "samePeriod":
    case "reportPeriod":
    case "time":
      return null;
  }
}

const RESOLUTION_ORDER: Record<DateResolution, number> = { absolute: 0, reference: 1, anchor: 2 };

function weaker(left: DateResolution, right: DateResolution): DateResolution {
  return RESOLUTION_ORDER[left] >= RESOLUTION_ORDER[right] ? left : right;
}

function resolutionOf(expression: DateExpression): DateResolution {
  switch (expression.type) {
    case "calendar":
      return expression.year !== null ? "absolute" : "reference";
    case "decade":
    case "time":
      return "absolute";
    case "relativeDay":
    case "relativeUnit":
    case "rolling":
    case "ago":
    case "weekday":
    case "since":
    case "reportPeriod":
      return "reference";
    case "anchorShift":
    case "samePeriod":
      return "anchor";
    case "quarter":
    case "half":
    case "slice":
      return expression.base === null ? "reference" : resolutionOf(expression.base);
    case "range":
      return weaker(resolutionOf(expression.from), resolutionOf(expression.to));
    case "part":
      return expression.part === "earlier" || expression.part === "later"
        ? weaker("reference", resolutionOf(expression.inner))
        : resolutionOf(expression.inner);
  }
}

function hasExplicitYear(expression: DateExpression): boolean {
  switch (expression.type) {
    case "calendar":
      return expression.year !== null;
    case "decade":
      return true;
    case "quarter":
    case "half":
    case "slice":
      return expression.base !== null && hasExplicitYear(expression.base);
    case "range":
      return hasExplicitYear(expression.from) && hasExplicitYear(expression.to);
    case "since":
      return hasExplicitYear(expression.from);
    case "part":
      return hasExplicitYear(expression.inner);
    case "samePeriod":
      return expression.targetYear !== null;
    default:
      return false;
  }
}

/** The weekend (Saturday-Sunday) of "this weekend" (0), "last weekend" (-1) or "next weekend" (+1). */
function weekendSpan(reference: CalendarDay, offset: number): Span {
  const weekday = weekdayOf(reference);
  const monday = mondayOf(reference);
  const inWeekend = weekday === 6 || weekday === 0;
  // The most recent weekend on or before the reference date.
  const recentSaturday = weekday === 6 ? reference : weekday === 0 ? addDays(reference, -1) : addDays(monday, -2);
  let saturday: CalendarDay;
  if (offset === 0) saturday = recentSaturday;
  else if (offset < 0) saturday = inWeekend ? addDays(recentSaturday, 7 * offset) : addDays(recentSaturday, 7 * (offset + 1));
  else saturday = inWeekend ? addDays(recentSaturday, 7 * offset) : addDays(monday, 5 + 7 * (offset - 1));
  return { start: saturday, end: addDays(saturday, 1) };
}

function resolveSpan(expression: DateExpression, environment: Environment): Span | null {
  const reference = environment.reference;
  switch (expression.type) {
    case "calendar": {
      let year = expression.year;
      if (year === null) {
        if (reference === null) return null;
        year = yearWithinReport(expression, environment.reportPeriod, reference) ?? yearFor(expression, reference);
        if (year === null) return null;
      }
      if (expression.month === null) return yearSpan(year);
      if (expression.day === null) return monthSpan(year, expression.month);
      if (!isValidDay(year, expression.month, expression.day)) return null;
      return daySpan({ year, month: expression.month, day: expression.day });
    }
    case "decade":
      return { start: yearSpan(expression.firstYear).start, end: yearSpan(expression.firstYear + 9).end };
    case "relativeDay":
      return reference === null ? null : daySpan(addDays(reference, expression.offset));
    case "relativeUnit": {
      if (reference === null) return null;
      switch (expression.unit) {
        case "week": {
          const monday = addDays(mondayOf(reference), 7 * expression.offset);
          return { start: monday, end: addDays(monday, 6) };
        }
        case "weekend":
          return weekendSpan(reference, expression.offset);
        case "month": {
          const month = addMonths({ year: reference.year, month: reference.month, day: 1 }, expression.offset);
          return monthSpan(month.year, month.month);
        }
        case "quarter": {
          if (expression.offset === 0 && environment.reportPeriod !== null) return environment.reportPeriod;
          const index = reference.year * 4 + quarterOfMonth(reference.month) - 1 + expression.offset;
          const year = Math.floor(index / 4);
          return monthsSpan(year, (index - year * 4) * 3 + 1, 3);
        }
        case "year":
          return yearSpan(reference.year + expression.offset);
      }
      break;
    }
    case "rolling":
      return reference === null ? null : { start: shiftBy(reference, expression.unit, -expression.amount), end: reference };
    case "ago": {
      if (reference === null) return null;
      if (expression.vague) {
        return {
          start: shiftBy(reference, expression.unit, -2 * expression.amount),
          end: shiftBy(reference, expression.unit, -1),
        };
      }
      const day = shiftBy(reference, expression.unit, -expression.amount);
      return spanAtPrecision(day, pointPrecision(expression) ?? "day");
    }
    case "weekday": {
      if (reference === null) return null;
      const current = weekdayOf(reference);
      if (expression.mode === "next") {
        return daySpan(addDays(reference, (expression.weekday - current + 7) % 7 || 7));
      }
      const back = (current - expression.weekday + 7) % 7;
      return daySpan(addDays(reference, -(back === 0 && expression.mode === "last" ? 7 : back)));
    }
    case "anchorShift": {
      const anchor = environment.anchor;
      if (anchor === null) return null;
      if (expression.unit === "week" && expression.wholeUnit) {
        const monday = mondayOf(addDays(anchor, 7 * expression.amount));
        return { start: monday, end: addDays(monday, 6) };
      }
      const day = shiftBy(anchor, expression.unit, expression.amount);
      return spanAtPrecision(day, pointPrecision(expression) ?? "day");
    }
    case "quarter":
    case "half": {
      const months = expression.type === "quarter" ? 3 : 6;
      const ordinal = expression.type === "quarter" ? expression.quarter : expression.half;
      const firstMonth = (ordinal - 1) * months + 1;
      let year: number;
      if (expression.base === null) {
        if (reference === null) return null;
        // The latest such quarter that has begun by the reference date.
        year = reference.month >= firstMonth ? reference.year : reference.year - 1;
      } else {
        const base = resolveSpan(expression.base, environment);
        if (base === null) return null;
        year = base.start.year;
      }
      return monthsSpan(year, firstMonth, months);
    }
    case "slice": {
      let base: Span | null;
      if (expression.base === null) base = reference === null ? null : yearSpan(reference.year);
      else base = resolveSpan(expression.base, environment);
      if (base === null) return null;
      const count = expression.count;
      let span: Span;
      if (!expression.fromEnd) {
        const start = base.start;
        span =
          expression.unit === "month"
            ? monthsSpan(start.year, start.month, count)
            : { start, end: addDays(start, (expression.unit === "week" ? 7 : 1) * count - 1) };
      } else {
        const end = base.end;
        if (expression.unit === "month") {
          const first = addMonths({ ...end, day: 1 }, -(count - 1));
          span = { start: first, end };
        } else {
          span = { start: addDays(end, -((expression.unit === "week" ? 7 : 1) * count - 1)), end };
        }
      }
      // Never beyond the base: "the first 40 days of February" stops at its end.
      return {
        start: compareDays(span.start, base.start) < 0 ? base.start : span.start,
        end: compareDays(span.end, base.end) > 0 ? base.end : span.end,
      };
    }
    case "range": {
      let from = resolveSpan(expression.from, environment);
      const to = resolveSpan(expression.to, environment);
      if (from === null || to === null) return null;
      if (compareDays(from.start, to.end) > 0 && expression.from.type === "calendar" && expression.from.year === null) {
        // "from November to February": the first end is in the year before.
        from = resolveSpan({ ...expression.from, year: from.start.year - 1 }, environment);
        if (from === null) return null;
      }
      if (compareDays(from.start, to.end) > 0) return null;
      return { start: from.start, end: to.end };
    }
    case "since": {
      const from = resolveSpan(expression.from, environment);
      if (from === null || reference === null || compareDays(from.start, reference) > 0) return null;
      return { start: from.start, end: reference };
    }
    case "samePeriod": {
      const last = environment.lastPeriod;
      if (last === null) return null;
      const years = expression.targetYear === null ? expression.years : expression.targetYear - last.start.year;
      return spanOfPeriod(shiftYears({ periodStart: dayToIso(last.start), periodEnd: dayToIso(last.end) }, years));
    }
    case "reportPeriod":
      if (environment.reportPeriod !== null) return environment.reportPeriod;
      if (expression.unit === "quarter" && reference !== null) {
        return resolveSpan({ type: "relativeUnit", unit: "quarter", offset: 0 }, environment);
      }
      return null;
    case "part": {
      const inner = resolveSpan(expression.inner, environment);
      return inner === null ? null : narrow(inner, expression.part, reference);
    }
    case "time":
      return null;
  }
}

/** A text's dates, left to right. See the rules at the top of this file. */
export function findDates(text: string, context: DateContext, words: readonly Word[] = scanWords(text)): DateMention[] {
  return readDates(text, words, 0, environmentOf(context), context.chainAnchor ?? true);
}

/**
 * The dates of a text's parts (a report's sentences, each with its offset in the report and its
 * words from scanWords), read with no reference date and with the offsets of the whole text: the
 * same dates as findDates over the whole text with `referenceDate: null` and `chainAnchor:
 * false`, a period named in one part still being the one "the same period" in a later part
 * moves, as long as no date runs across a break between parts (the caller keeps lines that end
 * without a full stop together: see undatedParts in extract/context.ts). A caller that reads the
 * parts again with a reference date passes the same words, and nothing is scanned twice (the
 * date grammar keeps its matches for the words it was given).
 */
export function findUndatedDatesInParts(
  parts: readonly { readonly text: string; readonly start: number; readonly words: readonly Word[] }[],
): DateMention[] {
  const environment = environmentOf({ referenceDate: null });
  const mentions: DateMention[] = [];
  for (const part of parts) mentions.push(...readDates(part.text, part.words, part.start, environment, false));
  return mentions;
}

function environmentOf(context: DateContext): Environment {
  return {
    reference: contextDay(context.referenceDate, "referenceDate"),
    anchor: anchorDay(context.anchorDate),
    lastPeriod: null,
    reportPeriod: context.reportPeriod == null ? null : spanOfPeriod(context.reportPeriod),
  };
}

/** The dates of `text` (its `words`), read in `environment` (which they update), with offsets shifted by `offset`. */
function readDates(text: string, words: readonly Word[], offset: number, environment: Environment, chain: boolean): DateMention[] {
  const mentions: DateMention[] = [];
  for (const match of scanDateExpressions(words)) {
    const expression = match.expression;
    if (expression.type === "time") continue;
    const first = words[match.startWord];
    const last = words[match.endWord - 1];
    if (first === undefined || last === undefined) continue;
    const precision = pointPrecision(expression);
    let span = resolveSpan(expression, environment);
    let openStart: CalendarDay | null = null;
    if (span === null && expression.type === "since") {
      // "since 2014" with no reference date: the start is known, the end is not.
      openStart = resolveSpan(expression.from, environment)?.start ?? null;
      if (openStart !== null && !onCalendar(openStart)) openStart = null;
    }
    if (span !== null && (compareDays(span.start, span.end) > 0 || !onCalendar(span.start) || !onCalendar(span.end))) span = null;
    const periodStart = span === null ? (openStart === null ? null : dayToIso(openStart)) : dayToIso(span.start);
    const periodEnd = span === null ? null : dayToIso(span.end);
    const period = span === null ? null : { periodStart: dayToIso(span.start), periodEnd: dayToIso(span.end) };
    const value = precision === null || span === null ? null : truncate(span.start, precision);
    mentions.push({
      start: offset + first.start,
      end: offset + last.end,
      text: text.slice(first.start, last.end),
      kind: precision === null ? "period" : "point",
      value,
      periodStart,
      periodEnd,
      container: period === null ? null : containingPartialDate(period),
      resolution: resolutionOf(expression),
      explicitYear: hasExplicitYear(expression),
    });
    if (span !== null) {
      if (precision === "day") {
        if (chain) environment.anchor = span.start;
      } else {
        environment.lastPeriod = span;
      }
    }
  }
  return mentions;
}

/**
 * Years a resolved date may fall in: four digits, as ISO 8601 writes a year without its expanded
 * form, and from 1000, as the grammar reads years. "100000000000 days later" runs off that
 * calendar (to NaN in Date arithmetic), so it resolves to nothing rather than to a string that
 * is not a date, which a later anchorDate would then reject.
 */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

function onCalendar(day: CalendarDay): boolean {
  return day.year >= FIRST_YEAR && day.year <= LAST_YEAR;
}

function truncate(day: CalendarDay, precision: Precision): string {
  const iso = dayToIso(day);
  return precision === "day" ? iso : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
}
