// Imports against a real SQLite store: the team's fixture files in each dataset's column layout
// (test/fixtures/interop/), bad rows reported by line, re-imports that change nothing, a
// windows-1252 file, and round trips of sitrep's own events through ACLED CSV and STIX.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import type { Event } from "../domain/records.ts";
import { openStore, type Store } from "../store/store.ts";
import { makeExtraction } from "../store/test-fixtures.ts";
import { acledHeader } from "./acled.ts";
import { csvRecord } from "./csv.ts";
import { exportEvents, type ExportFormat } from "./export.ts";
import { importFile } from "./import.ts";
import { ACTORS, EVENTS, REPORT } from "./test-events.ts";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/interop/", import.meta.url));
const NOW = new Date("2025-01-15T10:00:00.000Z");

let directory: string;
let store: Store;

beforeEach(async () => {
  directory = mkdtempSync(join(tmpdir(), "sitrep-interop-"));
  store = await openStore({ path: join(directory, "sitrep.db"), now: () => NOW });
});

afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

const fixture = (name: string): string => join(FIXTURES, name);

/** The fields a dataset round trip must keep: all but the document and the evidence spans. */
function content(event: Event): Omit<Event, "documentId" | "evidence"> {
  const { documentId: _documentId, evidence: _evidence, ...rest } = event;
  return rest;
}

async function exportTo(source: Store, format: ExportFormat): Promise<string> {
  const parts: string[] = [];
  await exportEvents(source, { format, filter: {}, now: NOW, write: async (text) => void parts.push(text) });
  const path = join(directory, `export.${format}`);
  writeFileSync(path, parts.join(""));
  return path;
}

