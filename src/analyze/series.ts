// Event counts per week, month or year, split by any of group, country, admin1, event type and
// status; and reported figures per bucket where a figure's period is exactly one bucket. Empty buckets between the first and last are filled with zeros, because a chart or a
// change-point test that skips quiet months overstates tempo.
import type { Event, Figure, PartialDate } from "../domain/records.ts";
import { bucketOf, bucketRange, isoWeek, wholeMonths, type Interval } from "./periods.ts";

export type SeriesDimension = "group" | "country" | "admin1" | "type" | "status";
export const SERIES_DIMENSIONS: readonly SeriesDimension[] = ["group", "country", "admin1", "type", "status"];

export interface SeriesOptions {
  readonly interval: Interval;
  readonly by?: readonly SeriesDimension[];
  /** First and last bucket to show (e.g. "2024-01", "2025-05"); default: those of the data. */
  readonly from?: string;
  readonly to?: string;
}

export interface SeriesRow {
  readonly period: string;
  /** One value per dimension in `by`, in the same order; "(none)" where the field is empty. */
  readonly keys: readonly string[];
  readonly events: number;
  /** Sum of reported fatalities; events without a number add nothing. */
  readonly fatalities: number;
}

export interface Series {
  readonly interval: Interval;
  readonly by: readonly SeriesDimension[];
  readonly periods: readonly string[];
  readonly rows: readonly SeriesRow[];
  /** Events left out because their date is missing or coarser than the interval, or outside from/to. */
  readonly unplaced: number;
}

export const NO_VALUE = "(none)";

function dimensionValue(event: Event, dimension: SeriesDimension): string {
  switch (dimension) {
    case "group":
      return event.perpetratorGroup ?? event.actor1 ?? NO_VALUE;
    case "country":
      return event.country ?? NO_VALUE;
    case "admin1":
      return event.admin1 ?? NO_VALUE;
    case "type":
      return event.eventType;
    case "status":
      return event.status;
  }
}

/**
 * Events counted under one date and one set of dimension values: one event of buildSeries, or a
 * row the store counted in SQL (Store.countEvents), so that both make the same series.
 */
export interface SeriesCount {
  /** A partial date at least as fine as the interval's bucket, or coarser (then unplaced). */
  readonly date: PartialDate | null;
  readonly keys: readonly string[];
  readonly events: number;
  readonly fatalities: number;
}

export function buildSeries(events: readonly Event[], options: SeriesOptions): Series {
  const by = options.by ?? [];
  return seriesFromCounts(
    events.map((event) => ({
      date: event.eventDate,
      keys: by.map((dimension) => dimensionValue(event, dimension)),
      events: 1,
      fatalities: event.fatalities ?? 0,
    })),
    options,
  );
}

/** The series of counts; `keys` follow `options.by`, NO_VALUE where a field is empty. */
export function seriesFromCounts(items: readonly SeriesCount[], options: SeriesOptions): Series {
  const by = options.by ?? [];
  const counts = new Map<string, { keys: readonly string[]; events: Map<string, number>; fatalities: Map<string, number> }>();
  const buckets: string[] = [];
  let unplaced = 0;
  for (const item of items) {
    const bucket = bucketOf(item.date, options.interval);
    if (bucket === null || (options.from !== undefined && bucket < options.from) || (options.to !== undefined && bucket > options.to)) {
      unplaced += item.events;
      continue;
    }
    buckets.push(bucket);
    const key = item.keys.join("\u001f");
    const entry = counts.get(key) ?? { keys: item.keys, events: new Map(), fatalities: new Map() };
    entry.events.set(bucket, (entry.events.get(bucket) ?? 0) + item.events);
    entry.fatalities.set(bucket, (entry.fatalities.get(bucket) ?? 0) + item.fatalities);
    counts.set(key, entry);
  }
  buckets.sort();
  const first = options.from ?? buckets[0];
  const last = options.to ?? buckets[buckets.length - 1];
  const periods = first === undefined || last === undefined ? [] : bucketRange(first, last, options.interval);
  if (counts.size === 0 && by.length === 0 && periods.length > 0) counts.set("", { keys: [], events: new Map(), fatalities: new Map() });
  const combinations = [...counts.values()].sort((left, right) => left.keys.join("\u001f").localeCompare(right.keys.join("\u001f")));
  const rows: SeriesRow[] = [];
  for (const period of periods) {
    for (const combination of combinations) {
      rows.push({
        period,
        keys: combination.keys,
        events: combination.events.get(period) ?? 0,
        fatalities: combination.fatalities.get(period) ?? 0,
      });
    }
  }
  return { interval: options.interval, by, periods, rows, unplaced };
}

