// The store's contract, run against every dialect (Kysely's `for (const dialect of DIALECTS)`,
// test/node/src/where.test.ts). Only SQLite for now; a PostgreSQL entry will open a fresh
// database per test directory and run the same cases.
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { isSitrepError } from "../domain/errors.ts";
import type { Event, Extraction } from "../domain/records.ts";
import { openStore, type Store } from "./store.ts";
import {
  IRAQI_ARMY,
  ISLAMIC_STATE,
  makeDocument,
  makeEvent,
  makeExtraction,
  makeFigure,
  makeMention,
  makeStatement,
  span,
} from "./test-fixtures.ts";

interface DialectUnderTest {
  readonly name: string;
  /** Opens the store for `directory`; the same directory reopens the same database. */
  open(directory: string, now?: () => Date): Promise<Store>;
}

const DIALECTS: readonly DialectUnderTest[] = [
  {
    name: "sqlite",
    open: (directory, now) => openStore({ path: join(directory, "sitrep.db"), ...(now ? { now } : {}) }),
  },
];

function clock(...instants: string[]): () => Date {
  let index = 0;
  return () => new Date(instants[Math.min(index++, instants.length - 1)] ?? "2025-01-01T00:00:00.000Z");
}

async function rejectsWithCode(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isSitrepError(error), `expected a SitrepError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

// Report A: a battle and a bombing, a figure, a statement.
const REPORT_A = makeDocument(
  "Islamic State fighters attacked an army checkpoint near Tall Afar on 2 December 2024, killing three soldiers, " +
    "a provincial official said. The Iraqi Army said it repelled the attack. Separately, a roadside bomb struck a " +
    "convoy in Diyala in December. The group carried out at least 40 attacks in Iraq in 2024, the ministry said.",
  {
    title: "Checkpoint attack near Tall Afar",
    publisher: "Synthetic Wire",
    url: "https://example.test/a",
    publishedDate: "2024-12-03",
    format: "html",
    origin: "https://example.test/a",
  },
);

const BATTLE_A = makeEvent(REPORT_A, "Islamic State fighters attacked an army checkpoint near Tall Afar", {
  subEventType: "Armed clash",
  eventDate: "2024-12-02",
  datePrecision: "day",
  country: "IQ",
  admin1: "Nineveh",
  location: "Tall Afar",
  latitude: 36.3767,
  longitude: 42.4497,
  geoPrecision: "town",
  actor1: "Islamic State",
  actor2: "Iraqi Army",
  perpetratorGroup: "Islamic State",
  fatalities: 3,
  status: "occurred",
  sources: ["a provincial official", "The Iraqi Army"],
  evidence: [span(REPORT_A, "Islamic State fighters attacked an army checkpoint near Tall Afar"), span(REPORT_A, "killing three soldiers")],
});

const BOMBING_A = makeEvent(REPORT_A, "a roadside bomb struck a convoy in Diyala", {
  eventType: "Explosions/Remote violence",
  subEventType: "Remote explosive/landmine/IED",
  eventDate: "2024-12",
  datePrecision: "month",
  country: "IQ",
  admin1: "Diyala",
  geoPrecision: "region",
});

const ATTACKS_2024 = makeFigure(REPORT_A, "at least 40 attacks in Iraq in 2024", {
  measure: "attacks",
  group: "Islamic State",
  country: "IQ",
  periodStart: "2024",
  periodEnd: "2024",
  value: 40,
  qualifier: "at_least",
  source: "the ministry",
  derived: true,
  unit: "attacks",
});

const EXTRACTION_A: Extraction = makeExtraction({
  events: [BATTLE_A, BOMBING_A],
  figures: [ATTACKS_2024],
  statements: [
    makeStatement(REPORT_A, "a provincial official said", {
      speaker: "a provincial official",
      speakerRole: "official",
      statedOn: "2024-12-02",
    }),
  ],
  mentions: [
    makeMention(REPORT_A, "Islamic State", { mentionType: "armed_group", canonical: "Islamic State" }),
    makeMention(REPORT_A, "Tall Afar", { canonical: "Tall Afar" }),
    makeMention(REPORT_A, "2 December 2024", { mentionType: "date", canonical: "2024-12-02" }),
  ],
  actors: [ISLAMIC_STATE, IRAQI_ARMY],
  referenceDate: "2024-12-03",
  referenceDateSource: "published",
});

// Report B: al-Shabaab in Somalia, with a diacritic in the text and dates of every precision.
const REPORT_B = makeDocument(
  "Al-Shabaab militants overran a base in Lower Shabelle in 2023. Residents blamed the Qāida-linked group " +
    "for a raid in January 2025 and for an abduction on 15 November 2024.",
  { title: "Base overrun", publishedDate: "2025-02", origin: "reports/b.md", format: "markdown" },
);
const OVERRUN_B = makeEvent(REPORT_B, "Al-Shabaab militants overran a base in Lower Shabelle in 2023", {
  subEventType: "Non-state actor overtakes territory",
  eventDate: "2023",
  datePrecision: "year",
  country: "SO",
  perpetratorGroup: "al-Shabaab",
  actor1: "al-Shabaab",
  status: "claimed",
});
const RAID_B = makeEvent(REPORT_B, "a raid in January 2025", {
  eventDate: "2025-01",
  datePrecision: "month",
  country: "SO",
  perpetratorGroup: "al-Shabaab",
});
const ABDUCTION_B = makeEvent(REPORT_B, "an abduction on 15 November 2024", {
  eventType: "Violence against civilians",
  subEventType: "Abduction/forced disappearance",
  eventDate: "2024-11-15",
  datePrecision: "day",
  country: "SO",
  perpetratorGroup: "al-Shabaab",
  status: "alleged",
});
const UNDATED_B = makeEvent(REPORT_B, "Residents blamed", { country: "SO", perpetratorGroup: "al-Shabaab" });
const EXTRACTION_B = makeExtraction({
  events: [OVERRUN_B, RAID_B, ABDUCTION_B, UNDATED_B],
  actors: [{ ...ISLAMIC_STATE, canonicalName: "al-Shabaab", aliases: ["Harakat al-Shabaab al-Mujahideen"], country: "SO" }],
});

function ids(events: readonly Event[]): string[] {
  return events.map((event) => event.id);
}

for (const dialect of DIALECTS) {
  describe(`store (${dialect.name})`, () => {
    let directory: string;
    let store: Store | undefined;

    beforeEach(() => {
      directory = mkdtempSync(join(tmpdir(), "sitrep-store-"));
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
      rmSync(directory, { recursive: true, force: true });
    });

    async function open(now?: () => Date): Promise<Store> {
      await store?.close();
      store = await dialect.open(directory, now);
      return store;
    }

    async function seeded(): Promise<Store> {
      const opened = await open(clock("2025-03-01T10:00:00.000Z", "2025-03-01T11:00:00.000Z"));
      await opened.saveDocument(REPORT_A, EXTRACTION_A);
      await opened.saveDocument(REPORT_B, EXTRACTION_B);
      return opened;
    }

    it("applies its migrations to a fresh database and none again on reopen", async () => {
      const first = await (await open()).migrations();
      assert.deepEqual(
        first.map((migration) => migration.name),
        [
          "0001_core_tables",
          "0002_document_search",
          "0003_event_origins",
          "0004_event_rollup",
          "0005_event_actor_indexes",
          "0005_event_rollup_bulk",
          "0005_feeds",
          "0006_incidents",
          "0007_event_review",
          "0007_map_cells",
          "0008_event_status_index",
          "0009_map_indexes",
          "0010_bulk_import",
          "0010_redundant_event_indexes",
          "0011_rollup_subtypes",
          "0012_origin_death_estimates",
        ],
      );
      const again = await (await open()).migrations();
      assert.deepEqual(again, first);
      assert.deepEqual(await store?.summary(), {
        documents: 0,
        events: 0,
        figures: 0,
        statements: 0,
        eventsByType: [],
        eventsByCountry: [],
      });
    });

    it("reads back every field it saved", async () => {
      const opened = await open(clock("2025-03-01T10:00:00.000Z"));
      const result = await opened.saveDocument(REPORT_A, EXTRACTION_A);
      assert.deepEqual(result, { status: "ingested", documentId: REPORT_A.id, events: 2, figures: 1 });

      assert.equal(await opened.hasDocument(REPORT_A.contentHash), true);
      assert.deepEqual(await opened.getDocument(REPORT_A.id), {
        document: REPORT_A,
        ingestedAt: "2025-03-01T10:00:00.000Z",
        referenceDate: "2024-12-03",
        referenceDateSource: "published",
      });
      assert.deepEqual(await opened.findEvents(), [BOMBING_A, BATTLE_A]);
      assert.deepEqual(await opened.getEvent(BATTLE_A.id), {
        event: BATTLE_A,
        documents: [
          {
            id: REPORT_A.id,
            title: REPORT_A.title,
            publisher: REPORT_A.publisher,
            url: REPORT_A.url,
            publishedDate: REPORT_A.publishedDate,
            origin: REPORT_A.origin,
          },
        ],
      });
      assert.deepEqual(await opened.findFigures(), [ATTACKS_2024]);
      assert.deepEqual(await opened.listStatements(REPORT_A.id), EXTRACTION_A.statements);
      assert.deepEqual(
        await opened.listMentions(REPORT_A.id),
        [...EXTRACTION_A.mentions].sort((left, right) => left.start - right.start),
      );
      assert.deepEqual(await opened.findActor("Islamic State"), { ...ISLAMIC_STATE, aliases: ["Daesh", "ISIL", "ISIS"] });
      assert.deepEqual(await opened.findActor("iraqi military"), IRAQI_ARMY);
      assert.equal(await opened.findActor("Hamas"), null);
      assert.equal(await opened.getEvent("ev_unknown"), null);
      assert.equal(await opened.getDocument("doc_unknown"), null);
    });

    it("leaves a document saved twice unchanged", async () => {
      const opened = await seeded();
      const before = await opened.summary();
      const again = await opened.saveDocument(REPORT_A, EXTRACTION_A);
      assert.deepEqual(again, { status: "unchanged", documentId: REPORT_A.id, events: 0, figures: 0 });
      // The same text under another origin is the same document.
      const elsewhere = await opened.saveDocument({ ...REPORT_A, origin: "copy.html" }, makeExtraction());
      assert.equal(elsewhere.status, "unchanged");
      assert.deepEqual(await opened.summary(), before);
      assert.equal((await opened.getDocument(REPORT_A.id))?.document.origin, REPORT_A.origin);
    });

    it("writes nothing for a document whose save fails part-way", async () => {
      const opened = await open();
      // The document, its search entry and the actors are written before the events' INSERT
      // breaks a CHECK constraint (latitude out of range).
      const badEvent = makeExtraction({
        ...EXTRACTION_A,
        events: [BATTLE_A, { ...BOMBING_A, latitude: 200 }],
      });
      await rejectsWithCode(opened.saveDocument(REPORT_A, badEvent), "STORE_WRITE_FAILED");
      // Here events, sources and evidence are written too before the figure's evidence breaks a
      // foreign key (an unknown document), which also shows foreign_keys is on.
      const badFigure = makeExtraction({
        ...EXTRACTION_A,
        figures: [{ ...ATTACKS_2024, evidence: [{ ...span(REPORT_A, "40 attacks"), documentId: "doc_missing" }] }],
      });
      await assert.rejects(opened.saveDocument(REPORT_A, badFigure), (error: unknown) => {
        assert.ok(isSitrepError(error));
        assert.equal(error.code, "STORE_WRITE_FAILED");
        assert.equal(error.input, REPORT_A.origin);
        assert.match(error.message, new RegExp(REPORT_A.id));
        return true;
      });

      assert.equal(await opened.hasDocument(REPORT_A.contentHash), false);
      assert.equal(await opened.getDocument(REPORT_A.id), null);
      assert.deepEqual(await opened.summary(), {
        documents: 0,
        events: 0,
        figures: 0,
        statements: 0,
        eventsByType: [],
        eventsByCountry: [],
      });
      assert.deepEqual(await opened.listMentions(REPORT_A.id), []);
      assert.equal(await opened.findActor("ISIS"), null);
      assert.deepEqual(await opened.searchDocuments("checkpoint"), []);

      // Nothing left behind blocks the corrected save.
      const result = await opened.saveDocument(REPORT_A, EXTRACTION_A);
      assert.equal(result.status, "ingested");
      assert.equal((await opened.summary()).events, 2);
    });

    it("finds events by group through aliases, case and diacritics ignored", async () => {
      const opened = await seeded();
      assert.deepEqual(ids(await opened.findEvents({ group: "ISIS" })), [BATTLE_A.id]);
      assert.deepEqual(ids(await opened.findEvents({ group: "islamic state" })), [BATTLE_A.id]);
      // actor2 counts too.
      assert.deepEqual(ids(await opened.findEvents({ group: "Iraqi military" })), [BATTLE_A.id]);
      assert.deepEqual(ids(await opened.findEvents({ group: "AL SHABAAB" })), [OVERRUN_B.id, ABDUCTION_B.id, RAID_B.id, UNDATED_B.id]);
      assert.deepEqual(ids(await opened.findEvents({ group: "Harakat al-Shabaab al-Mujahideen", status: "claimed" })), [OVERRUN_B.id]);
      assert.deepEqual(await opened.findEvents({ group: "Boko Haram" }), []);
    });

    it("filters events by country, type, status and partial-date intervals", async () => {
      const opened = await seeded();
      assert.deepEqual(ids(await opened.findEvents({ country: "iq" })), [BOMBING_A.id, BATTLE_A.id]);
      assert.deepEqual(ids(await opened.findEvents({ eventType: "Violence against civilians" })), [ABDUCTION_B.id]);
      assert.deepEqual(ids(await opened.findEvents({ status: "alleged" })), [ABDUCTION_B.id]);
      // Every event overlapping December 2024: the month-dated bombing and the day-dated battle.
      assert.deepEqual(ids(await opened.findEvents({ since: "2024-12", until: "2024-12" })), [BOMBING_A.id, BATTLE_A.id]);
      // "since 2024-12-02" keeps the bombing dated only to its month, which contains the day.
      assert.deepEqual(ids(await opened.findEvents({ since: "2024-12-02" })), [BOMBING_A.id, BATTLE_A.id, RAID_B.id]);
      assert.deepEqual(ids(await opened.findEvents({ since: "2024-12-03", until: "2024-12-31" })), [BOMBING_A.id]);
      assert.deepEqual(ids(await opened.findEvents({ until: "2024-11" })), [OVERRUN_B.id, ABDUCTION_B.id]);
      assert.deepEqual(ids(await opened.findEvents({ since: "2023-06", until: "2023-06" })), [OVERRUN_B.id]);
      await assert.rejects(opened.findEvents({ since: "December 2024" }), RangeError);
    });

    it("orders events by date, undated last, and pages through them", async () => {
      const opened = await seeded();
      const all = ids(await opened.findEvents());
      assert.deepEqual(all, [OVERRUN_B.id, ABDUCTION_B.id, BOMBING_A.id, BATTLE_A.id, RAID_B.id, UNDATED_B.id]);
      assert.deepEqual(ids(await opened.findEvents({ limit: 2, offset: 1 })), all.slice(1, 3));
      assert.deepEqual(ids(await opened.findEvents({ offset: 4 })), all.slice(4));
      await assert.rejects(opened.findEvents({ limit: -1 }), RangeError);
    });

    it("filters events and searches documents by text, diacritics folded", async () => {
      const opened = await seeded();
      assert.deepEqual(ids(await opened.findEvents({ text: "checkpoint" })), [BOMBING_A.id, BATTLE_A.id]);
      assert.deepEqual(ids(await opened.findEvents({ text: "qaida", country: "SO", eventType: "Battles", since: "2025" })), [RAID_B.id]);
      assert.deepEqual(await opened.findEvents({ text: "--" }), []);

      const hits = await opened.searchDocuments("Qaida");
      assert.deepEqual(
        hits.map((hit) => hit.documentId),
        [REPORT_B.id],
      );
      assert.match(hits[0]?.snippet ?? "", /«Qāida»/);
      assert.equal(hits[0]?.title, "Base overrun");
      // A title match outranks a body-only one.
      const bodyOnly = makeDocument(
        "Engineers repaired the runway near the old base after weeks of heavy rain, and flights resumed on Monday.",
      );
      await opened.saveDocument(bodyOnly, makeExtraction());
      const ranked = await opened.searchDocuments("base");
      assert.deepEqual(
        ranked.map((hit) => hit.documentId),
        [REPORT_B.id, bodyOnly.id],
      );
      assert.ok((ranked[0]?.score ?? 0) > (ranked[1]?.score ?? 0));
      assert.deepEqual(
        (await opened.searchDocuments("overr*")).map((hit) => hit.documentId),
        [REPORT_B.id],
      );
      assert.equal((await opened.searchDocuments("base", 1)).length, 1);
      const tall = await opened.searchDocuments("Tall Afar");
      assert.deepEqual(
        tall.map((hit) => hit.documentId),
        [REPORT_A.id],
      );
      // FTS5 syntax in the user's text is read as words, not operators.
      for (const query of ['al-Shabaab"', "NEAR(base", "title:Base", "' OR 1=1--", "*"]) {
        await opened.searchDocuments(query);
        await opened.findEvents({ text: query });
      }
      assert.deepEqual(
        (await opened.searchDocuments("al-Shabaab")).map((hit) => hit.documentId),
        [REPORT_B.id],
      );
    });

    it("filters figures by group, country, measure and period", async () => {
      const opened = await seeded();
      const older = makeFigure(REPORT_B, "Lower Shabelle", {
        measure: "fighters",
        group: "al-Shabaab",
        country: "SO",
        periodStart: "2023-01",
        periodEnd: "2023-06",
        value: 300,
        qualifier: "about",
      });
      const report = makeDocument("A later report on Lower Shabelle fighters.");
      await opened.saveDocument(
        report,
        makeExtraction({ figures: [{ ...older, documentId: report.id, evidence: [span(report, "Lower Shabelle")] }] }),
      );
      assert.deepEqual(
        (await opened.findFigures({ group: "daesh" })).map((figure) => figure.id),
        [ATTACKS_2024.id],
      );
      assert.deepEqual(
        (await opened.findFigures({ country: "so" })).map((figure) => figure.id),
        [older.id],
      );
      assert.deepEqual(
        (await opened.findFigures({ measure: "attacks" })).map((figure) => figure.id),
        [ATTACKS_2024.id],
      );
      assert.deepEqual(
        (await opened.findFigures({ since: "2024-06" })).map((figure) => figure.id),
        [ATTACKS_2024.id],
      );
      assert.deepEqual(
        (await opened.findFigures({ since: "2023-03", until: "2023-03" })).map((figure) => figure.id),
        [older.id],
      );
      assert.deepEqual(
        (await opened.findFigures()).map((figure) => figure.id),
        [older.id, ATTACKS_2024.id],
      );
    });

    it("adds a second report of an event to the stored one", async () => {
      const opened = await seeded();
      const report = makeDocument("Officials said the checkpoint raid near Tall Afar was repelled after an hour.", {
        title: "Follow-up",
        origin: "follow-up.txt",
      });
      const sameBattle: Event = {
        ...BATTLE_A,
        documentId: report.id,
        fatalities: 5,
        sources: ["Officials"],
        evidence: [span(report, "the checkpoint raid near Tall Afar was repelled")],
      };
      const result = await opened.saveDocument(report, makeExtraction({ events: [sameBattle, sameBattle] }));
      assert.deepEqual(result, { status: "ingested", documentId: report.id, events: 1, figures: 0 });

      const stored = await opened.getEvent(BATTLE_A.id);
      assert.equal(stored?.event.fatalities, 3, "the first report's fields are kept");
      assert.equal(stored?.event.documentId, REPORT_A.id);
      assert.deepEqual(stored?.event.sources, [...BATTLE_A.sources, "Officials"]);
      assert.deepEqual(stored?.event.evidence, [...BATTLE_A.evidence, ...sameBattle.evidence]);
      assert.deepEqual(
        stored?.documents.map((document) => document.id),
        [REPORT_A.id, report.id],
      );
      assert.deepEqual(ids(await opened.findEvents({ text: "repelled hour" })), [BATTLE_A.id]);
      assert.equal((await opened.summary()).events, 6);
    });

    it("summarises documents, events by type and country, and figures", async () => {
      const opened = await seeded();
      assert.deepEqual(await opened.summary(), {
        documents: 2,
        events: 6,
        figures: 1,
        statements: 1,
        eventsByType: [
          { eventType: "Battles", count: 4 },
          { eventType: "Explosions/Remote violence", count: 1 },
          { eventType: "Violence against civilians", count: 1 },
        ],
        eventsByCountry: [
          { country: "SO", count: 4 },
          { country: "IQ", count: 2 },
        ],
      });
    });

    it("keeps its data across reopening", async () => {
      const opened = await seeded();
      const events = await opened.findEvents();
      const figures = await opened.findFigures();
      const reopened = await open();
      assert.deepEqual(await reopened.findEvents(), events);
      assert.deepEqual(await reopened.findFigures(), figures);
      assert.equal(await reopened.hasDocument(REPORT_B.contentHash), true);
      assert.equal((await reopened.searchDocuments("Shabelle")).length, 1);
    });

    it("stores actors and places from a registry", async () => {
      const opened = await open();
      await opened.saveActors([ISLAMIC_STATE]);
      // "Dāesh" folds like "Daesh": one alias, first spelling kept. "IS" is new.
      await opened.saveActors([{ ...ISLAMIC_STATE, country: "IQ", aliases: ["Dāesh", "IS"] }]);
      assert.deepEqual(await opened.findActor("DAESH"), {
        ...ISLAMIC_STATE,
        country: "IQ",
        aliases: ["Daesh", "IS", "ISIL", "ISIS"],
      });

      const mosul = {
        kind: "place",
        name: "Mosul",
        country: "IQ",
        admin1: "Nineveh",
        latitude: 36.34,
        longitude: 43.13,
        geoPrecision: "town",
        geonameId: 99072,
      } as const;
      const northernIraq = {
        ...mosul,
        name: "northern Iraq",
        admin1: null,
        latitude: null,
        longitude: null,
        geoPrecision: "region",
        geonameId: null,
      } as const;
      await opened.savePlaces([mosul, northernIraq]);
      await opened.savePlaces([{ ...mosul, latitude: 36.335 }, northernIraq]);
      assert.deepEqual(await opened.findPlaces("MOSUL"), [{ ...mosul, latitude: 36.335 }]);
      assert.deepEqual(await opened.findPlaces("Northern Iraq", "iq"), [northernIraq]);
      assert.deepEqual(await opened.findPlaces("Mosul", "SY"), []);
    });

    it("keeps the places a document's events happened at, once each", async () => {
      const opened = await open();
      const hawija = {
        kind: "place",
        name: "Hawija",
        country: "IQ",
        admin1: "Kirkuk",
        latitude: 35.33,
        longitude: 43.77,
        geoPrecision: "town",
        geonameId: 97783,
      } as const;
      await opened.saveDocument(REPORT_A, { ...EXTRACTION_A, places: [hawija] });
      await opened.saveDocument(REPORT_B, { ...EXTRACTION_B, places: [{ ...hawija, latitude: 35.4 }] });
      assert.deepEqual(await opened.findPlaces("Hawija", "IQ"), [hawija]);
    });

    describe("imported events", () => {
      const FILE = makeDocument("Events imported from a dataset: a file of 100 bytes with SHA-256 0000.", { origin: "export.csv" });
      const imported = (fields: Partial<Omit<Event, "kind">>): Event => ({
        ...makeEvent(FILE, "Events imported", { id: "ev_00000000000000a1", country: "IQ", fatalities: 2, sources: ["Rudaw"], ...fields }),
        evidence: [],
      });

      it("stores a batch with the file as its document and the dataset's ids as origins", async () => {
        const opened = await open();
        const result = await opened.saveImportedEvents("acled", FILE, [imported({})], ["IRQ1"], [{ originalType: "Battles" }]);
        assert.deepEqual(result, { events: 1, added: 1, own: 0 });
        const found = await opened.getEvent("ev_00000000000000a1");
        assert.deepEqual(found?.event.sources, ["Rudaw"]);
        assert.deepEqual(
          found?.documents.map((document) => document.id),
          [FILE.id],
        );
        assert.deepEqual(
          await opened.eventOrigins(["ev_00000000000000a1", "ev_unknown"]),
          new Map([
            [
              "ev_00000000000000a1",
              [{ dataset: "acled", externalId: "IRQ1", originalType: "Battles", fatalitiesLow: null, fatalitiesHigh: null }],
            ],
          ]),
        );
      });

      it("changes nothing on the same batch again, and takes a revised row's fields", async () => {
        const opened = await open();
        await opened.saveImportedEvents("acled", FILE, [imported({})], ["IRQ1"]);
        const before = await opened.summary();
        assert.deepEqual(await opened.saveImportedEvents("acled", FILE, [imported({})], ["IRQ1"]), { events: 1, added: 0, own: 0 });
        assert.deepEqual(await opened.summary(), before);
        await opened.saveImportedEvents("acled", FILE, [imported({ fatalities: 5 })], ["IRQ1"]);
        assert.equal((await opened.getEvent("ev_00000000000000a1"))?.event.fatalities, 5);
      });

      it("refuses an event that names another document, writing nothing", async () => {
        const opened = await open();
        await assert.rejects(
          opened.saveImportedEvents("acled", FILE, [{ ...imported({}), documentId: "doc_other" }], ["IRQ1"]),
          RangeError,
        );
        assert.equal((await opened.summary()).documents, 0);
      });
    });
  });
}

describe("openStore (sqlite file)", () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sitrep-open-"));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  async function rejectsOpening(path: string): Promise<void> {
    await assert.rejects(openStore({ path }), (error: unknown) => {
      assert.ok(isSitrepError(error), `expected a SitrepError, got ${String(error)}`);
      assert.equal(error.code, "STORE_OPEN_FAILED");
      assert.equal(error.input, path);
      assert.ok(error.message.includes(path), error.message);
      return true;
    });
  }

  it("refuses a file that is not a database, naming it", async () => {
    const path = join(directory, "notes.db");
    writeFileSync(path, "These are meeting notes, not an SQLite database.\n".repeat(100));
    await rejectsOpening(path);
  });

  it("refuses a folder", async () => {
    const path = join(directory, "folder.db");
    mkdirSync(path);
    await rejectsOpening(path);
  });

  it("brings a database from before 0009 forward: the map's indexes change, the map reads the same", async () => {
    const path = join(directory, "sitrep.db");
    const opened = await openStore({ path });
    const event = (id: string, latitude: number | null): Event => ({
      kind: "event",
      id,
      documentId: REPORT_A.id,
      eventType: "Battles",
      subEventType: null,
      eventDate: "2024-05-01",
      datePrecision: "day",
      country: "IQ",
      admin1: "Nineveh",
      location: latitude === null ? null : "Mosul",
      latitude,
      longitude: latitude === null ? null : 43.1,
      geoPrecision: latitude === null ? "region" : "town",
      actor1: null,
      actor2: null,
      perpetratorGroup: null,
      fatalities: 2,
      status: "occurred",
      sources: [],
      evidence: [],
    });
    await opened.saveDocument(REPORT_A, { ...EXTRACTION_A, events: [event("ev_placed", 36.3), event("ev_region", null)] });
    const before = await opened.mapEvents({}, 1.40625);
    await opened.close();
    const raw = new BetterSqlite3(path);
    // As 0008 left it: no cell index, the events' two-column coordinates index.
    raw.exec("drop index event_cells_cell_index; drop index events_longitude_latitude_index");
    raw.exec("create index events_longitude_latitude_index on events (longitude, latitude)");
    raw.prepare("delete from kysely_migration where name = ?").run("0009_map_indexes");
    raw.close();
    const reopened = await openStore({ path });
    try {
      assert.ok((await reopened.migrations()).some((migration) => migration.name === "0009_map_indexes"));
      const check = new BetterSqlite3(path, { readonly: true });
      const indexes = check.prepare("select name from sqlite_master where type = 'index' and tbl_name = 'event_cells'").pluck().all();
      const covered = check.prepare("select name from pragma_index_info('events_longitude_latitude_index')").pluck().all();
      check.close();
      assert.ok(indexes.includes("event_cells_cell_index"));
      assert.deepEqual(covered, ["longitude", "latitude", "event_type", "fatalities", "geo_precision", "id"]);
      const after = await reopened.mapEvents({}, 1.40625);
      assert.deepEqual(after, before);
      assert.equal(after.cells.length, 1);
      assert.equal(after.regions.length, 1);
    } finally {
      await reopened.close();
    }
  });

  it("refuses a database written by a newer sitrep", async () => {
    const path = join(directory, "sitrep.db");
    await (await openStore({ path })).close();
    const raw = new BetterSqlite3(path);
    raw.prepare("insert into kysely_migration (name, timestamp) values (?, ?)").run("9999_from_the_future", new Date().toISOString());
    raw.close();
    await rejectsOpening(path);
  });
});
