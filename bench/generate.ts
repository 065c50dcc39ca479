// A large synthetic event database for the benchmarks, with the real schema, indexes, triggers and
// derived tables: `total` events, 1,000 per generated document, over six years, three countries,
// seventeen provinces and 211 towns. With `coordinates`, each town has a fixed point inside Iraq
// and Syria and lies in one country and province (without, the three are drawn independently, as
// the analysis bench always had them), and every tenth event is known only to its province (no
// point, geo_precision "region"), as extraction leaves regions (ADR-6).
//
// Two ways to write it, giving the same database (test/bench/generate.test.ts compares every
// table): "store" saves each document through Store.saveDocument, as ingest does: 1,000,000
// events took 34 minutes that way, most of it re-clustering each report's incident blocks
// against a growing event_parts. "sql" (the default) writes the rows saveDocument writes
// (documents, events, event_documents, event_sources, evidence, event_parts, event_assertions),
// made by the store's own row functions, straight into the migrated file in event id order, with
// the schema's triggers live, so the monthly rollup, the map cells and the document search are
// kept by the same triggers as on any save. Then each incident block (same day, type and
// country: ADR-14) is clustered once by the store's own policy (clusterParts, combineParts) and
// the merged incidents are applied with the statements Store.incidents uses. Incidents are a
// function of the set of reports, not of their order (ADR-14), so one pass after all the parts
// gives what a save per report gives.
import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import { documentIdFromHash, recordId, sha256Hex } from "../src/domain/ids.ts";
import type { Document, Event, Extraction } from "../src/domain/records.ts";
import { clusterParts, combineParts } from "../src/resolve/incidents/incidents.ts";
import { isClaimantAccount } from "../src/resolve/incidents/sources.ts";
import { documentToRow, eventToRow, evidenceToRows, rowToEvent } from "../src/store/rows.ts";
import { EVENT_COLUMNS } from "../src/store/bulk.ts";
import { assertionRows, partRow } from "../src/store/incidents.ts";
import { openStore } from "../src/store/store.ts";

export const GROUP = "Bench Group";
const PER_DOCUMENT = 1000;
/** 2020-01-01 .. 2025-12-31. */
const SIX_YEARS = 2191;
const COUNTRIES = ["SY", "IQ", "TR"];
const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"] as const;

export interface GenerateOptions {
  readonly coordinates: boolean;
  /** Days from 2020-01-01 the events spread over (six years). A test takes a few, so that reports share incident blocks. */
  readonly days?: number;
  /** Events per generated document (1,000). */
  readonly perDocument?: number;
  /** "sql" (default): rows written directly, see the header; "store": a saveDocument per document. */
  readonly via?: "sql" | "store";
  /** The clock for documents' ingested_at (tests pin it). */
  readonly now?: () => Date;
}

function day(index: number, days: number): string {
  // Spread over `days` days from 2020-01-01, deterministically.
  return new Date(Date.UTC(2020, 0, 1) + ((index * 7919) % days) * 86_400_000).toISOString().slice(0, 10);
}

/** A fixed point per town in the box 32-37.5 N, 38-46 E. */
function townPoint(town: number): { latitude: number; longitude: number } {
  return { latitude: 32 + ((town * 37) % 550) / 100, longitude: 38 + ((town * 53) % 800) / 100 };
}

interface Generated {
  readonly document: Document;
  readonly extraction: Extraction;
}

/** The document whose events start at `first`, with its events. */
function generatedDocument(first: number, total: number, options: GenerateOptions): Generated {
  const text = `Generated report ${first}. ${GROUP} fighters attacked a checkpoint.`;
  const contentHash = sha256Hex(text);
  const document: Document = {
    kind: "document",
    id: documentIdFromHash(contentHash),
    contentHash,
    title: `generated ${first}`,
    publisher: "bench",
    url: null,
    publishedDate: "2026-01-01",
    language: "en",
    format: "text",
    origin: `bench-${first}`,
    text,
  };
  const evidence = [{ documentId: document.id, start: text.indexOf(GROUP), end: text.length, text: text.slice(text.indexOf(GROUP)) }];
  const days = options.days ?? SIX_YEARS;
  const events: Event[] = [];
  for (let index = first; index < Math.min(total, first + (options.perDocument ?? PER_DOCUMENT)); index++) {
    const eventType = TYPES[index % TYPES.length] ?? "Battles";
    const town = index % 211;
    const placed = options.coordinates && index % 10 !== 9;
    const point = placed ? townPoint(town) : null;
    events.push({
      kind: "event",
      id: recordId("ev", [document.id, String(index)]),
      documentId: document.id,
      eventType,
      subEventType: eventType === "Strategic developments" ? (index % 8 === 3 ? "Arrests" : "Disrupted weapons use") : null,
      eventDate: day(index, days),
      datePrecision: "day",
      // With coordinates a town lies in one country and one province, as real places do.
      country: COUNTRIES[(options.coordinates ? town : index) % COUNTRIES.length] ?? null,
      admin1: `Province ${(options.coordinates ? town : index) % 17}`,
      location: options.coordinates && !placed ? null : `Town ${town}`,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
      geoPrecision: options.coordinates ? (placed ? "town" : "region") : null,
      actor1: GROUP,
      actor2: null,
      perpetratorGroup: GROUP,
      fatalities: index % 5,
      status: eventType === "Strategic developments" ? "foiled" : "occurred",
      sources: ["bench"],
      evidence,
    });
  }
  const extraction: Extraction = {
    events,
    figures: [],
    mentions: [],
    statements: [],
    actors: [],
    places: [],
    referenceDate: "2026-01-01",
    referenceDateSource: "published",
  };
  return { document, extraction };
}

