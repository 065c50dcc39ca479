// Recognises date and time expressions in a scanned text and describes what each one means,
// without resolving it: "December 2" is { month 12, day 2, year unknown } here, and
// ./date-resolution.ts decides which year. The number recogniser also uses this scan, so that the
// 2 of "December 2", the 90 of "7 FEB 90" and the "eleven" of "eleven days later" are never counts.
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from "./calendar.ts";
import { NUMBER_WORDS, qualifierBefore, readCardinal } from "./number-words.ts";
import { type Word, isPlainInteger } from "./word-scan.ts";

/** Narrows a period: early/mid/late take its first, middle or last third; earlier/later cut it at the reference date. */
export type DatePart = "early" | "mid" | "late" | "earlier" | "later";
export type SpanUnit = "day" | "week" | "month" | "year";
export type CalendarUnit = "week" | "weekend" | "month" | "quarter" | "year";

export type DateExpression =
  /** A calendar year, month or day; `year` null when the text gives none ("December 2", "in January"). */
  | {
      readonly type: "calendar";
      readonly year: number | null;
      readonly month: number | null;
      readonly day: number | null;
      /** How a year-less month is placed: the latest one not after the reference, or "last/this/next December". */
      readonly monthMode: "past" | "last" | "this" | "next";
    }
  | { readonly type: "decade"; readonly firstYear: number }
  /** today = 0, yesterday / last night = -1, tomorrow = +1. */
  | { readonly type: "relativeDay"; readonly offset: number }
  /** this (0) / last (-1) / next (+1) week, weekend, month, quarter or year, as calendar units. */
  | { readonly type: "relativeUnit"; readonly unit: CalendarUnit; readonly offset: number }
  /** A period that ends at the reference date: "the past two weeks", "in recent months". */
  | { readonly type: "rolling"; readonly unit: SpanUnit; readonly amount: number }
  /** "three weeks ago"; vague when the amount is "a few" or "several". */
  | { readonly type: "ago"; readonly unit: SpanUnit; readonly amount: number; readonly vague: boolean }
  | { readonly type: "weekday"; readonly weekday: number; readonly mode: "recent" | "last" | "next" }
  /** Relative to the previous event's date: "eleven days later" (+11 days), "a day earlier" (-1). */
  | {
      readonly type: "anchorShift";
      readonly unit: SpanUnit;
      readonly amount: number;
      /** "the following week" names the whole week; "a week later" names a day. */
      readonly wholeUnit: boolean;
    }
  /** `base` null: the quarter or half of the reference year, or of the year before if it has not begun. */
  | { readonly type: "quarter"; readonly quarter: number; readonly base: DateExpression | null }
  | { readonly type: "half"; readonly half: number; readonly base: DateExpression | null }
  /** "the first five months of 2025" (fromEnd false), "the last three months of 2024" (fromEnd true). */
  | {
      readonly type: "slice";
      readonly count: number;
      readonly unit: "day" | "week" | "month";
      readonly fromEnd: boolean;
      readonly base: DateExpression | null;
    }
  | { readonly type: "range"; readonly from: DateExpression; readonly to: DateExpression }
  | { readonly type: "since"; readonly from: DateExpression }
  /** "the same period last year": the previous period mentioned, moved by `years` or to `targetYear`. */
  | { readonly type: "samePeriod"; readonly years: number; readonly targetYear: number | null }
  /** "the quarter", "the reporting period": the period a report covers. */
  | { readonly type: "reportPeriod"; readonly unit: "quarter" | "period" }
  | { readonly type: "part"; readonly part: DatePart; readonly inner: DateExpression }
  /** A clock time ("10:30", "2100 GMT"): recognised only so that it is not read as a count. */
  | { readonly type: "time" };

export interface DateMatch {
  /** Index of the first word of the expression. */
  readonly startWord: number;
  /** Index of the first word after it. */
  readonly endWord: number;
  readonly expression: DateExpression;
}

interface Parsed {
  readonly end: number;
  readonly expression: DateExpression;
}

interface MonthEntry {
  readonly month: number;
  readonly abbreviated: boolean;
}

const MONTHS: ReadonlyMap<string, MonthEntry> = new Map<string, MonthEntry>([
  ...MONTH_NAMES.map((name, index): [string, MonthEntry] => [name, { month: index + 1, abbreviated: false }]),
  ...MONTH_ABBREVIATIONS.map(([name, month]): [string, MonthEntry] => [name, { month, abbreviated: true }]),
]);

const WEEKDAYS: ReadonlyMap<string, number> = new Map(WEEKDAY_NAMES.map((name, index): [string, number] => [name, index]));

/** Units of "N units ago/later" and "the past N units"; hours and minutes count as days. */
const DURATION_UNITS: ReadonlyMap<string, { readonly unit: SpanUnit | "hour"; readonly factor: number }> = new Map([
  ["minute", { unit: "hour", factor: 0 }],
  ["minutes", { unit: "hour", factor: 0 }],
  ["hour", { unit: "hour", factor: 1 }],
  ["hours", { unit: "hour", factor: 1 }],
  ["hrs", { unit: "hour", factor: 1 }],
  ["day", { unit: "day", factor: 1 }],
  ["days", { unit: "day", factor: 1 }],
  ["week", { unit: "week", factor: 1 }],
  ["weeks", { unit: "week", factor: 1 }],
  ["fortnight", { unit: "week", factor: 2 }],
  ["month", { unit: "month", factor: 1 }],
  ["months", { unit: "month", factor: 1 }],
  ["year", { unit: "year", factor: 1 }],
  ["years", { unit: "year", factor: 1 }],
  ["decade", { unit: "year", factor: 10 }],
  ["decades", { unit: "year", factor: 10 }],
]);

const CALENDAR_UNITS: ReadonlyMap<string, CalendarUnit> = new Map([
  ["week", "week"],
  ["weekend", "weekend"],
  ["month", "month"],
  ["quarter", "quarter"],
  ["year", "year"],
]);

const TIMES_OF_DAY: ReadonlySet<string> = new Set(["morning", "afternoon", "evening", "night", "dawn", "noon"]);

