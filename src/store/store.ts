// The repository: every read and write of sitrep's database, written once against Kysely and a
// StoreDialect (./dialect.ts). `openStore` opens the SQLite engine; a PostgreSQL one will be a
// second `open…` function beside it, with no change below the `KyselyStore` line.
//
// Decisions, each documented where it is applied:
// - saveDocument is one transaction; a document already stored (same content hash) is
//   "unchanged" and nothing is written.
// - An event, figure or statement id already stored from another document (ids come from
//   content, so a second report of the same event gives the same id) keeps its fields as first
//   written: the merge policy belongs to resolve/dedup, which can read the stored record before
//   saving. The new document is linked to it and its sources and evidence are added.
// - saveImportedEvents is one transaction per batch, and an upsert: a dataset is the authority on
//   its own records, so a row already stored under the same id takes the new fields (ACLED
//   revises an event under the same event_id_cnty). The import file is the events' document. A
//   row carrying the id of an event extracted here (no dataset origin) is this store's own export
//   read back, and is left as stored.
// - Lookups return null for an unknown id; the service edge turns that into RECORD_NOT_FOUND.
// - Counts are normalised with Number(): SQLite returns numbers, PostgreSQL bigint strings.
import { Migrator, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import { SitrepError } from "../domain/errors.ts";
import type { Actor, Document, Event, Evidence, Extraction, Figure, Mention, PartialDate, Place, Statement } from "../domain/records.ts";
import type { EventStatus, EventType, FigureMeasure, ImportDataset } from "../domain/taxonomy.ts";
import { conditionSql, type DayWindow, type EventColumn, type EventCondition } from "./conditions.ts";
import { isPartialDate, sinceBound, untilBound } from "./dates.ts";
import * as tally from "./tally.ts";
import type { DocumentHit, StoreDialect } from "./dialect.ts";
import { importInserts } from "./bulk.ts";
import { KyselyFeedRepository, type FeedRepository } from "./feeds.ts";
import { foldName, withoutQualifiers } from "./fold.ts";
import { IncidentRepository } from "./incidents.ts";
import { StoreMigrationProvider } from "./migrations/index.ts";
import {
  actorToRow,
  documentToRow,
  eventToRow,
  eventTypeOf,
  importDatasetOf,
  evidenceToRows,
  figureToRow,
  mentionToRow,
  placeToRow,
  rowToActor,
  rowToEvent,
  rowToFigure,
  rowToMention,
  rowToPlace,
  rowToStatement,
  rowToStoredDocument,
  statementToRow,
  type StoredDocument,
} from "./rows.ts";
import type { Database, EventOriginsTable, EventRow, EventSourcesTable, EvidenceOwnerKind, FigureRow } from "./schema.ts";
import { openSqliteDialect } from "./sqlite/sqlite-dialect.ts";
import * as browse from "./browse.ts";
import {
  MAP_CELLS_PER_DEGREE as CELLS_PER_DEGREE,
  addSummaryRegions,
  mapCellRows,
  mapEventRows,
  mapEventTotals,
  mapOfTotals,
  pageEventRows,
  type EventPageRequest,
  type EventPosition,
  type EventQuery,
  type MapAggregate,
} from "./event-pages.ts";
import * as review from "./review.ts";
import type { DocumentPage, DocumentPosition, EvidenceSpan, PlaceFilter } from "./browse.ts";
import type { EditResult, EventChanges, EventEdit, EventReview, ReviewBy, ReviewState } from "./review.ts";

export type { DocumentHit } from "./dialect.ts";
export { SNIPPET_CLOSE, SNIPPET_OPEN } from "./dialect.ts";
export type { StoredDocument } from "./rows.ts";
export type { DocumentPage, DocumentPosition, DocumentSummary, EvidenceSpan, PlaceFilter } from "./browse.ts";
export type { EventPageRequest, EventPosition, EventSort, MapAggregate, MapCell, MapRegion } from "./event-pages.ts";
export type { EditResult, EventChanges, EventEdit, EventReview, FieldChange, ReviewBy, ReviewState, ReviewStatus } from "./review.ts";

export interface SaveResult {
  readonly status: "ingested" | "unchanged";
  /** The stored document's id; for "unchanged", the id it was first stored under. */
  readonly documentId: string;
  /** Distinct events and figures this call wrote or linked to the document; 0 when unchanged. */
  readonly events: number;
  readonly figures: number;
}

interface DateFilter {
  /** Inclusive; a record is kept when its date interval overlaps [since, until] (./dates.ts). */
  readonly since?: PartialDate;
  readonly until?: PartialDate;
}

interface Page {
  readonly limit?: number;
  readonly offset?: number;
}

interface Assess {
  /**
   * Attach each record's `assessment` (corroboration, low/best/high, reliability, credibility,
   * first claim: ./incidents.ts). Off by default: it costs a few queries per 200 records.
   */
  readonly assess?: boolean;
}

export interface EventFilter extends DateFilter, Page, Assess {
  /**
   * An actor name or alias, case and diacritics ignored. Matches perpetratorGroup, actor1 or
   * actor2 against the actor's canonical name and every alias: "ISIS" finds "Islamic State".
   */
  readonly group?: string;
  /** ISO 3166-1 alpha-2, either case. */
  readonly country?: string;
  readonly eventType?: EventType;
  readonly status?: EventStatus;
  /** Full-text search over the documents that reported the event; words are ANDed. */
  readonly text?: string;
  /**
   * An ISO day: only events whose first report was published (or, undated, refers to a day) on
   * or before it. A brief as of June cannot know what July's reporting added.
   */
  readonly knownBy?: string;
  /** A condition evaluated in SQL (./conditions.ts): classes of events, date windows. */
  readonly where?: EventCondition;
  /** The first-level administrative division, as stored (case and diacritics ignored). */
  readonly admin1?: string;
  /** Events whose coordinates lie in the box (degrees, west < east); events without any are left out. */
  readonly bbox?: BoundingBox;
  /** Review states kept (./review.ts); default every state but "rejected", so analysis never reads a rejected event. */
  readonly review?: readonly ReviewState[];
}

export interface BoundingBox {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** What tallyEvents returns per condition: how many events, and the deaths they record. */
export interface EventTally {
  readonly events: number;
  readonly fatalities: number;
}

/** A grouping key of tallyEvents; `windows` groups by the first window wholly holding the date ("0", "1" ...). */
export type TallyKey = "place" | "month" | "country" | { readonly windows: readonly DayWindow[] };

export interface TallyRow {
  /** One value per key of `groupBy`, in order; null where the event has none. */
  readonly keys: readonly (string | null)[];
  /** Every event of the group, and the deaths they record. */
  readonly all: EventTally;
  /** One per condition, in order. */
  readonly tallies: readonly EventTally[];
}

/** Plan hints for #conditions on the events (see there). */
interface ConditionHints {
  readonly ordered?: boolean;
  readonly dateOrdered?: boolean;
}

export interface FindEventsOptions {
  /**
   * Read in date order through the event-date index, stopping at the limit: fast when matches
   * are dense in the date range, slow when they are rare (then the default plan is better).
   * Needs a limit and a `where.within` window or a `since`.
   */
  readonly walkDates?: boolean;
  /**
   * false: every event comes with empty sources and evidence, read later for the few that are
   * shown (Store.eventEvidence). An analysis over a million events needs their fields, not their
   * sentences.
   */
  readonly details?: boolean;
}

export interface FigureFilter extends DateFilter, Page, Assess {
  /** As EventFilter.group, matched against Figure.group. */
  readonly group?: string;
  readonly country?: string;
  readonly measure?: FigureMeasure;
}

/** The filter of countEvents and mapEvents: that of findEvents, without paging (every group is returned). */
export type CountFilter = Omit<EventFilter, "limit" | "offset" | "assess">;

export type CountDimension = "group" | "country" | "admin1" | "type" | "status";

export interface CountOptions {
  readonly interval: "week" | "month" | "year";
  /** Grouping values returned per row, in this order; "group" is perpetratorGroup, else actor1. */
  readonly by: readonly CountDimension[];
}

export interface EventCount {
  /**
   * The event date cut to the interval's precision: "2024" for year, "2024-03" for month, the
   * day "2024-03-15" for week (ISO weeks are the caller's arithmetic, not SQL's); null where
   * the date is missing or coarser than that.
   */
  readonly period: PartialDate | null;
  /** One value per dimension of `by`, null where the field is empty. */
  readonly keys: readonly (string | null)[];
  readonly events: number;
  /** Sum of fatalities; events without a number add nothing. */
  readonly fatalities: number;
}

export interface DocumentReference {
  readonly id: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: PartialDate | null;
  readonly origin: string;
}

export interface EventWithDocuments {
  readonly event: Event;
  /** Every document that reported the event, in the order they were stored. */
  readonly documents: readonly DocumentReference[];
}

export interface StoreSummary {
  readonly documents: number;
  readonly events: number;
  readonly figures: number;
  readonly statements: number;
  /** Most frequent first, ties by name. */
  readonly eventsByType: readonly { readonly eventType: EventType; readonly count: number }[];
  /** Most frequent first, ties by code; null for events with no country. */
  readonly eventsByCountry: readonly { readonly country: string | null; readonly count: number }[];
}

export interface ImportBatchResult {
  /** Distinct events in the batch. */
  readonly events: number;
  /** Of those, events the store did not hold before. */
  readonly added: number;
  /**
   * Of those, the store's own events read back (an export of this store, its ids carried), left
   * as stored: not overwritten by the export's coarser fields, nor linked to the file as a second
   * source.
   */
  readonly own: number;
}

export interface EventOrigin {
  readonly dataset: ImportDataset;
  readonly externalId: string;
  /** The dataset's own classification where the ACLED type is mapped from it ("CAMEO 193"). */
  readonly originalType: string | null;
  /** The dataset's own low and high estimates of the deaths (UCDP GED's low and high); null where it gives one count. */
  readonly fatalitiesLow: number | null;
  readonly fatalitiesHigh: number | null;
}

/** What an import row says of its origin beyond the dataset and its id. */
export type OriginDetails = Partial<Pick<EventOrigin, "originalType" | "fatalitiesLow" | "fatalitiesHigh">>;

export interface AppliedMigration {
  readonly name: string;
  readonly executedAt: Date;
}

export interface Store {
  /** Merged incidents, their assertions, source grades and assessments (./incidents.ts). */
  readonly incidents: IncidentRepository;
  /** Saves a document and everything extracted from it in one transaction (see SaveResult). */
  saveDocument(document: Document, extraction: Extraction): Promise<SaveResult>;
  hasDocument(contentHash: string): Promise<boolean>;
  getDocument(id: string): Promise<StoredDocument | null>;
  /** BM25-ranked, best first; [] when the query has no searchable word. */
  searchDocuments(query: string, limit?: number): Promise<DocumentHit[]>;
  /**
   * Saves one batch of events read from a dataset file, in one transaction. `document` stands
   * for the file (src/interop/import-document.ts) and is stored once; every event must name it
   * as its documentId. `externalIds[i]` is the dataset's id for `events[i]`. An event already
   * stored under the same id takes the batch's fields (the dataset is the authority on its own
   * records: ACLED revises fatalities under the same event_id_cnty), keeps its first document,
   * and gains this file as a source; so a re-import of the same file changes nothing.
   * `details[i]`, when given, is what the dataset says of `events[i]` beyond its id: its own
   * classification, its low and high estimates of the deaths.
   */
  saveImportedEvents(
    dataset: ImportDataset,
    document: Document,
    events: readonly Event[],
    externalIds: readonly string[],
    details?: readonly OriginDetails[],
  ): Promise<ImportBatchResult>;
  /**
   * Before a large import: when `expectedRows` is at least the number of events already stored,
   * sets the non-unique indexes of the tables saveImportedEvents writes aside, to be built once
   * by finishBulkImport (an index built from a finished table is sorted once instead of kept up
   * row by row). Returns whether it did. The definitions stay in the database until built, so
   * after a crash the next openStore builds them; meanwhile queries answer the same, only slower.
   */
  prepareBulkImport(expectedRows: number): Promise<boolean>;
  /** Builds the indexes prepareBulkImport set aside (none: nothing to do). */
  finishBulkImport(): Promise<void>;
  /** The datasets and ids each event was imported under; events never imported are absent. */
  eventOrigins(eventIds: readonly string[]): Promise<Map<string, EventOrigin[]>>;
  /** Ordered by event date (undated last), then id. */
  /** The group's names exactly as events store them: its own, its aliases', and datasets' qualified forms ("Islamic State (Iraq)"). */
  groupNames(group: string): Promise<string[]>;
  findEvents(filter?: EventFilter, options?: FindEventsOptions): Promise<Event[]>;
  /** The evidence of each event, as findEvents gives it; events with none are absent. */
  eventEvidence(eventIds: readonly string[]): Promise<Map<string, Evidence[]>>;
  /**
   * Ids of the events matching `filter` with an evidence sentence that contains one of `words`
   * (case-insensitive substring): a prefilter, so a caller can test a pattern on few sentences.
   */
  eventsWithEvidenceContaining(filter: CountFilter, words: readonly string[]): Promise<string[]>;
  /** The distinct dates of the events matching `filter`, as stored (partial dates kept). */
  eventDates(filter: CountFilter): Promise<string[]>;
  /**
   * The events matching `filter` grouped by `groupBy` (place: location, else admin1; month: the
   * first seven characters of a date at least that fine; country), in one pass: per group, every
   * event and, for each condition, those meeting it. Totals are sums over the groups. Without
   * place or single-event conditions (ids, places), whole months are counted from the monthly
   * rollup and only the months a date bound cuts are read from the events (./tally.ts).
   */
  tallyEvents(filter: CountFilter, conditions: readonly EventCondition[], groupBy: readonly TallyKey[]): Promise<TallyRow[]>;
  /** Events per place (location, else admin1) among those the filter keeps; events with neither are left out. */
  placeCounts(filter: CountFilter): Promise<Map<string, number>>;
  /** Whether some document was published (or, undated, refers to a day) after this ISO day. */
  hasDocumentsAfter(day: string): Promise<boolean>;
  /** The distinct months ("2025-03", or "2025" for a year-only date) of the events of a group in some countries. */
  eventMonths(group: string, countries: readonly string[]): Promise<string[]>;
  getEvent(id: string): Promise<EventWithDocuments | null>;
  /**
   * Events matching `filter` counted per period and grouping values, in SQL; rows in no fixed
   * order. Month and year counts with no text filter and since/until no finer than a month are
   * read from the monthly rollup (docs/ARCHITECTURE.md), the rest from the events themselves.
   */
  countEvents(filter: CountFilter, options: CountOptions): Promise<EventCount[]>;
  /** Ordered by period start (undated last), then id. */
  findFigures(filter?: FigureFilter): Promise<Figure[]>;
  listStatements(documentId: string): Promise<Statement[]>;
  listMentions(documentId: string): Promise<Mention[]>;
  /** Adds actors or replaces their kind, country and role; aliases are only ever added. */
  saveActors(actors: readonly Actor[]): Promise<void>;
  /** By canonical name or alias, case and diacritics ignored. */
  findActor(nameOrAlias: string): Promise<Actor | null>;
  /** Adds places or replaces those with the same name, country and admin1. */
  savePlaces(places: readonly Place[]): Promise<void>;
  findPlaces(name: string, country?: string): Promise<Place[]>;
  summary(): Promise<StoreSummary>;
  /**
   * A token that changes whenever the database may have changed (a write by this store, or a
   * commit by another connection or process): what was read under one token is still true while
   * it is unchanged, so answers can be cached by it (the API does).
   */
  version(): Promise<string>;
  /** findEvents a page at a time, in a stable order (./event-pages.ts); `next` starts the next page. */
  pageEvents(filter: CountFilter, page: EventPageRequest): Promise<{ events: Event[]; next: EventPosition | null }>;
  /** Filtered events counted per grid cell of `cellDegrees`, and per region where they have no coordinates. */
  mapEvents(filter: CountFilter, cellDegrees: number): Promise<MapAggregate>;
  /** Review (./review.ts): accept or reject; null for an unknown id. */
  decideEvent(id: string, status: "accepted" | "rejected", by: ReviewBy): Promise<EventReview | null>;
  /** Changes an event's fields, recording each change, who and when; null for an unknown id. */
  editEvent(id: string, changes: EventChanges, by: ReviewBy): Promise<EditResult | null>;
  eventReviews(ids: readonly string[]): Promise<Map<string, EventReview>>;
  eventEdits(id: string): Promise<EventEdit[]>;
  /** Documents newest first (./browse.ts). */
  listDocuments(limit: number, after?: DocumentPosition): Promise<DocumentPage>;
  documentEvidence(documentId: string): Promise<EvidenceSpan[]>;
  documentEventIds(documentId: string): Promise<string[]>;
  listActors(): Promise<Actor[]>;
  listPlaces(filter: PlaceFilter): Promise<Place[]>;
  migrations(): Promise<AppliedMigration[]>;
  /** The followed feeds and their polling state (./feeds.ts). */
  readonly feeds: FeedRepository;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** The SQLite file; created with its folder when missing. Resolving a default is config's job. */
  readonly path: string;
  /** The clock for `ingestedAt`; tests pin it. */
  readonly now?: () => Date;
}

/**
 * Opens the store at `options.path` and brings its schema up to date.
 * Throws SitrepError STORE_OPEN_FAILED, naming the path, when the file cannot be opened, is not
 * an SQLite database, or its migrations fail (for instance a file written by a newer sitrep).
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const dialect = openSqliteDialect(options.path);
  const store = new KyselyStore(dialect, options.now ?? (() => new Date()));
  try {
    // Indexes an import set aside and never built (it died half-way) are built before anything
    // else reads or migrates the file (./sqlite/deferred-indexes.ts).
    await dialect.restoreDeferredIndexes();
    await store.migrate();
  } catch (error) {
    await dialect.db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new SitrepError("STORE_OPEN_FAILED", `cannot open the database ${options.path}: ${reason}`, {
      input: options.path,
      cause: error,
    });
  }
  return store;
}

const DIMENSION_COLUMNS: Readonly<Record<Exclude<CountDimension, "group">, string>> = {
  country: "country",
  admin1: "admin1",
  type: "event_type",
  status: "status",
};

const PERIOD_LENGTH: Readonly<Record<CountOptions["interval"], number>> = { year: 4, month: 7, week: 10 };

interface CountRow {
  period: string | null;
  events: number | string;
  fatalities: number | string | null;
  [key: `key${number}`]: string | null;
}

/** Rows per multi-row INSERT and ids per IN list: well under SQLite's 32,766 bound parameters. */
const CHUNK = 200;
const DEFAULT_SEARCH_LIMIT = 20;
/**
 * A page filtered by text lists the matching reports' events when they are at most this many;
 * beyond, it tests each event it walks instead (#conditions).
 */
const TEXT_EVENTS_LISTED = 20_000;
/** The conflict target of the places_key index (migrations/0001_core_tables.ts). */
const placeKey = sql`name, country, coalesce(admin1, '')`;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

interface EvidenceRow {
  owner_id: string;
  document_id: string;
  position: number;
  start_offset: number;
  end_offset: number;
  text: string;
}

/** Rows of sources or evidence in the order they are shown: by their report's ingest time, report id, then position. */
function inReportOrder(
  ingested: ReadonlyMap<string, string>,
): (left: { document_id: string; position: number }, right: { document_id: string; position: number }) => number {
  return (left, right) => {
    const [leftTime, rightTime] = [ingested.get(left.document_id) ?? "", ingested.get(right.document_id) ?? ""];
    if (leftTime !== rightTime) return leftTime < rightTime ? -1 : 1;
    if (left.document_id !== right.document_id) return left.document_id < right.document_id ? -1 : 1;
    return left.position - right.position;
  };
}

function evidenceByOwner(rows: readonly EvidenceRow[]): Map<string, Evidence[]> {
  const byOwner = new Map<string, Evidence[]>();
  for (const row of rows) {
    const list = byOwner.get(row.owner_id) ?? [];
    list.push({ documentId: row.document_id, start: row.start_offset, end: row.end_offset, text: row.text });
    byOwner.set(row.owner_id, list);
  }
  return byOwner;
}

function unique<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const itemKey = key(item);
    if (seen.has(itemKey)) return false;
    seen.add(itemKey);
    return true;
  });
}

