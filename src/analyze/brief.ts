// The whole analysis behind a brief, as one pure function of what was read from the store
// (./service.ts reads it). The same input always gives the same Brief: no clock, no randomness,
// and every list is sorted by a stated key.
import type { Event, Figure } from "../domain/records.ts";
import { assess, type Assessment } from "./assessment.ts";
import { detectChanges, type ChangePointResult } from "./changepoint.ts";
import { countryName } from "./countries.ts";
import { computeIndicators, type GroupSentence, type Indicator, type Windows } from "./indicators.ts";
import { buildLedger, isArrest, isFoiled, type DocumentInfo, type Ledger } from "./ledger.ts";
import { bucketOf } from "./periods.ts";
import { buildSeries, totals, type Series } from "./series.ts";

export interface BriefInput {
  /** The group as the user named it, and its canonical name in the store. */
  readonly group: string;
  /** ISO alpha-2 codes of the region's countries, in the order given. */
  readonly countries: readonly string[];
  /** Inclusive ISO day the brief is written as of. */
  readonly asOf: string;
  /** Inclusive ISO day from which the "current" window runs; null for a year before as-of. */
  readonly pivot: string | null;
  /** The pivot as the user gave it (a date or an event id), for the brief's text. */
  readonly pivotLabel: string | null;
  readonly events: readonly Event[];
  readonly figures: readonly Figure[];
  readonly sentences: readonly GroupSentence[];
  readonly documents: ReadonlyMap<string, DocumentInfo>;
}

export interface DocumentListing extends DocumentInfo {
  readonly id: string;
}

export interface Brief {
  readonly group: string;
  readonly regionLabel: string;
  readonly countries: readonly string[];
  readonly asOf: string;
  readonly pivot: string | null;
  readonly pivotLabel: string | null;
  readonly windows: Windows;
  /** Events per month by country, and the region's monthly totals. */
  readonly monthly: Series;
  readonly monthlyTotals: readonly number[];
  readonly changePoints: ChangePointResult;
  readonly ledger: Ledger;
  readonly indicators: readonly Indicator[];
  readonly assessment: Assessment;
  readonly documents: readonly DocumentListing[];
}

const DAY = 86_400_000;

function shiftDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The current window runs from the pivot (or 365 days before as-of) to as-of; the baseline is
 * the window of the same length just before it.
 */
export function windowsFor(asOf: string, pivot: string | null): Windows {
  const first = pivot ?? shiftDays(asOf, -364);
  const length = Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY) + 1;
  return {
    current: { first, last: asOf },
    baseline: { first: shiftDays(first, -length), last: shiftDays(first, -1) },
  };
}

export function regionLabel(countries: readonly string[]): string {
  const names = countries.map(countryName);
  if (names.length <= 1) return names[0] ?? "all countries";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function analyzeBrief(input: BriefInput): Brief {
  const windows = windowsFor(input.asOf, input.pivot);
  const events = input.events;
  // The chart covers the baseline and current windows; older background events are counted as
  // left out rather than stretching the chart over years of zeros.
  const firstMonth = bucketOf(windows.baseline.first, "month") ?? undefined;
  const lastMonth = bucketOf(input.asOf, "month") ?? undefined;
  const monthly = buildSeries(events, { interval: "month", by: ["country"], from: firstMonth, to: lastMonth });
  const monthlyTotals = totals(monthly);
  // The change-point baseline is the baseline window's months when there are any.
  const baselineMonths = monthly.periods
    .map((period, index) => ({ period, count: monthlyTotals[index] ?? 0 }))
    .filter(({ period }) => period >= windows.baseline.first.slice(0, 7) && period < windows.current.first.slice(0, 7));
  const changePoints = detectChanges(monthlyTotals, {
    baselineMean:
      baselineMonths.length > 0 ? baselineMonths.reduce((sum, month) => sum + month.count, 0) / baselineMonths.length : undefined,
  });
  const ledger = buildLedger(input.figures, events, input.documents, { asOf: input.asOf });
  const indicators = computeIndicators({
    events,
    figures: input.figures,
    comparisons: ledger.comparisons,
    previousYears: ledger.previousYears,
    sentences: input.sentences,
    windows,
  });
  const disruptions = events.filter(
    (event) => (isFoiled(event) || isArrest(event)) && event.eventDate !== null && event.eventDate <= input.asOf,
  );
  const label = regionLabel(input.countries);
  const assessment = assess({
    group: input.group,
    regionLabel: label,
    ledger,
    indicators,
    disruptions,
    documents: input.documents,
    countryName,
    currentFrom: windows.current.first,
  });
  const documents = [...input.documents.entries()]
    .map(([id, info]) => ({ id, ...info }))
    .sort((left, right) => (left.publishedDate ?? "").localeCompare(right.publishedDate ?? "") || left.id.localeCompare(right.id));
  return {
    group: input.group,
    regionLabel: label,
    countries: input.countries,
    asOf: input.asOf,
    pivot: input.pivot,
    pivotLabel: input.pivotLabel,
    windows,
    monthly,
    monthlyTotals,
    changePoints,
    ledger,
    indicators,
    assessment,
    documents,
  };
}
