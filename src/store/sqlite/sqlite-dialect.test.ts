// What only the SQLite engine promises: its pragmas, IMMEDIATE write transactions, and a search
// index that stays keyed to the right documents through VACUUM.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { sql } from "kysely";
import { openStore } from "../store.ts";
import { makeDocument, makeExtraction } from "../test-fixtures.ts";
import { BUSY_TIMEOUT_MS, openSqliteDialect } from "./sqlite-dialect.ts";

describe("sqlite dialect", () => {
  let directory: string;
  let path: string;

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), "sitrep-sqlite-"));
    path = join(directory, "nested", "sitrep.db");
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it("sets WAL, synchronous=FULL, foreign keys and a busy timeout on its connection", async () => {
    const dialect = openSqliteDialect(path);
    try {
      const pragma = async (name: string): Promise<unknown> => {
        const { rows } = await sql<Record<string, unknown>>`select * from ${sql.raw(`pragma_${name}`)}`.execute(dialect.db);
        return Object.values(rows[0] ?? {})[0];
      };
      assert.equal(await pragma("journal_mode"), "wal");
      assert.equal(await pragma("synchronous"), 2, "2 is FULL");
      assert.equal(await pragma("foreign_keys"), 1);
      assert.equal(await pragma("busy_timeout"), BUSY_TIMEOUT_MS);
    } finally {
      await dialect.close();
    }
  });

  it("takes the write lock when a transaction begins, not at its first write", async () => {
    const dialect = openSqliteDialect(path);
    const other = new BetterSqlite3(path, { timeout: 0 });
    try {
      await dialect.db.transaction().execute(async (transaction) => {
        await sql`select 1`.execute(transaction);
        assert.throws(() => other.exec("begin immediate"), { code: "SQLITE_BUSY" });
      });
      other.exec("begin immediate; rollback");
    } finally {
      other.close();
      await dialect.close();
    }
  });

  it("keeps full-text search keyed to the right documents through VACUUM", async () => {
    let store = await openStore({ path });
    const texts = ["alpha checkpoint", "bravo convoy", "charlie airstrip", "delta bridge"];
    for (const text of texts) await store.saveDocument(makeDocument(text), makeExtraction());
    await store.close();

    const raw = new BetterSqlite3(path);
    // Rows that would leave gaps in an implicit rowid sequence, then a rebuild of the file.
    raw.exec("pragma foreign_keys = on");
    raw.prepare("delete from documents where id = ?").run(makeDocument("alpha checkpoint").id);
    raw.exec("vacuum");
    raw.exec("insert into documents_fts (documents_fts) values ('integrity-check')");
    raw.close();

    store = await openStore({ path });
    try {
      assert.deepEqual(await store.searchDocuments("checkpoint"), []);
      assert.deepEqual(
        (await store.searchDocuments("convoy")).map((hit) => hit.documentId),
        [makeDocument("bravo convoy").id],
      );
      assert.deepEqual(
        (await store.searchDocuments("bridge")).map((hit) => hit.documentId),
        [makeDocument("delta bridge").id],
      );
    } finally {
      await store.close();
    }
  });
});
