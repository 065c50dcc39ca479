// The bench database written in SQL (bench/generate.ts, the default) must be the database the
// store's own saves give: every table, the derived ones (event_rollup, event_cells, incidents,
// the search keys) included, and the same full-text hits. Few days and small reports, so that
// reports share incident blocks and some events merge, as they do on the 1,000,000-event file.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { generateEvents, type GenerateOptions } from "../../bench/generate.ts";

const now = (): Date => new Date("2026-02-01T00:00:00.000Z");

function tables(db: BetterSqlite3.Database): string[] {
  const rows = db
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'
       and name not like 'documents_fts%' order by name`,
    )
    .all() as { name: string }[];
  return rows.map((row) => row.name);
}

function contents(db: BetterSqlite3.Database, table: string): unknown[] {
  const columns = (db.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((row) => row.name);
  return db.prepare(`select * from ${table} order by ${columns.map((_, index) => index + 1).join(", ")}`).all();
}

for (const coordinates of [true, false]) {
  test(`a bench database written in SQL equals one saved report by report (coordinates: ${coordinates})`, async () => {
    const folder = mkdtempSync(join(tmpdir(), "sitrep-generate-"));
    try {
      const options: GenerateOptions = { coordinates, days: 5, perDocument: 40, now };
      const viaStore = join(folder, "store.db");
      const viaSql = join(folder, "sql.db");
      await generateEvents(viaStore, 600, { ...options, via: "store" });
      await generateEvents(viaSql, 600, { ...options, via: "sql" });
      const expected = new BetterSqlite3(viaStore, { readonly: true });
      const actual = new BetterSqlite3(viaSql, { readonly: true });
      try {
        const names = tables(expected);
        assert.deepEqual(tables(actual), names);
        for (const name of ["events", "event_parts", "event_rollup", "event_cells", "document_search_keys"])
          assert.ok(names.includes(name));
        for (const name of names) assert.deepEqual(contents(actual, name), contents(expected, name), `table ${name}`);
        const count = (db: BetterSqlite3.Database, sql: string): number => (db.prepare(sql).pluck().get() as number) ?? 0;
        assert.equal(count(actual, "select count(*) from event_parts"), 600);
        // With places, some reports' events merged into incidents, so the re-clustering was exercised.
        if (coordinates) assert.ok(count(actual, "select count(*) from events") < 600);
        const hits = (db: BetterSqlite3.Database): unknown[] =>
          db.prepare("select rowid from documents_fts where documents_fts match 'checkpoint' order by rowid").all();
        assert.equal(hits(actual).length, 15);
        assert.deepEqual(hits(actual), hits(expected));
      } finally {
        expected.close();
        actual.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
}
