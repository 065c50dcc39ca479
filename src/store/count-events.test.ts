// Store.countEvents against real SQLite files: its counts must be those of findEvents grouped by
// hand, whether they come from the monthly rollup or from the events, and the rollup must follow
// every write (a save, an import's upsert that revises an event, a save rolled back).
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import type { Event } from "../domain/records.ts";
import { openStore, type CountDimension, type CountFilter, type CountOptions, type EventCount, type Store } from "./store.ts";
import { ISLAMIC_STATE, makeDocument, makeEvent, makeExtraction } from "./test-fixtures.ts";

const REPORT = makeDocument(
  "Fighters of the Western Front raided a depot. Militia units shelled a bridge. A convoy was ambushed. " +
    "Police foiled a bombing. Fighters clashed with the army. A cell was arrested. Nobody claimed the blast.",
  { publishedDate: "2024-06-30" },
);

const EVENTS: readonly Event[] = [
  makeEvent(REPORT, "raided a depot", {
    perpetratorGroup: "Islamic State",
    country: "IQ",
    admin1: "Nineveh",
    eventDate: "2024-03-04",
    fatalities: 2,
  }),
  makeEvent(REPORT, "shelled a bridge", {
    actor1: "Daesh",
    country: "IQ",
    admin1: "Nineveh",
    eventDate: "2024-03-29",
    eventType: "Explosions/Remote violence",
    fatalities: 5,
  }),
  makeEvent(REPORT, "A convoy was ambushed", {
    actor2: "ISIS",
    country: "SY",
    admin1: "Deir ez-Zor",
    eventDate: "2024-04",
    fatalities: null,
  }),
  makeEvent(REPORT, "Police foiled a bombing", {
    perpetratorGroup: "Islamic State",
    country: "SY",
    eventDate: "2024",
    eventType: "Strategic developments",
    status: "foiled",
  }),
  makeEvent(REPORT, "Fighters clashed with the army", { perpetratorGroup: "Islamic State", country: "IQ", eventDate: null, fatalities: 1 }),
  makeEvent(REPORT, "A cell was arrested", { perpetratorGroup: "Other Front", country: "IQ", eventDate: "2024-05-02", fatalities: 0 }),
  makeEvent(REPORT, "Nobody claimed the blast", { country: "SY", eventDate: "2024-05-31", fatalities: 3 }),
];

const ALL_DIMENSIONS: readonly CountDimension[] = ["group", "country", "admin1", "type", "status"];

function valueOf(event: Event, dimension: CountDimension): string | null {
  switch (dimension) {
    case "group":
      return event.perpetratorGroup ?? event.actor1;
    case "country":
      return event.country;
    case "admin1":
      return event.admin1;
    case "type":
      return event.eventType;
    case "status":
      return event.status;
  }
}

/** A row of countEvents, or one grouped by hand (whose period is a plain string). */
type Counted = Omit<EventCount, "period"> & { readonly period: string | null };

/** What countEvents must return, grouped by hand from findEvents (which shares its filter). */
async function expected(store: Store, filter: CountFilter, options: CountOptions): Promise<Counted[]> {
  const length = { year: 4, month: 7, week: 10 }[options.interval];
  const rows = new Map<string, Counted>();
  for (const event of await store.findEvents(filter)) {
    const period = event.eventDate !== null && event.eventDate.length >= length ? event.eventDate.slice(0, length) : null;
    const keys = options.by.map((dimension) => valueOf(event, dimension));
    const key = JSON.stringify([period, ...keys]);
    const row = rows.get(key);
    rows.set(key, {
      period,
      keys,
      events: (row?.events ?? 0) + 1,
      fatalities: (row?.fatalities ?? 0) + (event.fatalities ?? 0),
    });
  }
  return sorted([...rows.values()]);
}

function sorted<T extends Counted>(counts: readonly T[]): T[] {
  const key = (count: T): string => JSON.stringify([count.period, ...count.keys]);
  return [...counts].sort((left, right) => (key(left) < key(right) ? -1 : key(left) > key(right) ? 1 : 0));
}

const FILTERS: readonly CountFilter[] = [
  {},
  { group: "isis" },
  { group: "Islamic State", country: "iq" },
  { status: "foiled" },
  { eventType: "Battles", since: "2024-04" },
  { since: "2024-03", until: "2024-04" },
  // Finer than a month: read from the events, not the rollup.
  { since: "2024-03-15", until: "2024-05-31" },
  { text: "convoy" },
];

