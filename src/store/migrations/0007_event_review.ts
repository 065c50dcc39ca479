// Review of extracted events (issue #5): an analyst accepts, edits or rejects an event. The
// latest decision per event is one row of event_reviews (no row: not reviewed yet); every edit
// leaves one row per changed field in event_edits, with what it was, what it became, who and when.
// A rejected event stays in `events` (it is shown, marked, when asked for) but the store's
// listings and counts leave it out by default, so analysis never reads it.
//
// Indexes serve the API's keyset pages: ORDER BY event_date, id (and fatalities, id) walk an
// index instead of sorting a million rows for each page.
import { sql, type Kysely } from "kysely";

const REVIEW_STATUSES = ["accepted", "edited", "rejected"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("event_reviews")
    .addColumn("event_id", "text", (column) => column.primaryKey().references("events.id"))
    .addColumn("review_status", "text", (column) => column.notNull())
    .addColumn("reviewer", "text", (column) => column.notNull())
    .addColumn("reviewed_at", "text", (column) => column.notNull())
    .addColumn("note", "text")
    .addCheckConstraint(
      "event_reviews_review_status_check",
      sql`review_status in (${sql.join(REVIEW_STATUSES.map((status) => sql.lit(status)))})`,
    )
    .execute();
  await db.schema.createIndex("event_reviews_review_status_index").on("event_reviews").column("review_status").execute();

  await db.schema
    .createTable("event_edits")
    .addColumn("event_id", "text", (column) => column.notNull().references("events.id"))
    // 1 for the event's first edit, then 2, 3...: one edit may change several fields.
    .addColumn("revision", "integer", (column) => column.notNull())
    .addColumn("field", "text", (column) => column.notNull())
    // The values as JSON (a string, a number or null), so that "no value" and "" stay apart.
    .addColumn("old_value", "text", (column) => column.notNull())
    .addColumn("new_value", "text", (column) => column.notNull())
    .addColumn("editor", "text", (column) => column.notNull())
    .addColumn("edited_at", "text", (column) => column.notNull())
    .addColumn("note", "text")
    .addPrimaryKeyConstraint("event_edits_primary_key", ["event_id", "revision", "field"])
    .execute();

  await db.schema.createIndex("events_event_date_id_index").on("events").columns(["event_date", "id"]).execute();
  // The filters a dashboard changes most, each with the page order, so that a filtered page too
  // walks an index in order and stops after one page.
  await db.schema.createIndex("events_country_event_date_id_index").on("events").columns(["country", "event_date", "id"]).execute();
  await db.schema.createIndex("events_event_type_event_date_id_index").on("events").columns(["event_type", "event_date", "id"]).execute();
  // A map viewport (bbox) at zoom levels finer than the map summary reads the events in its box.
  await db.schema.createIndex("events_longitude_latitude_index").on("events").columns(["longitude", "latitude"]).execute();
  await db.schema.createIndex("events_fatalities_id_index").on("events").columns(["fatalities", "id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("events_longitude_latitude_index").execute();
  await db.schema.dropIndex("events_event_type_event_date_id_index").execute();
  await db.schema.dropIndex("events_country_event_date_id_index").execute();
  await db.schema.dropIndex("events_fatalities_id_index").execute();
  await db.schema.dropIndex("events_event_date_id_index").execute();
  await db.schema.dropTable("event_edits").execute();
  await db.schema.dropTable("event_reviews").execute();
}