const PART_ADJECTIVES: ReadonlyMap<string, DatePart> = new Map([
  ["early", "early"],
  ["mid", "mid"],
  ["late", "late"],
  ["earlier", "earlier"],
  ["later", "later"],
]);

/** "the beginning of", "the end of": nouns that need "of". */
const PART_NOUNS: ReadonlyMap<string, DatePart> = new Map([
  ["beginning", "early"],
  ["start", "early"],
  ["middle", "mid"],
  ["end", "late"],
  ["close", "late"],
]);

const POSITIONS: ReadonlyMap<string, number> = new Map([
  ["first", 1],
  ["second", 2],
  ["third", 3],
  ["fourth", 4],
  ["last", -1],
  ["final", -1],
]);

/** Words before a bare "May" or "March" that make it a month and not a verb or a noun. */
const MONTH_PREPOSITIONS: ReadonlySet<string> = new Set([
  "in",
  "since",
  "until",
  "till",
  "by",
  "of",
  "from",
  "during",
  "before",
  "after",
  "through",
  "throughout",
  "to",
  "between",
  "and",
  "early",
  "mid",
  "late",
  "last",
  "this",
  "next",
  "-",
  "–",
]);

/** Words before a four-digit number that make it a year even when a noun follows ("the 2019 attacks"). */
const YEAR_LEADS: ReadonlySet<string> = new Set([
  "the",
  "in",
  "of",
  "since",
  "by",
  "from",
  "during",
  "until",
  "till",
  "between",
  "and",
  "to",
  "before",
  "after",
  "early",
  "late",
  "mid",
  "fiscal",
  "fy",
  "through",
  "throughout",
  "-",
  "–",
]);

/** Nouns that make a four-digit number a count ("2000 people"), unless a year lead precedes it. */
const COUNT_NOUNS: ReadonlySet<string> = new Set(
  (
    "people persons soldiers troops men women children civilians fighters militants members guerrillas rebels " +
    "terrorists insurgents police policemen officers residents refugees families prisoners detainees casualties " +
    "deaths dead victims homes houses buildings vehicles weapons rifles rounds strikes airstrikes attacks sorties " +
    "operations missions km kilometers kilometres miles meters metres tons tonnes kg dollars euros pesos " +
    "foreigners individuals operatives supporters recruits"
  ).split(" "),
);

const TIME_SUFFIXES: ReadonlySet<string> = new Set(["gmt", "utc", "hours", "hrs", "hr", "local", "z", "edt", "est"]);

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(["st", "nd", "rd", "th"]);

const RANGE_CONNECTORS: ReadonlySet<string> = new Set(["-", "–", "—", "to", "through", "thru", "until", "till"]);

const TIME: DateExpression = { type: "time" };

function calendarOf(year: number | null, month: number | null, day: number | null): DateExpression {
  return { type: "calendar", year, month, day, monthMode: "past" };
}

function anchorShift(unit: SpanUnit, amount: number, wholeUnit: boolean, end: number): Parsed {
  return { end, expression: { type: "anchorShift", unit, amount, wholeUnit } };
}

function samePeriod(end: number, years: number, targetYear: number | null): Parsed {
  return { end, expression: { type: "samePeriod", years, targetYear } };
}

function lowerAt(words: readonly Word[], index: number): string {
  const word = words[index];
  if (word === undefined) return "";
  const lower = word.lower;
  // "yesterday's", "last week’s": the possessive does not change the date.
  const length = lower.length;
  if (length > 2 && lower.charCodeAt(length - 1) === 115) {
    const apostrophe = lower.charCodeAt(length - 2);
    if (apostrophe === 39 || apostrophe === 0x2019) return lower.slice(0, -2);
  }
  return lower;
}

function isSymbol(words: readonly Word[], index: number, text: string, joined: boolean): boolean {
  const word = words[index];
  return word !== undefined && word.text === text && (!joined || word.joined);
}

/** Two-digit years: 30-99 are 19xx (the 1989-1991 press reports), 00-29 are 20xx. */
export function expandTwoDigitYear(twoDigits: number): number {
  return twoDigits >= 30 ? 1900 + twoDigits : 2000 + twoDigits;
}

function readMonth(words: readonly Word[], index: number): { month: number; abbreviated: boolean; end: number } | null {
  const entry = MONTHS.get(lowerAt(words, index));
  if (entry === undefined) return null;
  // "Dec." "Sept."
  const end = entry.abbreviated && isSymbol(words, index + 1, ".", true) ? index + 2 : index + 1;
  return { month: entry.month, abbreviated: entry.abbreviated, end };
}

/** A day of the month: "2", "02", "8th", "2ND". */
function readDay(words: readonly Word[], index: number): { day: number; end: number } | null {
  const word = words[index];
  if (word === undefined || !isPlainInteger(word) || word.text.length > 2) return null;
  const day = Number(word.text);
  if (day < 1 || day > 31) return null;
  const next = words[index + 1];
  if (next?.joined === true) {
    if (next.kind === "word") {
      return ORDINAL_SUFFIXES.has(next.lower) ? { day, end: index + 2 } : null;
    }
    if (next.text === ":" || next.text === "%") return null;
  }
  return { day, end: index + 1 };
}

function readYear4(words: readonly Word[], index: number): number | null {
  const word = words[index];
  if (word === undefined || !isPlainInteger(word) || word.text.length !== 4) return null;
  const next = words[index + 1];
  if (next?.joined === true && next.kind === "word") return null;
  const year = Number(word.text);
  return year >= 1000 && year <= 2999 ? year : null;
}

/**
 * A two-digit year after a day and month: "7 FEB 90". After a month written in full, only when no
 * word follows, so that "ON 18 MARCH 12 SOLDIERS" keeps its count.
 */
function readTrailingYear2(words: readonly Word[], index: number, abbreviatedMonth: boolean): number | null {
  const word = words[index];
  if (word === undefined || !isPlainInteger(word) || word.text.length !== 2) return null;
  const next = words[index + 1];
  if (!abbreviatedMonth && next !== undefined && next.kind !== "symbol") return null;
  return expandTwoDigitYear(Number(word.text));
}