export async function generateEvents(path: string, total: number, options: GenerateOptions): Promise<void> {
  const started = performance.now();
  if (options.via === "store") await generateThroughStore(path, total, options);
  else await generateInSql(path, total, options);
  console.log(`generated ${total} events in ${((performance.now() - started) / 1000).toFixed(1)} s into ${path} (${options.via ?? "sql"})`);
}

async function generateThroughStore(path: string, total: number, options: GenerateOptions): Promise<void> {
  const store = await openStore(options.now === undefined ? { path } : { path, now: options.now });
  try {
    for (let first = 0; first < total; first += options.perDocument ?? PER_DOCUMENT) {
      const { document, extraction } = generatedDocument(first, total, options);
      await store.saveDocument(document, extraction);
    }
  } finally {
    await store.close();
  }
}

/** Rows per write transaction: a bounded WAL, few commits. */
const EVENTS_PER_TRANSACTION = 50_000;

function insertStatement(db: BetterSqlite3.Database, table: string, columns: readonly string[]): BetterSqlite3.Statement {
  return db.prepare(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`);
}

/** Runs `statement` with `row`'s cells in the order of `columns`. */
function insertRow(statement: BetterSqlite3.Statement, columns: readonly string[], row: object): void {
  const cells = row as Record<string, unknown>;
  statement.run(columns.map((column) => cells[column] ?? null));
}

async function generateInSql(path: string, total: number, options: GenerateOptions): Promise<void> {
  const now = options.now ?? (() => new Date());
  // The store creates the file and migrates it: the schema is the real one, triggers included.
  await (await openStore({ path, now })).close();

  const perDocument = options.perDocument ?? PER_DOCUMENT;
  const documents: Generated[] = [];
  for (let first = 0; first < total; first += perDocument) documents.push(generatedDocument(first, total, options));
  const events = documents.flatMap((generated) => generated.extraction.events);
  // Ids are hashes: written in id order, every table keyed by the event id (events,
  // event_documents, event_sources, evidence, event_parts) grows at its end instead of at random
  // pages, which past a few hundred thousand rows no longer fit the page cache.
  const order = events
    .map((_, index) => index)
    .sort((left, right) => {
      const [a, b] = [events[left]?.id ?? "", events[right]?.id ?? ""];
      return a < b ? -1 : a > b ? 1 : 0;
    });

  // Incident blocks (day, type, country: ADR-14), the only sets of parts a save compares; a
  // block holding parts of one report only keeps each part as its own event.
  const blocks = new Map<string, Event[]>();
  for (const event of events) {
    if (event.datePrecision !== "day" || event.eventDate === null || event.country === null) continue;
    const key = `${event.eventDate}\u001f${event.eventType}\u001f${event.country}`;
    const list = blocks.get(key);
    if (list === undefined) blocks.set(key, [event]);
    else list.push(event);
  }

  const db = new BetterSqlite3(path);
  try {
    // A file being built, not yet anyone's data: no sync per commit, the rollback journal in
    // memory and 1 GiB of page cache (in WAL mode, transactions of 50,000 events spilled pages
    // into the WAL again and again: 16 GB written for 1,000,000 events; this way 200,000 events
    // took 40 s of CPU instead of 60). The file goes back to WAL, as the store keeps it, at the
    // end. Foreign keys are checked once at the end instead of per row.
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = MEMORY");
    db.pragma("synchronous = OFF");
    db.pragma("cache_size = -1048576");
    db.pragma("foreign_keys = OFF");
    const ingestedAt = now().toISOString();
    const documentColumns = Object.keys(
      documentToRow(documents[0]?.document ?? ({} as Document), documents[0]?.extraction ?? ({} as Extraction), ""),
    );
    const eventColumns: readonly string[] = EVENT_COLUMNS;
    const partColumns = ["part_id", "incident_id", "document_id", "reported_on", "claimant_account", ...eventColumns.slice(2)];
    const evidenceColumns = ["owner_kind", "owner_id", "document_id", "start_offset", "end_offset", "position", "text"];
    const assertionColumns = [
      "part_id",
      "position",
      "assertion_kind",
      "asserted_by",
      "group_name",
      "channel",
      "asserted_on",
      "document_id",
      "evidence_start",
      "evidence_end",
      "evidence_text",
    ];
    const insert = {
      document: insertStatement(db, "documents", documentColumns),
      event: insertStatement(db, "events", eventColumns),
      eventDocument: insertStatement(db, "event_documents", ["event_id", "document_id"]),
      eventSource: insertStatement(db, "event_sources", ["event_id", "document_id", "position", "attribution"]),
      evidence: insertStatement(db, "evidence", evidenceColumns),
      part: insertStatement(db, "event_parts", partColumns),
      assertion: insertStatement(db, "event_assertions", assertionColumns),
    };
    const reportedOn = new Map<string, string | null>();

    db.transaction(() => {
      // Documents in report order, as the saves would number their search rows.
      for (const { document, extraction } of documents) {
        insertRow(insert.document, documentColumns, documentToRow(document, extraction, ingestedAt));
        reportedOn.set(document.id, document.publishedDate ?? extraction.referenceDate);
        // As Store.incidents.afterSave: each report's assertions about its events, "reported" aside.
        const reported = document.publishedDate ?? extraction.referenceDate;
        for (const row of assertionRows(document, reported, extraction.events)) insertRow(insert.assertion, assertionColumns, row);
      }
    })();

    const writeEvents = db.transaction((slice: readonly number[]) => {
      for (const index of slice) {
        const event = events[index] as Event;
        const row = eventToRow(event);
        insertRow(insert.event, eventColumns, row);
        insert.eventDocument.run(event.id, event.documentId);
        event.sources.forEach((attribution, position) => insert.eventSource.run(event.id, event.documentId, position, attribution));
        for (const evidence of evidenceToRows("event", event.id, event.evidence)) insertRow(insert.evidence, evidenceColumns, evidence);
        insertRow(insert.part, partColumns, partRow(event, reportedOn.get(event.documentId) ?? null));
      }
    });
    for (let start = 0; start < order.length; start += EVENTS_PER_TRANSACTION)
      writeEvents(order.slice(start, start + EVENTS_PER_TRANSACTION));

    // The incidents, as the saves would have left them: each block clustered by the store's own
    // policy, and each merged incident applied as Store.incidents applies one (#applyClusters):
    // the incident row takes the combined fields, every other part's links move to it, and the
    // rows left with no part are deleted (the triggers move the rollup and map counts).
    const statement = {
      upsert: db.prepare(
        `insert into events (${eventColumns.join(", ")}) values (${eventColumns.map(() => "?").join(", ")})
         on conflict (id) do update set ${eventColumns
           .slice(1)
           .map((column) => `${column} = excluded.${column}`)
           .join(", ")}`,
      ),
      linkDocument: db.prepare("insert into event_documents (event_id, document_id) values (?, ?) on conflict do nothing"),
      moveSources: db.prepare("update event_sources set event_id = ? where event_id = ? and document_id = ?"),
      unlinkDocument: db.prepare("delete from event_documents where event_id = ? and document_id = ?"),
      moveEvidence: db.prepare("update evidence set owner_id = ? where owner_kind = 'event' and owner_id = ? and document_id = ?"),
      joinIncident: db.prepare("update event_parts set incident_id = ? where part_id = ?"),
      deleteEvent: db.prepare("delete from events where id = ?"),
    };
    const applyClusters = db.transaction(() => {
      for (const key of [...blocks.keys()].sort()) {
        const parts = (blocks.get(key) ?? []).map((event) => {
          const { kind: _kind, id: _id, sources: _sources, evidence: _evidence, ...fields } = rowToEvent(eventToRow(event), [], []);
          return {
            ...fields,
            partId: event.id,
            reportedOn: reportedOn.get(event.documentId) ?? null,
            claimantAccount: isClaimantAccount(event.sources),
          };
        });
        for (const cluster of clusterParts(parts)) {
          if (cluster.parts.length < 2) continue;
          const target = cluster.incidentId;
          insertRow(
            statement.upsert,
            eventColumns,
            eventToRow({ kind: "event", ...combineParts(cluster.parts), sources: [], evidence: [] }),
          );
          for (const part of cluster.parts) {
            if (part.partId === target) continue;
            statement.linkDocument.run(target, part.documentId);
            statement.moveSources.run(target, part.partId, part.documentId);
            statement.unlinkDocument.run(part.partId, part.documentId);
            statement.moveEvidence.run(target, part.partId, part.documentId);
            statement.joinIncident.run(target, part.partId);
            statement.deleteEvent.run(part.partId);
          }
        }
      }
    });
    applyClusters();

    const broken = db.pragma("foreign_key_check") as unknown[];
    if (broken.length > 0) throw new Error(`generated rows break ${broken.length} foreign keys, e.g. ${JSON.stringify(broken[0])}`);
    // A store closing after its queries runs `pragma optimize`, which analyzes the tables it read:
    // a database written by saves has planner statistics, so this one gets them too.
    db.exec("analyze");
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
}
