// Datelines and date headers at the top of a report:
//   "SAN SALVADOR, 12 JAN 90 (RADIO VENCEREMOS) -- [TEXT] …"   wire and FBIS press reports
//   "TEGUCIGALPA, 7 FEB (REUTER) -- …"                            no year: needs a reference date
//   "WASHINGTON, Jan. 5 (Reuters) - …", "TOKYO (AP) — …", "BOSTON —"
//   "NEWS | Jan. 24, 2022", "Statement | Sept. 18, 2022"           US-government release headers
import { findDates } from "./date-resolution.ts";

export interface Dateline {
  /** `YYYY-MM-DD`: the dateline's date, or its year-less date placed by `referenceDate`; null when unknown. */
  readonly date: string | null;
  /** The date as written ("7 FEB", "Jan. 24, 2022"), or null when the dateline has none. */
  readonly dateText: string | null;
  /** The place as written ("SAN SALVADOR", "TAMPA, Fla."), or null for a header without one. */
  readonly place: string | null;
  /** The agency or broadcaster in parentheses ("EFE", "RADIO VENCEREMOS", "Reuters"), or null. */
  readonly source: string | null;
  /** Offset where the report's body begins, after the separator and any "[TEXT]" tags. */
  readonly end: number;
  /**
   * What may be the story's own dateline inside the broadcaster's ("[TEXT] PEREIRA --"): its place
   * as written and where the story begins after it. Only a caller that knows places can tell it
   * from a sentence with a dash ("[TEXT] THE POLICE SAID -- ...").
   */
  readonly story?: { readonly place: string; readonly end: number };
}

/** How far into a report a dateline may sit: a headline and a header line may come first. */
const HEAD_LINES = 8;
const HEAD_CHARS = 1500;

// PLACE: up to five capitalised words, an optional US-state abbreviation (", Fla.") and an optional
// country in parentheses ("NO CITY (EL SALVADOR)", kept apart from "TOKYO (AP)" by what follows
// it); then an optional ", DATE", an optional "(SOURCE)" (a few FBIS lines open it with "[") and a
// dash followed by space or the end of the line.
const PLACE_WORD = String.raw`[A-Z](?:[A-Za-z.'’]|-(?=[A-Za-z]))*`;
const AGENCY_DATELINE = new RegExp(
  String.raw`^[ \t]*(${PLACE_WORD}(?:[ \t]+${PLACE_WORD}){0,4}(?:,[ \t]*[A-Z][a-z]{1,5}\.)?` +
    String.raw`(?:[ \t]*\([A-Z][A-Za-z .]*\)(?=[ \t]*[,(\[]))?)` +
    String.raw`(?:,[ \t]*([^()\[\]\n—–]{1,30}?))?[ \t]*(?:[(\[]([^()\[\]\n]{1,60})[)\]])?[ \t]*(?:--|—|–|-)(?=\s|$)`,
);

// "[TEXT] PEREIRA -- ", "[Text] Rancagua -- ": a place and a dash opening the body.
const INNER_DATELINE = new RegExp(String.raw`^(${PLACE_WORD}(?:[ \t]+${PLACE_WORD}){0,3})[ \t]+(?:--|—)\s+`);

// "NEWS | Jan. 24, 2022", "| Sept. 26, 2019"
const HEADER_LINE = /^[ \t]*(?:[A-Za-z][A-Za-z &/-]{0,40}?[ \t]*)?\|[ \t]*([^|\n]{4,40}?)[ \t]*$/;

// "Published 17 January 2018", "Publicly Released: February 4, 2020", "Updated: May 2, 2023"
const PUBLISHED_LINE = /\b(?:Published|Posted|Updated|Released)\b[ \t]*:?((?:[ \t]+[^ \t\n|]+){1,6})[ \t]*$/;

// "[TEXT]", "[EXCERPTS]", "[EDITORIAL REPORT]" after the separator of a translated press report.
const BODY_TAGS = /(?:\s*\[[A-Za-z][A-Za-z ,]*\])*\s*/y;

/** The date a dateline's date text names, or undefined when the text is not one date. */
function readDate(dateText: string, referenceDate: string | null): { date: string | null } | undefined {
  const trimmed = dateText.trim();
  const mentions = findDates(trimmed, { referenceDate, chainAnchor: false });
  const mention = mentions[0];
  if (mentions.length !== 1 || mention === undefined || mention.kind !== "point") return undefined;
  if (mention.text.length < trimmed.replace(/[.,]+$/, "").length) return undefined;
  return { date: mention.value !== null && mention.value.length === 10 ? mention.value : null };
}

function bodyStart(text: string, offset: number): number {
  BODY_TAGS.lastIndex = offset;
  return BODY_TAGS.exec(text) === null ? offset : BODY_TAGS.lastIndex;
}

