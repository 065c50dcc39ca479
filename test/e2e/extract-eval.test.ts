// `sitrep extract --format eval --out DIR PATH...`: the contract of ../shared/eval/README.md. One
// JSON per report, mirroring the folders under a folder argument, flat for a file argument, with
// `events` and `figures` in GOLD-FORMAT.md's vocabulary; and the scorer reads what it writes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { after, before, describe, test } from "node:test";
import { REPO_ROOT, Workspace, type CliRun } from "./harness.ts";
import { TAL_AFAR_TXT } from "./reports.ts";

interface EvalRecord {
  events: Record<string, unknown>[];
  figures: Record<string, unknown>[];
}

interface ScoreReport {
  ALL: {
    docs: number;
    events: { precision: number; recall: number; f1: number };
    figures: { precision: number; recall: number; f1: number };
  };
}

/** Undated on purpose: the figure's quarter and the killing in February are the only dates. */
const SYRIA_TXT = [
  "Unidentified gunmen shot dead two farmers near Deir ez-Zor on 14 February 2025, a local monitor said.",
  "The monitor counted 27 attacks claimed by the Islamic State in Iraq in the first three months of 2025.",
  "",
].join("\n");

/**
 * No publication date anywhere: the reference date must come from the text (8 March 2019), never
 * from the day the test runs (eval README, "The contract the project fulfils"). "On Friday" is
 * then a day the text does not fix: the event takes the year.
 */
const UNDATED_RAQQA_TXT = [
  "Militants attacked a police post in Raqqa on Friday, killing four officers, a local council member said.",
  "The assault came a week after the group claimed a car bombing in the city on 8 March 2019.",
  "",
].join("\n");

const GOLD_TAL_AFAR = {
  id: "r-001",
  origin: "written for sitrep's end-to-end tests",
  published: null,
  events: [
    {
      event_type: "Explosions/Remote violence",
      sub_event_type: "Remote explosive/landmine/IED",
      date: "2025-03-03",
      country: "IQ",
      location: "Tal Afar",
      lat: 36.379,
      lon: 42.448,
      actor1: "Islamic State",
      perpetrator_group: "Islamic State",
      fatalities: 3,
      status: "occurred",
    },
  ],
  figures: [],
};

const GOLD_SYRIA = {
  id: "r-002",
  origin: "written for sitrep's end-to-end tests",
  published: null,
  events: [
    {
      event_type: "Violence against civilians",
      sub_event_type: "Attack",
      date: "2025-02-14",
      country: "SY",
      fatalities: 2,
      status: "occurred",
    },
  ],
  figures: [
    {
      measure: "claimed_attacks",
      group: "Islamic State",
      country: "IQ",
      period_start: "2025-01-01",
      period_end: "2025-03-31",
      value: 27,
      qualifier: "exact",
    },
  ],
};

const GOLD_EVENT_FIELDS = [
  "event_type",
  "sub_event_type",
  "date",
  "country",
  "location",
  "lat",
  "lon",
  "actor1",
  "perpetrator_group",
  "fatalities",
  "status",
];
const GOLD_FIGURE_FIELDS = ["measure", "group", "country", "period_start", "period_end", "value", "qualifier"];
const SCORER = join(REPO_ROOT, "..", "shared", "eval", "score.mjs");

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

describe("extract --format eval --out DIR", () => {
  let workspace: Workspace;
  let run: CliRun;
  const predictions = (): string => workspace.path("pred");
  const readRecord = async (relativePath: string): Promise<EvalRecord> =>
    JSON.parse(await readFile(join(predictions(), relativePath), "utf8")) as EvalRecord;

  before(async () => {
    workspace = await Workspace.create();
    await workspace.write({
      "corpus/iraq/north/r-001.txt": TAL_AFAR_TXT,
      "corpus/iraq/north/r-001.gold.json": JSON.stringify(GOLD_TAL_AFAR, null, 2),
      "corpus/syria/r-002.txt": SYRIA_TXT,
      "corpus/syria/r-002.gold.json": JSON.stringify(GOLD_SYRIA, null, 2),
      "corpus/syria/notes.html": "<html><body><p>Not a report the contract reads.</p></body></html>",
      "elsewhere/r-003.txt": UNDATED_RAQQA_TXT,
    });
    run = await workspace.run([
      "extract",
      "--format",
      "eval",
      "--out",
      predictions(),
      workspace.path("corpus"),
      workspace.path("elsewhere", "r-003.txt"),
    ]);
  });

  after(async () => {
    await workspace.remove();
  });

  test("writes one JSON per .txt report, mirroring the folders, and nothing else", async () => {
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(await filesUnder(predictions()), ["iraq/north/r-001.json", "r-003.json", "syria/r-002.json"]);
  });

  test("each file holds events and figures in the gold vocabulary, evidence as text", async () => {
    for (const path of ["iraq/north/r-001.json", "r-003.json", "syria/r-002.json"]) {
      const record = await readRecord(path);
      assert.ok(Array.isArray(record.events), `${path}: events`);
      assert.ok(Array.isArray(record.figures), `${path}: figures`);
      for (const event of record.events) {
        for (const field of GOLD_EVENT_FIELDS) assert.ok(field in event, `${path}: an event has no "${field}"`);
        assert.equal(typeof event["evidence"], "string", `${path}: GOLD-FORMAT's evidence is a string`);
      }
      for (const figure of record.figures) {
        for (const field of GOLD_FIGURE_FIELDS) assert.ok(field in figure, `${path}: a figure has no "${field}"`);
      }
    }
    const talAfar = await readRecord("iraq/north/r-001.json");
    assert.deepEqual(
      talAfar.events.map((event) => [event["event_type"], event["date"], event["country"], event["fatalities"]]),
      [["Explosions/Remote violence", "2025-03-03", "IQ", 3]],
    );
    assert.ok(String(talAfar.events[0]?.["evidence"]).includes("A roadside bomb killed three soldiers near Tal Afar on Monday"));
  });

  test("an undated report is dated from its own text, not from today", async () => {
    const raqqa = await readRecord("r-003.json");
    assert.ok(raqqa.events.length > 0, "the attack on the police post is an event");
    // "On Friday" cannot be counted from a day the report was not written on: the text gives the
    // year (the latest date it tells, 8 March 2019), and the incident takes it (docs/ERRORS.md, 47).
    for (const event of raqqa.events) assert.match(String(event["date"]), /^2019/, JSON.stringify(event));
  });

  test(
    "the eval scorer reads the output and matches every gold event",
    { skip: existsSync(SCORER) ? false : `no scorer at ${SCORER}` },
    async () => {
      const report = score();
      assert.equal(report.ALL.docs, 2);
      assert.equal(report.ALL.events.f1, 1, JSON.stringify(report.ALL.events));
    },
  );

  test("the eval scorer matches the gold figure", { skip: existsSync(SCORER) ? false : `no scorer at ${SCORER}` }, async () => {
    assert.equal(score().ALL.figures.f1, 1);
  });

  function score(): ScoreReport {
    const reportPath = workspace.path("score.json");
    const scored = spawnSync(
      process.execPath,
      [SCORER, "--gold", workspace.path("corpus"), "--pred", predictions(), "--json", reportPath],
      {
        encoding: "utf8",
        env: { ...process.env, TZ: "UTC" },
      },
    );
    assert.equal(scored.status, 0, scored.stderr);
    return JSON.parse(readFileSync(reportPath, "utf8")) as ScoreReport;
  }
});
