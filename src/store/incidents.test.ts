// The store side of incidents against a real SQLite file: merge on save, unmerge, the rollup's
// counts through both, figure credibility, and a database written before migration 0006.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import type { Document, Event } from "../domain/records.ts";
import { openStore, type Store } from "./store.ts";
import { makeDocument, makeEvent, makeExtraction, makeFigure } from "./test-fixtures.ts";

const PLACE = {
  eventType: "Explosions/Remote violence",
  eventDate: "2025-03-04",
  datePrecision: "day",
  country: "IQ",
  admin1: "Diyala",
  location: "Baqubah",
  latitude: 33.75,
  longitude: 44.6,
  geoPrecision: "town",
} as const;

interface Report {
  readonly document: Document;
  readonly event: Event;
}

function report(text: string, publisher: string, fatalities: number | null, sources: string[] = []): Report {
  const document = makeDocument(text, { publisher, publishedDate: "2025-03-05" });
  return { document, event: makeEvent(document, text.slice(0, 20), { ...PLACE, fatalities, sources }) };
}

const REPORTS = [
  report("A car bomb killed 7 at the Baqubah market, police said.", "Northline Wire", 7, ["police"]),
  report("Nine died in the Baqubah market bombing, health officials said.", "Tigris Daily", 9, ["health officials"]),
  report("Twelve were killed in the Baqubah market car bomb.", "Conflict Monitor Iraq", 12),
];

async function save(store: Store, reports: readonly Report[]): Promise<void> {
  for (const { document, event } of reports) await store.saveDocument(document, makeExtraction({ events: [event] }));
}

function rollup(path: string): { events: number; fatalities: number } {
  const database = new BetterSqlite3(path, { readonly: true });
  try {
    return database
      .prepare("select coalesce(sum(events), 0) as events, coalesce(sum(fatalities), 0) as fatalities from event_rollup")
      .get() as {
      events: number;
      fatalities: number;
    };
  } finally {
    database.close();
  }
}

describe("incidents in the store (sqlite)", () => {
  let directory: string;
  let path: string;
  let store: Store | undefined;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sitrep-incidents-"));
    path = join(directory, "sitrep.db");
  });

  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(directory, { recursive: true, force: true });
  });

  it("merges reports of one incident on save, whatever their order, and the rollup counts one event", async () => {
    store = await openStore({ path });
    await save(store, REPORTS);
    const forward = await store.findEvents({ assess: true });
    assert.equal(forward.length, 1);
    const [event] = forward;
    assert.equal(event?.id, [...REPORTS.map((item) => item.event.id)].sort()[0]);
    assert.equal(event?.fatalities, 9);
    assert.deepEqual(
      [event?.assessment?.fatalitiesLow, event?.assessment?.fatalitiesHigh, event?.assessment?.reports, event?.assessment?.corroboration],
      [7, 12, 3, 3],
    );
    assert.deepEqual(rollup(path), { events: 1, fatalities: 9 });
    await store.close();

    store = await openStore({ path: join(directory, "other.db") });
    await save(store, [...REPORTS].reverse());
    const backward = await store.findEvents({ assess: true });
    assert.deepEqual(
      backward.map(({ evidence: _evidence, sources, ...rest }) => ({ ...rest, sources: [...sources].sort() })),
      forward.map(({ evidence: _evidence, sources, ...rest }) => ({ ...rest, sources: [...sources].sort() })),
    );
  });

  it("unmerges into the reports' own events, keeps the rollup right, and keeps them apart", async () => {
    store = await openStore({ path });
    await save(store, REPORTS);
    const [merged] = await store.findEvents();
    const result = await store.incidents.unmerge(merged!.id);
    assert.deepEqual(result.events, REPORTS.map((item) => item.event.id).sort());
    const parts = await store.findEvents();
    assert.deepEqual(
      parts.map((event) => [event.id, event.fatalities, event.documentId]).sort(),
      REPORTS.map((item) => [item.event.id, item.event.fatalities, item.document.id]).sort(),
    );
    assert.deepEqual(rollup(path), { events: 3, fatalities: 28 });
    const merge = await store.incidents.merge(REPORTS[0]!.event.id, REPORTS[1]!.event.id);
    assert.equal(merge.merged, true);
    assert.equal((await store.findEvents()).length, 2);
    assert.deepEqual(rollup(path), { events: 2, fatalities: 19 });
  });

  it("grades figures: one publisher alone, then corroborated by another", async () => {
    store = await openStore({ path });
    const first = makeDocument("The monitor counted 41 attacks in Diyala in 2024.", { publisher: "Tigris Daily" });
    const second = makeDocument("Analysts counted 41 attacks in Diyala last year.", { publisher: "Northline Wire" });
    const fields = { measure: "attacks", country: "IQ", periodStart: "2024-01-01", periodEnd: "2024-12-31", value: 41 } as const;
    await store.saveDocument(first, makeExtraction({ figures: [makeFigure(first, "41 attacks", fields)] }));
    assert.deepEqual((await store.findFigures({ assess: true }))[0]?.assessment, { corroboration: 1, reliability: "C", credibility: 3 });
    await store.saveDocument(second, makeExtraction({ figures: [makeFigure(second, "41 attacks", fields)] }));
    const figures = await store.findFigures({ assess: true });
    assert.deepEqual(
      figures.map((figure) => figure.assessment),
      [
        { corroboration: 2, reliability: "B", credibility: 1 },
        { corroboration: 2, reliability: "B", credibility: 1 },
      ],
    );
    assert.equal((await store.findFigures())[0]?.assessment, undefined);
  });

  it("gives the events of a database written before 0006 their parts, and merges them on a later save of their day", async () => {
    store = await openStore({ path });
    await save(store, REPORTS.slice(0, 2));
    await store.incidents.unmerge((await store.findEvents())[0]!.id);
    await store.close();
    store = undefined;
    // Undo 0006 by hand, as a database written before it stands, and reopen.
    const raw = new BetterSqlite3(path);
    for (const table of ["source_grades", "event_assertions", "event_separations", "event_parts"]) raw.exec(`drop table ${table}`);
    raw.prepare("delete from kysely_migration where name = ?").run("0006_incidents");
    raw.close();
    store = await openStore({ path });
    assert.equal((await store.findEvents()).length, 2);
    await save(store, REPORTS.slice(2));
    const events = await store.findEvents({ assess: true });
    assert.equal(events.length, 1);
    assert.equal(events[0]?.assessment?.reports, 3);
    assert.deepEqual(rollup(path), { events: 1, fatalities: 9 });
  });
});
