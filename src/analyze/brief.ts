// The whole analysis behind a brief, as one pure function of what was read from the store
// (./service.ts reads it). The same input always gives the same Brief: no clock, no randomness,
// and every list is sorted by a stated key.
import type { Event, Figure } from "../domain/records.ts";
import { assess, type Assessment } from "./assessment.ts";
import { detectChanges, type ChangePointResult } from "./changepoint.ts";
import { countryName } from "./countries.ts";
import { computeIndicators, type GroupSentence, type Indicator, type Windows } from "./indicators.ts";
import { digestFromEvents, suicideIdsOf, type EventDigest } from "./digest.ts";
import { buildLedger, type DocumentInfo, type Ledger } from "./ledger.ts";
import { totals, type Series } from "./series.ts";

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
  /** What the group's events in the region say (./digest.ts), for these windows and as-of. */
  readonly digest: EventDigest;
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

/** The chart's first and last months: the baseline window's start to as-of. */
export function chartMonths(windows: Windows, asOf: string): { readonly first: string; readonly last: string } {
  return { first: windows.baseline.first.slice(0, 7), last: asOf.slice(0, 7) };
}

export function regionLabel(countries: readonly string[]): string {
  const names = countries.map(countryName);
  if (names.length <= 1) return names[0] ?? "all countries";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

export function analyzeBrief(input: BriefInput): Brief {
  const windows = windowsFor(input.asOf, input.pivot);
  const { digest } = input;
  // The chart covers the baseline and current windows (chartMonths); older background events are
  // counted as left out rather than stretching the chart over years of zeros.
  const monthly = digest.monthly;
  const monthlyTotals = totals(monthly);
  // The change-point baseline is the baseline window's months when there are any.
  const baselineMonths = monthly.periods
    .map((period, index) => ({ period, count: monthlyTotals[index] ?? 0 }))
    .filter(({ period }) => period >= windows.baseline.first.slice(0, 7) && period < windows.current.first.slice(0, 7));
  const changePoints = detectChanges(monthlyTotals, {
    baselineMean:
      baselineMonths.length > 0 ? baselineMonths.reduce((sum, month) => sum + month.count, 0) / baselineMonths.length : undefined,
  });
  const ledger = buildLedger(input.figures, digest.reconciliations, input.documents, { asOf: input.asOf });
  const indicators = computeIndicators({
    digest,
    figures: input.figures,
    comparisons: ledger.comparisons,
    previousYears: ledger.previousYears,
    sentences: input.sentences,
    windows,
  });
  const label = regionLabel(input.countries);
  const assessment = assess({
    group: input.group,
    regionLabel: label,
    ledger,
    indicators,
    disruptions: digest.disruptions,
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

/** The brief of events held in memory (a small set, a test): the digest is counted in memory. */
export function analyzeEvents(input: Omit<BriefInput, "digest"> & { readonly events: readonly Event[] }): Brief {
  const { events, ...rest } = input;
  const windows = windowsFor(input.asOf, input.pivot);
  const chart = chartMonths(windows, input.asOf);
  const digest = digestFromEvents(events, {
    windows,
    asOf: input.asOf,
    firstMonth: chart.first,
    lastMonth: chart.last,
    figures: input.figures,
    suicideIds: suicideIdsOf(events),
  });
  return analyzeBrief({ ...rest, digest });
}