describe("ACLED import", () => {
  it("imports the good rows, reports each bad one with its line, and keeps ACLED's ids", async () => {
    const report = await importFile(store, "acled", fixture("acled.csv"));
    assert.equal(report.records, 9);
    assert.equal(report.imported, 5);
    assert.deepEqual(
      report.problems.map((problem) => [problem.line, problem.message]),
      [
        [6, 'event_type is not an ACLED event type: "Skirmish"'],
        [7, 'event_date is not a calendar date: "2024-02-30"'],
        [8, 'latitude is not a coordinate: "135.5"'],
        [10, "text follows a closing quote"],
      ],
    );
    const events = await store.findEvents({ country: "IQ" });
    const badush = events.find((event) => event.location === "Badush");
    assert.ok(badush);
    assert.deepEqual(
      {
        date: badush.eventDate,
        precision: badush.datePrecision,
        geo: badush.geoPrecision,
        lat: badush.latitude,
        fatalities: badush.fatalities,
      },
      { date: "2024-03-04", precision: "day", geo: "town", lat: 36.4108, fatalities: 2 },
    );
    assert.deepEqual(badush.sources, ["Shafaq News", "Rudaw"]);
    const origins = await store.eventOrigins([badush.id]);
    assert.deepEqual(origins.get(badush.id), [
      { dataset: "acled", externalId: "IRQ90001", originalType: null, fatalitiesLow: null, fatalitiesHigh: null },
    ]);
  });

  it("reads ACLED's codes: time_precision 3 is a month, geo_precision 3 a region with no point", async () => {
    await importFile(store, "acled", fixture("acled.csv"));
    const [diyala] = await store.findEvents({ eventType: "Explosions/Remote violence" });
    assert.equal(diyala?.eventDate, "2024-03");
    assert.equal(diyala?.datePrecision, "month");
    assert.equal(diyala?.geoPrecision, "region");
    assert.equal(diyala?.latitude, null);
    const [protest] = await store.findEvents({ eventType: "Protests" });
    assert.equal(protest?.subEventType, "Excessive force against protesters");
  });

  it("changes nothing when the same file is imported again", async () => {
    const first = await importFile(store, "acled", fixture("acled.csv"));
    const before = { summary: await store.summary(), events: await store.findEvents() };
    const second = await importFile(store, "acled", fixture("acled.csv"));
    assert.equal(second.document.id, first.document.id);
    assert.equal(second.added, 0);
    assert.deepEqual({ summary: await store.summary(), events: await store.findEvents() }, before);
  });

  it("reads a file with a byte-order mark and CRLF line ends as the same events", async () => {
    const report = await importFile(store, "acled", fixture("acled-bom-crlf.csv"));
    assert.deepEqual(report.problems, []);
    const events = await store.findEvents();
    assert.equal(events.length, 3);
    const syria = events.find((event) => event.country === "SY");
    assert.equal(syria?.location, "Al Mayadin");
  });

  it("decodes a windows-1252 file", async () => {
    const report = await importFile(store, "acled", fixture("acled-windows-1252.csv"));
    assert.equal(report.encoding, "windows-1252");
    assert.deepEqual(report.problems, []);
    const locations = (await store.findEvents()).map((event) => `${event.location} (${event.admin1}, ${event.country})`);
    assert.deepEqual(locations, ["Bouaké (Vallée du Bandama, CI)", "Ségou (Ségou, ML)"]);
    const [bouake] = await store.findEvents({ country: "CI" });
    assert.deepEqual(bouake?.sources, ["Fraternité Matin"]);
  });

  it("reports, by line, a row whose bytes are not in the encoding the file was read in, and imports the rest", async () => {
    // Valid UTF-8 for its first 64 KiB and more, so read as UTF-8; one row further on holds a
    // windows-1252 byte (0xE9 for "é"), which UTF-8 cannot decode.
    const rows = Array.from({ length: 900 }, (_, index) =>
      csvRecord([
        `GEN${index}`,
        "2024-03-04",
        2024,
        1,
        "Political violence",
        "Battles",
        "Armed clash",
        "Islamic State (Iraq)",
        null,
        2,
        null,
        null,
        0,
        20,
        null,
        368,
        "Middle East",
        "Iraq",
        "Ninewa",
        null,
        null,
        "Badush",
        36.41,
        42.96,
        1,
        "Shafaq News",
        "National",
        "Notes long enough to take the damaged row past the first 64 KiB of the file.",
        0,
        null,
        1710000000,
      ]),
    );
    const head = Buffer.from(acledHeader() + rows.slice(0, 800).join(""), "utf8");
    assert.ok(head.byteLength > 64 * 1024);
    const damaged = Buffer.from(rows[800] ?? "", "utf8");
    const at = damaged.indexOf("Badush");
    damaged[at + 1] = 0xe9;
    const path = join(directory, "damaged.csv");
    writeFileSync(path, Buffer.concat([head, damaged, Buffer.from(rows.slice(801).join(""), "utf8")]));
    const report = await importFile(store, "acled", path);
    assert.equal(report.encoding, "utf-8");
    assert.deepEqual(
      report.problems.map((problem) => problem.line),
      [802],
    );
    assert.match(report.problems[0]?.message ?? "", /not utf-8/);
    assert.equal(report.imported, 899);
    assert.equal((await store.findEvents()).filter((event) => event.location?.includes("\uFFFD")).length, 0);
  });

  it("refuses a file whose header is not ACLED's", async () => {
    await assert.rejects(
      importFile(store, "acled", fixture("gtd.csv")),
      /IMPORT_FORMAT_INVALID|not a ACLED CSV file: the header lacks event_id_cnty, event_type/,
    );
  });
});

