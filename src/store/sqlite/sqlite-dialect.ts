// The SQLite engine: better-sqlite3 under Kysely, one connection, one writer.
//
// Pragmas (https://www.sqlite.org/pragma.html), following the durability notes in
// shared/research/reliability.md, section 6.2:
// - journal_mode=WAL: readers do not block the writer;
// - synchronous=FULL: in WAL mode, NORMAL "might roll back following a power loss or system
//   crash"; FULL syncs each commit, so an acknowledged ingest survives one;
// - foreign_keys=ON: off by default in SQLite, per connection;
// - busy_timeout: another process holding the write lock is waited for, not failed on.
// Write transactions start with BEGIN IMMEDIATE. A deferred BEGIN that reads, then writes, cannot
// wait for a lock taken meanwhile by another process: it fails with SQLITE_BUSY at once.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type Expression,
  type SqliteDatabase,
  type SqliteDialectConfig,
  type SqliteStatement,
} from "kysely";
import { SitrepError } from "../../domain/errors.ts";
import { SNIPPET_CLOSE, SNIPPET_OPEN, type DocumentHit, type StoreDialect } from "../dialect.ts";
import { foldName } from "../fold.ts";
import type { Database } from "../schema.ts";
import { toFts5Query } from "./fts-query.ts";
import * as documentSearch from "./migrations/0002_document_search.ts";
import * as eventRollup from "./migrations/0004_event_rollup.ts";
import * as eventRollupBulk from "./migrations/0005_event_rollup_bulk.ts";
import { writeEventsCountedOnce } from "./rollup-bulk.ts";
import { deferImportIndexes, restoreDeferredIndexes } from "./deferred-indexes.ts";
import * as mapCells from "./migrations/0007_map_cells.ts";
import * as mapIndexes from "./migrations/0009_map_indexes.ts";
import * as bulkImport from "./migrations/0010_bulk_import.ts";
import * as rollupSubtypes from "./migrations/0011_rollup_subtypes.ts";

export const BUSY_TIMEOUT_MS = 5000;
const FOLD_FUNCTION = "sitrep_fold";
/** Title matches weigh twice body matches in the BM25 rank. */
const TITLE_WEIGHT = 2.0;
const TEXT_WEIGHT = 1.0;
const SNIPPET_TOKENS = 16;

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }
}

/** Prepared statements kept, least recently used dropped first. */
const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely's driver prepares every statement it runs. Statements that repeat are kept prepared
 * instead: a bulk import's multi-row INSERT, run thousands of times with the same SQL, and the
 * reads an API server runs on every request (preparing them was a tenth of the CPU time of an
 * event list page on 1,000,000 events). A kept reader is never run while another run of it is
 * still being iterated: Kysely holds the one connection for a stream until it ends.
 */
function withStatementCache(connection: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => connection.close(),
    prepare(text: string): SqliteStatement {
      const cached = statements.get(text);
      if (cached !== undefined) {
        // Most recently used last.
        statements.delete(text);
        statements.set(text, cached);
        return cached;
      }
      const statement = connection.prepare(text);
      statements.set(text, statement);
      if (statements.size > STATEMENT_CACHE_SIZE) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      return statement;
    },
  };
}

function isInMemory(path: string): boolean {
  return path === ":memory:" || path === "";
}

/** 4 GiB: larger than the databases this tool is benchmarked on (1,000,000 events: ~1.2 GB). */
const MMAP_BYTES = 4 * 1024 ** 3;

/**
 * A connection to the file at `path` with the store's own pragmas (exported for the import
 * benchmark's floor, which writes the same rows with plain statements under the same settings).
 */