function isYearNumber(word: Word | undefined): boolean {
  if (word === undefined || !isPlainInteger(word) || word.text.length !== 4) return false;
  const value = Number(word.text);
  return value >= 1900 && value <= 2099;
}

/**
 * A symbol joined before a year that keeps it a year: "(2019", "mid-2024", "pre-2014", "2014-2017",
 * "date:2023"; not "AK-2000", "disease–2019", "1/2000" or "10:2000".
 */
function isYearJoin(words: readonly Word[], symbolIndex: number): boolean {
  const symbol = words[symbolIndex] as Word;
  const before = words[symbolIndex - 1];
  // "Release date:2023" is a year; "10:2000" is not.
  if (symbol.text === ":") return before?.kind === "word";
  if (symbol.text !== "-" && symbol.text !== "–") return symbol.text !== "/" && symbol.text !== ".";
  if (before === undefined || !symbol.joined) return true;
  if (before.kind === "number") return true;
  return before.lower === "mid" || before.lower === "early" || before.lower === "late" || before.lower === "pre" || before.lower === "post";
}

/**
 * Whether a lone four-digit number is a year. 1900-2099 written without a separator is a year
 * unless a qualifier ("at least 2000"), a currency sign, a clock cue ("at 1930", "2100 GMT"), a
 * count noun ("2000 people") or a non-year partner ("2000-3000") says it is something else.
 */
export function isBareYear(words: readonly Word[], index: number): boolean {
  const word = words[index];
  if (!isYearNumber(word)) return false;
  const previous = words[index - 1];
  const next = words[index + 1];
  if (next?.joined === true && (next.kind === "word" || next.text === "%")) return false;
  if (previous !== undefined) {
    if (previous.text === "$" || previous.text === "#" || previous.text === "£" || previous.text === "€") return false;
    if (previous.lower === "at" || previous.lower === "no" || previous.lower === "number") return false;
    if (previous.kind === "symbol" && word?.joined === true && !isYearJoin(words, index - 1)) return false;
  }
  if (next !== undefined) {
    if (TIME_SUFFIXES.has(next.lower) || next.lower === "percent" || next.text === "%") return false;
    if (COUNT_NOUNS.has(next.lower) && !(previous !== undefined && YEAR_LEADS.has(previous.lower))) return false;
    if (next.text === "-" || next.text === "–" || next.lower === "to" || next.lower === "and" || next.lower === "or") {
      const partner = words[index + 2];
      if (partner?.kind === "number" && !isYearNumber(partner) && !(partner.text.length === 2 && next.text === "-")) {
        return false;
      }
    }
  }
  if (qualifierBefore(words, index) !== null) return false;
  return true;
}

/** "a.m.", "am", "p.m.", "PM" after a clock number. Returns the index after it, or -1. */
function readMeridiem(words: readonly Word[], index: number): number {
  const lower = lowerAt(words, index);
  if (lower === "am" || lower === "pm") return index + 1;
  if ((lower === "a" || lower === "p") && isSymbol(words, index + 1, ".", true) && lowerAt(words, index + 2) === "m") {
    return isSymbol(words, index + 3, ".", true) ? index + 4 : index + 3;
  }
  return -1;
}

function parseTime(words: readonly Word[], index: number): Parsed | null {
  const word = words[index];
  if (word === undefined || !isPlainInteger(word)) return null;
  const value = Number(word.text);
  // 10:30, 10:30:15, 10:30 a.m.
  if (
    word.text.length <= 2 &&
    isSymbol(words, index + 1, ":", true) &&
    words[index + 2]?.joined === true &&
    isPlainInteger(words[index + 2] as Word) &&
    (words[index + 2] as Word).text.length === 2
  ) {
    let end = index + 3;
    if (isSymbol(words, end, ":", true) && words[end + 1]?.joined === true) end += 2;
    const meridiem = readMeridiem(words, end);
    if (meridiem > 0) end = meridiem;
    if (TIME_SUFFIXES.has(lowerAt(words, end)) && lowerAt(words, end) !== "hours") end++;
    return { end, expression: TIME };
  }
  // 9 a.m., 11 PM
  if (word.text.length <= 2 && value >= 1 && value <= 12) {
    const meridiem = readMeridiem(words, index + 1);
    if (meridiem > 0) return { end: meridiem, expression: TIME };
  }
  // Military time: "AT 2100", "0100 GMT", "1800 HOURS".
  if (word.text.length === 4 || (word.text.length === 3 && TIME_SUFFIXES.has(lowerAt(words, index + 1)))) {
    const hours = Math.floor(value / 100);
    const minutes = value % 100;
    if (hours <= 24 && minutes <= 59) {
      const suffix = lowerAt(words, index + 1);
      if (TIME_SUFFIXES.has(suffix)) return { end: index + 2, expression: TIME };
      // "AT 2100", "AT APPROXIMATELY 2200"; not "at least 2000".
      const cue = qualifierBefore(words, index);
      if (cue === null ? lowerAt(words, index - 1) === "at" : cue.qualifier === "about" && lowerAt(words, cue.start - 1) === "at") {
        return { end: index + 1, expression: TIME };
      }
    }
  }
  return null;
}