describe("UCDP GED, GTD and GDELT imports", () => {
  it("UCDP: type of violence, date and place precision, best deaths and the low-high range; disordered estimates reported", async () => {
    const report = await importFile(store, "ucdp", fixture("ucdp-ged.csv"));
    assert.deepEqual(
      report.problems.map((problem) => problem.line),
      [4, 5],
    );
    const events = await store.findEvents();
    const deir = events.find((event) => event.country === "SY");
    assert.deepEqual(
      [deir?.eventType, deir?.eventDate, deir?.datePrecision, deir?.geoPrecision, deir?.latitude, deir?.perpetratorGroup, deir?.fatalities],
      ["Violence against civilians", "2016-06", "month", "region", null, "IS", 6],
    );
    const tallAfar = events.find((event) => event.location === "Tall Afar town");
    assert.deepEqual([tallAfar?.eventType, tallAfar?.fatalities, tallAfar?.sources], ["Battles", 8, ["Agence France Presse", "Reuters"]]);
    // GED's low and high are kept with the origin, and are the event's range of deaths.
    assert.ok(tallAfar);
    const origin = (await store.eventOrigins([tallAfar.id])).get(tallAfar.id)?.[0];
    assert.deepEqual([origin?.fatalitiesLow, origin?.fatalitiesHigh], [8, 12]);
    const assessment = (await store.incidents.assessEvents([tallAfar])).get(tallAfar.id);
    assert.deepEqual([assessment?.fatalitiesLow, assessment?.fatalitiesHigh], [8, 12]);
    assert.equal(events.find((event) => event.country === "CD")?.fatalities, 7);
  });

  it("GTD: attack types mapped where sound, unknown day kept at month precision, failed attacks attempted", async () => {
    const report = await importFile(store, "gtd", fixture("gtd.csv"));
    assert.deepEqual(
      report.problems.map((problem) => problem.message),
      ['attacktype1_txt "Unknown" has no ACLED event type', "imonth is not a month: 13"],
    );
    const events = await store.findEvents();
    const bombing = events.find((event) => event.subEventType === "Suicide bomb");
    assert.deepEqual(
      [bombing?.perpetratorGroup, bombing?.fatalities, bombing?.location],
      ["Islamic State of Iraq and the Levant (ISIL)", 7, "Mosul"],
    );
    const hawija = events.find((event) => event.location === "Hawija");
    assert.deepEqual(
      [hawija?.eventType, hawija?.eventDate, hawija?.status, hawija?.geoPrecision],
      ["Battles", "2015-02", "attempted", "district"],
    );
    const kidnapping = events.find((event) => event.subEventType === "Abduction/forced disappearance");
    // specificity 5: no province identified, the coordinates unknown.
    assert.deepEqual([kidnapping?.perpetratorGroup, kidnapping?.location, kidnapping?.geoPrecision], [null, null, "country"]);
  });

  it("GDELT: CAMEO codes mapped where sound, the rest kept as Other with their code", async () => {
    const report = await importFile(store, "gdelt", fixture("20240304.export.CSV"));
    assert.deepEqual(
      report.problems.map((problem) => problem.line),
      [5, 6],
    );
    const events = await store.findEvents();
    const byType = Object.fromEntries(events.map((event) => [`${event.eventType}/${event.subEventType}`, event]));
    assert.ok(byType["Battles/Armed clash"]);
    assert.equal(byType["Explosions/Remote violence/Air/drone strike"]?.geoPrecision, "region");
    assert.equal(byType["Explosions/Remote violence/Air/drone strike"]?.latitude, null);
    assert.equal(byType["Riots/Violent demonstration"]?.location, "Basra");
    const other = byType["Strategic developments/Other"];
    assert.ok(other);
    assert.equal(other.geoPrecision, "country");
    assert.deepEqual(
      await store.eventOrigins([other.id]),
      new Map([
        [other.id, [{ dataset: "gdelt", externalId: "1100000002", originalType: "CAMEO 0841", fatalitiesLow: null, fatalitiesHigh: null }]],
      ]),
    );
  });
});

describe("round trips of sitrep's own events", () => {
  async function sourceStore(): Promise<Store> {
    const source = await openStore({ path: join(directory, "source.db"), now: () => NOW });
    await source.saveActors(ACTORS);
    await source.saveDocument(REPORT, makeExtraction({ events: EVENTS }));
    return source;
  }

  for (const [format, dataset] of [
    ["acled-csv", "acled"],
    ["stix", "stix"],
  ] as const) {
    it(`events -> ${format} -> import gives the same events, ids included`, async () => {
      const source = await sourceStore();
      try {
        const original = await source.findEvents();
        const path = await exportTo(source, format);
        const report = await importFile(store, dataset, path);
        assert.deepEqual(report.problems, []);
        assert.equal(report.added, EVENTS.length);
        const imported = await store.findEvents();
        assert.deepEqual(imported.map(content), original.map(content));
        // Re-importing one's own export into the source store adds nothing and changes nothing:
        // the events keep their fields, no origin, and their one report as the only source.
        const before = await source.findEvents();
        const again = await importFile(source, dataset, path);
        assert.equal(again.added, 0);
        assert.equal(again.own, EVENTS.length);
        assert.equal((await source.summary()).events, EVENTS.length);
        assert.deepEqual(await source.findEvents(), before);
        const ids = before.map((event) => event.id);
        assert.equal((await source.eventOrigins(ids)).size, 0, "no dataset origin");
        for (const id of ids) assert.equal((await source.getEvent(id))?.documents.length, 1, `${id}: still one source document`);
      } finally {
        await source.close();
      }
    });
  }

  it("an imported ACLED event goes back out under its ACLED id", async () => {
    await importFile(store, "acled", fixture("acled.csv"));
    const path = await exportTo(store, "acled-csv");
    const other = await openStore({ path: join(directory, "other.db"), now: () => NOW });
    try {
      await importFile(other, "acled", path);
      assert.deepEqual((await other.findEvents()).map(content), (await store.findEvents()).map(content));
      const [first] = await other.findEvents();
      assert.ok(first);
      assert.match((await other.eventOrigins([first.id])).get(first.id)?.[0]?.externalId ?? "", /^(IRQ|SYR)\d+$/);
    } finally {
      await other.close();
    }
  });
});

