// Indexes for the map (GET /api/map, src/store/event-pages.ts), measured on the 1,000,000-event
// bench database (bench/README.md):
// - event_cells (0007) by cell: the regions of a filter (events without coordinates: rows whose
//   cell is NULL) were a scan of the whole summary (17 ms for 60,000 rows) although most filters
//   have few or none;
// - the events' (longitude, latitude) index of 0007_event_review, under the same name, now also
//   holding what a map cell sums (type, fatalities, precision) and the id (the review filter), so
//   that a zoom finer than the summary reads the viewport from the index alone: a 2-degree box
//   holding a quarter of the events took 2.9 s through the narrow index (a table row per entry),
//   0.26 s through this one.
// Both are SQLite-only: a PostgreSQL dialect would give its own (INCLUDE columns).
import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("event_cells_cell_index").ifNotExists().on("event_cells").columns(["cell_x", "cell_y"]).execute();
  await sql`drop index if exists events_longitude_latitude_index`.execute(db);
  await db.schema
    .createIndex("events_longitude_latitude_index")
    .on("events")
    .columns(["longitude", "latitude", "event_type", "fatalities", "geo_precision", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists events_longitude_latitude_index`.execute(db);
  await db.schema.createIndex("events_longitude_latitude_index").on("events").columns(["longitude", "latitude"]).execute();
  await db.schema.dropIndex("event_cells_cell_index").ifExists().execute();
}
