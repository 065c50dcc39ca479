// The import benchmark's second baseline: the least SQLite work the rows of an import cost in this
// schema on this machine. The rows an import wrote (its events and the rows beside them in
// event_documents, event_sources and event_origins) are read back, then written again into a fresh
// store by plain prepared INSERTs of 1,000 rows, with no CSV, no mapping, no Kysely and no
// JavaScript between the statements but their parameters. Every choice favours the floor: rows in
// primary-key order, so every b-tree is appended to; a commit every 100,000 rows (one transaction
// for everything took 49 s against 42 s at 1,000,000 events: the WAL outgrew the page cache); the
// plain indexes built after the rows (as a large import does); and the rollup and map-cell
// triggers dropped (the import counts both once per batch, which the floor skips). The connection is the store's own (WAL, synchronous FULL,
// foreign keys on), so the floor keeps the guarantees an import must keep.
//
// An import cannot run faster than this floor, whatever its JavaScript does, unless the schema
// writes fewer rows or fewer indexes per event.
import { performance } from "node:perf_hooks";
import BetterSqlite3 from "better-sqlite3";
import { EVENT_COLUMNS } from "../src/store/bulk.ts";
import { openConnection } from "../src/store/sqlite/sqlite-dialect.ts";
import { openStore } from "../src/store/store.ts";

const ROWS_PER_STATEMENT = 1000;
const STATEMENTS_PER_COMMIT = 100;

/** The tables an import writes, in an order their foreign keys accept, each read back in its primary key's order. */
const TABLES: readonly { table: string; columns: readonly string[]; order: string }[] = [
  { table: "events", columns: EVENT_COLUMNS, order: "id" },
  { table: "event_documents", columns: ["event_id", "document_id"], order: "event_id, document_id" },
  { table: "event_sources", columns: ["event_id", "document_id", "position", "attribution"], order: "event_id, document_id, position" },
  {
    table: "event_origins",
    columns: ["dataset", "external_id", "event_id", "original_type", "fatalities_low", "fatalities_high"],
    order: "dataset, external_id",
  },
];

export interface StoreFloor {
  /** Rows written, all tables together. */
  readonly rows: number;
  /** Each table's rows and the seconds their INSERTs and commits took. */
  readonly tables: readonly { readonly table: string; readonly rows: number; readonly seconds: number }[];
  /** Each plain index and the seconds its build took. */
  readonly indexes: readonly { readonly name: string; readonly seconds: number }[];
  readonly insertSeconds: number;
  readonly indexSeconds: number;
  readonly totalSeconds: number;
}

function insertStatement(db: BetterSqlite3.Database, table: string, columns: readonly string[], rows: number): BetterSqlite3.Statement {
  const row = `(${columns.map(() => "?").join(", ")})`;
  return db.prepare(`insert into ${table} (${columns.join(", ")}) values ${Array.from({ length: rows }, () => row).join(", ")}`);
}

/** Reads the import's rows from `importedPath` (untimed), then times writing them into a new store at `floorPath`. */
export async function measureStoreFloor(importedPath: string, floorPath: string): Promise<StoreFloor> {
  const source = new BetterSqlite3(importedPath, { readonly: true });
  const tables = TABLES.map((table) => ({
    ...table,
    rows: source
      .prepare(`select ${table.columns.join(", ")} from ${table.table} order by ${table.order}`)
      .raw()
      .all() as unknown[][],
  }));
  const documents = source.prepare("select * from documents").all() as Record<string, unknown>[];
  source.close();

  const store = await openStore({ path: floorPath });
  await store.close();
  const db = openConnection(floorPath);
  try {
    const names = TABLES.map((table) => `'${table.table}'`).join(", ");
    const indexes = db
      .prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${names})`)
      .all() as { name: string; sql: string }[];
    const plain = indexes.filter((index) => !/^\s*create\s+unique\b/i.test(index.sql));
    const triggers = db.prepare("select name from sqlite_master where type = 'trigger' and tbl_name = 'events'").all() as {
      name: string;
    }[];

    const started = performance.now();
    db.transaction(() => {
      for (const index of plain) db.exec(`drop index "${index.name}"`);
      for (const trigger of triggers) db.exec(`drop trigger "${trigger.name}"`);
    })();
    db.exec("begin immediate");
    for (const document of documents) {
      const columns = Object.keys(document);
      insertStatement(db, "documents", columns, 1).run(columns.map((column) => document[column]));
    }
    const written: { table: string; rows: number; seconds: number }[] = [];
    let statements = 0;
    for (const { table, columns, rows } of tables) {
      const tableStarted = performance.now();
      const full = insertStatement(db, table, columns, ROWS_PER_STATEMENT);
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
        const statement = chunk.length === ROWS_PER_STATEMENT ? full : insertStatement(db, table, columns, chunk.length);
        statement.run(chunk.flat());
        statements += 1;
        if (statements % STATEMENTS_PER_COMMIT === 0) {
          db.exec("commit");
          db.exec("begin immediate");
        }
      }
      if (table === tables[tables.length - 1]?.table) db.exec("commit");
      written.push({ table, rows: rows.length, seconds: (performance.now() - tableStarted) / 1000 });
    }
    const inserted = performance.now();
    const built: { name: string; seconds: number }[] = [];
    for (const index of plain) {
      const indexStarted = performance.now();
      db.exec(index.sql);
      built.push({ name: index.name, seconds: (performance.now() - indexStarted) / 1000 });
    }
    const finished = performance.now();
    return {
      rows: written.reduce((sum, table) => sum + table.rows, 0),
      tables: written,
      indexes: built,
      insertSeconds: (inserted - started) / 1000,
      indexSeconds: (finished - inserted) / 1000,
      totalSeconds: (finished - started) / 1000,
    };
  } finally {
    db.close();
  }
}
