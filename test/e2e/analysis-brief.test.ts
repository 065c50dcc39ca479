// The analysis issue's must-show list, end to end: reports are ingested with the real `sitrep`
// command into a throw-away database, then `series` and `brief` run through the command
// functions of src/cli/analysis.ts (the lead wires them into main.ts). Two scenarios: the
// founding report alone, and a second group and region written for this test
// (test/fixtures/analysis/horn/), so that nothing passes by knowing Islamic State.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { Command, CommanderError } from "commander";
import { registerAnalysisCommands } from "../../src/cli/analysis.ts";
import { loadConfig } from "../../src/config/config.ts";
import { REPO_ROOT, Workspace } from "./harness.ts";

const SEED = join(REPO_ROOT, "..", "shared", "corpus", "seed", "seed-001.txt");
const HORN = join(REPO_ROOT, "test", "fixtures", "analysis", "horn");

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function analysis(workspace: Workspace, args: readonly string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const program = new Command("sitrep").exitOverride().configureOutput({
    writeOut: (text) => (stdout += text),
    writeErr: (text) => (stderr += text),
  });
  registerAnalysisCommands(
    program,
    () => loadConfig({ db: workspace.databasePath }),
    { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTerminal: false },
    (exitCode) => (code = exitCode),
  );
  try {
    await program.parseAsync([...args], { from: "user" });
  } catch (error) {
    code = error instanceof CommanderError ? 2 : 1;
    stderr += error instanceof Error ? error.message : String(error);
  }
  return { code, stdout, stderr };
}

/** The sentences of a Markdown brief's assessment sections, each with its reference numbers. */
function assessmentLines(markdown: string): string[] {
  const sections = ["## Bottom line", "## Key judgements", "## What would change this judgement"];
  const lines: string[] = [];
  for (const heading of sections) {
    const start = markdown.indexOf(heading);
    assert.ok(start >= 0, `${heading} missing`);
    const end = markdown.indexOf("\n## ", start + heading.length);
    for (const line of markdown.slice(start + heading.length, end).split("\n")) {
      if (line.trim() !== "" && !line.startsWith("**Confidence")) lines.push(line);
    }
  }
  return lines;
}

/** Evidence entries: number → [document id, sentence]. */
function evidence(markdown: string): Map<number, { documentId: string; text: string }> {
  const found = new Map<number, { documentId: string; text: string }>();
  for (const match of markdown.matchAll(/^(\d+)\. (doc_[0-9a-f]+): “(.*)”$/gm)) {
    found.set(Number(match[1]), { documentId: match[2] ?? "", text: (match[3] ?? "").replace(/\\(.)/g, "$1") });
  }
  return found;
}

