// Multi-row INSERTs for bulk writes (a dataset import: 1,000,000 rows). Building a Kysely query
// for every chunk of rows (a node per cell, then compiling it to SQL) and preparing it again took
// a fifth of the time on a profile of the import (docs/ARCHITECTURE.md, ADR "Imports write in bulk"). So the
// statement is built and compiled once per row count, by Kysely and in the dialect's own SQL,
// and then run with fresh parameters; the SQLite dialect keeps the prepared statement, so it is
// parsed once as well.
import { CompiledQuery, type Compilable, type Kysely } from "kysely";
import type { Database, EventDocumentsTable, EventOriginsTable, EventRow, EventSourcesTable } from "./schema.ts";

export class BulkInsert<Row extends object> {
  readonly #columns: readonly (keyof Row & string)[];
  readonly #build: (db: Kysely<Database>, rows: Row[]) => Compilable;
  readonly #rowsPerStatement: number;
  readonly #templates = new Map<number, string>();

  /**
   * `build` returns the statement for `rows` (an insertInto(...).values(rows) with whatever
   * conflict clause); every row it is given has exactly `columns`, so each row's parameters are
   * the cells in that order. `rowsPerStatement` keeps a statement under the dialect's bound
   * parameter limit (SQLite: 32,766).
   */
  constructor(
    columns: readonly (keyof Row & string)[],
    build: (db: Kysely<Database>, rows: Row[]) => Compilable,
    rowsPerStatement: number,
  ) {
    this.#columns = columns;
    this.#build = build;
    this.#rowsPerStatement = rowsPerStatement;
  }

  async run(db: Kysely<Database>, rows: readonly Row[]): Promise<void> {
    const columns = this.#columns;
    for (let start = 0; start < rows.length; start += this.#rowsPerStatement) {
      const end = Math.min(rows.length, start + this.#rowsPerStatement);
      const parameters: unknown[] = new Array((end - start) * columns.length);
      let position = 0;
      for (let index = start; index < end; index += 1) {
        const row = rows[index] as Row;
        for (const column of columns) parameters[position++] = row[column];
      }
      await db.executeQuery(CompiledQuery.raw(this.#template(db, end - start), parameters));
    }
  }

  /** The SQL for `count` rows, compiled from rows whose cells are markers, so the parameter order is checked, not assumed. */
  #template(db: Kysely<Database>, count: number): string {
    const cached = this.#templates.get(count);
    if (cached !== undefined) return cached;
    const marker = (row: number, column: number): string => `\u0000bulk ${row} ${column}`;
    const rows = Array.from({ length: count }, (_, row) =>
      Object.fromEntries(this.#columns.map((column, position) => [column, marker(row, position)])),
    ) as unknown as Row[];
    const compiled = this.#build(db, rows).compile();
    const inOrder =
      compiled.parameters.length === count * this.#columns.length &&
      compiled.parameters.every((value, index) => value === marker(Math.floor(index / this.#columns.length), index % this.#columns.length));
    if (!inOrder) throw new Error("a bulk INSERT's parameters are not its rows' cells in order; it cannot be reused");
    this.#templates.set(count, compiled.sql);
    return compiled.sql;
  }
}

/** The events table's columns, in the order the bulk INSERTs (and the bench generator) write them. */
export const EVENT_COLUMNS = [
  "id",
  "document_id",
  "event_type",
  "sub_event_type",
  "event_date",
  "date_precision",
  "country",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "actor1",
  "actor2",
  "perpetrator_group",
  "fatalities",
  "status",
] as const satisfies readonly (keyof EventRow)[];

/** The columns an imported row replaces: all but the id and the first document. */
const REPLACED_COLUMNS = EVENT_COLUMNS.filter((column) => column !== "id" && column !== "document_id");

/** The statements of Store.saveImportedEvents. Rows per statement: 17 columns x 1,000 = 17,000 parameters. */
export function importInserts(): {
  events: BulkInsert<EventRow>;
  eventDocuments: BulkInsert<EventDocumentsTable>;
  eventSources: BulkInsert<EventSourcesTable>;
  eventOrigins: BulkInsert<EventOriginsTable>;
} {
  return {
    // The dataset is the authority on its own records: a row already stored takes the new fields.
    events: new BulkInsert<EventRow>(
      EVENT_COLUMNS,
      (db, rows) =>
        db
          .insertInto("events")
          .values(rows)
          .onConflict((conflict) =>
            conflict
              .column("id")
              .doUpdateSet((update) => Object.fromEntries(REPLACED_COLUMNS.map((column) => [column, update.ref(`excluded.${column}`)]))),
          ),
      1000,
    ),
    eventDocuments: new BulkInsert<EventDocumentsTable>(
      ["event_id", "document_id"],
      (db, rows) =>
        db
          .insertInto("event_documents")
          .values(rows)
          .onConflict((conflict) => conflict.doNothing()),
      1000,
    ),
    eventSources: new BulkInsert<EventSourcesTable>(
      ["event_id", "document_id", "position", "attribution"],
      (db, rows) =>
        db
          .insertInto("event_sources")
          .values(rows)
          .onConflict((conflict) => conflict.doNothing()),
      1000,
    ),
    eventOrigins: new BulkInsert<EventOriginsTable>(
      ["dataset", "external_id", "event_id", "original_type", "fatalities_low", "fatalities_high"],
      (db, rows) =>
        db
          .insertInto("event_origins")
          .values(rows)
          .onConflict((conflict) => conflict.doNothing()),
      1000,
    ),
  };
}
