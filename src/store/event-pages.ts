// Reading filtered events a page at a time and as map cells, over the filtered query KyselyStore
// builds (./store.ts, the same filters as findEvents).
//
// Pages are keyset pages, not OFFSET: the position after the last event of a page (its sort
// value and id) starts the next, so page 2,000 costs what page 1 costs, and an event written
// meanwhile never shifts or repeats another. Events without the sort value come after all others
// in either direction; they are read by a second query, so each part walks an index
// (events(event_date, id), events(fatalities, id): migration 0007) instead of sorting.
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from "kysely";
import type { Database, EventRow } from "./schema.ts";
import type { BoundingBox } from "./store.ts";

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

/** The fine grid of the event_cells summary (sqlite/migrations/0007_map_cells.ts): 1/256 degree. */
export const MAP_CELLS_PER_DEGREE = 256;

/** Single-event cells whose event id is looked up; beyond, a cell of one event has a null id. */
const SINGLE_LOOKUPS = 200;

interface CellTotal {
  gx: number;
  gy: number;
  latitudeSum: number;
  longitudeSum: number;
  events: number;
  fatalities: number;
  byType: Record<string, number>;
  approximate: number;
  eventId: string | null;
}

interface RegionTotal {
  country: string | null;
  admin1: string | null;
  events: number;
  fatalities: number;
  byType: Record<string, number>;
}

/** Per coarse cell ("gx:gy") and per region, before presentation. */
export interface MapTotals {
  readonly cells: Map<string, CellTotal>;
  readonly regions: Map<string, RegionTotal>;
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
  event_id: string | null;
}

interface RegionRow {
  country: string | null;
  admin1: string | null;
  event_type: string;
  events: number | string;
  fatalities: number | string | null;
}

function addCellRows(totals: MapTotals, rows: readonly CellRow[], sign: 1 | -1): void {
  for (const row of rows) {
    const key = `${row.gx}:${row.gy}`;
    const found = totals.cells.get(key) ?? {
      gx: row.gx,
      gy: row.gy,
      latitudeSum: 0,
      longitudeSum: 0,
      events: 0,
      fatalities: 0,
      byType: {},
      approximate: 0,
      eventId: row.event_id,
    };
    const events = sign * Number(row.events);
    found.latitudeSum += sign * row.latitude_sum;
    found.longitudeSum += sign * row.longitude_sum;
    found.events += events;
    found.fatalities += sign * Number(row.fatalities ?? 0);
    found.byType[row.event_type] = (found.byType[row.event_type] ?? 0) + events;
    found.approximate += sign * Number(row.approximate);
    if (row.event_id !== null && (found.eventId === null || row.event_id < found.eventId)) found.eventId = row.event_id;
    totals.cells.set(key, found);
  }
}

function addRegionRows(totals: MapTotals, rows: readonly RegionRow[], sign: 1 | -1): void {
  for (const row of rows) {
    const key = JSON.stringify([row.country, row.admin1]);
    const found = totals.regions.get(key) ?? { country: row.country, admin1: row.admin1, events: 0, fatalities: 0, byType: {} };
    const events = sign * Number(row.events);
    found.events += events;
    found.fatalities += sign * Number(row.fatalities ?? 0);
    found.byType[row.event_type] = (found.byType[row.event_type] ?? 0) + events;
    totals.regions.set(key, found);
  }
}

/**
 * The filtered events read one by one: every filter applies exactly. `filtered` gives the events
 * counted per cell, `unplaced` those counted per region (the filter without its bounding box: they
 * have no point to test); either may be null, for none.
 */
export async function mapEventTotals(
  filtered: (() => Promise<EventQuery | null>) | null,
  unplaced: (() => Promise<EventQuery | null>) | null,
  cellDegrees: number,
): Promise<MapTotals> {
  const totals: MapTotals = { cells: new Map(), regions: new Map() };
  const withPoints = filtered === null ? null : await filtered();
  const withoutPoints = unplaced === null ? null : await unplaced();
  const cell = sql.lit(cellDegrees);
  if (withPoints !== null) await cellTotals(withPoints, cell, totals);
  if (withoutPoints !== null) await regionTotals(withoutPoints, totals);
  return totals;
}

async function cellTotals(withPoints: EventQuery, cell: RawBuilder<unknown>, totals: MapTotals): Promise<void> {
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
  addCellRows(totals, cellRows, 1);
}

async function regionTotals(withoutPoints: EventQuery, totals: MapTotals): Promise<void> {
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
  addRegionRows(totals, regionRows, 1);
}

/**
 * The regions from the fine-cell summary (its NULL cells, through the 0009 index), added to
 * `totals`, less those of `left` (events the summary holds but the filter leaves out).
 */
export async function addSummaryRegions(
  db: Kysely<Database>,
  totals: MapTotals,
  regionConditions: readonly RawBuilder<unknown>[],
  left: MapTotals | null,
): Promise<void> {
  const { rows } = await sql<RegionRow>`select event_cells.country, event_cells.admin1, event_cells.event_type,
      sum(event_cells.events) as events, sum(event_cells.fatalities) as fatalities
    from event_cells where ${sql.join([sql`event_cells.cell_x is null`, ...regionConditions], sql` and `)} group by 1, 2, 3`.execute(db);
  addRegionRows(totals, rows, 1);
  if (left !== null) addRegionRows(totals, regionRowsOf(left), -1);
}

