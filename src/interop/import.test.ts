// Imports against a real SQLite store: the team's fixture files in each dataset's column layout
// (test/fixtures/interop/), bad rows reported by line, re-imports that change nothing, a
// windows-1252 file, and round trips of sitrep's own events through ACLED CSV and STIX.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { Event } from "../domain/records.ts";
import { openStore, type Store } from "../store/store.ts";
import { makeExtraction } from "../store/test-fixtures.ts";
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
    assert.deepEqual(origins.get(badush.id), [{ dataset: "acled", externalId: "IRQ90001", originalType: null }]);
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

  it("refuses a file whose header is not ACLED's", async () => {
    await assert.rejects(
      importFile(store, "acled", fixture("gtd.csv")),
      /IMPORT_FORMAT_INVALID|not a ACLED CSV file: the header lacks event_id_cnty, event_type/,
    );
  });
});

describe("UCDP GED, GTD and GDELT imports", () => {
  it("UCDP: type of violence, date and place precision, best deaths; disordered estimates reported", async () => {
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
    assert.deepEqual([kidnapping?.perpetratorGroup, kidnapping?.location, kidnapping?.geoPrecision], [null, null, "region"]);
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
      new Map([[other.id, [{ dataset: "gdelt", externalId: "1100000002", originalType: "CAMEO 0841" }]]]),
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
        // Re-importing one's own export into the source store adds nothing.
        const again = await importFile(source, dataset, path);
        assert.equal(again.added, 0);
        assert.equal((await source.summary()).events, EVENTS.length);
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
