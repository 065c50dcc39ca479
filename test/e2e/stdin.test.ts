// `sitrep ingest -`: a report piped in, as from curl or another tool.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { WireEvent } from "../../src/domain/wire.ts";
import { Workspace, lines } from "./harness.ts";
import { HAWIJA_TXT } from "./reports.ts";

interface IngestResult {
  input: string;
  status: "ingested" | "unchanged" | "failed";
  document_id: string | null;
  error: { code: string; message: string } | null;
}

describe("ingest - reads standard input", () => {
  let workspace: Workspace;

  before(async () => {
    workspace = await Workspace.create();
  });

  after(async () => {
    await workspace.remove();
  });

  test("a piped report is ingested and its event found", async () => {
    const run = await workspace.run(["ingest", "-", "--format", "json"], { stdin: HAWIJA_TXT });
    assert.equal(run.code, 0, run.stderr);
    assert.match(lines(run.stderr).at(-1) ?? "", /^1 ingested, 0 unchanged, 0 failed\b/);
    const [result] = JSON.parse(run.stdout) as IngestResult[];
    assert.equal(result?.input, "-");
    assert.equal(result?.status, "ingested");

    const events = await workspace.json<WireEvent[]>(["events"]);
    assert.equal(events.length, 1, JSON.stringify(events));
    const [event] = events;
    assert.equal(event?.document_id, result?.document_id);
    assert.equal(event?.country, "IQ");
    assert.equal(event?.location, "Hawija");
    assert.equal(event?.date, "2025-04-02", "April 2, 2025 was a Wednesday");
    assert.equal(event?.fatalities, 2);
    assert.equal(workspace.storedDocuments()[0]?.text, HAWIJA_TXT.trim());
  });

  test("piping the same report again changes nothing", async () => {
    const run = await workspace.run(["ingest", "-"], { stdin: HAWIJA_TXT });
    assert.equal(run.code, 0, run.stderr);
    assert.match(lines(run.stderr).at(-1) ?? "", /^0 ingested, 1 unchanged, 0 failed\b/);
  });

  test("an empty pipe fails with INPUT_EMPTY", async () => {
    const run = await workspace.run(["ingest", "-"], { stdin: "" });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^-: failed \[INPUT_EMPTY\]/m);
    assert.match(lines(run.stderr).at(-1) ?? "", /^0 ingested, 0 unchanged, 1 failed\b/);
  });
});