function checkEverySentenceCited(markdown: string, sourceTexts: readonly string[]): void {
  const numbered = evidence(markdown);
  assert.ok(numbered.size > 0);
  for (const line of assessmentLines(markdown)) {
    const refs = [...line.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
    assert.ok(refs.length > 0, `no citation: ${line}`);
    for (const ref of refs) {
      const cited = numbered.get(ref);
      assert.ok(cited, `[${ref}] is not in the evidence list`);
      assert.ok(
        sourceTexts.some((text) => text.includes(cited.text)),
        `[${ref}] is not a sentence of the reports: ${cited.text}`,
      );
    }
  }
}

describe("brief on the founding report alone", () => {
  let workspace: Workspace;
  let markdown: string;
  let seedText: string;

  before(async () => {
    workspace = await Workspace.create();
    seedText = await readFile(SEED, "utf8");
    const ingest = await workspace.run(["ingest", SEED]);
    assert.equal(ingest.code, 0, ingest.stderr);
    const run = await analysis(workspace, ["brief", "--group", "Islamic State", "--region", "Syria,Iraq"]);
    assert.equal(run.code, 0, run.stderr);
    markdown = run.stdout;
  });
  after(async () => workspace.remove());

  test("38 claimed attacks in Syria in January-May 2025", () => {
    assert.match(markdown, /\| claimed_attacks \| Syria \| January–May 2025 \| 38 \| exact \| no \| SITE Intelligence Group/);
  });

  test("a projection of about 91 for 2025 with its interval", () => {
    assert.match(markdown, /on course for about 91 in Syria in 2025 \(the report says 90\); 95% interval 65–125/);
    assert.match(markdown, /38 in 5 months → about 91 \(95% interval 65–125\)/);
  });

  test("about 273 the year before, derived from one-third and marked as derived", () => {
    assert.match(
      markdown,
      /\*\*Previous year, derived\*\* \(claimed_attacks, Syria, 2024\): about 273 \(95% interval 194–376\), from the fraction 1\/3/,
    );
    assert.match(markdown, /\| claimed_attacks \| Syria \| 2024 \| 270 \| about \| yes: /);
  });

  test("Iraq: 4 against 61 in the same period, −93%", () => {
    assert.match(markdown, /claimed attacks in Iraq: 4 in January–May 2025 against 61 in the same period a year earlier \(−93%\)/);
  });

  test("at least 12 foiled plots, the 2 December 2024 arrest and the 13 December 2024 foiled bombing in Daquq", () => {
    assert.match(markdown, /at least 12 foiled plots/);
    assert.match(markdown, /an arrest in northern Iraq on 2 December 2024/);
    assert.match(markdown, /a foiled attack in Daquq on 13 December 2024/);
  });

  test("indicators of rebuilding reported by officials, with their sentences", () => {
    for (const label of [
      "Fighter reactivation",
      "Recruitment",
      "Propaganda output",
      "Weapons supply",
      "Targeting and reconnaissance",
      "Foreign-fighter movement",
      "Official warnings",
    ]) {
      assert.match(markdown, new RegExp(`\\| ${label}[^|]*\\| 1 \\| 0 \\| reported \\|`));
    }
  });

  test("the assessment: far below 2024 while rebuilding efforts are reported, every sentence cited", () => {
    assert.match(markdown, /activity is far below 2024, while rebuilding efforts are reported/);
    assert.match(markdown, /\*\*Confidence: moderate\.\*\*/);
    checkEverySentenceCited(markdown, [seedText]);
  });

  test("the same database and as-of give the same brief, in Markdown and HTML", async () => {
    const args = ["brief", "--group", "IS", "--region", "SY,IQ", "--as-of", "2025-06-10", "--pivot", "2024-12-08"];
    const first = await analysis(workspace, args);
    const second = await analysis(workspace, args);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, second.stdout);
    assert.match(first.stdout, /Brief as of 2025-06-10, pivot 2024-12-08/);
    const html = await analysis(workspace, [...args, "--format", "html", "--out", workspace.path("brief.html")]);
    assert.equal(html.code, 0, html.stderr);
    const page = await readFile(workspace.path("brief.html"), "utf8");
    const again = await analysis(workspace, [...args, "--format", "html"]);
    assert.equal(again.stdout, page);
    assert.match(page, /^<!DOCTYPE html>/);
    assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
    assert.equal((page.match(/<svg /g) ?? []).length, 2);
    assert.doesNotMatch(page, /<script|<link|<img|src=|url\(/i);
    assert.match(page, /about 91 in Syria in 2025/);
  });

  test("the pivot can be an event: the foiled Daquq bombing", async () => {
    const events = await workspace.json<{ id: string; location: string | null }[]>(["events", "--group", "IS"]);
    const daquq = events.find((event) => event.location === "Daquq");
    assert.ok(daquq);
    const run = await analysis(workspace, ["brief", "--group", "IS", "--region", "Iraq", "--pivot", daquq.id]);
    assert.equal(run.code, 0, run.stderr);
    // 170 days from the pivot to as-of (inclusive), and the 170 days before it.
    const header = `pivot 2024-12-13 (${daquq.id.replace("_", "\\_")}). Current window 2024-12-13 to 2025-05-31; baseline 2024-06-26 to 2024-12-12`;
    assert.ok(run.stdout.includes(header), run.stdout.slice(0, 300));
    assert.doesNotMatch(run.stdout, /Syria, January–May 2025/);
  });

  test("series by month and country", async () => {
    const run = await analysis(workspace, ["series", "--group", "Daesh", "--by", "month,country", "--format", "json"]);
    assert.equal(run.code, 0, run.stderr);
    const series = JSON.parse(run.stdout) as { interval: string; rows: { period: string; country: string | null; events: number }[] };
    assert.equal(series.interval, "month");
    const december = series.rows.filter((row) => row.period === "2024-12");
    assert.equal(december.find((row) => row.country === "IQ")?.events, 2);
  });

  test("an unknown region is a usage error", async () => {
    const run = await analysis(workspace, ["brief", "--group", "Islamic State", "--region", "Atlantis"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /"Atlantis" is not a country/);
  });

  test("a group nothing names is an error, not an empty brief", async () => {
    const run = await analysis(workspace, ["brief", "--group", "Islamc State", "--region", "Syria,Iraq"]);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /no event, figure or alias in the registry names the group "Islamc State"/);
    assert.equal(run.stdout, "");
  });
});

describe("brief on a second group and region (al-Shabaab in Somalia and Kenya)", () => {
  let workspace: Workspace;
  let markdown: string;
  let texts: string[];

  before(async () => {
    workspace = await Workspace.create();
    const names = [
      "2026-03-14-afgooye-base-raid.txt",
      "2026-04-03-baidoa-checkpoint-bombing.txt",
      "2026-05-20-garissa-arrests.txt",
      "2026-06-15-mogadishu-officials-interview.txt",
      "2026-07-06-observatory-half-year.md",
    ];
    texts = await Promise.all(names.map((name) => readFile(join(HORN, name), "utf8")));
    const ingest = await workspace.run(["ingest", HORN]);
    assert.equal(ingest.code, 0, ingest.stderr);
    const run = await analysis(workspace, ["brief", "--group", "al-Shabab", "--region", "Somalia,Kenya"]);
    assert.equal(run.code, 0, run.stderr);
    markdown = run.stdout;
  });
  after(async () => workspace.remove());

  test("is as of the newest report by default", () => {
    assert.match(markdown, /Brief as of 2026-07-06\b/);
  });

  test("the monitor's half-year count is projected with its interval", () => {
    assert.match(markdown, /on course for about 300 in Somalia in 2026 \(the report says 300\); 95% interval 254–352/);
  });

  test("Kenya: 24 against 8 in the same months, +200%, and the rise is named as a rise", () => {
    assert.match(
      markdown,
      /claimed attacks in Kenya: 24 in January–June 2026 against 8 in the same period a year earlier \(\+200%\); it is almost certain that the rate is higher/,
    );
    assert.match(markdown, /would reverse the rise/);
  });

  test("recorded incidents, the arrest and the rebuilding signs", () => {
    // "GARISSA, Kenya, May 20, 2026 — ... arrested ... on Monday": the Monday before that Wednesday.
    assert.match(markdown, /an arrest in Garissa on 18 May 2026/);
    assert.match(markdown, /\| Suicide and complex attacks \(including foiled\) \| 2 \| 0 \|/);
    assert.match(markdown, /\| Recruitment \|[^\n]*\| reported \|/);
    assert.match(markdown, /\| Targeting and reconnaissance \|[^\n]*\| reported \|/);
  });

  test("a report with no event or figure of the group still counts: found by search, kept for naming the region", () => {
    assert.match(markdown, /Foreign-fighter movement: reported in 1 sentence in 1 document; attributed to one intelligence officer\./);
    assert.match(markdown, /Propaganda output: reported in 1 sentence in 1 document; attributed to Senior Somali officials\./);
    assert.match(markdown, /5 documents\./);
  });

  test("the bottom line follows the numbers, and every sentence is cited", () => {
    assert.match(
      markdown,
      /^al-Shabaab in Somalia and Kenya: activity is above its earlier level, while rebuilding efforts are reported \(6 of 7 indicators\)\./m,
    );
    checkEverySentenceCited(markdown, texts);
    assert.doesNotMatch(markdown, /Islamic State|Syria|Iraq/);
  });

  test("as of a date before the monitor's report, its figures are not known", async () => {
    const run = await analysis(workspace, ["brief", "--group", "al-Shabaab", "--region", "Somalia,Kenya", "--as-of", "2026-05-31"]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /Horn Security Observatory/);
    assert.match(run.stdout, /activity shows no clear change from its earlier level/);
    assert.match(
      run.stdout,
      /Recorded attacks: 3 from[^\n]*the counts are too few or too close to say whether the rate moved \(exact test p = 0\.250\)/,
    );
  });
});

describe("brief as of its newest report", () => {
  test("a period or a month that ends after the report does not carry the brief past the report's day", async () => {
    // Written for this test. "This year" ends on 31 December and "in December" is the month, but
    // the report was published on the 23rd: nothing later is known.
    const workspace = await Workspace.create();
    try {
      await workspace.write({
        "reports/iraq-year.txt":
          "Iraq says Islamic State attacks fell this year\n\n" +
          "BAGHDAD, Dec. 23, 2025 - Islamic State carried out 40 attacks in Iraq this year, the Joint Operations Command said " +
          "on Tuesday. Islamic State fighters attacked an army checkpoint near Kirkuk in December, killing two soldiers, officials said.\n",
      });
      const ingest = await workspace.run(["ingest", workspace.path("reports")]);
      assert.equal(ingest.code, 0, ingest.stderr);
      const run = await analysis(workspace, ["brief", "--group", "IS", "--region", "Iraq"]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /Brief as of 2025-12-23\./);
    } finally {
      await workspace.remove();
    }
  });
});
