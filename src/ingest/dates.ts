// Publication dates as metadata writes them, reduced to an ISO 8601 calendar date. The date is
// the one written: "2025-06-10T23:30:00-05:00" gives 2025-06-10, the publisher's own day, not
// the UTC day. That also keeps the result independent of the machine's time zone. Anything that
// is not a whole, valid date gives null: a publication date is never guessed (records.ts).
import { MONTH_ABBREVIATIONS, MONTH_NAMES, isValidDay, isoDay } from "../nlp/calendar.ts";

/** A month's full name or its usual abbreviation, not any word that starts like one ("Marching"). */
const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map<string, number>([
  ...MONTH_NAMES.map((name, index): [string, number] => [name, index + 1]),
  ...MONTH_ABBREVIATIONS,
]);

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
  return MONTH_NUMBERS.get((name ?? "").toLowerCase()) ?? 0;
}

/** Null for an impossible day, and for a year before 1000 ("0025-06-10"), a typo in metadata. */
function isoDate(year: number, month: number, day: number): string | null {
  return year >= 1000 && isValidDay(year, month, day) ? isoDay(year, month, day) : null;
}
