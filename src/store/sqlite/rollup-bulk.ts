// A bulk write of events with the monthly rollup counted once per batch instead of by the per-row
// triggers (migrations 0004 and 0005): the triggers are suspended inside the caller's transaction,
// the rows the batch replaces are subtracted from the rollup, the write runs, and the batch's rows
// are added back, grouped. The counts are those the triggers would have left.
import { sql, type Kysely } from "kysely";
import type { Database, EventRow } from "../schema.ts";
import { COLUMN_LIST, ROLLUP_COLUMNS, values } from "./migrations/0011_rollup_subtypes.ts";

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
>;

interface RollupDelta {
  rollup_key: string;
  events: number;
  fatalities: number;
  known_tolls: number;
}

/** Groups per statement: 12 values each, under SQLite's 32,766 bound parameters. */
const GROUPS_PER_QUERY = 1000;

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
  const result = await write();
  // The batch's rows are grouped here, and SQLite makes each group's key with the same
  // json_array as the triggers, so a key never depends on how JSON is written in JavaScript.
  const groups = new Map<string, { values: (string | null)[]; events: number; fatalities: number; knownTolls: number }>();
  for (const row of rows) {
    const grouping = [...ROLLUP_COLUMNS.map((column) => row[column]), row.event_date === null ? null : row.event_date.slice(0, 7)];
    const groupKey = JSON.stringify(grouping);
    const known = row.fatalities === null ? 0 : 1;
    const group = groups.get(groupKey);
    if (group === undefined) groups.set(groupKey, { values: grouping, events: 1, fatalities: row.fatalities ?? 0, knownTolls: known });
    else {
      group.events += 1;
      group.fatalities += row.fatalities ?? 0;
      group.knownTolls += known;
    }
  }
  const list = [...groups.values()];
  for (let start = 0; start < list.length; start += GROUPS_PER_QUERY) {
    const tuples = list
      .slice(start, start + GROUPS_PER_QUERY)
      .map((group) => sql`(${sql.join([...group.values, group.events, group.fatalities, group.knownTolls])})`);
    const width = ROLLUP_COLUMNS.length + 1;
    const grouped = sql.raw(Array.from({ length: width }, (_, index) => `column${index + 1}`).join(", "));
    const counts = sql.raw([1, 2, 3].map((offset) => `column${width + offset}`).join(", "));
    await sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities, known_tolls)
      select json_array(${grouped}), ${grouped}, ${counts} from (values ${sql.join(tuples)}) where true
      on conflict (rollup_key) do update set events = events + excluded.events, fatalities = fatalities + excluded.fatalities,
        known_tolls = known_tolls + excluded.known_tolls`.execute(db);
  }
  for (const chunk of chunks(emptied)) {
    await sql`delete from event_rollup where events = 0 and rollup_key in (${sql.join(chunk)})`.execute(db);
  }
  await sql`delete from event_rollup_suspended`.execute(db);
  return result;
}