/** The document row's reference-date fields for a file of imported events: it has none. */
const IMPORT_EXTRACTION: Extraction = {
  events: [],
  figures: [],
  mentions: [],
  statements: [],
  actors: [],
  places: [],
  referenceDate: null,
  referenceDateSource: "none",
};

const evidenceKey = (span: Evidence): string => `${span.documentId}\u001f${span.start}\u001f${span.end}`;

/** Records repeated under one id in one extraction become one: first fields, all spans. */
function mergeRepeated<T extends { readonly id: string; readonly evidence: readonly Evidence[] }>(
  records: readonly T[],
  merge: (first: T, next: T) => T,
): T[] {
  const byId = new Map<string, T>();
  for (const record of records) {
    const first = byId.get(record.id);
    byId.set(record.id, first === undefined ? record : merge(first, record));
  }
  return [...byId.values()];
}

function mergeEvents(first: Event, next: Event): Event {
  return {
    ...first,
    sources: unique([...first.sources, ...next.sources]),
    evidence: unique([...first.evidence, ...next.evidence], evidenceKey),
  };
}

function mergeFigures(first: Figure, next: Figure): Figure {
  return { ...first, evidence: unique([...first.evidence, ...next.evidence], evidenceKey) };
}

function checkPage(page: Page): void {
  for (const [name, value] of Object.entries({ limit: page.limit, offset: page.offset })) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new RangeError(`${name} must be a non-negative integer, not ${value}`);
    }
  }
}