/** Month first: "December 2, 2024", "Dec. 2", "September 8th", "December 2024", "May 5-6", "January". */
function parseMonthFirst(words: readonly Word[], index: number): Parsed | null {
  const month = readMonth(words, index);
  if (month === null) return null;
  const day = readDay(words, month.end);
  if (day !== null) {
    let end = day.end;
    // "May 5-6", "May 5 and 6", "May 5 to 7"
    let toDay: number | null = null;
    const connector = lowerAt(words, end);
    if (connector === "-" || connector === "–" || connector === "and" || connector === "to" || connector === "through") {
      const second = readDay(words, end + 1);
      if (second !== null && second.day > day.day && readMonth(words, second.end) === null) {
        toDay = second.day;
        end = second.end;
      }
    }
    let year: number | null = null;
    const yearIndex = isSymbol(words, end, ",", false) ? end + 1 : end;
    const year4 = readYear4(words, yearIndex);
    if (year4 !== null) {
      year = year4;
      end = yearIndex + 1;
    }
    if (toDay !== null) {
      return {
        end,
        expression: { type: "range", from: calendarOf(year, month.month, day.day), to: calendarOf(year, month.month, toDay) },
      };
    }
    return { end, expression: calendarOf(year, month.month, day.day) };
  }
  const year4 = readYear4(words, month.end);
  if (year4 !== null) return { end: month.end + 1, expression: calendarOf(year4, month.month, null) };
  // "December, 2024", "December of 2024"
  if (isSymbol(words, month.end, ",", false) || lowerAt(words, month.end) === "of") {
    const later = readYear4(words, month.end + 1);
    if (later !== null) return { end: month.end + 2, expression: calendarOf(later, month.month, null) };
  }
  if (month.abbreviated) return null;
  const lower = lowerAt(words, index);
  if ((lower === "may" || lower === "march") && !MONTH_PREPOSITIONS.has(lowerAt(words, index - 1))) return null;
  return { end: month.end, expression: calendarOf(null, month.month, null) };
}

/** Day first: "2 December 2024", "7 FEB 90", "15 JANUARY", "the 2nd of December", "5 and 6 May". */
function parseDayFirst(words: readonly Word[], index: number): Parsed | null {
  const day = readDay(words, index);
  if (day === null) return null;
  let monthIndex = day.end;
  if (lowerAt(words, monthIndex) === "of") monthIndex++;
  const month = readMonth(words, monthIndex);
  if (month === null) {
    // "5 and 6 May", "5-6 May", "from 1 to 5 March": the first day borrows the second's month.
    const connector = lowerAt(words, day.end);
    if (connector === "-" || connector === "–" || connector === "and" || connector === "to" || connector === "through") {
      const second = parseDayFirst(words, day.end + 1);
      if (second !== null && second.expression.type === "calendar" && (second.expression.day ?? 0) > day.day) {
        const to = second.expression;
        return { end: second.end, expression: { type: "range", from: { ...to, day: day.day }, to } };
      }
    }
    return null;
  }
  let end = month.end;
  let year: number | null = null;
  const yearIndex = isSymbol(words, end, ",", false) ? end + 1 : end;
  const year4 = readYear4(words, yearIndex);
  if (year4 !== null) {
    year = year4;
    end = yearIndex + 1;
  } else {
    const year2 = readTrailingYear2(words, end, month.abbreviated);
    if (year2 !== null) {
      year = year2;
      end++;
    }
  }
  return { end, expression: { type: "calendar", year, month: month.month, day: day.day, monthMode: "past" } };
}

/** Numeric dates: ISO "2024-12-02"; slashed "12/02/2024" read as US month/day/year (day/month when the first part exceeds 12). */
function parseNumericDate(words: readonly Word[], index: number): Parsed | null {
  const first = words[index];
  const second = words[index + 2];
  const third = words[index + 4];
  if (first === undefined || second === undefined || third === undefined) return null;
  const separator = words[index + 1]?.text;
  if ((separator !== "-" && separator !== "/") || !isSymbol(words, index + 3, separator, true)) return null;
  if (!words[index + 1]?.joined || !second.joined || !third.joined) return null;
  if (!isPlainInteger(first) || !isPlainInteger(second) || !isPlainInteger(third)) return null;
  let year: number;
  let month: number;
  let day: number;
  if (separator === "-" && first.text.length === 4 && second.text.length === 2 && third.text.length === 2) {
    year = Number(first.text);
    month = Number(second.text);
    day = Number(third.text);
  } else if (separator === "/" && first.text.length <= 2 && second.text.length <= 2) {
    const a = Number(first.text);
    const b = Number(second.text);
    year = third.text.length === 4 ? Number(third.text) : third.text.length === 2 ? expandTwoDigitYear(Number(third.text)) : 0;
    [month, day] = a > 12 ? [b, a] : [a, b];
  } else {
    return null;
  }
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return { end: index + 5, expression: { type: "calendar", year, month, day, monthMode: "past" } };
}

/** "1990s", "1980'S", "'90s". */
function parseDecade(words: readonly Word[], index: number): Parsed | null {
  const word = words[index];
  if (word === undefined) return null;
  let numberIndex = index;
  let firstYear: number;
  if (word.text === "'" || word.text === "’") {
    numberIndex = index + 1;
    const digits = words[numberIndex];
    if (digits === undefined || !digits.joined || !isPlainInteger(digits) || digits.text.length !== 2) return null;
    firstYear = expandTwoDigitYear(Number(digits.text));
  } else {
    if (!isPlainInteger(word) || word.text.length !== 4) return null;
    firstYear = Number(word.text);
  }
  if (firstYear % 10 !== 0) return null;
  let end = numberIndex + 1;
  if ((isSymbol(words, end, "'", true) || isSymbol(words, end, "’", true)) && words[end + 1]?.joined === true) end++;
  const suffix = words[end];
  if (suffix === undefined || !suffix.joined || suffix.lower !== "s") return null;
  return { end: end + 1, expression: { type: "decade", firstYear } };
}

/** A year, alone or with its short partner: "2019", "2014-17", "1989-90". */
function parseYear(words: readonly Word[], index: number): Parsed | null {
  if (!isBareYear(words, index)) return null;
  const year = Number((words[index] as Word).text);
  const short = words[index + 2];
  if (isSymbol(words, index + 1, "-", true) && short?.joined === true && isPlainInteger(short) && short.text.length === 2) {
    const later = Math.floor(year / 100) * 100 + Number(short.text);
    if (later > year && words[index + 3]?.kind !== "word") {
      return { end: index + 3, expression: { type: "range", from: calendarOf(year, null, null), to: calendarOf(later, null, null) } };
    }
  }
  return { end: index + 1, expression: calendarOf(year, null, null) };
}

interface CountRead {
  readonly amount: number;
  readonly vague: boolean;
  readonly end: number;
}