describe("Store.countEvents (sqlite file)", () => {
  let directory = "";
  let store: Store | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sitrep-count-"));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  async function seeded(): Promise<Store> {
    store = await openStore({ path: join(directory, "sitrep.db") });
    await store.saveActors([ISLAMIC_STATE]);
    await store.saveDocument(REPORT, makeExtraction({ events: [...EVENTS] }));
    return store;
  }

  it("counts what findEvents finds, per interval, filter and dimension", async () => {
    const opened = await seeded();
    for (const interval of ["week", "month", "year"] as const) {
      for (const by of [[], ["group"], ["country", "admin1"], ALL_DIMENSIONS] as const) {
        for (const filter of FILTERS) {
          const options = { interval, by };
          assert.deepEqual(
            sorted(await opened.countEvents(filter, options)),
            await expected(opened, filter, options),
            JSON.stringify({ filter, options }),
          );
        }
      }
    }
  });

  it("gives hand-computed counts, with undated and coarser dates as null periods", async () => {
    const opened = await seeded();
    assert.deepEqual(sorted(await opened.countEvents({ group: "Daesh" }, { interval: "month", by: ["country"] })), [
      { period: "2024-03", keys: ["IQ"], events: 2, fatalities: 7 },
      { period: "2024-04", keys: ["SY"], events: 1, fatalities: 0 },
      { period: null, keys: ["IQ"], events: 1, fatalities: 1 },
      { period: null, keys: ["SY"], events: 1, fatalities: 0 },
    ]);
    assert.deepEqual(await opened.countEvents({ group: "no such group" }, { interval: "year", by: [] }), []);
    assert.deepEqual(sorted(await opened.countEvents({ text: "the" }, { interval: "year", by: [] })), [
      { period: "2024", keys: [], events: 6, fatalities: 10 },
      { period: null, keys: [], events: 1, fatalities: 1 },
    ]);
  });

  it("keeps the rollup in step with an import that revises an event and with a rolled-back save", async () => {
    const opened = await seeded();
    const file = makeDocument("Events imported from a dataset file for the count test.", { origin: "count.csv" });
    const first = EVENTS[0];
    assert.ok(first !== undefined);
    // A dataset's event, then its revision under the same id (an event extracted here would be
    // left as stored: Store.saveImportedEvents).
    const imported: Event = { ...first, id: "ev_00000000000000b7", documentId: file.id, evidence: [] };
    const revised: Event = { ...imported, eventDate: "2024-05-01", fatalities: 9, admin1: "Kirkuk" };
    await opened.saveImportedEvents("acled", file, [imported], ["IRQ7"]);
    await opened.saveImportedEvents("acled", file, [revised], ["IRQ7"]);
    await opened.saveImportedEvents("acled", file, [revised], ["IRQ7"]);
    // A save that fails (an evidence span of an unknown document) must leave no count behind.
    const broken = makeDocument("A report whose save fails: fighters raided a depot.");
    const bad = makeEvent(broken, "raided a depot", {
      eventDate: "2024-01-02",
      evidence: [{ documentId: "doc_missing", start: 0, end: 1, text: "A" }],
    });
    await assert.rejects(opened.saveDocument(broken, makeExtraction({ events: [bad] })));
    for (const filter of FILTERS) {
      const options = { interval: "month", by: ALL_DIMENSIONS } as const;
      assert.deepEqual(sorted(await opened.countEvents(filter, options)), await expected(opened, filter, options), JSON.stringify(filter));
    }
    // Every rollup row, sub-event types and known tolls included, is the events' own grouping.
    await opened.close();
    store = undefined;
    const raw = new BetterSqlite3(join(directory, "sitrep.db"), { readonly: true });
    const key = `json_array(perpetrator_group, actor1, actor2, country, admin1, event_type, sub_event_type, status, substr(event_date, 1, 7))`;
    const recounted = raw
      .prepare(
        `select ${key} as k, count(*) as events, sum(coalesce(fatalities, 0)) as fatalities, count(fatalities) as known from events group by 1 order by 1`,
      )
      .all();
    const rollup = raw.prepare("select rollup_key as k, events, fatalities, known_tolls as known from event_rollup order by 1").all();
    raw.close();
    assert.deepEqual(rollup, recounted);
    assert.ok(recounted.length > 3);
  });

  it("fills the rollup from the events a database held before the migration", async () => {
    const path = join(directory, "sitrep.db");
    const opened = await seeded();
    const before = sorted(await opened.countEvents({}, { interval: "month", by: ALL_DIMENSIONS }));
    await opened.close();
    store = undefined;
    // Undo 0004, 0005, 0007 and 0010 by hand, as a database written before them stands, and reopen.
    const raw = new BetterSqlite3(path);
    for (const trigger of ["events_rollup_insert", "events_rollup_delete", "events_rollup_update"]) raw.exec(`drop trigger ${trigger}`);
    raw.exec("drop table event_rollup; drop table event_rollup_suspended; drop table feeds");
    for (const trigger of ["events_cells_insert", "events_cells_delete", "events_cells_update"]) raw.exec(`drop trigger ${trigger}`);
    raw.exec("drop table event_edits; drop table event_reviews; drop table event_cells; drop table deferred_indexes");
    for (const index of [
      "events_event_date_id_index",
      "events_fatalities_id_index",
      "events_country_event_date_id_index",
      "events_event_type_event_date_id_index",
      "events_longitude_latitude_index",
    ]) {
      raw.exec(`drop index ${index}`);
    }
    // 0006 and those after 0011 stay applied: unordered migrations let 0004, 0005 and 0007 run again.
    raw
      .prepare("delete from kysely_migration where name >= ? and name <= ? and name <> ?")
      .run("0004_event_rollup", "0011_rollup_subtypes", "0006_incidents");
    raw.close();
    store = await openStore({ path });
    assert.deepEqual(sorted(await store.countEvents({}, { interval: "month", by: ALL_DIMENSIONS })), before);
  });
});
