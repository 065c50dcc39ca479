// A bulk write of events with the monthly rollup counted once per batch instead of by the per-row
// triggers (migrations 0004 and 0005): the triggers are suspended inside the caller's transaction,
// the rows the batch replaces are subtracted from the rollup, the write runs, and the batch's rows
// are added back, grouped. The counts are those the triggers would have left.
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.ts";
import { COLUMN_LIST, values } from "./migrations/0004_event_rollup.ts";

/** Ids per IN list: well under SQLite's 32,766 bound parameters. */
const IDS_PER_QUERY = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += IDS_PER_QUERY) result.push(items.slice(index, index + IDS_PER_QUERY));
  return result;
}

interface RollupDelta {
  rollup_key: string;
  events: number;
  fatalities: number;
}

/**
 * Runs `write` (which inserts or updates the events `eventIds`, of which `existingIds` were stored
 * before) inside `db`, a transaction, keeping event_rollup in step once for the whole batch.
 */
export async function writeEventsCountedOnce<T>(
  db: Kysely<Database>,
  eventIds: readonly string[],
  existingIds: readonly string[],
  write: () => Promise<T>,
): Promise<T> {
  const { key, columns } = values("events");
  await sql`insert into event_rollup_suspended (suspended) values (1)`.execute(db);
  const emptied = new Set<string>();
  for (const chunk of chunks(existingIds)) {
    const { rows } = await sql<RollupDelta>`select ${key} as rollup_key, count(*) as events, sum(coalesce(fatalities, 0)) as fatalities
      from events where id in (${sql.join(chunk)}) group by 1`.execute(db);
    for (const row of rows) {
      await sql`update event_rollup set events = events - ${row.events}, fatalities = fatalities - ${row.fatalities}
        where rollup_key = ${row.rollup_key}`.execute(db);
      emptied.add(row.rollup_key);
    }
  }
  const result = await write();
  for (const chunk of chunks(eventIds)) {
    await sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities)
      select ${key}, ${sql.join(columns)}, count(*), sum(coalesce(fatalities, 0)) from events where id in (${sql.join(chunk)}) group by 1
      on conflict (rollup_key) do update set events = events + excluded.events, fatalities = fatalities + excluded.fatalities`.execute(db);
  }
  for (const chunk of chunks([...emptied])) {
    await sql`delete from event_rollup where events = 0 and rollup_key in (${sql.join(chunk)})`.execute(db);
  }
  await sql`delete from event_rollup_suspended`.execute(db);
  return result;
}