/** The count of "N units": a cardinal, "a"/"an" (one), "a few"/"several" (vague, three). */
function readCount(words: readonly Word[], index: number): CountRead | null {
  const lower = lowerAt(words, index);
  if (lower === "a" || lower === "an") {
    if (lowerAt(words, index + 1) === "few" || lowerAt(words, index + 1) === "couple") {
      const end = lowerAt(words, index + 2) === "of" ? index + 3 : index + 2;
      return { amount: 3, vague: true, end };
    }
    if (DURATION_UNITS.has(lowerAt(words, index + 1))) return { amount: 1, vague: false, end: index + 1 };
  }
  if (lower === "several" || lower === "few") return { amount: 3, vague: true, end: index + 1 };
  const cardinal = readCardinal(words, index);
  if (cardinal === null || cardinal.value <= 0 || !Number.isInteger(cardinal.value)) return null;
  return { amount: cardinal.value, vague: false, end: cardinal.end };
}

function toSpan(unit: SpanUnit | "hour", factor: number, amount: number): { unit: SpanUnit; amount: number } {
  if (unit === "hour") return { unit: "day", amount: factor === 0 ? 0 : Math.floor(amount / 24) };
  return { unit, amount: amount * factor };
}

/** "eleven days later", "two days after", "a day earlier", "three weeks ago", "24 hours later". */
function parseCountRelative(words: readonly Word[], index: number): Parsed | null {
  const count = readCount(words, index);
  if (count === null) return null;
  const unitEntry = DURATION_UNITS.get(lowerAt(words, count.end));
  if (unitEntry === undefined) return null;
  const direction = lowerAt(words, count.end + 1);
  const span = toSpan(unitEntry.unit, unitEntry.factor, count.amount);
  const end = count.end + 2;
  if (direction === "ago") {
    // "a few minutes ago", "several hours ago": today.
    if (unitEntry.unit === "hour" && (count.vague || span.amount === 0)) {
      return { end, expression: { type: "relativeDay", offset: 0 } };
    }
    return { end, expression: { type: "ago", unit: span.unit, amount: span.amount, vague: count.vague } };
  }
  if (count.vague) return null;
  const sign =
    direction === "later" || direction === "after" || direction === "afterwards" || direction === "afterward"
      ? 1
      : direction === "earlier" || direction === "before" || direction === "previously" || direction === "prior"
        ? -1
        : 0;
  if (sign === 0) return null;
  return { end, expression: { type: "anchorShift", unit: span.unit, amount: sign * span.amount, wholeUnit: false } };
}

/** How far back "recent days", "the past weeks", "the past few months" reach. */
const ROLLING_DEFAULTS: Readonly<Record<SpanUnit, number>> = { day: 7, week: 3, month: 3, year: 3 };

/** "the past two weeks", "the last 24 hours", "past days", "recent months": periods that end at the reference date. */
function parseRolling(words: readonly Word[], index: number): Parsed | null {
  let position = index;
  let amount: number | null = null;
  const lower = lowerAt(words, position);
  if (lower === "few" || lower === "several" || lower === "couple") {
    position += lowerAt(words, position + 1) === "of" ? 2 : 1;
  } else if (DURATION_UNITS.get(lower) === undefined) {
    const count = readCount(words, position);
    if (count === null) return null;
    amount = count.amount;
    position = count.end;
  }
  const unitWord = lowerAt(words, position);
  const unitEntry = DURATION_UNITS.get(unitWord);
  if (unitEntry === undefined) return null;
  const plural = unitWord.endsWith("s");
  if (amount === null && !plural) {
    // "the past week", "the past year"; not "the last minute", "the last day of the siege".
    if (unitEntry.unit === "hour" || unitEntry.unit === "day" || lowerAt(words, position + 1) === "of") return null;
  }
  // "the past few hours", "the last 24 hours": news of the reporting day, as "a few hours ago" is.
  if (unitEntry.unit === "hour" && (amount === null || amount * unitEntry.factor <= 24)) {
    return { end: position + 1, expression: { type: "relativeDay", offset: 0 } };
  }
  const span = toSpan(unitEntry.unit, unitEntry.factor, amount ?? 1);
  // A plural without a count ("recent months", "the past days") reaches back a default span.
  const resolvedAmount =
    amount === null && plural && unitEntry.unit !== "hour" ? ROLLING_DEFAULTS[span.unit] * unitEntry.factor : Math.max(span.amount, 1);
  return { end: position + 1, expression: { type: "rolling", unit: span.unit, amount: resolvedAmount } };
}

/** What can follow "of" in "the first five months of …", "the end of …", "the second quarter of …". */
function parseBase(words: readonly Word[], index: number): Parsed | null {
  const lower = lowerAt(words, index);
  if (lower === "the") {
    const next = lowerAt(words, index + 1);
    if (next === "year" || next === "month" || next === "week") {
      return { end: index + 2, expression: { type: "relativeUnit", unit: next, offset: 0 } };
    }
    if ((next === "previous" || next === "prior" || next === "preceding") && CALENDAR_UNITS.has(lowerAt(words, index + 2))) {
      const unit = CALENDAR_UNITS.get(lowerAt(words, index + 2)) as CalendarUnit;
      return { end: index + 3, expression: { type: "relativeUnit", unit, offset: -1 } };
    }
  }
  const parsed = parseCore(words, index);
  if (parsed === null) return null;
  const expression = parsed.expression;
  switch (expression.type) {
    case "calendar":
      return expression.day === null ? parsed : null;
    case "decade":
    case "relativeUnit":
    case "quarter":
    case "half":
    case "reportPeriod":
      return parsed;
    default:
      return null;
  }
}

/** "of 2019", "in the year", or a bare year after "the first quarter" / "the first five months". */
function readOfBase(words: readonly Word[], index: number): Parsed | null {
  const lead = lowerAt(words, index);
  if (lead === "of" || lead === "in") return parseBase(words, index + 1);
  const year = readYear4(words, index);
  return year === null ? null : { end: index + 1, expression: calendarOf(year, null, null) };
}

