// `sitrep export` and `sitrep import` through commander, as main.ts will register them.
import { strict as assert } from "node:assert";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, it } from "node:test";
import { Command } from "commander";
import type { Config } from "../config/config.ts";
import { registerInteropCommands } from "./interop.ts";
import type { CliIo } from "./main.ts";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/interop/", import.meta.url));

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "sitrep-cli-interop-"));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTerminal: false };
  const config = (): Config => ({ databasePath: join(directory, "sitrep.db"), maxInputBytes: 1024 * 1024 });
  const program = new Command("sitrep").exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerInteropCommands(program, config, io, (exitCode) => {
    code = exitCode;
  });
  await program.parseAsync([...args], { from: "user" });
  return { code, stdout, stderr };
}

describe("sitrep import / export", () => {
  it("imports a file, names each bad row by line, and exits 1", async () => {
    const result = await run(["import", "acled", join(FIXTURES, "acled.csv")]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /acled\.csv: line 6: failed \[IMPORT_ROW_INVALID\]: event_type is not an ACLED event type: "Skirmish"/);
    assert.match(result.stderr, /5 events imported \(5 new, 0 already stored\), 4 rows failed, read as utf-8/);
  });

  it("exports filtered events to a file as GeoJSON", async () => {
    await run(["import", "ucdp", join(FIXTURES, "ucdp-ged.csv")]);
    const out = join(directory, "events.geojson");
    const result = await run(["export", "--format", "geojson", "--country", "iq", "--since", "2017-08", "--out", out]);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /exported 1 events as geojson/);
    const collection = JSON.parse(readFileSync(out, "utf8")) as { features: { properties: { location: string } }[] };
    assert.deepEqual(
      collection.features.map((feature) => feature.properties.location),
      ["Tall Afar town"],
    );
  });

  it("writes ACLED CSV to standard output", async () => {
    await run(["import", "gtd", join(FIXTURES, "gtd.csv")]);
    const result = await run(["export", "--format", "acled-csv"]);
    assert.equal(result.stdout.split("\r\n")[0]?.split(",")[0], "event_id_cnty");
    assert.equal(result.stdout.trim().split("\r\n").length, 4);
  });

  it("compares an imported dataset with sitrep's own events: with none of its own, everything is only in the dataset", async () => {
    await run(["import", "acled", join(FIXTURES, "acled.csv")]);
    const table = await run(["compare", "--dataset", "acled", "--country", "IQ"]);
    assert.equal(table.code, 0);
    assert.match(table.stdout, /^sitrep: 0 events, ACLED: 4 events, matched: 0/);
    assert.match(table.stdout, /only in ACLED \(4\):/);
    assert.match(table.stdout, /2024-03 +│ 0 +│ 4 +│ 0/);
    const json = JSON.parse(
      (await run(["compare", "--dataset", "acled", "--country", "IQ", "--format", "json", "--window-days", "7"])).stdout,
    ) as {
      rule: { window_days: number };
      only_dataset: unknown[];
    };
    assert.equal(json.rule.window_days, 7);
    assert.equal(json.only_dataset.length, 4);
    await assert.rejects(run(["compare", "--dataset", "acled", "--window-days", "soon"]), { code: "USAGE" });
  });

  it("refuses a bad date filter as a usage error", async () => {
    await assert.rejects(run(["export", "--format", "jsonl", "--since", "March"]), /--since must be YYYY, YYYY-MM or YYYY-MM-DD/);
  });
});
