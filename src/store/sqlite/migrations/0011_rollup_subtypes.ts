// The monthly rollup (0004) gains the sub-event type in its key and, per row, how many of its
// events have a known death toll. With them, analysis counts a class of events (foiled plots,
// arrests, suicide bombings, attacks with a known toll) over whole months from the rollup and
// reads only the events of the months a window cuts (docs/ARCHITECTURE.md, ADR "Briefs count
// whole months from the rollup"). Earlier migrations stay as they were; this one rebuilds the
// table and its triggers from the events, keeping the bulk writers' switch (0005).
import { sql, type Kysely, type RawBuilder } from "kysely";
import * as previous from "./0004_event_rollup.ts";

export const ROLLUP_COLUMNS = [
  "perpetrator_group",
  "actor1",
  "actor2",
  "country",
  "admin1",
  "event_type",
  "sub_event_type",
  "status",
] as const;

/** The rollup key and grouping values of the `old` or `new` row of a trigger, or of `events`. */
export function values(row: "old" | "new" | "events"): { key: RawBuilder<unknown>; columns: RawBuilder<unknown>[] } {
  const columns = [...ROLLUP_COLUMNS.map((column) => sql.raw(`${row}.${column}`)), sql.raw(`substr(${row}.event_date, 1, 7)`)];
  return { key: sql`json_array(${sql.join(columns)})`, columns };
}

export const COLUMN_LIST = sql.raw([...ROLLUP_COLUMNS, "month"].join(", "));

function add(row: "new"): RawBuilder<unknown> {
  const { key, columns } = values(row);
  return sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities, known_tolls)
    values (${key}, ${sql.join(columns)}, 1, coalesce(new.fatalities, 0), new.fatalities is not null)
    on conflict (rollup_key) do update set events = events + 1, fatalities = fatalities + excluded.fatalities,
      known_tolls = known_tolls + excluded.known_tolls;`;
}

function remove(row: "old"): RawBuilder<unknown> {
  const { key } = values(row);
  return sql`update event_rollup set events = events - 1, fatalities = fatalities - coalesce(old.fatalities, 0),
      known_tolls = known_tolls - (old.fatalities is not null)
      where rollup_key = ${key};
    delete from event_rollup where rollup_key = ${key} and events = 0;`;
}

const ACTIVE = sql`when not exists (select 1 from event_rollup_suspended)`;
const TRIGGERS = ["events_rollup_insert", "events_rollup_delete", "events_rollup_update"];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await sql`drop table event_rollup`.execute(db);
  await sql`create table event_rollup (
    rollup_key text primary key,
    perpetrator_group text, actor1 text, actor2 text, country text, admin1 text,
    event_type text not null, sub_event_type text, status text not null, month text,
    events integer not null, fatalities integer not null, known_tolls integer not null
  ) without rowid`.execute(db);
  const { key, columns } = values("events");
  await sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities, known_tolls)
    select ${key}, ${sql.join(columns)}, count(*), sum(coalesce(fatalities, 0)), count(fatalities) from events group by 1`.execute(db);
  await sql`create trigger events_rollup_insert after insert on events ${ACTIVE} begin ${add("new")} end`.execute(db);
  await sql`create trigger events_rollup_delete after delete on events ${ACTIVE} begin ${remove("old")} end`.execute(db);
  await sql`create trigger events_rollup_update
    after update of ${sql.raw([...ROLLUP_COLUMNS, "event_date", "fatalities"].join(", "))} on events ${ACTIVE}
    begin ${remove("old")} ${add("new")} end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Back to 0004's table, with 0005's switchable triggers.
  for (const trigger of TRIGGERS) await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  await sql`drop table event_rollup`.execute(db);
  await sql`create table event_rollup (
    rollup_key text primary key,
    perpetrator_group text, actor1 text, actor2 text, country text, admin1 text,
    event_type text not null, status text not null, month text,
    events integer not null, fatalities integer not null
  ) without rowid`.execute(db);
  const { key, columns } = previous.values("events");
  await sql`insert into event_rollup (rollup_key, ${previous.COLUMN_LIST}, events, fatalities)
    select ${key}, ${sql.join(columns)}, count(*), sum(coalesce(fatalities, 0)) from events group by 1`.execute(db);
  await sql`create trigger events_rollup_insert after insert on events ${ACTIVE} begin ${previous.add("new")} end`.execute(db);
  await sql`create trigger events_rollup_delete after delete on events ${ACTIVE} begin ${previous.remove("old")} end`.execute(db);
  await sql`create trigger events_rollup_update
    after update of ${sql.raw([...previous.ROLLUP_COLUMNS, "event_date", "fatalities"].join(", "))} on events ${ACTIVE}
    begin ${previous.remove("old")} ${previous.add("new")} end`.execute(db);
}
