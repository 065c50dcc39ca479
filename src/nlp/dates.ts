// Dates in reports: the public face of src/nlp's date recognition. findDates finds and resolves
// every date a text mentions (./date-resolution.ts holds the rules); findDateline reads a wire
// dateline or release header; inferReferenceDate and findReportPeriod give a report without a
// publication date something to resolve against.
import { type Period, daysBetween, parseIsoDay } from "./calendar.ts";
import { findDates, type DateMention } from "./date-resolution.ts";

export { type Period, periodOfPartialDate, shiftYears } from "./calendar.ts";
export { type DateContext, type DateMention, type DateResolution, findDates, findUndatedDatesInParts } from "./date-resolution.ts";
export { type Dateline, findDateline } from "./dateline.ts";

// Words just before a date that make it a deadline or a plan rather than something reported:
// "by 2030", "until the end of 2027", "ahead of the 2026 elections".
const FORWARD_CUE = /\b(?:by|until|till|before|ahead\s+of|through)\s+(?:the\s+)?(?:(?:end|beginning|start|middle)\s+of\s+)?$/i;

/**
 * A reference date for a report that gives no publication date: the latest date it states with
 * an explicit year, as `YYYY-MM-DD`, or null when it states none.
 *
 * Rule: take every date with its year written out (relative dates cannot help), except those
 * introduced by a forward-looking "by", "until", "before", "ahead of" ("by 2030"). Let Y be the
 * latest year among their ends. If any date or period with month or day precision ends in Y
 * ("the first five months of 2025", "June 30, 2019"), the answer is the latest such end
 * (2025-05-31: the report was written after it). Otherwise the answer is the end of Y
 * (Y-12-31), the latest day a report that mentions only "2019" can be sure of.
 */
/**
 * The dates of a whole text read with no reference date, as inferReferenceDate and
 * findReportPeriod read them; a caller that needs both computes them once and passes them in
 * (a pass of the date grammar over a report is about 3% of its extraction).
 */
export function undatedMentions(text: string): DateMention[] {
  return findDates(text, { referenceDate: null, chainAnchor: false });
}

export function inferReferenceDate(text: string, mentions: readonly DateMention[] = undatedMentions(text)): string | null {
  let latestYear = -1;
  let latestFine: string | null = null;
  const candidates: { end: string; fine: boolean }[] = [];
  for (const mention of mentions) {
    if (mention.resolution !== "absolute" || mention.periodStart === null || mention.periodEnd === null) continue;
    const before = text.slice(Math.max(0, mention.start - 40), mention.start);
    if (FORWARD_CUE.test(before)) continue;
    const wholeYears = mention.periodStart.endsWith("-01-01") && mention.periodEnd.endsWith("-12-31");
    // A decade ("the 1990s") or a year range says nothing about when the text was written beyond its end year.
    candidates.push({ end: mention.periodEnd, fine: !wholeYears });
    latestYear = Math.max(latestYear, Number(mention.periodEnd.slice(0, 4)));
  }
  if (latestYear < 0) return null;
  for (const candidate of candidates) {
    if (!candidate.fine || Number(candidate.end.slice(0, 4)) !== latestYear) continue;
    if (latestFine === null || candidate.end > latestFine) latestFine = candidate.end;
  }
  return latestFine ?? `${String(latestYear).padStart(4, "0")}-12-31`;
}

/** Before a year that a report's title names: "Reports on Terrorism", "Annual Report", "Report for". */
const TITLE_YEAR_BEFORE = /\b(?:Reports?|Review|Assessment|Yearbook)(?:\s+(?:on|of|for)(?:\s+[A-Z][\w-]*){0,3})?\s*:?\s*$/;

const REPORT_PERIOD_CUE = /\b(?:period|quarter|quarterly|report(?:ing)?|covers|covering)\b/i;

/**
 * The period a report says it covers: the first explicit date range of at least four weeks that
 * follows "period", "quarter", "report" or "covers" within 80 characters, or that sits in the
 * first 400 characters (a title such as "Quarterly Report … April 1, 2019 - June 30, 2019");
 * with `cuedOnly`, only the first.
 */
export function findReportPeriod(
  text: string,
  options: { readonly cuedOnly?: boolean; readonly mentions?: readonly DateMention[] } = {},
): Period | null {
  for (const mention of options.mentions ?? undatedMentions(text)) {
    // "Country Reports on Terrorism 2022", "Annual Report 2023": a report's title names its year.
    // Only in the title, at the very start: "released its World Report 2024" in a news lede is not.
    if (
      mention.kind === "point" &&
      mention.value?.length === 4 &&
      mention.start < 120 &&
      !/[.!?]\s|\n\s*\n/.test(text.slice(0, mention.start)) &&
      !/\b(?:released|published|issued|launched|presented|will|its|their|the)\s+(?:[A-Za-z]+\s+){0,3}$/.test(
        text.slice(Math.max(0, mention.start - 40), mention.start),
      ) &&
      mention.periodStart !== null &&
      mention.periodEnd !== null &&
      TITLE_YEAR_BEFORE.test(text.slice(Math.max(0, mention.start - 60), mention.start))
    ) {
      return { periodStart: mention.periodStart, periodEnd: mention.periodEnd };
    }
    if (mention.kind !== "period" || mention.resolution !== "absolute" || !mention.explicitYear) continue;
    if (mention.periodStart === null || mention.periodEnd === null) continue;
    const start = parseIsoDay(mention.periodStart);
    const end = parseIsoDay(mention.periodEnd);
    if (start === null || end === null || daysBetween(start, end) < 27 || daysBetween(start, end) > 366) continue;
    const before = text.slice(Math.max(0, mention.start - 80), mention.start);
    // With `cuedOnly`, a range in the first lines counts only with its cue: "the UN recorded 300
    // deaths between October and December" in a news lede is no report's period.
    if ((mention.start < 400 && options.cuedOnly !== true) || REPORT_PERIOD_CUE.test(before)) {
      return { periodStart: mention.periodStart, periodEnd: mention.periodEnd };
    }
  }
  return null;
}
