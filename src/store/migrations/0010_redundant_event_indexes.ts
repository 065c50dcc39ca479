// Drops three single-column indexes on events that a wider index now leads with the same column:
// (event_date) under (event_date, id), (country) under (country, event_date, id) and (event_type)
// under (event_type, event_date, id) (0007_event_review). Any lookup or range on the column alone
// is served by the wider index in the same order (SQLite appends the rowid to both), so no plan
// loses an index, while every event written paid for three more b-trees. Measured on a
// 200,000-row ACLED import: building these three took 0.7 s of the 3.4 s spent building all of
// the events' indexes (docs/ARCHITECTURE.md, ADR "Imports write in bulk").
import type { Kysely } from "kysely";

export const REDUNDANT_INDEXES: readonly { readonly name: string; readonly column: string }[] = [
  { name: "events_event_date_index", column: "event_date" },
  { name: "events_country_index", column: "country" },
  { name: "events_event_type_index", column: "event_type" },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { name } of REDUNDANT_INDEXES) await db.schema.dropIndex(name).ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const { name, column } of REDUNDANT_INDEXES) await db.schema.createIndex(name).ifNotExists().on("events").column(column).execute();
}
