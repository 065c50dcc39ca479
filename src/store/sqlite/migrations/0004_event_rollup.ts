// A monthly rollup of events for series: one row per (perpetrator group, actor1, actor2, country,
// admin1, event type, status, month) with its event count and fatalities, kept in step with
// `events` by triggers inside the writing transaction (a rolled-back save leaves no count
// behind, as 0002's search index). A series over 1,000,000 events then reads some thousands of
// rollup rows instead of every event (docs/ARCHITECTURE.md, ADR "Series from a monthly rollup").
//
// `month` is the event date cut to seven characters: "2024-03" for "2024-03-15" and "2024-03",
// "2024" for a year-only date, NULL for an undated event. Names are stored as written, not
// folded: folding is an application function (sitrep_fold) that another SQLite client writing
// the file would lack, and the few thousand rollup rows are cheap to fold at read time.
//
// The key is one JSON array of the grouping columns: a unique index over nullable columns
// treats every NULL as distinct, and coalescing NULL to '' would merge an empty name with none.
import { sql, type Kysely, type RawBuilder } from "kysely";

export const ROLLUP_COLUMNS = ["perpetrator_group", "actor1", "actor2", "country", "admin1", "event_type", "status"] as const;

/** The rollup key and grouping values of the `old` or `new` row of a trigger, or of `events`. */
export function values(row: "old" | "new" | "events"): { key: RawBuilder<unknown>; columns: RawBuilder<unknown>[] } {
  const columns = [...ROLLUP_COLUMNS.map((column) => sql.raw(`${row}.${column}`)), sql.raw(`substr(${row}.event_date, 1, 7)`)];
  return { key: sql`json_array(${sql.join(columns)})`, columns };
}

export const COLUMN_LIST = sql.raw([...ROLLUP_COLUMNS, "month"].join(", "));

export function add(row: "new"): RawBuilder<unknown> {
  const { key, columns } = values(row);
  return sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities)
    values (${key}, ${sql.join(columns)}, 1, coalesce(new.fatalities, 0))
    on conflict (rollup_key) do update set events = events + 1, fatalities = fatalities + excluded.fatalities;`;
}

export function remove(row: "old"): RawBuilder<unknown> {
  const { key } = values(row);
  return sql`update event_rollup set events = events - 1, fatalities = fatalities - coalesce(old.fatalities, 0)
      where rollup_key = ${key};
    delete from event_rollup where rollup_key = ${key} and events = 0;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table event_rollup (
    rollup_key text primary key,
    perpetrator_group text, actor1 text, actor2 text, country text, admin1 text,
    event_type text not null, status text not null, month text,
    events integer not null, fatalities integer not null
  ) without rowid`.execute(db);
  const { key, columns } = values("events");
  await sql`insert into event_rollup (rollup_key, ${COLUMN_LIST}, events, fatalities)
    select ${key}, ${sql.join(columns)}, count(*), sum(coalesce(fatalities, 0)) from events group by 1`.execute(db);
  await sql`create trigger events_rollup_insert after insert on events begin ${add("new")} end`.execute(db);
  await sql`create trigger events_rollup_delete after delete on events begin ${remove("old")} end`.execute(db);
  // Only a change to a grouped or summed column moves counts; an upsert that rewrites the same
  // values moves one count out of the row and back in.
  await sql`create trigger events_rollup_update
    after update of ${sql.raw([...ROLLUP_COLUMNS, "event_date", "fatalities"].join(", "))} on events
    begin ${remove("old")} ${add("new")} end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ["events_rollup_insert", "events_rollup_delete", "events_rollup_update"]) {
    await sql`drop trigger ${sql.ref(trigger)}`.execute(db);
  }
  await sql`drop table event_rollup`.execute(db);
}