/** "the first quarter of 2019", "the second half", "the first five months of 2025", "the last three months of 2024". */
function parseOrdinalPeriod(words: readonly Word[], index: number): Parsed | null {
  const position = POSITIONS.get(lowerAt(words, index));
  if (position === undefined) return null;
  const unitIndex = index + 1;
  const unitWord = lowerAt(words, unitIndex);
  if (unitWord === "quarter" || unitWord === "half") {
    const ordinal = position === -1 ? (unitWord === "quarter" ? 4 : 2) : position;
    if (ordinal > (unitWord === "quarter" ? 4 : 2)) return null;
    const base = readOfBase(words, unitIndex + 1);
    if (base === null && position === -1) {
      // "the last quarter" without a year is the quarter before the current one.
      return unitWord === "quarter" ? { end: unitIndex + 1, expression: { type: "relativeUnit", unit: "quarter", offset: -1 } } : null;
    }
    const end = base === null ? unitIndex + 1 : base.end;
    const baseExpression = base === null ? null : base.expression;
    return unitWord === "quarter"
      ? { end, expression: { type: "quarter", quarter: ordinal, base: baseExpression } }
      : { end, expression: { type: "half", half: ordinal, base: baseExpression } };
  }
  if (position !== 1 && position !== -1) return null;
  // "the first five months of", "the first week of December", "the last ten days of March"
  let count = 1;
  let countEnd = unitIndex;
  const cardinal = readCardinal(words, unitIndex);
  if (cardinal !== null && Number.isInteger(cardinal.value) && cardinal.value > 0) {
    count = cardinal.value;
    countEnd = cardinal.end;
  }
  const spanWord = lowerAt(words, countEnd);
  const unit =
    spanWord === "day" || spanWord === "days"
      ? "day"
      : spanWord === "week" || spanWord === "weeks"
        ? "week"
        : spanWord === "month" || spanWord === "months"
          ? "month"
          : null;
  if (unit === null) return null;
  const base = readOfBase(words, countEnd + 1);
  // "the last two weeks" without "of" is a rolling period; parseThe tries that next.
  if (base === null && position === -1) return null;
  return {
    end: base === null ? countEnd + 1 : base.end,
    expression: { type: "slice", count, unit, fromEnd: position === -1, base: base === null ? null : base.expression },
  };
}

/** "early January", "mid-2024", "late last year", "earlier this month", "the end of August 2019". */
function parsePart(words: readonly Word[], index: number): Parsed | null {
  const lower = lowerAt(words, index);
  let part = PART_ADJECTIVES.get(lower);
  let position = index + 1;
  if (part === undefined) {
    part = PART_NOUNS.get(lower);
    if (part === undefined || lowerAt(words, position) !== "of") return null;
    position++;
  } else {
    if (isSymbol(words, position, "-", true)) position++;
    if (lowerAt(words, position) === "in") position++;
  }
  const inner = parseBase(words, position) ?? parseCore(words, position);
  if (inner === null) return null;
  switch (inner.expression.type) {
    case "calendar":
    case "decade":
    case "relativeUnit":
    case "quarter":
    case "half":
    case "reportPeriod":
      return { end: inner.end, expression: { type: "part", part, inner: inner.expression } };
    case "relativeDay":
    case "weekday":
      // "early Monday", "late yesterday": the day is the date.
      return inner;
    default:
      return null;
  }
}

function parseWeekday(words: readonly Word[], index: number): Parsed | null {
  const weekday = WEEKDAYS.get(lowerAt(words, index));
  if (weekday === undefined) return null;
  // "Monday, December 2, 2024": the calendar date decides.
  const dateIndex = isSymbol(words, index + 1, ",", false) ? index + 2 : index + 1;
  const calendar = parseMonthFirst(words, dateIndex) ?? parseDayFirst(words, dateIndex);
  if (calendar !== null && calendar.expression.type === "calendar" && calendar.expression.day !== null) {
    return calendar;
  }
  const end = TIMES_OF_DAY.has(lowerAt(words, index + 1)) ? index + 2 : index + 1;
  return { end, expression: { type: "weekday", weekday, mode: "recent" } };
}

function relativeDay(offset: number, words: readonly Word[], index: number): Parsed {
  // "yesterday morning", "tomorrow night"
  const end = TIMES_OF_DAY.has(lowerAt(words, index)) ? index + 1 : index;
  return { end, expression: { type: "relativeDay", offset } };
}

/** this / last / next / past / previous / recent + a unit, weekday or month. */
function parseRelativeLead(words: readonly Word[], index: number): Parsed | null {
  const lead = lowerAt(words, index);
  const next = lowerAt(words, index + 1);
  // After "the" ("the last year of the war", "the next day") parseThe has had its say.
  if (lowerAt(words, index - 1) === "the" && (lead === "last" || lead === "next" || lead === "previous")) return null;
  const offset = lead === "last" || lead === "previous" ? -1 : lead === "next" ? 1 : 0;
  if (lead === "past" && next === "weekend") {
    return { end: index + 2, expression: { type: "relativeUnit", unit: "weekend", offset: 0 } };
  }
  if (lead === "past" || lead === "recent") return parseRolling(words, index + 1);
  if (lead === "last" && next === "night") return relativeDay(-1, words, index + 2);
  if (lead === "this" && TIMES_OF_DAY.has(next) && next !== "night") return relativeDay(0, words, index + 2);
  if (lead === "this" && next === "past") {
    const unit = CALENDAR_UNITS.get(lowerAt(words, index + 2));
    if (unit === undefined) return null;
    return { end: index + 3, expression: { type: "relativeUnit", unit, offset: unit === "weekend" ? 0 : -1 } };
  }
  const weekday = WEEKDAYS.get(next);
  if (weekday !== undefined && lead !== "previous") {
    const mode = lead === "last" ? "last" : lead === "next" ? "next" : "recent";
    const end = TIMES_OF_DAY.has(lowerAt(words, index + 2)) ? index + 3 : index + 2;
    return { end, expression: { type: "weekday", weekday, mode } };
  }
  const month = MONTHS.get(next);
  if (month !== undefined && !month.abbreviated && lead !== "previous") {
    const monthMode = lead === "last" ? "last" : lead === "next" ? "next" : "this";
    return {
      end: index + 2,
      expression: { type: "calendar", year: null, month: month.month, day: null, monthMode },
    };
  }
  const unit = CALENDAR_UNITS.get(next);
  if (unit !== undefined) return { end: index + 2, expression: { type: "relativeUnit", unit, offset } };
  if (lead === "last") return parseRolling(words, index + 1);
  return null;
}

