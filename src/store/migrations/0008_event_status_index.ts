// Event pages filtered by status ("claimed", "foiled") and read in date order: without an index
// led by status, the page walks the date index past every event of the other statuses, which on a
// million events took seconds for a rare status (the dashboard's filter change). Same shape as
// 0007's (country, event_date, id) and (event_type, event_date, id).
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex("events_status_event_date_id_index")
    .ifNotExists()
    .on("events")
    .columns(["status", "event_date", "id"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("events_status_event_date_id_index").ifExists().execute();
}