describe("large imports: indexes set aside and built once at the end", () => {
  const PLACES = [
    ["368", "Iraq", "Ninewa", "Mosul", "36.335", "43.1189"],
    ["760", "Syria", "Deir ez-Zor", "Al Mayadin", "35.0196", "40.4532"],
  ] as const;

  /** `count` ACLED rows; every `badEvery`-th row has an impossible date. */
  function acledFile(name: string, count: number, badEvery = 0): string {
    const lines = [acledHeader()];
    for (let index = 0; index < count; index += 1) {
      const [iso, country, admin1, location, latitude, longitude] = PLACES[index % PLACES.length] ?? PLACES[0];
      const bad = badEvery > 0 && index % badEvery === badEvery - 1;
      const cells = new Array<string | number | null>(31).fill(null);
      Object.assign(cells, {
        0: `GEN${index}`,
        1: bad ? "2024-02-30" : `2024-0${1 + (index % 9)}-1${index % 10}`,
        2: 2024,
        3: 1,
        5: index % 2 === 0 ? "Battles" : "Riots",
        7: `Group ${index % 3}`,
        15: iso,
        17: country,
        18: admin1,
        21: location,
        22: latitude,
        23: longitude,
        24: 1,
        25: "Local media; Wire",
        28: index % 5,
      });
      lines.push(csvRecord(cells));
    }
    const path = join(directory, name);
    writeFileSync(path, lines.join(""));
    return path;
  }

  /** Every index of the database file with its definition, and the definitions still set aside. */
  function indexes(file = join(directory, "sitrep.db")): { indexes: unknown[]; deferred: number } {
    const raw = new BetterSqlite3(file, { readonly: true });
    try {
      return {
        indexes: raw.prepare("select name, tbl_name, sql from sqlite_master where type = 'index' order by name").all(),
        deferred: (raw.prepare("select count(*) as count from deferred_indexes").get() as { count: number }).count,
      };
    } finally {
      raw.close();
    }
  }

  it("builds every index again, stores what the row-by-row path stores, and a re-import changes nothing", async () => {
    const path = acledFile("large.csv", 120, 25);
    const before = indexes();
    const other = await openStore({ path: join(directory, "other.db"), now: () => NOW });
    try {
      const plain = await importFile(other, "acled", path, { batchSize: 50, deferIndexesFrom: Number.MAX_SAFE_INTEGER });
      const events: string[] = [];
      const deferred = await importFile(instrumented(store, events), "acled", path, { batchSize: 50, deferIndexesFrom: 100 });
      // The indexes were really set aside: the store was asked, with about the file's 120 rows
      // (estimated from the size of the first batch's rows), and said yes.
      assert.deepEqual(events.map(estimateRounded), ["prepare ~120 -> true", "finish"]);
      assert.deepEqual(
        deferred.problems.map((problem) => problem.line),
        [26, 51, 76, 101],
      );
      assert.deepEqual({ ...deferred, document: null }, { ...plain, document: null });
      assert.deepEqual(await store.findEvents(), await other.findEvents());
      assert.deepEqual(await store.summary(), await other.summary());
      assert.deepEqual(indexes(), before);
      assert.deepEqual(indexes(join(directory, "other.db")).indexes, before.indexes);

      const summary = await store.summary();
      const again = await importFile(store, "acled", path, { batchSize: 50, deferIndexesFrom: 100 });
      assert.equal(again.added, 0);
      assert.equal(again.imported, 116);
      assert.deepEqual(await store.summary(), summary);
      assert.deepEqual(indexes(), before);
    } finally {
      await other.close();
    }
  });

  it("keeps the indexes up row by row when the store already holds more events than the file brings", async () => {
    await importFile(store, "acled", acledFile("first.csv", 80), { batchSize: 50 });
    const events: string[] = [];
    await importFile(instrumented(store, events), "acled", acledFile("second.csv", 60), { batchSize: 20, deferIndexesFrom: 10 });
    assert.deepEqual(events.map(estimateRounded), ["prepare ~60 -> false"]);
    assert.equal((await store.summary()).events, 80);
  });

  it("builds the indexes again when a batch fails, keeping the batches before it and nothing of the failed one", async () => {
    const before = indexes();
    const path = acledFile("failing.csv", 150);
    let batches = 0;
    const failing = withMethods(store, {
      saveImportedEvents: async (...args: Parameters<Store["saveImportedEvents"]>) => {
        batches += 1;
        if (batches === 2) {
          // The second batch breaks a CHECK constraint half-way through its rows.
          const [dataset, document, events, externalIds] = args;
          const broken = events.map((event, index) => (index === 30 ? { ...event, latitude: 200 } : event));
          return store.saveImportedEvents(dataset, document, broken, externalIds);
        }
        return store.saveImportedEvents(...args);
      },
    });
    await assert.rejects(importFile(failing, "acled", path, { batchSize: 50, deferIndexesFrom: 100 }), { code: "STORE_WRITE_FAILED" });
    assert.equal((await store.summary()).events, 50);
    assert.deepEqual(indexes(), before);
  });

  it("lets another open build the indexes in the middle of an import, which then ends with them", async () => {
    const before = indexes();
    assert.equal(await store.prepareBulkImport(1000), true);
    await importFile(store, "acled", acledFile("half.csv", 20), { batchSize: 10 });
    // Another command opens the same file meanwhile: it builds what was set aside.
    const other = await openStore({ path: join(directory, "sitrep.db"), now: () => NOW });
    await other.close();
    assert.deepEqual(indexes(), before);
    await importFile(store, "acled", acledFile("rest.csv", 40), { batchSize: 10 });
    await store.finishBulkImport();
    assert.deepEqual(indexes(), before);
    assert.equal((await store.summary()).events, 40);
  });

  it("leaves the definitions behind when the process dies, and the next open builds the indexes", async () => {
    const before = indexes();
    assert.equal(await store.prepareBulkImport(1000), true);
    await importFile(store, "acled", acledFile("crash.csv", 30), { batchSize: 10 });
    // A process that dies here never calls finishBulkImport.
    await store.close();
    const during = indexes();
    assert.ok(during.deferred >= 8);
    assert.equal(
      (during.indexes as { name: string }[]).some((index) => index.name === "events_event_date_id_index"),
      false,
    );
    // Automatic (primary key) indexes are never set aside: the upserts and foreign keys need them.
    for (const table of ["events", "event_documents", "event_sources", "event_origins"]) {
      assert.ok(
        (during.indexes as { name: string }[]).some((index) => index.name === `sqlite_autoindex_${table}_1`),
        table,
      );
    }
    store = await openStore({ path: join(directory, "sitrep.db"), now: () => NOW });
    assert.deepEqual(indexes(), before);
    assert.equal((await store.summary()).events, 30);
    assert.equal((await store.findEvents({ country: "SY" })).length, 15);
  });
});

/** "prepare 64 -> true" as "prepare ~60 -> true": the expected rows are an estimate, within 10% here. */
function estimateRounded(entry: string): string {
  return entry.replace(/^prepare (\d+)/, (_, rows: string) => {
    const value = Number(rows);
    const round = Math.round(value / 20) * 20;
    return Math.abs(value - round) <= round * 0.1 ? `prepare ~${round}` : `prepare ${value}`;
  });
}

/** The store with some methods replaced (the others still run on the store itself). */
function withMethods(store: Store, methods: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, property, receiver) {
      if (Object.hasOwn(methods, property)) return Reflect.get(methods, property, receiver);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The store, with prepareBulkImport and finishBulkImport logged to `log`. */
function instrumented(store: Store, log: string[]): Store {
  return withMethods(store, {
    prepareBulkImport: async (expectedRows: number) => {
      const deferred = await store.prepareBulkImport(expectedRows);
      log.push(`prepare ${expectedRows} -> ${deferred}`);
      return deferred;
    },
    finishBulkImport: async () => {
      log.push("finish");
      await store.finishBulkImport();
    },
  });
}
