// Publication dates as metadata writes them, reduced to an ISO 8601 calendar date. The date is
// the one written: "2025-06-10T23:30:00-05:00" gives 2025-06-10, the publisher's own day, not
// the UTC day. That also keeps the result independent of the machine's time zone. Anything that
// is not a whole, valid date gives null: a publication date is never guessed (records.ts).

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// ISO 8601 / RFC 3339 extended form, optionally followed by a time: "2025-06-10", "2025-06-10T08:00Z".
const ISO_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
// ISO 8601 basic form: "20250610", "20250610T080000Z".
const ISO_BASIC = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;
// RFC 5322 §3.3 and British order: "Tue, 10 Jun 2025 08:00:00 GMT", "10 June 2025".
const DAY_MONTH_YEAR = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
// American order: "June 10, 2025", "Jun. 10 2025".
const MONTH_DAY_YEAR = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\b/;

export function calendarDateFrom(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const written = value.trim().replace(/^["']|["']$/g, "");
  let match = ISO_EXTENDED.exec(written) ?? ISO_BASIC.exec(written);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = DAY_MONTH_YEAR.exec(written);
  if (match) return isoDate(Number(match[3]), monthNumber(match[2]), Number(match[1]));
  match = MONTH_DAY_YEAR.exec(written);
  if (match) return isoDate(Number(match[3]), monthNumber(match[1]), Number(match[2]));
  return null;
}

function monthNumber(name: string | undefined): number {
  const lower = (name ?? "").toLowerCase();
  // Only a month's full name or its usual abbreviation, not any word that starts like one ("Marching").
  if (!FULL_MONTH_NAMES.has(lower) && MONTHS[lower] === undefined) return 0;
  return MONTHS[lower.slice(0, 3)] ?? 0;
}

const FULL_MONTH_NAMES: ReadonlySet<string> = new Set([
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
]);

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Gregorian calendar rules (ISO 8601 §4.2.1 uses the proleptic Gregorian calendar). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
