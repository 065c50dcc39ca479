// Reading filtered events a page at a time and as map cells, over the filtered query KyselyStore
// builds (./store.ts, the same filters as findEvents).
//
// Pages are keyset pages, not OFFSET: the position after the last event of a page (its sort
// value and id) starts the next, so page 2,000 costs what page 1 costs, and an event written
// meanwhile never shifts or repeats another. Events without the sort value come after all others
// in either direction; they are read by a second query, so each part walks an index
// (events(event_date, id), events(fatalities, id): migration 0007) instead of sorting.
import { sql, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Database, EventRow } from "./schema.ts";

export type EventQuery = SelectQueryBuilder<Database, "events", EventRow>;

export const EVENT_SORTS = ["date", "-date", "fatalities", "-fatalities"] as const;
/** A field, ascending; with a leading "-", descending. Ties are broken by id, in the same direction. */
export type EventSort = (typeof EVENT_SORTS)[number];

/** Where a page ends: the last event's sort value (null when it has none) and id. */
export interface EventPosition {
  readonly value: string | number | null;
  readonly id: string;
}

export interface EventPageRequest {
  readonly sort: EventSort;
  readonly limit: number;
  /** The position of the previous page's last event; absent for the first page. */
  readonly after?: EventPosition;
}

const SORT_COLUMNS = { date: "events.event_date", fatalities: "events.fatalities" } as const;

function sortValue(row: EventRow, sort: EventSort): string | number | null {
  return sort.endsWith("date") ? row.event_date : row.fatalities;
}

/**
 * Up to `limit` rows after `after` in `sort` order, and the position to ask for the next page
 * from (null when this page reached the end).
 */
export async function pageEventRows(
  filtered: () => Promise<EventQuery | null>,
  request: EventPageRequest,
): Promise<{ rows: EventRow[]; next: EventPosition | null }> {
  const descending = request.sort.startsWith("-");
  const column = SORT_COLUMNS[descending ? (request.sort.slice(1) as "date" | "fatalities") : (request.sort as "date" | "fatalities")];
  const direction = descending ? "desc" : "asc";
  const beyond = descending ? "<" : ">";
  const after = request.after;
  // One more row than asked tells whether a next page exists.
  const wanted = request.limit + 1;
  const rows: EventRow[] = [];

  if (after === undefined || after.value !== null) {
    let valued = await filtered();
    if (valued === null) return { rows: [], next: null };
    valued = valued.where(column, "is not", null);
    if (after !== undefined && after.value !== null) {
      const value = after.value;
      // A row-value comparison, which SQLite turns into one range of the (value, id) index.
      valued = valued.where(sql<SqlBool>`(${sql.ref(column)}, events.id) ${sql.raw(beyond)} (${value}, ${after.id})`);
    }
    rows.push(...(await valued.orderBy(column, direction).orderBy("events.id", direction).limit(wanted).execute()));
  }
  if (rows.length < wanted) {
    let empty = await filtered();
    if (empty === null) return { rows: [], next: null };
    empty = empty.where(column, "is", null);
    if (after !== undefined && after.value === null) empty = empty.where("events.id", beyond, after.id);
    rows.push(
      ...(await empty
        .orderBy("events.id", direction)
        .limit(wanted - rows.length)
        .execute()),
    );
  }
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  const next = rows.length > request.limit && last !== undefined ? { value: sortValue(last, request.sort), id: last.id } : null;
  return { rows: page, next };
}

export interface MapCell {
  /** The mean position of the cell's events: where a cluster is drawn. */
  readonly latitude: number;
  readonly longitude: number;
  readonly events: number;
  readonly fatalities: number;
  readonly byType: Readonly<Record<string, number>>;
  /**
   * Events of the cell whose coordinates stand for a region or a country (geo_precision
   * "region" or "country"), not a place: a map must not draw them as exact points.
   */
  readonly approximate: number;
  /** The event's id when the cell holds exactly one. */
  readonly eventId: string | null;
}

export interface MapRegion {
  readonly country: string | null;
  readonly admin1: string | null;
  readonly events: number;
  readonly fatalities: number;
  readonly byType: Readonly<Record<string, number>>;
}

export interface MapAggregate {
  readonly cells: readonly MapCell[];
  /** Filtered events with no coordinates, counted by country and admin1 (ADR-6: regions carry no point). */
  readonly regions: readonly MapRegion[];
}

interface CellRow {
  gx: number;
  gy: number;
  event_type: string;
  events: number | string;
  fatalities: number | string | null;
  latitude_sum: number;
  longitude_sum: number;
  approximate: number | string;
  event_id: string;
}

