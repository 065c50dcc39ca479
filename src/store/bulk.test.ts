// The bulk path of Store.saveImportedEvents against a real SQLite file: statements compiled once
// and reused across chunks store every row, and the monthly rollup and the map cells counted once
// per batch (with the per-row triggers suspended) equal those counted from the events from
// scratch, after an import, a re-import that revises rows, a batch that fails, an ordinary save
// afterwards, and on a database migrated from before 0010.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { recordId } from "../domain/ids.ts";
import type { Event } from "../domain/records.ts";
import * as redundantEventIndexes from "./migrations/0010_redundant_event_indexes.ts";
import * as bulkImport from "./sqlite/migrations/0010_bulk_import.ts";
import { openStore, type Store } from "./store.ts";
import { makeDocument, makeEvent, makeExtraction } from "./test-fixtures.ts";

const FILE = makeDocument("A generated dataset file for the bulk import test.", { origin: "bulk.csv" });
const TYPES = ["Battles", "Riots", "Explosions/Remote violence"] as const;

/** `count` events over a few groups, countries, types and months, some undated, some without fatalities. */
function generated(count: number, revision = 0): Event[] {
  return Array.from({ length: count }, (_, index): Event => ({
    kind: "event",
    id: recordId("ev", ["acled", `BULK${index}`]),
    documentId: FILE.id,
    eventType: TYPES[(index + revision) % TYPES.length] ?? "Battles",
    subEventType: null,
    eventDate: index % 11 === 0 ? null : `2024-0${1 + ((index + revision) % 9)}-1${index % 10}`,
    datePrecision: index % 11 === 0 ? null : "day",
    country: index % 2 === 0 ? "IQ" : "SY",
    admin1: index % 3 === 0 ? null : `Province ${index % 4}`,
    location: null,
    // Some points, moved by a revision, some of them standing for a region (approximate cells).
    latitude: index % 3 === 1 ? 33 + ((index + revision) % 5) * 0.01 : null,
    longitude: index % 3 === 1 ? 44 - (index % 4) * 0.013 : null,
    geoPrecision: index % 3 === 1 ? (index % 9 === 1 ? "region" : "town") : null,
    actor1: `Group ${index % 5}`,
    actor2: null,
    perpetratorGroup: index % 7 === 0 ? "Islamic State" : null,
    fatalities: index % 6 === 0 ? null : (index + revision) % 4,
    status: "occurred",
    sources: index % 2 === 0 ? ["Local media", "Wire"] : [],
    evidence: [],
  }));
}

let directory: string;
let store: Store;
let path: string;

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), "sitrep-bulk-"));
  path = join(directory, "sitrep.db");
  store = await openStore({ path });
});

afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

/** The rollup as stored, and as counted from the events now; both sorted. */
function rollups(): { stored: unknown[]; counted: unknown[]; suspended: number } {
  const raw = new BetterSqlite3(path, { readonly: true });
  try {
    const columns = "perpetrator_group, actor1, actor2, country, admin1, event_type, status";
    const stored = raw.prepare(`select ${columns}, month, events, fatalities from event_rollup order by rollup_key`).all();
    const counted = raw
      .prepare(
        `select ${columns}, substr(event_date, 1, 7) as month, count(*) as events, sum(coalesce(fatalities, 0)) as fatalities
         from events group by json_array(${columns}, substr(event_date, 1, 7)) order by json_array(${columns}, substr(event_date, 1, 7))`,
      )
      .all();
    const suspended = (raw.prepare("select count(*) as count from event_rollup_suspended").get() as { count: number }).count;
    return { stored, counted, suspended };
  } finally {
    raw.close();
  }
}

/** The map cells as stored, and as counted from the events now; sums of coordinates rounded (float addition order differs). */
function cells(): { stored: unknown[]; counted: unknown[] } {
  const raw = new BetterSqlite3(path, { readonly: true });
  try {
    const columns = "cell_x, cell_y, perpetrator_group, actor1, actor2, country, admin1, event_type, status, month, approximate";
    const placed = "latitude is not null and longitude is not null";
    const counted = raw
      .prepare(
        `select ${columns}, count(*) as events, sum(fatalities) as fatalities, round(sum(latitude), 6) as latitude, round(sum(longitude), 6) as longitude
         from (select case when ${placed} then cast((longitude + 180) * 256 as integer) end as cell_x,
           case when ${placed} then cast((latitude + 90) * 256 as integer) end as cell_y,
           perpetrator_group, actor1, actor2, country, admin1, event_type, status, substr(event_date, 1, 7) as month,
           case when ${placed} and geo_precision in ('region', 'country') then 1 else 0 end as approximate,
           coalesce(fatalities, 0) as fatalities, coalesce(latitude, 0) as latitude, coalesce(longitude, 0) as longitude from events)
         group by json_array(${columns}) order by json_array(${columns})`,
      )
      .all();
    const stored = raw
      .prepare(
        `select ${columns}, events, fatalities, round(latitude_sum, 6) as latitude, round(longitude_sum, 6) as longitude
         from event_cells order by cell_key`,
      )
      .all();
    return { stored, counted };
  } finally {
    raw.close();
  }
}

function indexNames(): string[] {
  const raw = new BetterSqlite3(path, { readonly: true });
  try {
    return (raw.prepare("select name from sqlite_master where type = 'index' order by name").all() as { name: string }[]).map(
      (row) => row.name,
    );
  } finally {
    raw.close();
  }
}

function ids(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `BULK${index}`);
}