export function openConnection(path: string): BetterSqlite3.Database {
  let connection: BetterSqlite3.Database | undefined;
  try {
    if (!isInMemory(path)) mkdirSync(dirname(path), { recursive: true });
    connection = new BetterSqlite3(path, { timeout: BUSY_TIMEOUT_MS });
    // The first statement reads the file header: this is where "file is not a database" shows.
    connection.pragma("journal_mode = WAL");
    connection.pragma("synchronous = FULL");
    connection.pragma("foreign_keys = ON");
    connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // 64 MiB of page cache instead of SQLite's 2 MiB default: a dataset import inserts ids that
    // are hashes, at random places in several indexes, and a cache smaller than those indexes
    // turns each insert into page reads (measured: a 100,000-row ACLED import 20% faster).
    connection.pragma("cache_size = -65536");
    // Reads through a memory map of the file rather than a read() and a copy per page: analysis
    // over a million events visits pages scattered over the file (measured: the brief's grouped
    // tally ~20% less CPU). Writes still go through the WAL, so durability is unchanged.
    // The size is a ceiling; only the file's own length is mapped.
    connection.pragma(`mmap_size = ${MMAP_BYTES}`);
    connection.function(FOLD_FUNCTION, { deterministic: true }, (value: unknown) => (typeof value === "string" ? foldName(value) : null));
    return connection;
  } catch (error) {
    connection?.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new SitrepError("STORE_OPEN_FAILED", `cannot open the database ${path}: ${reason}`, {
      input: path,
      cause: error,
    });
  }
}

interface SearchRow {
  document_id: string;
  title: string | null;
  publisher: string | null;
  published_date: string | null;
  snippet: string;
  rank: number;
}

/** Opens (creating if needed) the SQLite file at `path`; throws STORE_OPEN_FAILED naming it. */
export function openSqliteDialect(path: string): StoreDialect {
  const connection = openConnection(path);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(connection) }) });
  let versionStatement: BetterSqlite3.Statement<[], { changes: number; version: number }> | undefined;
  let closed = false;

  function matchingDocumentIds(query: string): Expression<string> | null {
    const match = toFts5Query(query);
    if (match === null) return null;
    return sql<string>`(select keys.document_id from documents_fts
      join document_search_keys as keys on keys.search_rowid = documents_fts.rowid
      where documents_fts match ${match})`;
  }

  return {
    name: "sqlite",
    db,
    migrations: {
      "0002_document_search": documentSearch,
      "0004_event_rollup": eventRollup,
      "0005_event_rollup_bulk": eventRollupBulk,
      "0007_map_cells": mapCells,
      "0009_map_indexes": mapIndexes,
      "0010_bulk_import": bulkImport,
      "0011_rollup_subtypes": rollupSubtypes,
    },
    fold: (value) => sql<string | null>`${sql.raw(FOLD_FUNCTION)}(${value})`,
    unindexed: (column) => sql`+${sql.ref(column)}`,
    matchingDocumentIds,
    async searchDocuments(query: string, limit: number): Promise<DocumentHit[]> {
      const match = toFts5Query(query);
      if (match === null) return [];
      const { rows } = await sql<SearchRow>`select keys.document_id, documents.title, documents.publisher,
          documents.published_date,
          snippet(documents_fts, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', ${SNIPPET_TOKENS}) as snippet,
          bm25(documents_fts, ${TITLE_WEIGHT}, ${TEXT_WEIGHT}) as rank
        from documents_fts
        join document_search_keys as keys on keys.search_rowid = documents_fts.rowid
        join documents on documents.id = keys.document_id
        where documents_fts match ${match}
        order by rank, documents.id
        limit ${limit}`.execute(db);
      return rows.map((row) => ({
        documentId: row.document_id,
        title: row.title,
        publisher: row.publisher,
        publishedDate: row.published_date,
        snippet: row.snippet,
        // bm25() is better when lower (more negative); the API reports higher as better.
        score: -row.rank,
      }));
    },
    writeEventsInBulk: writeEventsCountedOnce,
    deferImportIndexes: () => deferImportIndexes(db),
    restoreDeferredIndexes: () => restoreDeferredIndexes(db),
    async dataVersion(): Promise<string> {
      // data_version moves when another connection commits (https://www.sqlite.org/pragma.html#pragma_data_version),
      // total_changes() with every row this connection writes (a rolled-back write too: a needless miss at worst).
      // Read on every request the API answers from its kept answers, so prepared once and read
      // straight from the connection (through Kysely it was compiled and prepared each time).
      versionStatement ??= connection.prepare<[], { changes: number; version: number }>(
        "select total_changes() as changes, data_version as version from pragma_data_version",
      );
      const row = versionStatement.get();
      return row === undefined ? "" : `${row.version}.${row.changes}`;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        // Recommended before closing a connection that wrote (https://www.sqlite.org/pragma.html#pragma_optimize).
        await sql`pragma optimize`.execute(db);
      } finally {
        // Even when optimize fails (a full disk), the connection and its file handles are released.
        await db.destroy();
      }
    },
  };
}