interface RegionRow {
  country: string | null;
  admin1: string | null;
  event_type: string;
  events: number | string;
  fatalities: number | string | null;
}

/**
 * Filtered events with coordinates counted per cell of a grid `cellDegrees` wide, anchored at
 * (-180, -90) so that a cell is the same whatever the viewport; the rest per country and admin1.
 */
export async function mapEventRows(filtered: () => Promise<EventQuery | null>, cellDegrees: number): Promise<MapAggregate> {
  const withPoints = await filtered();
  const withoutPoints = await filtered();
  if (withPoints === null || withoutPoints === null) return { cells: [], regions: [] };
  const cell = sql.lit(cellDegrees);
  const cellRows: CellRow[] = await withPoints
    .clearSelect()
    .where("events.latitude", "is not", null)
    .where("events.longitude", "is not", null)
    .select([
      // Coordinates are >= -180 / -90, so the cast's truncation is a floor.
      sql<number>`cast((events.longitude + 180) / ${cell} as integer)`.as("gx"),
      sql<number>`cast((events.latitude + 90) / ${cell} as integer)`.as("gy"),
      "events.event_type",
      sql<number>`count(*)`.as("events"),
      sql<number>`sum(events.fatalities)`.as("fatalities"),
      sql<number>`sum(events.latitude)`.as("latitude_sum"),
      sql<number>`sum(events.longitude)`.as("longitude_sum"),
      sql<number>`sum(case when events.geo_precision in ('region', 'country') then 1 else 0 end)`.as("approximate"),
      sql<string>`min(events.id)`.as("event_id"),
    ])
    .groupBy([sql`1`, sql`2`, sql`3`])
    .$castTo<CellRow>()
    .execute();
  const cells = new Map<
    string,
    {
      latitudeSum: number;
      longitudeSum: number;
      events: number;
      fatalities: number;
      byType: Record<string, number>;
      approximate: number;
      eventId: string;
    }
  >();
  for (const row of cellRows) {
    const key = `${row.gx}:${row.gy}`;
    const found = cells.get(key) ?? {
      latitudeSum: 0,
      longitudeSum: 0,
      events: 0,
      fatalities: 0,
      byType: {},
      approximate: 0,
      eventId: row.event_id,
    };
    const events = Number(row.events);
    found.latitudeSum += row.latitude_sum;
    found.longitudeSum += row.longitude_sum;
    found.events += events;
    found.fatalities += Number(row.fatalities ?? 0);
    found.byType[row.event_type] = (found.byType[row.event_type] ?? 0) + events;
    found.approximate += Number(row.approximate);
    if (row.event_id < found.eventId) found.eventId = row.event_id;
    cells.set(key, found);
  }
  const regionRows: RegionRow[] = await withoutPoints
    .clearSelect()
    .where((where) => where.or([where("events.latitude", "is", null), where("events.longitude", "is", null)]))
    .select([
      "events.country",
      "events.admin1",
      "events.event_type",
      sql<number>`count(*)`.as("events"),
      sql<number>`sum(events.fatalities)`.as("fatalities"),
    ])
    .groupBy(["events.country", "events.admin1", "events.event_type"])
    .$castTo<RegionRow>()
    .execute();
  const regions = new Map<
    string,
    { country: string | null; admin1: string | null; events: number; fatalities: number; byType: Record<string, number> }
  >();
  for (const row of regionRows) {
    const key = JSON.stringify([row.country, row.admin1]);
    const found = regions.get(key) ?? { country: row.country, admin1: row.admin1, events: 0, fatalities: 0, byType: {} };
    const events = Number(row.events);
    found.events += events;
    found.fatalities += Number(row.fatalities ?? 0);
    found.byType[row.event_type] = (found.byType[row.event_type] ?? 0) + events;
    regions.set(key, found);
  }
  const round = (value: number): number => Math.round(value * 1e5) / 1e5;
  return {
    cells: [...cells.values()]
      .map((found) => ({
        latitude: round(found.latitudeSum / found.events),
        longitude: round(found.longitudeSum / found.events),
        events: found.events,
        fatalities: found.fatalities,
        byType: found.byType,
        approximate: found.approximate,
        eventId: found.events === 1 ? found.eventId : null,
      }))
      .sort((left, right) => right.events - left.events || left.latitude - right.latitude || left.longitude - right.longitude),
    regions: [...regions.values()].sort(
      (left, right) =>
        right.events - left.events ||
        (left.country ?? "~").localeCompare(right.country ?? "~") ||
        (left.admin1 ?? "~").localeCompare(right.admin1 ?? "~"),
    ),
  };
}
