// Events counted per cell of a fine map grid (1/256 degree, about 430 m), kept in step with
// `events` by triggers as 0004's monthly rollup is, so that the API's map (src/store/event-pages.ts)
// sums some thousands of cell rows instead of grouping a million events at each filter change.
// One row per (cell, perpetrator group, actor1, actor2, country, admin1, event type, status, month,
// approximate): the rollup's grouping values, so the same filters apply, plus the cell and whether
// the event's point stands for a region or a country (geo_precision), which a map must show as
// approximate. Events without coordinates have no cell (NULL): the map counts them per region.
// Coordinates are summed, so a cluster is drawn at its events' mean position.
//
// Numbered 0007 beside the core migration 0007_event_review: both belong to the API's issue
// (#5). Its name sorts after that one, as Kysely requires.
import { sql, type Kysely, type RawBuilder } from "kysely";

/** Cells per degree: coarse map cells of 360/2^zoom/8 degrees are whole numbers of fine cells up to zoom 8. */
export const CELLS_PER_DEGREE = 256;

export const GROUPING = ["perpetrator_group", "actor1", "actor2", "country", "admin1", "event_type", "status"] as const;

export function values(row: "old" | "new" | "events"): { key: RawBuilder<unknown>; columns: RawBuilder<unknown>[] } {
  const placed = `${row}.latitude is not null and ${row}.longitude is not null`;
  const columns = [
    sql.raw(`case when ${placed} then cast((${row}.longitude + 180) * ${CELLS_PER_DEGREE} as integer) end`),
    sql.raw(`case when ${placed} then cast((${row}.latitude + 90) * ${CELLS_PER_DEGREE} as integer) end`),
    ...GROUPING.map((column) => sql.raw(`${row}.${column}`)),
    sql.raw(`substr(${row}.event_date, 1, 7)`),
    sql.raw(`case when ${placed} and ${row}.geo_precision in ('region', 'country') then 1 else 0 end`),
  ];
  return { key: sql`json_array(${sql.join(columns)})`, columns };
}

export const COLUMN_LIST = sql.raw(["cell_x", "cell_y", ...GROUPING, "month", "approximate"].join(", "));

export function add(row: "new"): RawBuilder<unknown> {
  const { key, columns } = values(row);
  return sql`insert into event_cells (cell_key, ${COLUMN_LIST}, events, fatalities, latitude_sum, longitude_sum)
    values (${key}, ${sql.join(columns)}, 1, coalesce(new.fatalities, 0), coalesce(new.latitude, 0), coalesce(new.longitude, 0))
    on conflict (cell_key) do update set events = events + 1, fatalities = fatalities + excluded.fatalities,
      latitude_sum = latitude_sum + excluded.latitude_sum, longitude_sum = longitude_sum + excluded.longitude_sum;`;
}

export function remove(row: "old"): RawBuilder<unknown> {
  const { key } = values(row);
  return sql`update event_cells set events = events - 1, fatalities = fatalities - coalesce(old.fatalities, 0),
      latitude_sum = latitude_sum - coalesce(old.latitude, 0), longitude_sum = longitude_sum - coalesce(old.longitude, 0)
      where cell_key = ${key};
    delete from event_cells where cell_key = ${key} and events = 0;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table event_cells (
    cell_key text primary key,
    cell_x integer, cell_y integer,
    perpetrator_group text, actor1 text, actor2 text, country text, admin1 text,
    event_type text not null, status text not null, month text, approximate integer not null,
    events integer not null, fatalities integer not null, latitude_sum real not null, longitude_sum real not null
  ) without rowid`.execute(db);
  const { key, columns } = values("events");
  await sql`insert into event_cells (cell_key, ${COLUMN_LIST}, events, fatalities, latitude_sum, longitude_sum)
    select ${key}, ${sql.join(columns)}, count(*), sum(coalesce(fatalities, 0)), sum(coalesce(latitude, 0)), sum(coalesce(longitude, 0))
    from events group by 1`.execute(db);
  await sql`create trigger events_cells_insert after insert on events begin ${add("new")} end`.execute(db);
  await sql`create trigger events_cells_delete after delete on events begin ${remove("old")} end`.execute(db);
  await sql`create trigger events_cells_update
    after update of ${sql.raw([...GROUPING, "event_date", "fatalities", "latitude", "longitude", "geo_precision"].join(", "))} on events
    begin ${remove("old")} ${add("new")} end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ["events_cells_insert", "events_cells_delete", "events_cells_update"]) {
    await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  }
  await sql`drop table event_cells`.execute(db);
}