export class KyselyStore implements Store {
  readonly #dialect: StoreDialect;
  readonly #db: Kysely<Database>;
  readonly #now: () => Date;
  readonly feeds: FeedRepository;
  readonly #importInserts = importInserts();
  readonly incidents: IncidentRepository;

  constructor(dialect: StoreDialect, now: () => Date) {
    this.#dialect = dialect;
    this.#db = dialect.db;
    this.#now = now;
    this.feeds = new KyselyFeedRepository(dialect.db, now);
    this.incidents = new IncidentRepository(dialect.db, now);
  }

  /** Runs pending migrations; throws the migrator's error (Kysely reports rather than throws). */
  async migrate(): Promise<void> {
    const { error } = await this.#migrator().migrateToLatest();
    if (error !== undefined) throw error;
  }

  async migrations(): Promise<AppliedMigration[]> {
    const migrations = await this.#migrator().getMigrations();
    return migrations.flatMap(({ name, executedAt }) => (executedAt === undefined ? [] : [{ name, executedAt }]));
  }

  #migrator(): Migrator {
    // Numbers are reserved per feature branch (0005 feeds, 0006 incidents, 0007 api): a database
    // that ran a later number first still takes an earlier one when it lands.
    return new Migrator({ db: this.#db, provider: new StoreMigrationProvider(this.#dialect.migrations), allowUnorderedMigrations: true });
  }

  async saveDocument(document: Document, extraction: Extraction): Promise<SaveResult> {
    try {
      return await this.#db.transaction().execute(async (transaction) => {
        const existing = await transaction
          .selectFrom("documents")
          .select("id")
          .where("content_hash", "=", document.contentHash)
          .executeTakeFirst();
        if (existing !== undefined) return { status: "unchanged", documentId: existing.id, events: 0, figures: 0 };

        await transaction
          .insertInto("documents")
          .values(documentToRow(document, extraction, this.#now().toISOString()))
          .execute();
        await this.#insertActors(transaction, extraction.actors, "keep");
        const events = mergeRepeated(extraction.events, mergeEvents);
        await this.#insertEvents(transaction, document.id, events);
        const figures = mergeRepeated(extraction.figures, mergeFigures);
        await this.#insertFigures(transaction, figures);
        await this.#insertStatements(transaction, extraction.statements);
        // One incident, many reports: this report's events join the incidents of their day.
        await this.incidents.afterSave(transaction, document, extraction, events);
        // Places are shared reference data: the first reading of a place is kept.
        for (const place of extraction.places) {
          await transaction
            .insertInto("places")
            .values(placeToRow(place))
            .onConflict((conflict) => conflict.expression(placeKey).doNothing())
            .execute();
        }
        for (const rows of chunks(extraction.mentions.map(mentionToRow))) {
          await transaction
            .insertInto("mentions")
            .values(rows)
            .onConflict((conflict) => conflict.doNothing())
            .execute();
        }
        return { status: "ingested", documentId: document.id, events: events.length, figures: figures.length };
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SitrepError("STORE_WRITE_FAILED", `could not save document ${document.id} from ${document.origin}: ${reason}`, {
        input: document.origin,
        cause: error,
      });
    }
  }

  async saveImportedEvents(
    dataset: ImportDataset,
    document: Document,
    events: readonly Event[],
    externalIds: readonly string[],
    details: readonly OriginDetails[] = [],
  ): Promise<ImportBatchResult> {
    if (events.length !== externalIds.length) throw new RangeError("saveImportedEvents needs one external id per event");
    const foreign = events.find((event) => event.documentId !== document.id);
    if (foreign !== undefined) throw new RangeError(`event ${foreign.id} does not name the import document ${document.id}`);
    // The last reading of an id in the batch wins, as a later row of the file would. Rows go in
    // in id order: ids are hashes, and sorted inserts touch each index page once per batch
    // instead of at random (a 1,000,000-row import outgrows the page cache).
    // (Array.prototype.sort without a comparator orders strings by UTF-16 code units, as `<`
    // does, without a call per comparison.)
    const byId = new Map<string, Event>();
    for (const event of events) byId.set(event.id, event);
    let batch = [...byId.keys()].sort().map((id) => byId.get(id) as Event);
    try {
      return await this.#db.transaction().execute(async (transaction) => {
        await transaction
          .insertInto("documents")
          .values(documentToRow(document, IMPORT_EXTRACTION, this.#now().toISOString()))
          .onConflict((conflict) => conflict.doNothing())
          .execute();
        const ids = batch.map((event) => event.id);
        const existing = await this.#existingIds(transaction, "events", ids);
        // An event stored with no dataset origin was extracted from reports here; a row that
        // carries its id is this store's own export read back. Written again it would take the
        // export's fields over its own and count the file as a second, independent source.
        const own = await this.#withoutOrigins(transaction, [...existing]);
        if (own.size > 0) batch = batch.filter((event) => !own.has(event.id));
        const replaced = [...existing].filter((id) => !own.has(id));
        const inserts = this.#importInserts;
        const rows = batch.map(eventToRow);
        await this.#dialect.writeEventsInBulk(transaction, rows, replaced, () => inserts.events.run(transaction, rows));
        await inserts.eventDocuments.run(
          transaction,
          batch.map((event) => ({ event_id: event.id, document_id: document.id })),
        );
        // A plain loop: flatMap over a million events cost a tenth of the import's JavaScript time.
        const sources: EventSourcesTable[] = [];
        for (const event of batch) {
          event.sources.forEach((attribution, position) =>
            sources.push({ event_id: event.id, document_id: document.id, position, attribution }),
          );
        }
        await inserts.eventSources.run(transaction, sources);
        // One origin per external id (the first reading), in the order of the key.
        const origins = new Map<string, EventOriginsTable>();
        events.forEach((event, index) => {
          const externalId = externalIds[index] ?? "";
          if (own.has(event.id)) return;
          if (!origins.has(externalId)) {
            const detail = details[index];
            origins.set(externalId, {
              dataset,
              external_id: externalId,
              event_id: event.id,
              original_type: detail?.originalType ?? null,
              fatalities_low: detail?.fatalitiesLow ?? null,
              fatalities_high: detail?.fatalitiesHigh ?? null,
            });
          }
        });
        await inserts.eventOrigins.run(
          transaction,
          [...origins.keys()].sort().map((externalId) => origins.get(externalId) as EventOriginsTable),
        );
        return { events: batch.length + own.size, added: batch.filter((event) => !existing.has(event.id)).length, own: own.size };
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SitrepError("STORE_WRITE_FAILED", `could not save events imported from ${document.origin}: ${reason}`, {
        input: document.origin,
        cause: error,
      });
    }
  }

  async prepareBulkImport(expectedRows: number): Promise<boolean> {
    const row = await this.#db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<number | string>().as("count"))
      .executeTakeFirstOrThrow();
    if (expectedRows < Number(row.count)) return false;
    return (await this.#dialect.deferImportIndexes()).length > 0;
  }

  async finishBulkImport(): Promise<void> {
    await this.#dialect.restoreDeferredIndexes();
  }

  async eventOrigins(eventIds: readonly string[]): Promise<Map<string, EventOrigin[]>> {
    const byEvent = new Map<string, EventOrigin[]>();
    for (const chunk of chunks(unique(eventIds))) {
      const rows = await this.#db
        .selectFrom("event_origins")
        .selectAll()
        .where("event_id", "in", chunk)
        .orderBy("dataset")
        .orderBy("external_id")
        .execute();
      for (const row of rows) {
        const list = byEvent.get(row.event_id) ?? [];
        list.push({
          dataset: importDatasetOf(row.dataset),
          externalId: row.external_id,
          originalType: row.original_type,
          fatalitiesLow: row.fatalities_low,
          fatalitiesHigh: row.fatalities_high,
        });
        byEvent.set(row.event_id, list);
      }
    }
    return byEvent;
  }

  /** Of `ids` (stored events), those with no dataset origin: events extracted from reports. */
  async #withoutOrigins(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
    const own = new Set(ids);
    for (const chunk of chunks(ids)) {
      const rows = await db.selectFrom("event_origins").select("event_id").distinct().where("event_id", "in", chunk).execute();
      for (const row of rows) own.delete(row.event_id);
    }
    return own;
  }

  async #existingIds(db: Kysely<Database>, table: "events" | "figures" | "statements", ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunks(ids)) {
      const rows = await db.selectFrom(table).select("id").where("id", "in", chunk).execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  async #insertEvents(db: Kysely<Database>, documentId: string, events: readonly Event[]): Promise<void> {
    const existing = await this.#existingIds(
      db,
      "events",
      events.map((event) => event.id),
    );
    const fresh = events.filter((event) => !existing.has(event.id));
    for (const rows of chunks(fresh.map(eventToRow))) await db.insertInto("events").values(rows).execute();
    const links = events.map((event) => ({ event_id: event.id, document_id: documentId }));
    for (const rows of chunks(links)) {
      await db
        .insertInto("event_documents")
        .values(rows)
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
    const sources = events.flatMap((event) =>
      event.sources.map((attribution, position) => ({ event_id: event.id, document_id: documentId, position, attribution })),
    );
    for (const rows of chunks(sources)) await db.insertInto("event_sources").values(rows).execute();
    await this.#insertEvidence(
      db,
      events.flatMap((event) => evidenceToRows("event", event.id, event.evidence)),
    );
  }

  async #insertFigures(db: Kysely<Database>, figures: readonly Figure[]): Promise<void> {
    const existing = await this.#existingIds(
      db,
      "figures",
      figures.map((figure) => figure.id),
    );
    const fresh = figures.filter((figure) => !existing.has(figure.id));
    for (const rows of chunks(fresh.map(figureToRow))) await db.insertInto("figures").values(rows).execute();
    await this.#insertEvidence(
      db,
      figures.flatMap((figure) => evidenceToRows("figure", figure.id, figure.evidence)),
    );
  }