/** A header line's date: "NEWS | Jan. 24, 2022", or the date after "Published" (skipping a word or two). */
function readHeader(lineText: string, referenceDate: string | null): { date: string; dateText: string } | null {
  const header = HEADER_LINE.exec(lineText);
  if (header?.[1] !== undefined) {
    const date = readDate(header[1], referenceDate);
    if (date?.date != null) return { date: date.date, dateText: header[1].trim() };
  }
  const published = PUBLISHED_LINE.exec(lineText);
  if (published?.[1] === undefined) return null;
  // "Published duration 17 January 2018": the date is what remains after at most two words.
  const parts = published[1].trim().split(/[ \t]+/);
  for (let skip = 0; skip <= 2 && skip < parts.length; skip++) {
    const dateText = parts.slice(skip).join(" ");
    const date = readDate(dateText, referenceDate);
    if (date?.date != null) return { date: date.date, dateText };
  }
  return null;
}

/** An agency dateline on this line, or null. */
function readAgencyDateline(
  lineText: string,
  referenceDate: string | null,
): { date: string | null; dateText: string | null; place: string; source: string | null; length: number } | null {
  const match = AGENCY_DATELINE.exec(lineText);
  if (match === null) return null;
  const place = (match[1] ?? "").trim();
  // "BOGOTA, NO DATE (DOMESTIC SPANISH) --": FBIS's mark for a broadcast it could not date.
  let writtenDate = match[2]?.trim() ?? null;
  // "MAIDUGURI, Nigeria, July 4 (Reuters) -": a country (or state) between the place and the date.
  const afterRegion = writtenDate === null ? null : /^[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2},[ \t]*(\S.*)$/.exec(writtenDate);
  if (
    writtenDate !== null &&
    afterRegion &&
    readDate(writtenDate, referenceDate) === undefined &&
    readDate(afterRegion[1] ?? "", referenceDate) !== undefined
  )
    writtenDate = afterRegion[1] ?? null;
  const dateText = writtenDate !== null && /^no date$/i.test(writtenDate) ? null : writtenDate;
  const source = match[3]?.trim() ?? null;
  if (place.replace(/[^A-Za-z]/g, "").length < 3) return null;
  // A place in ordinary capitals ("Santiago, 31 Jul 88 (EL MERCURIO) --") must come with a date or
  // a source; otherwise a headline with a dash ("Attack on Base - Update") would pass for one.
  const placeWords = place.replace(/,[ \t]*[A-Z][a-z]{1,5}\.$/, "");
  if (/[a-z]/.test(placeWords) && writtenDate === null && source === null) return null;
  const date = dateText === null ? { date: null } : readDate(dateText, referenceDate);
  if (date === undefined) return null;
  return { date: date.date, dateText, place, source, length: match[0].length };
}

/**
 * The dateline or date header at the top of a report, or null when it has neither. A year-less
 * dateline date ("7 FEB") is placed with `context.referenceDate` (the latest such day not after
 * it); without one, `date` is null and `dateText` keeps what was written. When a header gives the
 * date and a later line the place ("Statement | Sept. 18, 2022" … "TAMPA, Fla. - "), both are used.
 */
export function findDateline(text: string, context: { readonly referenceDate?: string | null } = {}): Dateline | null {
  const referenceDate = context.referenceDate ?? null;
  let header: { date: string; dateText: string; end: number } | null = null;
  let lineStart = 0;
  for (let line = 0; line < HEAD_LINES && lineStart < Math.min(text.length, HEAD_CHARS); line++) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const nextLine = newline < 0 ? text.length : newline + 1;
    const lineText = text.slice(lineStart, lineEnd);
    if (lineText.trim() !== "") {
      const dateline = readAgencyDateline(lineText, referenceDate);
      if (dateline !== null) {
        const end = bodyStart(text, lineStart + dateline.length);
        // "BOGOTA, 11 NOV 89 (RADIO CADENA NACIONAL) -- [TEXT] PEREIRA -- THREE PERSONS WERE
        // INJURED": the story's own dateline, inside the broadcaster's; the story is from there.
        const inner = INNER_DATELINE.exec(text.slice(end, end + 80));
        return {
          date: dateline.date ?? header?.date ?? null,
          dateText: dateline.dateText ?? header?.dateText ?? null,
          place: dateline.place,
          source: dateline.source,
          end,
          ...(inner?.[1] ? { story: { place: inner[1], end: end + inner[0].length } } : {}),
        };
      }
      if (header === null) {
        const found = readHeader(lineText, referenceDate);
        if (found !== null) header = { ...found, end: nextLine };
      }
    }
    lineStart = nextLine;
  }
  if (header === null) return null;
  return { date: header.date, dateText: header.dateText, place: null, source: null, end: bodyStart(text, header.end) };
}
