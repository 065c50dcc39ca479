// The series as JSON (the CLI's `series --format json` and the API's /api/series return the same
// object) and the `by` list both front doors parse: "month,country" is one interval word and
// any dimensions, in order.
import { SitrepError } from "../domain/errors.ts";
import { INTERVALS, type Interval } from "./periods.ts";
import { NO_VALUE, SERIES_DIMENSIONS, type FigureSeries, type Series, type SeriesDimension } from "./series.ts";

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** "month,country": one interval word (default month) and any dimensions; `name` is the parameter's name in messages. */
export function parseBy(value: string | undefined, name = "--by"): { interval: Interval; by: SeriesDimension[] } {
  let interval: Interval | null = null;
  const by: SeriesDimension[] = [];
  for (const item of list(value)) {
    const word = item.toLowerCase();
    const asInterval = INTERVALS.find((known) => known === word);
    const asDimension = SERIES_DIMENSIONS.find((known) => known === word);
    if (asInterval !== undefined) {
      if (interval !== null) throw new SitrepError("USAGE", `${name} names two intervals (${interval}, ${asInterval})`);
      interval = asInterval;
    } else if (asDimension !== undefined) {
      if (!by.includes(asDimension)) by.push(asDimension);
    } else {
      throw new SitrepError("USAGE", `${name}: "${item}" is not one of ${[...INTERVALS, ...SERIES_DIMENSIONS].join(", ")}`);
    }
  }
  return { interval: interval ?? "month", by };
}

const keyValue = (keys: readonly string[], position: number): string | null =>
  keys[position] === NO_VALUE ? null : (keys[position] ?? null);

export interface WireSeries {
  interval: Interval;
  by: SeriesDimension[];
  periods: string[];
  unplaced: number;
  rows: Record<string, string | number | null>[];
}

export function seriesToWire(series: Series): WireSeries {
  return {
    interval: series.interval,
    by: [...series.by],
    periods: [...series.periods],
    unplaced: series.unplaced,
    rows: series.rows.map((row) => ({
      period: row.period,
      ...Object.fromEntries(series.by.map((dimension, position) => [dimension, keyValue(row.keys, position)])),
      events: row.events,
      fatalities: row.fatalities,
    })),
  };
}

export interface WireFigureSeries {
  interval: Interval;
  by: SeriesDimension[];
  unplaced: number;
  rows: Record<string, string | number | null | string[]>[];
}

export function figureSeriesToWire(series: FigureSeries): WireFigureSeries {
  return {
    interval: series.interval,
    by: [...series.by],
    unplaced: series.unplaced,
    rows: series.rows.map((row) => ({
      period: row.period,
      measure: row.measure,
      qualifier: row.qualifier,
      ...Object.fromEntries(series.by.map((dimension, position) => [dimension, keyValue(row.keys, position)])),
      value: row.value,
      figure_ids: [...row.figureIds],
    })),
  };
}
