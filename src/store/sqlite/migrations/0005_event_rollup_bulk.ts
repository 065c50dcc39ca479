// The monthly rollup's triggers (0004) stand aside while a bulk write brings the rollup up to date
// once per batch (../rollup-bulk.ts). A profile of a 1,000,000-row ACLED import showed the
// per-row trigger (a JSON key, then an upsert into event_rollup) tripling the cost of each event
// insert; one grouped upsert per batch does the same counting in a fraction of it
// (docs/ARCHITECTURE.md, ADR "Imports write in bulk").
//
// The switch is a row in event_rollup_suspended, written and deleted inside the bulk writer's own
// transaction: no other connection ever sees it, so every other write still goes through the
// triggers, and a rolled-back batch leaves neither the row nor any count behind.
import { sql, type Kysely } from "kysely";
import { ROLLUP_COLUMNS, add, remove } from "./0004_event_rollup.ts";

const ACTIVE = sql`when not exists (select 1 from event_rollup_suspended)`;
const TRIGGERS = ["events_rollup_insert", "events_rollup_delete", "events_rollup_update"];
const UPDATED_COLUMNS = sql.raw([...ROLLUP_COLUMNS, "event_date", "fatalities"].join(", "));

async function createTriggers(db: Kysely<unknown>, when: typeof ACTIVE | null): Promise<void> {
  const condition = when ?? sql``;
  await sql`create trigger events_rollup_insert after insert on events ${condition} begin ${add("new")} end`.execute(db);
  await sql`create trigger events_rollup_delete after delete on events ${condition} begin ${remove("old")} end`.execute(db);
  await sql`create trigger events_rollup_update after update of ${UPDATED_COLUMNS} on events ${condition}
    begin ${remove("old")} ${add("new")} end`.execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table event_rollup_suspended (suspended integer primary key)`.execute(db);
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await createTriggers(db, ACTIVE);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await createTriggers(db, null);
  await sql`drop table event_rollup_suspended`.execute(db);
}