/** Expressions that begin with "the". */
function parseThe(words: readonly Word[], index: number): Parsed | null {
  const first = lowerAt(words, index + 1);
  const second = lowerAt(words, index + 2);
  const third = lowerAt(words, index + 3);
  switch (first) {
    case "day":
    case "night":
    case "evening":
      if (second === "before") {
        if (first === "day" && third === "yesterday") return { end: index + 4, expression: { type: "relativeDay", offset: -2 } };
        return anchorShift("day", -1, false, index + 3);
      }
      if (second === "after" && first === "day") {
        if (third === "tomorrow") return { end: index + 4, expression: { type: "relativeDay", offset: 2 } };
        return anchorShift("day", 1, false, index + 3);
      }
      return null;
    case "next":
    case "following":
    case "subsequent":
      if (second === "day" || TIMES_OF_DAY.has(second)) return anchorShift("day", 1, false, index + 3);
      if (second === "week" || second === "month" || second === "year") return anchorShift(second, 1, true, index + 3);
      return null;
    case "previous":
    case "preceding":
    case "prior":
      if (second === "day" || TIMES_OF_DAY.has(second)) return anchorShift("day", -1, false, index + 3);
      {
        const unit = CALENDAR_UNITS.get(second);
        if (unit !== undefined) return { end: index + 3, expression: { type: "relativeUnit", unit, offset: -1 } };
      }
      return null;
    case "same":
      if (second === "day" || TIMES_OF_DAY.has(second)) return anchorShift("day", 0, false, index + 3);
      if (second === "period" || second === "time" || second === "months" || second === "quarter") {
        return parseSamePeriod(words, index + 3);
      }
      return null;
    case "past":
      return parseRelativeLead(words, index + 1);
    case "last":
      // "the last three months of 2024" (a slice of 2024) before "the last two weeks" (rolling).
      return parseOrdinalPeriod(words, index + 1) ?? parseRolling(words, index + 2);
    case "first":
    case "second":
    case "third":
    case "fourth":
    case "final":
      return parseOrdinalPeriod(words, index + 1);
    case "beginning":
    case "start":
    case "middle":
    case "end":
    case "close":
      return parsePart(words, index + 1);
    case "quarter":
      return second === "of" ? null : { end: index + 2, expression: { type: "reportPeriod", unit: "quarter" } };
    case "reporting":
      if (second === "period" || second === "quarter") {
        return { end: index + 3, expression: { type: "reportPeriod", unit: second === "quarter" ? "quarter" : "period" } };
      }
      return null;
    case "weekend":
      return { end: index + 2, expression: { type: "relativeUnit", unit: "weekend", offset: 0 } };
    default:
      return null;
  }
}

/** After "the same period": "last year", "of the previous year", "a year earlier", "in 2024". */
function parseSamePeriod(words: readonly Word[], index: number): Parsed | null {
  let position = index;
  const lead = lowerAt(words, position);
  if (lead === "of" || lead === "in" || lead === "during") position++;
  const first = lowerAt(words, position);
  const second = lowerAt(words, position + 1);
  const third = lowerAt(words, position + 2);
  if (first === "last" && second === "year") return samePeriod(position + 2, -1, null);
  if (first === "the" && (second === "previous" || second === "prior" || second === "preceding") && third === "year") {
    return samePeriod(position + 3, -1, null);
  }
  if (first === "the" && second === "year" && third === "before") return samePeriod(position + 3, -1, null);
  if ((first === "a" || first === "one") && second === "year" && (third === "earlier" || third === "ago" || third === "before")) {
    return samePeriod(position + 3, -1, null);
  }
  const year = readYear4(words, position);
  if (year !== null) return samePeriod(position + 1, 0, year);
  return null;
}

/** Q2 2019, Q4, H1 2024. */
function parseQuarterCode(words: readonly Word[], index: number): Parsed | null {
  const letter = lowerAt(words, index);
  const digit = words[index + 1];
  if ((letter !== "q" && letter !== "h") || digit === undefined || !digit.joined || !isPlainInteger(digit)) return null;
  const ordinal = Number(digit.text);
  if (ordinal < 1 || ordinal > (letter === "q" ? 4 : 2)) return null;
  let end = index + 2;
  let base: DateExpression | null = null;
  const yearIndex = lowerAt(words, end) === "of" ? end + 1 : end;
  const year = readYear4(words, yearIndex);
  if (year !== null) {
    base = { type: "calendar", year, month: null, day: null, monthMode: "past" };
    end = yearIndex + 1;
  }
  return letter === "q"
    ? { end, expression: { type: "quarter", quarter: ordinal, base } }
    : { end, expression: { type: "half", half: ordinal, base } };
}

/** One date expression starting at `index`, without range or "since" wrappers. */
function parseCore(words: readonly Word[], index: number): Parsed | null {
  const word = words[index];
  if (word === undefined) return null;
  if (word.kind === "number") {
    return (
      parseTime(words, index) ??
      parseNumericDate(words, index) ??
      parseDayFirst(words, index) ??
      parseDecade(words, index) ??
      parseYear(words, index) ??
      parseCountRelative(words, index)
    );
  }
  if (word.kind === "symbol") return word.text === "'" || word.text === "’" ? parseDecade(words, index) : null;
  const lower = lowerAt(words, index);
  switch (lower) {
    case "today":
    case "tonight":
      return relativeDay(0, words, index + 1);
    case "yesterday":
      return relativeDay(-1, words, index + 1);
    case "tomorrow":
      return relativeDay(1, words, index + 1);
    case "the":
      return parseThe(words, index);
    case "this":
    case "last":
    case "next":
    case "past":
    case "previous":
    case "recent":
      return parseRelativeLead(words, index);
    case "early":
    case "mid":
    case "late":
    case "earlier":
    case "later":
    case "beginning":
    case "start":
    case "middle":
    case "end":
      return parsePart(words, index);
    case "that":
      return TIMES_OF_DAY.has(lowerAt(words, index + 1)) || lowerAt(words, index + 1) === "day"
        ? { end: index + 2, expression: { type: "anchorShift", unit: "day", amount: 0, wholeUnit: false } }
        : null;
    case "q":
    case "h":
      return parseQuarterCode(words, index);
    default:
      break;
  }
  if (MONTHS.has(lower)) return parseMonthFirst(words, index);
  if (WEEKDAYS.has(lower)) return parseWeekday(words, index);
  return parseCountRelative(words, index);
}