function regionRowsOf(totals: MapTotals): RegionRow[] {
  return [...totals.regions.values()].flatMap((region) =>
    Object.entries(region.byType).map(([type, events], index) => ({
      country: region.country,
      admin1: region.admin1,
      event_type: type,
      events,
      // A region's fatalities once, with its first type.
      fatalities: index === 0 ? region.fatalities : 0,
    })),
  );
}

/** The map of totals already counted. */
export function mapOfTotals(totals: MapTotals): MapAggregate {
  return mapAggregate(totals);
}

/**
 * The map from the fine-cell summary: fine cells summed into cells `factor` fine cells wide,
 * less `left` (events the summary holds but the filter leaves out). Regions are read under
 * `regionConditions` (the filter without its bounding box). A cell left with one event gets its
 * id from `singleId`, given the cell's box.
 */
export async function mapCellRows(
  db: Kysely<Database>,
  conditions: readonly RawBuilder<unknown>[],
  regionConditions: readonly RawBuilder<unknown>[],
  factor: number,
  left: MapTotals | null,
  singleId: (box: BoundingBox) => Promise<string | null>,
): Promise<MapAggregate> {
  const totals: MapTotals = { cells: new Map(), regions: new Map() };
  const where = (extra: RawBuilder<unknown>, list = conditions) => sql.join([extra, ...list], sql` and `);
  const step = sql.lit(factor);
  const { rows: cellRows } = await sql<CellRow>`select event_cells.cell_x / ${step} as gx, event_cells.cell_y / ${step} as gy,
      event_cells.event_type, sum(event_cells.events) as events, sum(event_cells.fatalities) as fatalities,
      sum(event_cells.latitude_sum) as latitude_sum, sum(event_cells.longitude_sum) as longitude_sum,
      sum(event_cells.approximate * event_cells.events) as approximate, null as event_id
    from event_cells where ${where(sql`+event_cells.cell_x is not null`)} group by 1, 2, 3`.execute(db);
  addCellRows(totals, cellRows, 1);
  const { rows: regionRows } = await sql<RegionRow>`select event_cells.country, event_cells.admin1, event_cells.event_type,
      sum(event_cells.events) as events, sum(event_cells.fatalities) as fatalities
    from event_cells where ${where(sql`event_cells.cell_x is null`, regionConditions)} group by 1, 2, 3`.execute(db);
  addRegionRows(totals, regionRows, 1);
  if (left !== null) {
    for (const [key, removed] of left.cells) {
      const found = totals.cells.get(key);
      if (found === undefined) continue;
      found.events -= removed.events;
      found.fatalities -= removed.fatalities;
      found.latitudeSum -= removed.latitudeSum;
      found.longitudeSum -= removed.longitudeSum;
      found.approximate -= removed.approximate;
      for (const [type, count] of Object.entries(removed.byType)) found.byType[type] = (found.byType[type] ?? 0) - count;
    }
    for (const [key, removed] of left.regions) {
      const found = totals.regions.get(key);
      if (found === undefined) continue;
      found.events -= removed.events;
      found.fatalities -= removed.fatalities;
      for (const [type, count] of Object.entries(removed.byType)) found.byType[type] = (found.byType[type] ?? 0) - count;
    }
  }
  const degrees = factor / MAP_CELLS_PER_DEGREE;
  let lookups = 0;
  for (const found of totals.cells.values()) {
    if (found.events !== 1 || lookups++ >= SINGLE_LOOKUPS) continue;
    const west = found.gx * degrees - 180;
    const south = found.gy * degrees - 90;
    found.eventId = await singleId({ west, south, east: west + degrees - 1e-9, north: south + degrees - 1e-9 });
  }
  return mapAggregate(totals);
}

export async function mapEventRows(
  filtered: () => Promise<EventQuery | null>,
  unplaced: () => Promise<EventQuery | null>,
  cellDegrees: number,
): Promise<MapAggregate> {
  return mapAggregate(await mapEventTotals(filtered, unplaced, cellDegrees));
}

function positive(byType: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(byType).filter(([, count]) => count > 0));
}

function mapAggregate(totals: MapTotals): MapAggregate {
  const round = (value: number): number => Math.round(value * 1e5) / 1e5;
  return {
    cells: [...totals.cells.values()]
      .filter((found) => found.events > 0)
      .map((found) => ({
        latitude: round(found.latitudeSum / found.events),
        longitude: round(found.longitudeSum / found.events),
        events: found.events,
        fatalities: found.fatalities,
        byType: positive(found.byType),
        approximate: found.approximate,
        eventId: found.events === 1 ? found.eventId : null,
      }))
      .sort((left, right) => right.events - left.events || left.latitude - right.latitude || left.longitude - right.longitude),
    regions: [...totals.regions.values()]
      .filter((found) => found.events > 0)
      .map((found) => ({ ...found, byType: positive(found.byType) }))
      .sort(
        (left, right) =>
          right.events - left.events ||
          (left.country ?? "~").localeCompare(right.country ?? "~") ||
          (left.admin1 ?? "~").localeCompare(right.admin1 ?? "~"),
      ),
  };
}
