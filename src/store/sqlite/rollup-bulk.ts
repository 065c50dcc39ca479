// A bulk write of events with the monthly rollup and the map cells counted once per batch instead
// of by the per-row triggers (migrations 0004, 0005, 0007 and 0010): the triggers are suspended
// inside the caller's transaction, the rows the batch replaces are subtracted, the write runs, and
// the batch's rows are added back, grouped. The counts are those the triggers would have left.
import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database, EventRow } from "../schema.ts";
import { COLUMN_LIST, ROLLUP_COLUMNS, values } from "./migrations/0011_rollup_subtypes.ts";
import { CELLS_PER_DEGREE, COLUMN_LIST as CELL_COLUMN_LIST, values as cellValues } from "./migrations/0007_map_cells.ts";

/** Ids per IN list: well under SQLite's 32,766 bound parameters. */
const IDS_PER_QUERY = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += IDS_PER_QUERY) result.push(items.slice(index, index + IDS_PER_QUERY));
  return result;
}

/** What the rollup reads of an event row. */
export type RollupSource = Pick<
  EventRow,
  | "perpetrator_group"
  | "actor1"
  | "actor2"
  | "country"
  | "admin1"
  | "event_type"
  | "sub_event_type"
  | "status"
  | "event_date"
  | "fatalities"
  | "latitude"
  | "longitude"
  | "geo_precision"
>;

interface CountDelta {
  rollup_key: string;
  events: number;
  fatalities: number;
}

interface RollupDelta extends CountDelta {
  known_tolls: number;
}

interface CellDelta extends CountDelta {
  latitude_sum: number;
  longitude_sum: number;
}

/** Groups per statement: at most 15 values each, under SQLite's 32,766 bound parameters. */
const GROUPS_PER_QUERY = 1000;

type GroupValue = string | number | null;

/**
 * Rows grouped by a tuple of values, through one Map per position: Map keys compare by
 * SameValueZero, so null, "" and 0 stay apart without a key string to build and hash per row
 * (a JSON key per row cost 4 µs of an import's row, these lookups a tenth of that).
 */
class Groups<G> {
  readonly #root = new Map<GroupValue, unknown>();
  readonly list: G[] = [];