/** The counts of a series with no dimensions, one per period (for charts and change points). */
export function totals(series: Series): number[] {
  const byPeriod = new Map<string, number>();
  for (const row of series.rows) byPeriod.set(row.period, (byPeriod.get(row.period) ?? 0) + row.events);
  return series.periods.map((period) => byPeriod.get(period) ?? 0);
}

export interface FigureSeriesRow {
  readonly period: string;
  readonly keys: readonly string[];
  readonly measure: Figure["measure"];
  /** Kept apart: "at least 1,500" and "at most 3,000" are a range, not two counts. */
  readonly qualifier: Figure["qualifier"];
  /**
   * The largest value reported for the bucket: two sources giving a month's count are two
   * reports of one number, so values are never added.
   */
  readonly value: number;
  readonly figureIds: readonly string[];
}

export interface FigureSeries {
  readonly interval: Interval;
  readonly by: readonly SeriesDimension[];
  readonly rows: readonly FigureSeriesRow[];
  /** Reported figures whose period is not exactly one bucket (or derived or projected ones). */
  readonly unplaced: number;
}

/** The bucket a figure's period is exactly, or null ("January-May" is no month). */
export function figureBucket(figure: Figure, interval: Interval): string | null {
  const { periodStart, periodEnd } = figure;
  if (periodStart === null || periodEnd === null) return null;
  switch (interval) {
    case "year":
      return periodStart.endsWith("-01-01") && periodEnd === `${periodStart.slice(0, 4)}-12-31` ? periodStart.slice(0, 4) : null;
    case "month":
      return wholeMonths(periodStart, periodEnd) === 1 ? periodStart.slice(0, 7) : null;
    case "week": {
      const week = isoWeek(periodStart);
      const days = (Date.parse(`${periodEnd}T00:00:00Z`) - Date.parse(`${periodStart}T00:00:00Z`)) / 86_400_000;
      return week !== null && days === 6 && isoWeek(periodEnd) === week && new Date(`${periodStart}T00:00:00Z`).getUTCDay() === 1
        ? week
        : null;
    }
  }
}

function figureDimensionValue(figure: Figure, dimension: SeriesDimension): string {
  switch (dimension) {
    case "group":
      return figure.group ?? NO_VALUE;
    case "country":
      return figure.country ?? NO_VALUE;
    case "admin1":
    case "type":
    case "status":
      // Figures carry no admin1, event type or status.
      return NO_VALUE;
  }
}

/** Reported (not derived, not projected) figures per bucket, by measure and the chosen dimensions. */
export function buildFigureSeries(figures: readonly Figure[], options: SeriesOptions): FigureSeries {
  const by = options.by ?? [];
  const rows = new Map<
    string,
    { period: string; keys: string[]; measure: Figure["measure"]; qualifier: Figure["qualifier"]; value: number; figureIds: string[] }
  >();
  let unplaced = 0;
  for (const figure of figures) {
    const bucket = figure.derived || figure.qualifier === "projected" ? null : figureBucket(figure, options.interval);
    if (bucket === null || (options.from !== undefined && bucket < options.from) || (options.to !== undefined && bucket > options.to)) {
      unplaced++;
      continue;
    }
    const keys = by.map((dimension) => figureDimensionValue(figure, dimension));
    const key = [bucket, figure.measure, figure.qualifier, ...keys].join("\u001f");
    const row = rows.get(key) ?? {
      period: bucket,
      keys,
      measure: figure.measure,
      qualifier: figure.qualifier,
      value: figure.value,
      figureIds: [],
    };
    row.value = Math.max(row.value, figure.value);
    row.figureIds.push(figure.id);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort(
    (left, right) =>
      left.period.localeCompare(right.period) ||
      left.measure.localeCompare(right.measure) ||
      left.qualifier.localeCompare(right.qualifier) ||
      left.keys.join("\u001f").localeCompare(right.keys.join("\u001f")),
  );
  return { interval: options.interval, by, rows: sorted, unplaced };
}
