// Secondary indexes set aside for a large import and built again at its end (docs/ARCHITECTURE.md,
// ADR "Imports write in bulk"). Each event an import writes adds an entry to every index of
// `events` and of the three tables beside it; in a table of a million rows those entries land
// all over b-trees much larger than the page cache, so each batch rereads and rewrites most of
// their pages. Building an index once from the finished table sorts its entries and writes each
// page once: 200,000 imported rows written as raw statements took 29.5 s with every index (and
// the cells' trigger) kept up, and 10.7 s without them plus 3.7 s to build the indexes after.
//
// Safety: the unique indexes (primary keys, which the upserts' conflict targets and the foreign
// keys read) are never touched. The definitions are saved in `deferred_indexes` (migration
// 0010_bulk_import) in the transaction that drops them, so a process that dies before the end
// leaves them to the next open of the store (store.ts, openStore), which builds them again. Until
// then every query still answers the same; it may only read more rows.
import { sql, type Kysely } from "kysely";
import type { Database } from "../schema.ts";

/** The tables Store.saveImportedEvents writes. */
const IMPORT_TABLES = ["events", "event_documents", "event_sources", "event_origins"] as const;

interface IndexDefinition {
  name: string;
  table_name: string;
  definition: string;
}

/** Drops the non-unique indexes of the import's tables, their definitions kept; returns their names. */
export async function deferImportIndexes(db: Kysely<Database>): Promise<string[]> {
  return db.transaction().execute(async (transaction) => {
    // `sql` is null for the automatic indexes of primary keys and unique constraints.
    const { rows } = await sql<IndexDefinition>`select name, tbl_name as table_name, sql as definition from sqlite_master
      where type = 'index' and sql is not null and tbl_name in (${sql.join([...IMPORT_TABLES])}) order by name`.execute(transaction);
    const plain = rows.filter((row) => !/^\s*create\s+unique\b/i.test(row.definition));
    for (const row of plain) {
      await sql`insert into deferred_indexes (name, table_name, definition) values (${row.name}, ${row.table_name}, ${row.definition})
        on conflict (name) do nothing`.execute(transaction);
      await sql`drop index ${sql.ref(row.name)}`.execute(transaction);
    }
    return plain.map((row) => row.name);
  });
}

/**
 * Builds every index in `deferred_indexes` again, one transaction each (a writer in another
 * process waits for one index at a time, never for all of them); returns how many it built.
 */
export async function restoreDeferredIndexes(db: Kysely<Database>): Promise<number> {
  const { rows: tables } = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name = 'deferred_indexes'`.execute(db);
  if (tables.length === 0) return 0;
  let built = 0;
  for (;;) {
    const done = await db.transaction().execute(async (transaction) => {
      const { rows } = await sql<IndexDefinition>`select name, table_name, definition from deferred_indexes order by name limit 1`.execute(
        transaction,
      );
      const next = rows[0];
      if (next === undefined) return true;
      const { rows: present } = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'index' and name = ${next.name}`.execute(transaction);
      if (present.length === 0) {
        await sql.raw(next.definition).execute(transaction);
        built += 1;
      }
      await sql`delete from deferred_indexes where name = ${next.name}`.execute(transaction);
      return false;
    });
    if (done) return built;
  }
}