  /** The group of `values` (all of the same length for one Groups), made by `make` the first time. */
  get(values: readonly GroupValue[], make: () => G): G {
    let level = this.#root;
    const last = values.length - 1;
    for (let index = 0; index < last; index += 1) {
      const value = values[index] ?? null;
      let next = level.get(value) as Map<GroupValue, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const value = values[last] ?? null;
    let group = level.get(value) as G | undefined;
    if (group === undefined) {
      group = make();
      level.set(value, group);
      this.list.push(group);
    }
    return group;
  }
}

function columnNames(count: number): RawBuilder<unknown> {
  return sql.raw(Array.from({ length: count }, (_, index) => `column${index + 1}`).join(", "));
}

/** The rows the batch replaces leave the map cells, read as stored (their old values); returns the keys touched. */
async function subtractCells(db: Kysely<Database>, existingIds: readonly string[]): Promise<string[]> {
  const { key } = cellValues("events");
  const touched: string[] = [];
  for (const chunk of chunks(existingIds)) {
    const { rows: deltas } = await sql<CellDelta>`select ${key} as rollup_key, count(*) as events,
      sum(coalesce(fatalities, 0)) as fatalities, sum(coalesce(latitude, 0)) as latitude_sum,
      sum(coalesce(longitude, 0)) as longitude_sum
      from events where id in (${sql.join(chunk)}) group by 1`.execute(db);
    if (deltas.length === 0) continue;
    const tuples = deltas.map(
      (delta) => sql`(${sql.join([delta.rollup_key, delta.events, delta.fatalities, delta.latitude_sum, delta.longitude_sum])})`,
    );
    await sql`update event_cells set events = events - d.column2, fatalities = fatalities - d.column3,
      latitude_sum = latitude_sum - d.column4, longitude_sum = longitude_sum - d.column5
      from (values ${sql.join(tuples)}) as d
      where event_cells.cell_key = d.column1`.execute(db);
    touched.push(...deltas.map((delta) => delta.rollup_key));
  }
  return touched;
}

/**
 * The batch's rows added to the map cells, grouped here. The cell is computed as the trigger
 * computes it (IEEE doubles both sides, truncated), and SQLite makes each key with the trigger's
 * own json_array over values cast as the trigger's are.
 */
async function addCells(db: Kysely<Database>, rows: readonly RollupSource[]): Promise<void> {
  const groups = new Groups<{ values: GroupValue[]; events: number; fatalities: number; latitude: number; longitude: number }>();
  for (const row of rows) {
    const placed = row.latitude !== null && row.longitude !== null;
    const grouping = [
      placed ? Math.trunc(((row.longitude as number) + 180) * CELLS_PER_DEGREE) : null,
      placed ? Math.trunc(((row.latitude as number) + 90) * CELLS_PER_DEGREE) : null,
      row.perpetrator_group,
      row.actor1,
      row.actor2,
      row.country,
      row.admin1,
      row.event_type,
      row.status,
      row.event_date === null ? null : row.event_date.slice(0, 7),
      placed && (row.geo_precision === "region" || row.geo_precision === "country") ? 1 : 0,
    ];
    const group = groups.get(grouping, () => ({ values: grouping, events: 0, fatalities: 0, latitude: 0, longitude: 0 }));
    group.events += 1;
    group.fatalities += row.fatalities ?? 0;
    group.latitude += row.latitude ?? 0;
    group.longitude += row.longitude ?? 0;
  }
  const list = groups.list;
  // cell_x, cell_y and approximate are integers in the trigger's key: json_array writes 5, never 5.0.
  const grouped = sql.raw(
    [
      "cast(column1 as integer)",
      "cast(column2 as integer)",
      ...Array.from({ length: 8 }, (_, index) => `column${index + 3}`),
      "cast(column11 as integer)",
    ].join(", "),
  );
  for (let start = 0; start < list.length; start += GROUPS_PER_QUERY) {
    const tuples = list
      .slice(start, start + GROUPS_PER_QUERY)
      .map((group) => sql`(${sql.join([...group.values, group.events, group.fatalities, group.latitude, group.longitude])})`);
    await sql`insert into event_cells (cell_key, ${CELL_COLUMN_LIST}, events, fatalities, latitude_sum, longitude_sum)
      select json_array(${grouped}), ${grouped}, column12, column13, column14, column15 from (values ${sql.join(tuples)}) where true
      on conflict (cell_key) do update set events = events + excluded.events, fatalities = fatalities + excluded.fatalities,
        latitude_sum = latitude_sum + excluded.latitude_sum, longitude_sum = longitude_sum + excluded.longitude_sum`.execute(db);
  }
}

/**
 * Runs `write` (which inserts or updates the event rows `rows`, of which `existingIds` were stored
 * before) inside `db`, a transaction, keeping event_rollup in step once for the whole batch.
 */
export async function writeEventsCountedOnce<T>(
  db: Kysely<Database>,
  rows: readonly RollupSource[],
  existingIds: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  const { key } = values("events");
  await sql`insert into event_rollup_suspended (suspended) values (1)`.execute(db);
  // The rows the batch replaces leave their counts, read as stored (their old values).
  const emptied: string[] = [];
  for (const chunk of chunks(existingIds)) {
    const { rows: deltas } = await sql<RollupDelta>`select ${key} as rollup_key, count(*) as events,
      sum(coalesce(fatalities, 0)) as fatalities, count(fatalities) as known_tolls
      from events where id in (${sql.join(chunk)}) group by 1`.execute(db);
    if (deltas.length === 0) continue;
    await sql`update event_rollup set events = events - d.column2, fatalities = fatalities - d.column3,
        known_tolls = known_tolls - d.column4
      from (values ${sql.join(
        deltas.map((delta) => sql`(${delta.rollup_key}, ${delta.events}, ${delta.fatalities}, ${delta.known_tolls})`),
      )}) as d
      where event_rollup.rollup_key = d.column1`.execute(db);
    emptied.push(...deltas.map((delta) => delta.rollup_key));
  }
  const emptiedCells = await subtractCells(db, existingIds);
  const result = await write();
  // The batch's rows are grouped here, and SQLite makes each group's key with the same
  // json_array as the triggers, so a key never depends on how JSON is written in JavaScript.
  const groups = new Groups<{ values: GroupValue[]; events: number; fatalities: number; knownTolls: number }>();
  for (const row of rows) {
    // ROLLUP_COLUMNS in order (0011_rollup_subtypes), then the month.
    const grouping = [
      row.perpetrator_group,
      row.actor1,
      row.actor2,
      row.country,
      row.admin1,
      row.event_type,
      row.sub_event_type,
      row.status,
      row.event_date === null ? null : row.event_date.slice(0, 7),
    ];
    const group = groups.get(grouping, () => ({ values: grouping, events: 0, fatalities: 0, knownTolls: 0 }));
    group.events += 1;
    group.fatalities += row.fatalities ?? 0;
    if (row.fatalities !== null) group.knownTolls += 1;
  }
  const list = groups.list;
  const width = ROLLUP_COLUMNS.length + 1;
  const grouped = columnNames(width);
  const counts = sql.raw([1, 2, 3].map((offset) => `column${width + offset}`).join(", "));
  for (let start = 0; start < list.length; start += GROUPS_PER_QUERY) {
    const tuples = list
      .slice(start, start + GROUPS_PER_QUERY)
      .map((group) => sql`(${sql.join([...group.values, group.events, group.fatalities, group.knownTolls])})`);
    await sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities, known_tolls)
      select json_array(${grouped}), ${grouped}, ${counts} from (values ${sql.join(tuples)}) where true
      on conflict (rollup_key) do update set events = events + excluded.events, fatalities = fatalities + excluded.fatalities,
        known_tolls = known_tolls + excluded.known_tolls`.execute(db);
  }
  await addCells(db, rows);
  for (const chunk of chunks(emptied)) {
    await sql`delete from event_rollup where events = 0 and rollup_key in (${sql.join(chunk)})`.execute(db);
  }
  for (const chunk of chunks(emptiedCells)) {
    await sql`delete from event_cells where events = 0 and cell_key in (${sql.join(chunk)})`.execute(db);
  }
  await sql`delete from event_rollup_suspended`.execute(db);
  return result;
}
