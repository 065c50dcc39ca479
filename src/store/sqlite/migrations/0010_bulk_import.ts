// Two things a large dataset import needs (docs/ARCHITECTURE.md, ADR "Imports write in bulk"):
//
// 1. The map cells' triggers (0007) stand aside during a bulk write, as the rollup's do (0005):
//    ../rollup-bulk.ts counts a whole batch into event_cells at once. On 200,000 imported rows
//    (raw statements, no secondary indexes) the per-row cell trigger (a JSON key and an upsert
//    per event) took the event INSERT from 2.2 to 6.0 s. The switch is the same row in
//    event_rollup_suspended, which only the bulk writer's own transaction ever sees.
// 2. `deferred_indexes`: the definitions of the secondary indexes an import dropped so that it
//    can write into tables without them and build each index once, sorted, at the end
//    (../deferred-indexes.ts). The definition is saved in the same transaction as the drop, so a
//    process that dies half-way leaves the recipe behind, and the next open of the store builds
//    the indexes again.
import { sql, type Kysely } from "kysely";
import { GROUPING, add, remove } from "./0007_map_cells.ts";

const ACTIVE = sql`when not exists (select 1 from event_rollup_suspended)`;
const TRIGGERS = ["events_cells_insert", "events_cells_delete", "events_cells_update"];
const UPDATED_COLUMNS = sql.raw([...GROUPING, "event_date", "fatalities", "latitude", "longitude", "geo_precision"].join(", "));

async function createTriggers(db: Kysely<unknown>, when: typeof ACTIVE | null): Promise<void> {
  const condition = when ?? sql``;
  await sql`create trigger events_cells_insert after insert on events ${condition} begin ${add("new")} end`.execute(db);
  await sql`create trigger events_cells_delete after delete on events ${condition} begin ${remove("old")} end`.execute(db);
  await sql`create trigger events_cells_update after update of ${UPDATED_COLUMNS} on events ${condition}
    begin ${remove("old")} ${add("new")} end`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await createTriggers(db, ACTIVE);
  await sql`create table deferred_indexes (
    name text primary key,
    table_name text not null,
    definition text not null
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Indexes still set aside are built before their recipe goes.
  const { rows } = await sql<{ definition: string }>`select definition from deferred_indexes order by name`.execute(db);
  for (const row of rows) await sql.raw(row.definition).execute(db);
  await sql`drop table deferred_indexes`.execute(db);
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await createTriggers(db, null);
}