function isRangeable(expression: DateExpression): boolean {
  switch (expression.type) {
    case "calendar":
    case "quarter":
    case "half":
    case "decade":
    case "part":
      return true;
    default:
      return false;
  }
}

/** A range whose first end lacks the year (or month) the second end gives: "October 1 to December 31, 2019". */
function makeRange(from: DateExpression, to: DateExpression): DateExpression {
  if (from.type === "calendar" && to.type === "calendar" && from.year === null && to.year !== null) {
    const month = from.month ?? to.month;
    const year = month !== null && to.month !== null && month > to.month ? to.year - 1 : to.year;
    return { type: "range", from: { ...from, year, month }, to };
  }
  return { type: "range", from, to };
}

/** One date expression at `index`, with "between … and …", "from … to …" and "since …". */
function parseAt(words: readonly Word[], index: number): Parsed | null {
  const lower = lowerAt(words, index);
  if (lower === "between") {
    const from = parseCore(words, index + 1);
    if (from === null) return null;
    if (from.expression.type === "range") return from;
    if (!isRangeable(from.expression) || lowerAt(words, from.end) !== "and") return null;
    const to = parseCore(words, from.end + 1);
    if (to === null || !isRangeable(to.expression)) return null;
    return { end: to.end, expression: makeRange(from.expression, to.expression) };
  }
  if (lower === "since") {
    const from = parseCore(words, index + 1);
    if (from !== null && from.expression.type !== "time") {
      return { end: from.end, expression: { type: "since", from: from.expression } };
    }
    // "since the beginning of operations in 2014": a few words, then "in" and the date.
    for (let position = index + 1; position <= index + 7; position++) {
      const word = words[position];
      if (word === undefined || word.kind !== "word") return null;
      if (word.lower === "in" || word.lower === "of") {
        const target = parseCore(words, position + 1);
        if (target !== null && target.expression.type === "calendar" && target.expression.year !== null) {
          return { end: target.end, expression: { type: "since", from: target.expression } };
        }
      }
    }
    return null;
  }
  const fromPrefix = lower === "from";
  const core = parseCore(words, fromPrefix ? index + 1 : index);
  if (core === null) return null;
  // "from October 1, 2023, through December 31, 2023": after "from", a comma may close the first date.
  const connectorAt = fromPrefix && lowerAt(words, core.end) === "," ? core.end + 1 : core.end;
  if (isRangeable(core.expression) && RANGE_CONNECTORS.has(lowerAt(words, connectorAt))) {
    const to = parseCore(words, connectorAt + 1);
    if (to !== null && isRangeable(to.expression)) {
      return { end: to.end, expression: makeRange(core.expression, to.expression) };
    }
  }
  return fromPrefix ? null : core;
}

const START_WORDS: ReadonlySet<string> = new Set([
  ...MONTHS.keys(),
  ...WEEKDAYS.keys(),
  ...PART_ADJECTIVES.keys(),
  ...PART_NOUNS.keys(),
  "today",
  "tonight",
  "yesterday",
  "tomorrow",
  "the",
  "this",
  "last",
  "next",
  "past",
  "previous",
  "recent",
  "that",
  "between",
  "since",
  "from",
  "q",
  "h",
  "a",
  "an",
  "several",
  "few",
  ...NUMBER_WORDS,
]);

function mayStartDate(words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  if (word.kind === "number") return true;
  if (word.kind === "symbol") return word.text === "'" || word.text === "’";
  const lower = lowerAt(words, index);
  return START_WORDS.has(lower);
}

/** Every date and time expression in the text, left to right, longest match first, none overlapping. */
/** Words after a date that make it part of a name: streets, squares, movements named for a day. */
const NAMED_AFTER_DATE: ReadonlySet<string> = new Set([
  "avenue",
  "street",
  "boulevard",
  "square",
  "plaza",
  "road",
  "highway",
  "bridge",
  "neighborhood",
  "neighbourhood",
  "district",
  "movement",
  "brigade",
  "front",
  "command",
]);

export function scanDateExpressions(words: readonly Word[]): readonly DateMatch[] {
  // findNumbers and findDates over the same text share one scan (see ./word-scan.ts).
  const known = scanned.get(words);
  if (known !== undefined) return known;
  const found: DateMatch[] = [];
  let index = 0;
  while (index < words.length) {
    if (!mayStartDate(words, index)) {
      index++;
      continue;
    }
    const parsed = parseAt(words, index);
    if (parsed === null || parsed.end <= index) {
      index++;
      continue;
    }
    // "1 May Avenue", "the 19th of April Movement", "26 de Julio Street": a name that holds a date.
    // (Only a written day: "on Tuesday district officials said" is a date.)
    if (
      NAMED_AFTER_DATE.has(words[parsed.end]?.lower ?? "") &&
      (words[index]?.kind === "number" || words[parsed.end - 1]?.kind === "number")
    ) {
      index = parsed.end + 1;
      continue;
    }
    found.push({ startWord: index, endWord: parsed.end, expression: parsed.expression });
    index = parsed.end;
  }
  scanned.set(words, found);
  return found;
}

// Keyed by the words array that ./word-scan.ts hands out for a text, so the matches live as long
// as those words are kept.
const scanned = new WeakMap<readonly Word[], readonly DateMatch[]>();
