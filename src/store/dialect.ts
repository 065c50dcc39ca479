// What differs between database engines, and nothing else. The repository (./store.ts) is written
// once against Kysely and this interface; each engine has a folder (./sqlite/, later ./postgres/)
// that implements it with its own pragmas, full-text search and migrations.
//
// A PostgreSQL dialect must, besides these methods:
// - give the date columns (events.event_date, figures.period_start/period_end) COLLATE "C" in its
//   own migrations, because ./dates.ts compares partial dates byte-wise;
// - provide the same dialect-specific migration numbers as ./sqlite/migrations/ (a tsvector
//   column with a GIN index for 0002_document_search, triggers that keep event_rollup in
//   step with events for 0004_event_rollup, and a way for writeEventsInBulk to set them aside
//   for 0005_event_rollup_bulk, and event_cells for 0007_map_cells).
import type { Expression, Kysely, Migration, RawBuilder } from "kysely";
import type { Database, EventRow } from "./schema.ts";

export interface DocumentHit {
  readonly documentId: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly publishedDate: string | null;
  /** A passage around the matches, each match between SNIPPET_OPEN and SNIPPET_CLOSE. */
  readonly snippet: string;
  /** Relevance, higher is better (BM25 on SQLite). Comparable only within one result list. */
  readonly score: number;
}

export const SNIPPET_OPEN = "«";
export const SNIPPET_CLOSE = "»";

export interface StoreDialect {
  readonly name: "sqlite";
  readonly db: Kysely<Database>;
  /** Migrations only this engine runs, merged with ./migrations/ by name. */
  readonly migrations: Readonly<Record<string, Migration>>;
  /** SQL for `foldName(value)` (./fold.ts), NULL for NULL. */
  fold(value: Expression<string | null>): Expression<string | null>;
  /**
   * A column reference the planner must not use an index for, so that a date-ordered read with a
   * limit walks the event-date index and stops early (SQLite: `+column`).
   */
  unindexed(column: string): RawBuilder<unknown>;
  /**
   * A parenthesised subquery of the ids of documents matching a user's search text, for use as
   * the right side of `in`; null when the text has no searchable word.
   */
  matchingDocumentIds(query: string): Expression<string> | null;
  searchDocuments(query: string, limit: number): Promise<DocumentHit[]>;
  /**
   * Runs `write`, a bulk upsert of the event rows `rows` (of which `existingIds` were already
   * stored) inside `db`, a transaction, keeping what triggers derive from events (the monthly
   * rollup) in step once for the batch rather than once per row.
   */
  writeEventsInBulk<T>(
    db: Kysely<Database>,
    rows: readonly EventRow[],
    existingIds: readonly string[],
    write: () => Promise<T>,
  ): Promise<T>;
  /**
   * Sets aside the non-unique indexes of the tables an import writes (events and the tables
   * beside it), keeping their definitions in the database, so that a large import builds each
   * once at its end; returns their names.
   */
  deferImportIndexes(): Promise<readonly string[]>;
  /** Builds again whatever deferImportIndexes set aside, also after a crash; returns how many. */
  restoreDeferredIndexes(): Promise<number>;
  /**
   * A value that changes whenever the database may have changed: a commit by another connection
   * or process, or a write by this one. Caches of what was read are keyed by it.
   */
  dataVersion(): Promise<string>;
  close(): Promise<void>;
}
