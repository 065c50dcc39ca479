import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { FIXTURE_FOLDER, buildFixtures } from "../../test/fixtures/ingest/make-fixtures.ts";

test("the committed ingest fixtures are what make-fixtures.ts writes", async () => {
  for (const [name, expected] of buildFixtures()) {
    const committed = await readFile(join(FIXTURE_FOLDER, name));
    assert.ok(Buffer.from(expected).equals(committed), `${name} differs: run node --import tsx test/fixtures/ingest/make-fixtures.ts`);
  }
});
