// Drops the plain indexes on events.perpetrator_group, actor1 and actor2 (0001). Every query that
// filters by a group compares folded names, `fold(column) in (keys)` (store.ts, findEvents and
// countEvents), which a plain index on the column cannot serve, and the series read the monthly
// rollup instead; so the three indexes were never used by a query plan, while each event written
// paid to keep them. Measured on a 100,000-row ACLED import with SQLite: events written per CPU
// second rose from about 21,000 to 38,000 without them (docs/ARCHITECTURE.md, ADR "Imports
// write in bulk").
import type { Kysely } from "kysely";

const COLUMNS = ["perpetrator_group", "actor1", "actor2"];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await db.schema.dropIndex(`events_${column}_index`).ifExists().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of COLUMNS) await db.schema.createIndex(`events_${column}_index`).on("events").column(column).execute();
}