  async #insertStatements(db: Kysely<Database>, statements: readonly Statement[]): Promise<void> {
    const once = unique(statements, (statement) => statement.id);
    const existing = await this.#existingIds(
      db,
      "statements",
      once.map((statement) => statement.id),
    );
    const fresh = once.filter((statement) => !existing.has(statement.id));
    for (const rows of chunks(fresh.map(statementToRow))) await db.insertInto("statements").values(rows).execute();
    await this.#insertEvidence(
      db,
      fresh.flatMap((statement) => evidenceToRows("statement", statement.id, [statement.evidence])),
    );
  }

  async #insertEvidence(db: Kysely<Database>, rows: ReturnType<typeof evidenceToRows>): Promise<void> {
    for (const chunk of chunks(rows)) {
      await db
        .insertInto("evidence")
        .values(chunk)
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }

  /** "keep": an actor already stored keeps its fields (extraction); "replace": a registry's import. */
  async #insertActors(db: Kysely<Database>, actors: readonly Actor[], existing: "keep" | "replace"): Promise<void> {
    const once = unique(actors, (actor) => actor.canonicalName);
    for (const rows of chunks(once.map(actorToRow))) {
      await db
        .insertInto("actors")
        .values(rows)
        .onConflict((conflict) =>
          existing === "keep"
            ? conflict.doNothing()
            : conflict.column("canonical_name").doUpdateSet((update) => ({
                actor_kind: update.ref("excluded.actor_kind"),
                country: update.ref("excluded.country"),
                role: update.ref("excluded.role"),
              })),
        )
        .execute();
    }
    const aliases = once.flatMap((actor) =>
      unique(actor.aliases, foldName).map((alias) => ({
        alias_key: foldName(alias),
        alias,
        canonical_name: actor.canonicalName,
      })),
    );
    for (const rows of chunks(aliases)) {
      await db
        .insertInto("actor_aliases")
        .values(rows)
        .onConflict((conflict) => conflict.doNothing())
        .execute();
    }
  }

  async hasDocument(contentHash: string): Promise<boolean> {
    const row = await this.#db.selectFrom("documents").select("id").where("content_hash", "=", contentHash).executeTakeFirst();
    return row !== undefined;
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    const row = await this.#db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
    return row === undefined ? null : rowToStoredDocument(row);
  }

  async searchDocuments(query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<DocumentHit[]> {
    checkPage({ limit });
    return this.#dialect.searchDocuments(query, limit);
  }

  /** Folded names that stand for `group`: itself, and each actor it names with all its aliases. */
  async #groupKeys(group: string): Promise<string[]> {
    const key = foldName(group);
    const fold = this.#dialect.fold;
    const actors = await this.#db
      .selectFrom("actors")
      .select("canonical_name")
      .where((where) =>
        where.or([
          where(fold(where.ref("canonical_name")), "=", key),
          where("canonical_name", "in", where.selectFrom("actor_aliases").select("canonical_name").where("alias_key", "=", key)),
        ]),
      )
      .execute();
    const names = actors.map((actor) => actor.canonical_name);
    if (names.length === 0) return [key];
    const aliases = await this.#db.selectFrom("actor_aliases").select("alias_key").where("canonical_name", "in", names).execute();
    return unique([key, ...names.map(foldName), ...aliases.map((alias) => alias.alias_key)]);
  }

  /**
   * The actor names, exactly as events store them, that fold to one of the group's keys. Read
   * from the monthly rollup, whose rows hold every distinct name, once per version of the
   * database: folding a million events' names in SQL would read every row, and even the rollup's
   * few thousand rows, folded by a JavaScript function per row, took 40 ms a request.
   */
  async groupNames(group: string): Promise<string[]> {
    return this.#groupNamesAsStored(group);
  }

  async #groupNamesAsStored(group: string): Promise<string[]> {
    const keys = new Set(await this.#groupKeys(group));
    const names = await this.#storedNames();
    // A dataset's qualified name counts as the bare one: "Islamic State (Iraq)", as ACLED names
    // the group's Iraqi branch, is among the Islamic State's events.
    return names.filter((name) => keys.has(foldName(name)) || keys.has(foldName(withoutQualifiers(name))));
  }

  #namesCache: { readonly version: string; readonly names: Promise<string[]> } | null = null;

  /** Every distinct perpetrator and actor name in the rollup, sorted; cached while the database is unchanged. */
  async #storedNames(): Promise<string[]> {
    const version = await this.#dialect.dataVersion();
    if (this.#namesCache?.version !== version) {
      const names = sql<{ name: string }>`select perpetrator_group as name from event_rollup where perpetrator_group is not null
        union select actor1 from event_rollup where actor1 is not null
        union select actor2 from event_rollup where actor2 is not null`
        .execute(this.#db)
        .then(({ rows }) => rows.map((row) => row.name).sort());
      this.#namesCache = { version, names };
      names.catch(() => {
        if (this.#namesCache?.names === names) this.#namesCache = null;
      });
    }
    return this.#namesCache.names;
  }

  /** Whether the reports matching a search hold more than TEXT_EVENTS_LISTED events (counted no further). */
  async #manyEventsOf(matching: Expression<string>): Promise<boolean> {
    const { rows } = await sql<{ events: number }>`select count(*) as events from (select 1 from event_documents
      where document_id in ${matching} limit ${TEXT_EVENTS_LISTED + 1})`.execute(this.#db);
    return (rows[0]?.events ?? 0) > TEXT_EVENTS_LISTED;
  }

  /** Changes whenever the database may have changed, by this connection or another (./dialect.ts). */
  async version(): Promise<string> {
    return this.#dialect.dataVersion();
  }

  async findEvents(filter: EventFilter = {}, options: FindEventsOptions = {}): Promise<Event[]> {
    checkPage(filter);
    // A short read of dated events the caller knows to be dense walks the date index; see #filteredEvents.
    const dateOrdered =
      options.walkDates === true && filter.limit !== undefined && (filter.where?.within !== undefined || filter.since !== undefined);
    const query = await this.#filteredEvents(filter, { dateOrdered });
    if (query === null) return [];
    let ordered = dateOrdered
      ? // Such events all have a date, so the undated-last key is not needed (and would hide the index order).
        query.orderBy("events.event_date").orderBy("events.id")
      : query
          .orderBy((order) => order.case().when("events.event_date", "is", null).then(1).else(0).end())
          .orderBy("events.event_date")
          .orderBy("events.id");
    if (filter.limit !== undefined || filter.offset !== undefined) {
      // SQLite accepts OFFSET only after a LIMIT.
      ordered = ordered.limit(filter.limit ?? Number.MAX_SAFE_INTEGER).offset(filter.offset ?? 0);
    }
    const rows = await ordered.execute();
    if (options.details === false) return rows.map((row) => rowToEvent(row, [], []));
    const events = await this.#withDetails(rows);
    if (filter.assess !== true) return events;
    const assessments = await this.incidents.assessEvents(events);
    return events.map((event) => ({ ...event, assessment: assessments.get(event.id) }));
  }

  async eventEvidence(eventIds: readonly string[]): Promise<Map<string, Evidence[]>> {
    return this.#evidenceFor("event", [...new Set(eventIds)]);
  }

  async eventsWithEvidenceContaining(filter: CountFilter, words: readonly string[]): Promise<string[]> {
    if (words.some((word) => /[%_\\]/.test(word))) throw new RangeError("evidence words must not hold LIKE wildcards");
    // The full-text index finds the documents holding the words (the last one as a prefix:
    // "car bomb" finds "car bombs"); only their sentences are then read, never every event's.
    const documents = words.flatMap((word) => {
      const matching = this.#dialect.matchingDocumentIds(`${word}*`);
      return matching === null ? [] : [matching];
    });
    if (documents.length === 0) return [];
    // The documents first, from the index; then their sentences (few); then which of their
    // events the filter keeps.
    const { rows: documentRows } = await sql<{ document_id: string }>`${sql.join(
      documents.map((matching) => sql`select document_id from ${matching} as matching`),
      sql` union `,
    )}`.execute(this.#db);
    const text = sql`lower(evidence.text)`;
    const owners: { owner_id: string }[] = [];
    for (const chunk of chunks(documentRows.map((row) => row.document_id))) {
      const { rows } = await sql<{ owner_id: string }>`select distinct evidence.owner_id from evidence
        where evidence.owner_kind = 'event' and evidence.document_id in (${sql.join(chunk)})
          and (${sql.join(
            words.map((word) => sql`${text} like ${`%${word.toLowerCase()}%`}`),
            sql` or `,
          )})`.execute(this.#db);
      owners.push(...rows);
    }
    const found: string[] = [];
    for (const chunk of chunks([...new Set(owners.map((owner) => owner.owner_id))])) {
      const query = await this.#filteredEvents(filter);
      if (query === null) return [];
      const rows = await query.clearSelect().where("events.id", "in", chunk).select("events.id").execute();
      found.push(...rows.map((row) => row.id));
    }
    return found.sort();
  }

  async eventDates(filter: CountFilter): Promise<string[]> {
    const query = await this.#filteredEvents(filter);
    if (query === null) return [];
    const rows = await query.clearSelect().where("events.event_date", "is not", null).select("events.event_date").distinct().execute();
    return rows.flatMap((row) => (row.event_date === null ? [] : [row.event_date])).sort();
  }

  async tallyEvents(filter: CountFilter, conditions: readonly EventCondition[], groupBy: readonly TallyKey[]): Promise<TallyRow[]> {
    if (!tally.rollupServes(filter, conditions, groupBy)) return this.#tallyOnEvents(filter, conditions, groupBy);
    // Whole months from the rollup; the months a bound cuts and year-only dates from the events.
    const cut = await this.#cutOrCoarse(filter, conditions, groupBy);
    const range = tally.monthRange(filter);
    const rollupFilter: CountFilter = {
      group: filter.group,
      country: filter.country,
      admin1: filter.admin1,
      eventType: filter.eventType,
      status: filter.status,
    };
    const conditionsOnRollup = await this.#conditions("event_rollup", rollupFilter, null);
    if (conditionsOnRollup === null) return [];
    const month = sql.ref("event_rollup.month");
    const months = [
      // Undated events pass no date bound: they count only when the filter has none.
      range.first === null && range.last === null ? sql`(length(${month}) = 7 or ${month} is null)` : sql`length(${month}) = 7`,
      ...(range.first === null ? [] : [sql`${month} >= ${range.first}`]),
      ...(range.last === null ? [] : [sql`${month} <= ${range.last}`]),
      ...(cut.months.length === 0 ? [] : [sql`(${month} is null or ${month} not in (${sql.join(cut.months)}))`]),
    ];
    // actor1 and actor2: a class may leave out the events in which another actor acts on the group (attacksBy).
    const { rows } = await sql<tally.RollupTallyRow>`select month, country, event_type, sub_event_type, status, actor1, actor2,
        sum(events) as events, sum(fatalities) as fatalities, sum(known_tolls) as known_tolls
      from event_rollup where ${sql.join([...conditionsOnRollup, ...months], sql` and `)}
      group by month, country, event_type, sub_event_type, status, actor1, actor2`.execute(this.#db);
    let tallied = tally.tallyRollupRows(rows, filter.where, conditions, groupBy);
    if (cut.events !== null) tallied = tally.combineTallies(tallied, await this.#tallyOnEvents(filter, conditions, groupBy, cut.events));
    // The rollup counts every event whatever its review: take out those the filter leaves out.
    const excluded = review.excludedStatuses(filter.review ?? review.DEFAULT_REVIEW_STATES);
    if (await review.hasReviewedStatus(this.#db, excluded)) {
      const date = sql.ref<string | null>("events.event_date");
      const whole = sql<SqlBool>`((length(${date}) = 7 or length(${date}) >= 10)${
        cut.months.length === 0 ? sql`` : sql` and substr(${date}, 1, 7) not in (${sql.join(cut.months)})`
      }${range.first === null && range.last === null ? sql` or ${date} is null` : sql``})`;
      const left = await this.#tallyOnEvents({ ...filter, review: excluded }, conditions, groupBy, whole);
      tallied = tally.combineTallies(tallied, left, -1);
    }
    return tallied;
  }

  /**
   * The months some bound cuts, and the condition on the events that keeps the events to read
   * for them and for year-only dates (null when there are none).
   */
  async #cutOrCoarse(
    filter: CountFilter,
    conditions: readonly EventCondition[],
    groupBy: readonly TallyKey[],
  ): Promise<{ readonly months: readonly string[]; readonly events: RawBuilder<SqlBool> | null }> {
    const months = tally.cutMonths(filter, conditions, groupBy);
    // Year-only dates: the years the rollup holds some of (its month column is then the year).
    const { rows } = await sql<{ month: string }>`select distinct month from event_rollup where length(month) = 4`.execute(this.#db);
    const years = rows.map((row) => row.month);
    const date = sql.ref<string | null>("events.event_date");
    // Ranges on the date, so each part can walk the date index: "2024-01" to "2024-01~" holds the
    // month and its days.
    const parts = [
      ...months.map((month) => sql`(${date} >= ${month} and ${date} <= ${`${month}~`})`),
      ...(years.length === 0 ? [] : [sql`${date} in (${sql.join(years)})`]),
    ];
    return { months, events: parts.length === 0 ? null : sql<SqlBool>`(${sql.join(parts, sql` or `)})` };
  }

  async #tallyOnEvents(
    filter: CountFilter,
    conditions: readonly EventCondition[],
    groupBy: readonly TallyKey[],
    restrict: RawBuilder<SqlBool> | null = null,
  ): Promise<TallyRow[]> {
    const filtered = await this.#filteredEvents(filter);
    if (filtered === null) return [];
    const query = restrict === null ? filtered : filtered.where(restrict);
    const keys = groupBy.map((key) =>
      key === "place"
        ? sql<string | null>`coalesce(events.location, events.admin1)`
        : key === "month"
          ? sql<string | null>`case when length(events.event_date) >= 7 then substr(events.event_date, 1, 7) end`
          : key === "country"
            ? sql<string | null>`events.country`
            : key.windows.length === 0
              ? sql<string | null>`null`
              : sql<string | null>`case ${sql.join(
                  key.windows.map((window, index) => sql`when ${conditionSql({ within: window })} then ${String(index)}`),
                  sql` `,
                )} end`,
    );
    let grouped = query.clearSelect().select([
      ...keys.map((key, index) => key.as(`key${index}`)),
      sql<number>`count(*)`.as("events"),
      sql<number>`sum(coalesce(events.fatalities, 0))`.as("fatalities"),
      ...conditions.flatMap((condition, index) => {
        const holds = conditionSql(condition);
        return [
          sql<number>`sum(case when ${holds} then 1 else 0 end)`.as(`events${index}`),
          sql<number>`sum(case when ${holds} then coalesce(events.fatalities, 0) else 0 end)`.as(`fatalities${index}`),
        ];
      }),
    ]);
    for (const key of keys) grouped = grouped.groupBy(key);
    const rows = (await grouped.execute()) as unknown as Record<string, string | number | null>[];
    return rows.map((row) => ({
      keys: groupBy.map((_, index) => {
        const value = row[`key${index}`];
        return typeof value === "string" ? value : null;
      }),
      all: { events: Number(row.events ?? 0), fatalities: Number(row.fatalities ?? 0) },
      tallies: conditions.map((_, index) => ({
        events: Number(row[`events${index}`] ?? 0),
        fatalities: Number(row[`fatalities${index}`] ?? 0),
      })),
    }));
  }

  async placeCounts(filter: CountFilter): Promise<Map<string, number>> {
    const query = await this.#filteredEvents(filter);
    if (query === null) return new Map();
    const place = sql<string | null>`coalesce(events.location, events.admin1)`;
    const rows = await query
      .clearSelect()
      .select([place.as("place"), sql<number>`count(*)`.as("events")])
      .where(place, "is not", null)
      .groupBy(place)
      .execute();
    return new Map(rows.flatMap((row) => (row.place === null ? [] : [[row.place, Number(row.events)] as const])));
  }

  async hasDocumentsAfter(day: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom("documents")
      .select("id")
      .where(sql<boolean>`coalesce(published_date, reference_date) > ${day}`)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async eventMonths(group: string, countries: readonly string[]): Promise<string[]> {
    if (countries.length === 0) return [];
    const keys = await this.#groupKeys(group);
    const fold = this.#dialect.fold;
    const list = sql.join(keys);
    // The rollup holds every event's month, its group names and country, in a few rows.
    const { rows } = await sql<{ month: string | null }>`select distinct month from event_rollup
      where country in (${sql.join([...countries])})
        and (${sql.join(
          ["perpetrator_group", "actor1", "actor2"].map((name) => sql`${fold(sql.ref(`event_rollup.${name}`))} in (${list})`),
          sql` or `,
        )})`.execute(this.#db);
    return rows.flatMap((row) => (row.month === null ? [] : [row.month])).sort();
  }

  /**
   * The events matching a filter, every column selected (callers that count clear the selection);
   * null when nothing can match. The plan hints (`ordered`, `dateOrdered`) are #conditions'.
   */
  async #filteredEvents(filter: CountFilter, hints: ConditionHints = {}): Promise<EventQuery | null> {
    const conditions = await this.#conditions(
      "events",
      filter,
      review.reviewCondition(filter.review ?? review.DEFAULT_REVIEW_STATES, sql.ref("events.id")),
      hints,
    );
    if (conditions === null) return null;
    const query = this.#db.selectFrom("events").selectAll("events");
    return conditions.length === 0 ? query : query.where(sql<SqlBool>`${sql.join(conditions, sql` and `)}`);
  }

  async countEvents(filter: CountFilter, options: CountOptions): Promise<EventCount[]> {
    // The rollup holds months, so a bound finer than a month, or a week (which needs the day),
    // must read the events; so must a text filter, which joins the documents, and a bounding box.
    // The rollup counts every event whatever its review: it serves filters that keep unreviewed
    // events, less the counts of the few reviewed events they leave out (rejected ones, by default).
    const states = filter.review ?? review.DEFAULT_REVIEW_STATES;
    const monthly =
      options.interval !== "week" &&
      filter.text === undefined &&
      filter.knownBy === undefined &&
      filter.where === undefined &&
      filter.bbox === undefined &&
      states.includes("unreviewed") &&
      [filter.since, filter.until].every((bound) => bound === undefined || bound.length <= 7);
    if (!monthly) return this.#countIn("events", filter, options, review.reviewCondition(states, sql.ref("events.id")));
    const counts = await this.#countIn("event_rollup", filter, options, null);
    const excluded = review.excludedStatuses(states);
    if (!(await review.hasReviewedStatus(this.#db, excluded))) return counts;
    const left = await this.#countIn("events", filter, options, review.reviewCondition(excluded, sql.ref("events.id")));
    return review.subtractCounts(counts, left);
  }

  async #countIn(
    table: "events" | "event_rollup",
    filter: CountFilter,
    options: CountOptions,
    reviewed: RawBuilder<SqlBool> | null,
  ): Promise<EventCount[]> {
    const monthly = table === "event_rollup";
    const column = (name: string): RawBuilder<string | null> => sql.ref<string | null>(`${table}.${name}`);
    const date = column(monthly ? "month" : "event_date");
    const length = sql.lit(PERIOD_LENGTH[options.interval]);
    const conditions = await this.#conditions(table, filter, reviewed);
    if (conditions === null) return [];
    const selected = [
      sql`case when length(${date}) >= ${length} then substr(${date}, 1, ${length}) end as period`,
      ...options.by.map((dimension, index) => {
        const value =
          dimension === "group" ? sql`coalesce(${column("perpetrator_group")}, ${column("actor1")})` : column(DIMENSION_COLUMNS[dimension]);
        return sql`${value} as ${sql.ref(`key${index}`)}`;
      }),
    ];
    const counted = monthly
      ? sql`sum(event_rollup.events) as events, sum(event_rollup.fatalities) as fatalities`
      : sql`count(*) as events, sum(coalesce(events.fatalities, 0)) as fatalities`;
    const groups = sql.join(selected.map((_, index) => sql.lit(index + 1)));
    const { rows } = await sql<CountRow>`select ${sql.join(selected)}, ${counted} from ${sql.table(table)}
      ${conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
      group by ${groups}`.execute(this.#db);
    return rows.map((row) => ({
      period: row.period !== null && isPartialDate(row.period) ? row.period : null,
      keys: options.by.map((_, index) => row[`key${index}`] ?? null),
      events: Number(row.events),
      fatalities: Number(row.fatalities ?? 0),
    }));
  }

  /**
   * The filter as SQL conditions on `table`: the events, or a summary table holding their
   * grouping columns by the same names with `month` for the date; null when nothing can match (a
   * text filter with no searchable word, a group no event names). On event_cells a bounding box
   * keeps the fine cells it touches. On the events, `hints` steer SQLite's plan: `ordered` (read
   * a page at a time in page order) keeps a bounding box off the coordinates' index; `dateOrdered`
   * (read in date order up to a small limit) keeps every column but the date off its index, so the
   * plan walks the date index and stops early. `+column` is how SQLite is told.
   */
  async #conditions(
    table: "events" | "event_rollup" | "event_cells",
    filter: CountFilter,
    reviewed: RawBuilder<SqlBool> | null,
    hints: ConditionHints = {},
  ): Promise<RawBuilder<unknown>[] | null> {
    const onEvents = table === "events";
    const column: EventColumn = (name) =>
      onEvents && hints.dateOrdered === true && name !== "event_date"
        ? this.#dialect.unindexed(`events.${name}`)
        : sql.ref<string | null>(`${table}.${name}`);
    const date = sql.ref<string | null>(onEvents ? "events.event_date" : `${table}.month`);
    const conditions: RawBuilder<unknown>[] = [];
    if (filter.group !== undefined) {
      // Names as stored (read from the rollup, which holds every name the events and the map
      // cells hold): no SQL function call per row.
      const names = await this.#groupNamesAsStored(filter.group);
      if (names.length === 0) return null;
      const list = sql.join(names);
      conditions.push(
        sql`(${sql.join(
          ["perpetrator_group", "actor1", "actor2"].map((name) => sql`${column(name)} in (${list})`),
          sql` or `,
        )})`,
      );
    }
    if (filter.country !== undefined) conditions.push(sql`${column("country")} = ${filter.country.toUpperCase()}`);
    if (filter.admin1 !== undefined)
      conditions.push(sql`${this.#dialect.fold(sql.ref<string | null>(`${table}.admin1`))} = ${foldName(filter.admin1)}`);
    if (filter.bbox !== undefined) {
      const { west, south, east, north } = filter.bbox;
      if (table === "event_cells") {
        const cell = (degrees: number, offset: number) => Math.floor((degrees + offset) * CELLS_PER_DEGREE);
        conditions.push(
          // Not through the cell index (0009, for the regions' NULL cells): a viewport holds most
          // cells of a map, and a row looked up per index entry cost 3x a scan.
          sql`+event_cells.cell_x between ${cell(west, 180)} and ${cell(east, 180)} and +event_cells.cell_y between ${cell(south, 90)} and ${cell(north, 90)}`,
        );
      } else if (hints.ordered === true || hints.dateOrdered === true) {
        conditions.push(sql`+events.longitude between ${west} and ${east} and +events.latitude between ${south} and ${north}`);
      } else conditions.push(sql`events.longitude between ${west} and ${east} and events.latitude between ${south} and ${north}`);
    }
    if (reviewed !== null) conditions.push(reviewed);
    if (filter.eventType !== undefined) conditions.push(sql`${column("event_type")} = ${filter.eventType}`);
    if (filter.status !== undefined) conditions.push(sql`${column("status")} = ${filter.status}`);
    // The same overlap tests as findEvents (./dates.ts); on the rollup's months they keep the same
    // events, because a bound no finer than a month compares the same on the first 7 characters.
    if (filter.since !== undefined) {
      const bound = sinceBound(filter.since);
      // The coarser dates that contain the bound are its prefixes, so every kept date is at or
      // after the shortest: that range lets a date index serve the whole test (without it the
      // OR became two index searches merged and sorted, 200 ms for a page on 1,000,000 events).
      const [widest] = bound.containing;
      conditions.push(
        widest !== undefined
          ? sql`${date} >= ${widest} and (${date} >= ${bound.atOrAfter} or ${date} in (${sql.join(bound.containing)}))`
          : sql`${date} >= ${bound.atOrAfter}`,
      );
    }
    if (filter.until !== undefined) conditions.push(sql`${date} <= ${untilBound(filter.until)}`);
    if (onEvents && filter.where?.within !== undefined) {
      // The range the index walks: every date lying inside the window sorts within it (a year
      // "2025" sorts before "2025-01-01", so the range starts at the year). Redundant with the
      // window's own test, it lets the plan read the window's dates only.
      conditions.push(sql`${date} >= ${filter.where.within.first.slice(0, 4)} and ${date} <= ${filter.where.within.last}`);
    }
    if (filter.text !== undefined) {
      const matching = this.#dialect.matchingDocumentIds(filter.text);
      if (matching === null) return null;
      if (onEvents && hints.ordered === true && (await this.#manyEventsOf(matching))) {
        // A page of a text most reports contain: the list of their events would be most of the
        // events (7 s to build for 1,000,000), while the page walks its index and stops after a
        // page, asking each event whether a matching report holds it.
        conditions.push(
          sql`exists (select 1 from event_documents where event_documents.event_id = events.id and event_documents.document_id in ${matching})`,
        );
      } else conditions.push(sql`${column("id")} in (select event_id from event_documents where document_id in ${matching})`);
    }
    if (filter.knownBy !== undefined || filter.where !== undefined) {
      // Analysis-only filters, on the events themselves (countEvents routes such filters there).
      if (!onEvents) throw new Error(`knownBy and where filter events, not ${table}`);
      if (filter.knownBy !== undefined) {
        // A partial date compares as its first day: "2025-06" <= "2025-06-10", "2025-07" is after.
        conditions.push(
          sql`${column("document_id")} in (select id from documents where coalesce(published_date, reference_date) is null or coalesce(published_date, reference_date) <= ${filter.knownBy})`,
        );
      }
      if (filter.where !== undefined) conditions.push(conditionSql(filter.where, column));
    }
    return conditions;
  }

  async getEvent(id: string): Promise<EventWithDocuments | null> {
    const row = await this.#db.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
    if (row === undefined) return null;
    const [event] = await this.#withDetails([row]);
    if (event === undefined) return null;
    const documents = await this.#db
      .selectFrom("event_documents")
      .innerJoin("documents", "documents.id", "event_documents.document_id")
      .select(["documents.id", "documents.title", "documents.publisher", "documents.url", "documents.published_date", "documents.origin"])
      .where("event_documents.event_id", "=", id)
      .orderBy("documents.ingested_at")
      .orderBy("documents.id")
      .execute();
    return {
      event,
      documents: documents.map((document) => ({
        id: document.id,
        title: document.title,
        publisher: document.publisher,
        url: document.url,
        publishedDate: document.published_date,
        origin: document.origin,
      })),
    };
  }

  async #withDetails(rows: readonly EventRow[]): Promise<Event[]> {
    const ids = rows.map((row) => row.id);
    const sourceRows: { event_id: string; document_id: string; position: number; attribution: string }[] = [];
    for (const chunk of chunks(ids)) {
      const rows = await this.#db
        .selectFrom("event_sources")
        .select(["event_sources.event_id", "event_sources.document_id", "event_sources.position", "event_sources.attribution"])
        .where("event_sources.event_id", "in", chunk)
        .execute();
      // A loop, not push(...rows): a spread of a very long array overflows the stack.
      for (const row of rows) sourceRows.push(row);
    }
    const evidenceRows = await this.#evidenceRows("event", ids);
    const ingested = await this.#ingestTimes([...sourceRows, ...evidenceRows].map((row) => row.document_id));
    const sources = new Map<string, string[]>();
    for (const source of sourceRows.sort(inReportOrder(ingested))) {
      const list = sources.get(source.event_id) ?? [];
      list.push(source.attribution);
      sources.set(source.event_id, list);
    }
    const evidence = evidenceByOwner(evidenceRows.sort(inReportOrder(ingested)));
    return rows.map((row) => rowToEvent(row, sources.get(row.id) ?? [], evidence.get(row.id) ?? []));
  }

  async #evidenceFor(ownerKind: EvidenceOwnerKind, ids: readonly string[]): Promise<Map<string, Evidence[]>> {
    const rows = await this.#evidenceRows(ownerKind, ids);
    const ingested = await this.#ingestTimes(rows.map((row) => row.document_id));
    return evidenceByOwner(rows.sort(inReportOrder(ingested)));
  }

  /**
   * The evidence rows of `ids`, unordered. Read without joining the documents: the order they are
   * shown in (reports as ingested, then position) is made in memory from #ingestTimes, since a
   * join per row cost a page of 50 events as much again as the rows themselves (ADR-17).
   */
  async #evidenceRows(ownerKind: EvidenceOwnerKind, ids: readonly string[]): Promise<EvidenceRow[]> {
    const rows: EvidenceRow[] = [];
    for (const chunk of chunks(ids)) {
      const found = await this.#db
        .selectFrom("evidence")
        .select([
          "evidence.owner_id",
          "evidence.document_id",
          "evidence.position",
          "evidence.start_offset",
          "evidence.end_offset",
          "evidence.text",
        ])
        .where("evidence.owner_kind", "=", ownerKind)
        .where("evidence.owner_id", "in", chunk)
        .execute();
      for (const row of found) rows.push(row);
    }
    return rows;
  }

  /** When each of the documents was ingested, by id: one lookup per distinct document. */
  async #ingestTimes(documentIds: readonly string[]): Promise<Map<string, string>> {
    const times = new Map<string, string>();
    for (const chunk of chunks(unique(documentIds))) {
      const rows = await this.#db.selectFrom("documents").select(["id", "ingested_at"]).where("id", "in", chunk).execute();
      for (const row of rows) times.set(row.id, row.ingested_at);
    }
    return times;
  }

  async findFigures(filter: FigureFilter = {}): Promise<Figure[]> {
    checkPage(filter);
    let query = this.#db.selectFrom("figures").selectAll("figures");
    if (filter.group !== undefined) {
      const keys = await this.#groupKeys(filter.group);
      const fold = this.#dialect.fold;
      query = query.where((where) => where(fold(where.ref("figures.group_name")), "in", keys));
    }
    if (filter.country !== undefined) query = query.where("figures.country", "=", filter.country.toUpperCase());
    if (filter.measure !== undefined) query = query.where("figures.measure", "=", filter.measure);
    // A period open at one end is read as the one date it gives.
    if (filter.since !== undefined) {
      const bound = sinceBound(filter.since);
      query = query.where((where) => {
        const periodEnd = where.fn.coalesce("figures.period_end", "figures.period_start");
        return where.or([
          where(periodEnd, ">=", bound.atOrAfter),
          ...(bound.containing.length > 0 ? [where(periodEnd, "in", bound.containing)] : []),
        ]);
      });
    }
    if (filter.until !== undefined) {
      const bound = untilBound(filter.until);
      query = query.where((where) => where(where.fn.coalesce("figures.period_start", "figures.period_end"), "<=", bound));
    }
    query = query
      .orderBy((order) =>
        order.case().when(order.fn.coalesce("figures.period_start", "figures.period_end"), "is", null).then(1).else(0).end(),
      )
      .orderBy((order) => order.fn.coalesce("figures.period_start", "figures.period_end"))
      .orderBy("figures.id");
    if (filter.limit !== undefined || filter.offset !== undefined) {
      query = query.limit(filter.limit ?? Number.MAX_SAFE_INTEGER).offset(filter.offset ?? 0);
    }
    const rows: FigureRow[] = await query.execute();
    const evidence = await this.#evidenceFor(
      "figure",
      rows.map((row) => row.id),
    );
    const figures = rows.map((row) => rowToFigure(row, evidence.get(row.id) ?? []));
    if (filter.assess !== true) return figures;
    const assessments = await this.incidents.assessFigures(figures);
    return figures.map((figure) => ({ ...figure, assessment: assessments.get(figure.id) }));
  }

  async listStatements(documentId: string): Promise<Statement[]> {
    const rows = await this.#db.selectFrom("statements").selectAll().where("document_id", "=", documentId).orderBy("id").execute();
    const evidence = await this.#evidenceFor(
      "statement",
      rows.map((row) => row.id),
    );
    return rows.map((row) => rowToStatement(row, evidence.get(row.id)?.[0]));
  }

  async listMentions(documentId: string): Promise<Mention[]> {
    const rows = await this.#db
      .selectFrom("mentions")
      .selectAll()
      .where("document_id", "=", documentId)
      .orderBy("start_offset")
      .orderBy("end_offset")
      .orderBy("mention_type")
      .execute();
    return rows.map(rowToMention);
  }

  async saveActors(actors: readonly Actor[]): Promise<void> {
    await this.#write("actors", (db) => this.#insertActors(db, actors, "replace"));
  }

  async findActor(nameOrAlias: string): Promise<Actor | null> {
    const key = foldName(nameOrAlias);
    const fold = this.#dialect.fold;
    const row = await this.#db
      .selectFrom("actors")
      .selectAll()
      .where((where) =>
        where.or([
          where("canonical_name", "=", nameOrAlias),
          where(fold(where.ref("canonical_name")), "=", key),
          where("canonical_name", "in", where.selectFrom("actor_aliases").select("canonical_name").where("alias_key", "=", key)),
        ]),
      )
      // An exact canonical name wins over an alias another actor shares.
      .orderBy((order) => order.case().when("canonical_name", "=", nameOrAlias).then(0).else(1).end())
      .orderBy("canonical_name")
      .executeTakeFirst();
    if (row === undefined) return null;
    const aliases = await this.#db
      .selectFrom("actor_aliases")
      .select("alias")
      .where("canonical_name", "=", row.canonical_name)
      .orderBy("alias")
      .execute();
    return rowToActor(
      row,
      aliases.map((alias) => alias.alias),
    );
  }

  async savePlaces(places: readonly Place[]): Promise<void> {
    await this.#write("places", async (db) => {
      for (const place of places) {
        await db
          .insertInto("places")
          .values(placeToRow(place))
          .onConflict((conflict) =>
            conflict.expression(placeKey).doUpdateSet((update) => ({
              latitude: update.ref("excluded.latitude"),
              longitude: update.ref("excluded.longitude"),
              geo_precision: update.ref("excluded.geo_precision"),
              geonameid: update.ref("excluded.geonameid"),
            })),
          )
          .execute();
      }
    });
  }

  async findPlaces(name: string, country?: string): Promise<Place[]> {
    const fold = this.#dialect.fold;
    let query = this.#db
      .selectFrom("places")
      .selectAll()
      .where((where) => where(fold(where.ref("name")), "=", foldName(name)));
    if (country !== undefined) query = query.where("country", "=", country.toUpperCase());
    const rows = await query.orderBy("country").orderBy("admin1").orderBy("name").execute();
    return rows.map(rowToPlace);
  }

  async #write(what: string, work: (db: Kysely<Database>) => Promise<void>): Promise<void> {
    try {
      await this.#db.transaction().execute(work);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SitrepError("STORE_WRITE_FAILED", `could not save ${what}: ${reason}`, { cause: error });
    }
  }

  async pageEvents(filter: CountFilter, page: EventPageRequest): Promise<{ events: Event[]; next: EventPosition | null }> {
    const { rows, next } = await pageEventRows(() => this.#filteredEvents(filter, { ordered: true }), page);
    return { events: await this.#withDetails(rows), next };
  }

  async mapEvents(filter: CountFilter, cellDegrees: number): Promise<MapAggregate> {
    // As countEvents: the fine-cell summary serves month-grained filters that keep unreviewed
    // events, at zoom levels whose cells are whole numbers of fine cells; the few reviewed events
    // the filter leaves out are mapped from the events and subtracted.
    const states = filter.review ?? review.DEFAULT_REVIEW_STATES;
    const factor = cellDegrees * CELLS_PER_DEGREE;
    const monthGrained =
      filter.text === undefined &&
      states.includes("unreviewed") &&
      [filter.since, filter.until].every((bound) => bound === undefined || bound.length <= 7);
    const summarised = Number.isInteger(factor) && factor >= 1 && monthGrained;
    // Events without coordinates lie in no box: the regions answer the filter without its bbox,
    // so one request for a viewport gives its cells and every region.
    const unplaced: CountFilter = { ...filter, bbox: undefined };
    if (!monthGrained)
      return mapEventRows(
        () => this.#filteredEvents(filter),
        () => this.#filteredEvents(unplaced),
        cellDegrees,
      );
    const conditions = await this.#conditions("event_cells", filter, null);
    const regionConditions = await this.#conditions("event_cells", unplaced, null);
    // Nothing can match (a group no event names).
    if (conditions === null || regionConditions === null) return { cells: [], regions: [] };
    const excluded = review.excludedStatuses(states);
    const reviewed = await review.hasReviewedStatus(this.#db, excluded);
    if (!summarised) {
      // Cells finer than the summary's: the viewport's events read one by one; the regions, which
      // no zoom changes, still from the summary (reading them from the events would read every
      // event without a box to narrow them: 3.5 s on 1,000,000 events).
      const totals = await mapEventTotals(() => this.#filteredEvents(filter), null, cellDegrees);
      const leftRegions = reviewed
        ? await mapEventTotals(null, () => this.#filteredEvents({ ...unplaced, review: excluded }), cellDegrees)
        : null;
      await addSummaryRegions(this.#db, totals, regionConditions, leftRegions);
      return mapOfTotals(totals);
    }
    const left = reviewed
      ? await mapEventTotals(
          () => this.#filteredEvents({ ...filter, review: excluded }),
          () => this.#filteredEvents({ ...unplaced, review: excluded }),
          cellDegrees,
        )
      : null;
    return mapCellRows(this.#db, conditions, regionConditions, factor, left, async (box) => {
      const query = await this.#filteredEvents({ ...filter, bbox: box });
      const row =
        query === null ? undefined : await query.clearSelect().select("events.id").orderBy("events.id").limit(1).executeTakeFirst();
      return row?.id ?? null;
    });
  }

  async decideEvent(id: string, status: "accepted" | "rejected", by: ReviewBy): Promise<EventReview | null> {
    return review.decideEvent(this.#db, id, status, by, this.#now());
  }

  async editEvent(id: string, changes: EventChanges, by: ReviewBy): Promise<EditResult | null> {
    return review.editEvent(this.#db, id, changes, by, this.#now());
  }

  async eventReviews(ids: readonly string[]): Promise<Map<string, EventReview>> {
    return review.eventReviews(this.#db, ids);
  }

  async eventEdits(id: string): Promise<EventEdit[]> {
    return review.eventEdits(this.#db, id);
  }

  async listDocuments(limit: number, after?: DocumentPosition): Promise<DocumentPage> {
    checkPage({ limit });
    return browse.listDocuments(this.#db, limit, after);
  }

  async documentEvidence(documentId: string): Promise<EvidenceSpan[]> {
    return browse.documentEvidence(this.#db, documentId);
  }

  async documentEventIds(documentId: string): Promise<string[]> {
    return browse.documentEventIds(this.#db, documentId);
  }

  async listActors(): Promise<Actor[]> {
    return browse.listActors(this.#db);
  }

  async listPlaces(filter: PlaceFilter): Promise<Place[]> {
    checkPage(filter);
    return browse.listPlaces(this.#db, filter);
  }

  async summary(): Promise<StoreSummary> {
    const count = async (table: "documents" | "events" | "figures" | "statements"): Promise<number> => {
      const row = await this.#db
        .selectFrom(table)
        .select((select) => select.fn.countAll().as("count"))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    };
    const byType = await this.#db
      .selectFrom("events")
      .select((select) => ["event_type", select.fn.countAll().as("count")])
      .groupBy("event_type")
      .execute();
    const byCountry = await this.#db
      .selectFrom("events")
      .select((select) => ["country", select.fn.countAll().as("count")])
      .groupBy("country")
      .execute();
    const eventsByType = byType
      .map((row) => ({ eventType: eventTypeOf(row.event_type), count: Number(row.count) }))
      .sort((left, right) => right.count - left.count || left.eventType.localeCompare(right.eventType));
    const eventsByCountry = byCountry
      .map((row) => ({ country: row.country, count: Number(row.count) }))
      .sort((left, right) => right.count - left.count || (left.country ?? "~").localeCompare(right.country ?? "~"));
    return {
      documents: await count("documents"),
      events: await count("events"),
      figures: await count("figures"),
      statements: await count("statements"),
      eventsByType,
      eventsByCountry,
    };
  }

  async close(): Promise<void> {
    await this.#dialect.close();
  }
}