describe("Store.saveImportedEvents in bulk", () => {
  it("stores every row across reused multi-row statements and counts the rollup once per batch", async () => {
    const events = generated(2345);
    const result = await store.saveImportedEvents("acled", FILE, events, ids(2345));
    assert.deepEqual(result, { events: 2345, added: 2345, own: 0 });
    assert.equal((await store.summary()).events, 2345);
    assert.equal((await store.eventOrigins([events[2344]?.id ?? ""])).get(events[2344]?.id ?? "")?.[0]?.externalId, "BULK2344");
    const stored = await store.getEvent(events[10]?.id ?? "");
    assert.deepEqual(stored?.event.sources, ["Local media", "Wire"]);
    const { stored: rollup, counted, suspended } = rollups();
    assert.ok(rollup.length > 10);
    assert.deepEqual(rollup, counted);
    assert.equal(suspended, 0);
    const map = cells();
    assert.ok(map.stored.some((cell) => (cell as { approximate: number }).approximate === 1));
    assert.ok(map.stored.length > rollup.length);
    assert.deepEqual(map.stored, map.counted);
  });

  it("keeps the rollup true when a re-import revises types, months and fatalities", async () => {
    await store.saveImportedEvents("acled", FILE, generated(1500), ids(1500));
    const result = await store.saveImportedEvents("acled", FILE, generated(1500, 1), ids(1500));
    assert.deepEqual(result, { events: 1500, added: 0, own: 0 });
    const { stored, counted } = rollups();
    assert.deepEqual(stored, counted);
    const map = cells();
    assert.deepEqual(map.stored, map.counted);
  });

  it("leaves neither counts nor the suspension behind when a batch fails, and triggers count ordinary saves after", async () => {
    await store.saveImportedEvents("acled", FILE, generated(300), ids(300));
    const before = rollups().stored;
    const broken = generated(400).map((event, index) => (index === 350 ? { ...event, latitude: 200 } : event));
    await assert.rejects(store.saveImportedEvents("acled", FILE, broken, ids(400)), { code: "STORE_WRITE_FAILED" });
    const after = rollups();
    assert.deepEqual(after.stored, before);
    assert.equal(after.suspended, 0);
    assert.deepEqual(cells().stored, cells().counted);

    const report = makeDocument("Fighters raided a depot near the river.");
    await store.saveDocument(
      report,
      makeExtraction({ events: [makeEvent(report, "raided a depot", { country: "IQ", eventDate: "2025-01-02" })] }),
    );
    const saved = rollups();
    assert.deepEqual(saved.stored, saved.counted);
    assert.equal(saved.stored.length, before.length + 1);
    // The cell triggers are back on for ordinary saves too.
    const map = cells();
    assert.deepEqual(map.stored, map.counted);
    assert.equal(
      (map.stored as { events: number }[]).reduce((sum, cell) => sum + cell.events, 0),
      301,
    );
  });

  it("leaves the store's own events as stored when its export comes back, counts and all", async () => {
    const report = makeDocument("Fighters raided a depot near the river on 2 January.");
    const extracted = makeEvent(report, "raided a depot", { country: "IQ", eventDate: "2025-01-02", fatalities: 3 });
    await store.saveDocument(report, makeExtraction({ events: [extracted] }));
    await store.saveImportedEvents("acled", FILE, generated(200), ids(200));
    const before = rollups().stored;
    // The export read back: the same id with the export's coarser fields, beside dataset rows.
    const readBack: Event = { ...extracted, documentId: FILE.id, eventDate: "2025-01", fatalities: null, evidence: [] };
    const result = await store.saveImportedEvents("acled", FILE, [readBack, ...generated(200)], [extracted.id, ...ids(200)]);
    assert.deepEqual(result, { events: 201, added: 0, own: 1 });
    const stored = await store.getEvent(extracted.id);
    assert.equal(stored?.event.eventDate, "2025-01-02");
    assert.equal(stored?.event.fatalities, 3);
    assert.deepEqual(
      stored?.documents.map((document) => document.id),
      [report.id],
    );
    assert.equal((await store.eventOrigins([extracted.id])).size, 0);
    assert.deepEqual(rollups().stored, before);
    assert.deepEqual(rollups().stored, rollups().counted);
    assert.deepEqual(cells().stored, cells().counted);
  });

  it("migrates a database written before 0010: cell triggers set aside in bulk, the three redundant indexes dropped", async () => {
    await store.saveImportedEvents("acled", FILE, generated(600), ids(600));
    await store.close();
    // Stand the file where 0008 left it: 0010's own down migrations, and their records removed.
    const old = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new BetterSqlite3(path) }) });
    await bulkImport.down(old);
    await redundantEventIndexes.down(old);
    await old
      .deleteFrom("kysely_migration" as never)
      .where("name" as never, "like", "0010_%" as never)
      .execute();
    await old.destroy();
    assert.equal(indexNames().includes("events_country_index"), true);

    store = await openStore({ path });
    const names = indexNames();
    for (const { name } of redundantEventIndexes.REDUNDANT_INDEXES) assert.equal(names.includes(name), false, name);
    assert.equal(names.includes("events_country_event_date_id_index"), true);
    // A re-import that moves every row, then new rows: counted once, by the bulk writer alone.
    await store.saveImportedEvents("acled", FILE, generated(900, 1), ids(900));
    const map = cells();
    assert.deepEqual(map.stored, map.counted);
    assert.deepEqual(rollups().stored, rollups().counted);
  });
});
