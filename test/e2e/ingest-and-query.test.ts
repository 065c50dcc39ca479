// A user's first session: ingest a folder of reports (plain text, Markdown with front matter, an
// HTML page), ingest it again, then read what was found with events, figures and show. The suite
// shares one database, built in `before`; tests that only read it come after the ones that write.
import assert from "node:assert/strict";
import { copyFile } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import type { WireEvent, WireEvidence, WireFigure } from "../../src/domain/wire.ts";
import { Workspace, distanceKm, lines, parseCsv, type StoredDocument } from "./harness.ts";
import { BAGHDAD_HTML, DIGEST_MD, DIGEST_TITLE, FIGURE_SENTENCE, TAL_AFAR_TXT } from "./reports.ts";

interface IngestResult {
  input: string;
  status: "ingested" | "unchanged" | "failed";
  document_id: string | null;
  title: string | null;
  events: number;
  figures: number;
  error: { code: string; message: string } | null;
}

/** GOLD-FORMAT.md's event fields, and the three the CLI adds. */
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
const ADDED_EVENT_FIELDS = ["id", "sources", "evidence"];
const GOLD_FIGURE_FIELDS = ["measure", "group", "country", "period_start", "period_end", "value", "qualifier", "source", "evidence"];

const ids = (events: readonly { id: string }[]): string[] => events.map((event) => event.id).sort();

describe("ingesting a folder of reports and querying the database", () => {
  let workspace: Workspace;
  let firstIngest: { code: number | null; stderr: string; results: IngestResult[] };
  let events: WireEvent[];
  let documents: StoredDocument[];
  /** The three events the reports describe, each found by the sentence it comes from. */
  const known = (): { talAfar: WireEvent; baghdad: WireEvent; deirEzZor: WireEvent } => {
    const withEvidence = (fragment: string): WireEvent => {
      const found = events.filter((event) => event.evidence.some((span) => span.text.includes(fragment)));
      assert.equal(found.length, 1, `one event should rest on "${fragment}"; found ${found.length}`);
      return found[0]!;
    };
    return {
      talAfar: withEvidence("A roadside bomb killed three soldiers near Tal Afar"),
      baghdad: withEvidence("Iraqi police arrested five suspected Daesh members"),
      deirEzZor: withEvidence("Unidentified gunmen shot dead two farmers"),
    };
  };

  /** Evidence is a span of the stored document: the text at [start, end) is the quoted text. */
  const assertSpansQuoteTheDocument = (spans: readonly WireEvidence[]): void => {
    assert.ok(spans.length > 0, "a record without evidence");
    for (const span of spans) {
      const document = documents.find((candidate) => candidate.id === span.document_id);
      assert.ok(document, `evidence cites ${span.document_id}, which is not in the database`);
      assert.equal(document.text.slice(span.start, span.end), span.text, `evidence ${span.start}-${span.end} of ${span.document_id}`);
    }
  };

  before(async () => {
    workspace = await Workspace.create();
    await workspace.write({ "reports/tal-afar.txt": TAL_AFAR_TXT, "reports/digest.md": DIGEST_MD, "reports/baghdad.html": BAGHDAD_HTML });
    const run = await workspace.run(["ingest", workspace.path("reports"), "--format", "json"]);
    firstIngest = { code: run.code, stderr: run.stderr, results: JSON.parse(run.stdout) as IngestResult[] };
    events = await workspace.json<WireEvent[]>(["events"]);
    documents = workspace.storedDocuments();
  });

  after(async () => {
    await workspace.remove();
  });

  test("ingest reads a .txt, a .md and an .html report and says so", () => {
    assert.equal(firstIngest.code, 0, firstIngest.stderr);
    assert.match(lines(firstIngest.stderr).at(-1) ?? "", /^3 ingested, 0 unchanged, 0 failed\b/);

    const byName = new Map(firstIngest.results.map((result) => [result.input.split("/").at(-1), result]));
    assert.deepEqual([...byName.keys()].sort(), ["baghdad.html", "digest.md", "tal-afar.txt"]);
    for (const result of firstIngest.results) {
      assert.equal(result.status, "ingested", result.input);
      assert.match(result.document_id ?? "", /^doc_\w+$/, result.input);
      assert.equal(result.error, null);
    }
    assert.equal(new Set(firstIngest.results.map((result) => result.document_id)).size, 3, "each report is its own document");
    assert.deepEqual(documents.map((document) => document.id).sort(), firstIngest.results.map((result) => result.document_id).sort());
  });

  test("the Markdown front matter becomes metadata, not text", () => {
    const digest = documents.find((document) => document.origin.endsWith("digest.md"));
    assert.ok(digest);
    assert.equal(digest.title, DIGEST_TITLE);
    assert.equal(digest.published_date, "2025-04-10");
    assert.equal(digest.format, "markdown");
    assert.doesNotMatch(digest.text, /^---|date: 2025-04-10/m);
    assert.ok(digest.text.includes(FIGURE_SENTENCE));
  });

  test("the HTML page keeps the article and drops the script and footer", () => {
    const page = documents.find((document) => document.origin.endsWith("baghdad.html"));
    assert.ok(page);
    assert.equal(page.published_date, "2025-03-12");
    assert.ok(page.text.includes("Iraqi police arrested five suspected Daesh members in Baghdad on Tuesday"), page.text);
    assert.doesNotMatch(page.text, /trackingPixel|courier-analytics|All rights reserved/);
  });

  test("ingesting the same folder again changes nothing", async () => {
    const again = await workspace.run(["ingest", workspace.path("reports")]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(lines(again.stderr).at(-1) ?? "", /^0 ingested, 3 unchanged, 0 failed\b/);

    const eventsAfter = await workspace.json<WireEvent[]>(["events"]);
    assert.deepEqual(ids(eventsAfter), ids(events), "re-ingesting must not add or change events");
    assert.equal(workspace.storedDocuments().length, 3);
  });

  test("the same words under another file name are the same document", async () => {
    await copyFile(workspace.path("reports", "tal-afar.txt"), workspace.path("copy-of-tal-afar.txt"));
    const [result] = await workspace.json<IngestResult[]>(["ingest", workspace.path("copy-of-tal-afar.txt")]);
    const original = firstIngest.results.find((item) => item.input.endsWith("tal-afar.txt"));
    assert.equal(result?.status, "unchanged");
    assert.equal(result?.document_id, original?.document_id);
    assert.equal(workspace.storedDocuments().length, 3);
  });

  test("events --format json gives one record per event in the gold vocabulary", () => {
    assert.equal(events.length, 3, JSON.stringify(events.map((event) => event.evidence[0]?.text)));
    for (const event of events) {
      for (const field of [...GOLD_EVENT_FIELDS, ...ADDED_EVENT_FIELDS]) assert.ok(field in event, `event ${event.id} has no "${field}"`);
      assert.match(event.id, /^ev_\w+$/);
      assert.ok(Array.isArray(event.sources));
      assertSpansQuoteTheDocument(event.evidence);
    }
    assert.equal(new Set(events.map((event) => event.id)).size, 3);
    known();
  });

  test("the Tal Afar bombing: type, day, place, group, toll and source", () => {
    const { talAfar } = known();
    assert.equal(talAfar.event_type, "Explosions/Remote violence");
    assert.equal(talAfar.sub_event_type, "Remote explosive/landmine/IED");
    assert.equal(talAfar.date, "2025-03-03", "MOSUL, March 3, 2025 ... on Monday");
    assert.equal(talAfar.country, "IQ");
    assert.match(talAfar.location ?? "", /^Tall? ?'?Afar$/i);
    assert.ok(talAfar.lat !== null && talAfar.lon !== null, "a town has coordinates");
    assert.ok(distanceKm(talAfar.lat, talAfar.lon, 36.379, 42.448) < 25, `${talAfar.lat}, ${talAfar.lon} is not Tal Afar`);
    assert.equal(talAfar.perpetrator_group, "Islamic State");
    assert.equal(talAfar.fatalities, 3);
    assert.equal(talAfar.status, "occurred");
    assert.ok(talAfar.sources.includes("officials"), JSON.stringify(talAfar.sources));
  });

  test("the Baghdad arrests: the day before the dateline, and Daesh is the Islamic State", () => {
    const { baghdad } = known();
    assert.equal(baghdad.event_type, "Strategic developments");
    assert.equal(baghdad.sub_event_type, "Arrests");
    assert.equal(baghdad.date, "2025-03-11", "March 12, 2025 (a Wednesday) ... on Tuesday");
    assert.equal(baghdad.country, "IQ");
    assert.equal(baghdad.location, "Baghdad");
    assert.equal(baghdad.perpetrator_group, "Islamic State");
    assert.match(baghdad.actor1 ?? "", /police|security forces/i);
    assert.equal(baghdad.fatalities, null, "the report gives no deaths");
  });

  test("the Deir ez-Zor killing: Syria, no group named", () => {
    const { deirEzZor } = known();
    assert.equal(deirEzZor.event_type, "Violence against civilians");
    assert.equal(deirEzZor.date, "2025-02-14");
    assert.equal(deirEzZor.country, "SY");
    assert.equal(deirEzZor.perpetrator_group, null);
    assert.equal(deirEzZor.fatalities, 2);
  });

  test("--country, --since and --until select events", async () => {
    const { talAfar, baghdad, deirEzZor } = known();
    assert.deepEqual(ids(await workspace.json<WireEvent[]>(["events", "--country", "IQ"])), ids([talAfar, baghdad]));
    assert.deepEqual(ids(await workspace.json<WireEvent[]>(["events", "--country", "sy"])), ids([deirEzZor]), "lower case works too");
    assert.deepEqual(ids(await workspace.json<WireEvent[]>(["events", "--since", "2025-03"])), ids([talAfar, baghdad]));
    assert.deepEqual(ids(await workspace.json<WireEvent[]>(["events", "--until", "2025-02"])), ids([deirEzZor]));
  });

  test("--group finds the events of the Islamic State by its name", async () => {
    const { talAfar, baghdad } = known();
    assert.deepEqual(ids(await workspace.json<WireEvent[]>(["events", "--group", "Islamic State"])), ids([talAfar, baghdad]));
    const combined = await workspace.json<WireEvent[]>(["events", "--group", "Islamic State", "--country", "IQ", "--since", "2025-03-05"]);
    assert.deepEqual(ids(combined), ids([baghdad]), "filters combine");
  });

  // README: "--group accepts any alias in the registry (IS, ISIS, ISIL, Daesh all find "Islamic
  // State")", though the ingested texts used only "Islamic State" and "Daesh".
  test("--group ISIS, ISIL and IS find the Islamic State's events", async () => {
    const { talAfar, baghdad } = known();
    for (const alias of ["ISIS", "ISIL", "IS"]) {
      assert.deepEqual(ids(await workspace.json<WireEvent[]>(["events", "--group", alias])), ids([talAfar, baghdad]), `--group ${alias}`);
    }
  });

  test("--format csv has a header line and one row per event", async () => {
    const { talAfar } = known();
    const run = await workspace.run(["events", "--format", "csv"]);
    assert.equal(run.code, 0, run.stderr);
    const [header, ...rows] = parseCsv(run.stdout);
    assert.deepEqual(header, [
      "id",
      "date",
      "event_type",
      "sub_event_type",
      "country",
      "location",
      "actor1",
      "perpetrator_group",
      "fatalities",
      "status",
      "sources",
      "evidence",
    ]);
    assert.equal(rows.length, 3);
    const column = (name: string): number => header!.indexOf(name);
    const talAfarRow = rows.find((row) => row[column("id")] === talAfar.id);
    assert.ok(talAfarRow, "the Tal Afar event is a row");
    assert.equal(talAfarRow[column("country")], "IQ");
    assert.equal(talAfarRow[column("fatalities")], "3");
    assert.match(
      talAfarRow[column("evidence")] ?? "",
      /MOSUL, March 3, 2025 — A roadside bomb killed three soldiers/,
      "a quoted cell keeps its commas",
    );
  });

  test("--format table lists every event and counts them", async () => {
    const run = await workspace.run(["events", "--format", "table"]);
    assert.equal(run.code, 0, run.stderr);
    for (const heading of ["id", "date", "event_type", "country", "perpetrator_group", "fatalities"])
      assert.ok(run.stdout.includes(heading), heading);
    for (const event of events) assert.ok(run.stdout.includes(event.id), event.id);
    assert.match(run.stdout, /\n3 events\n$/);
  });

  test("figures --format json: the quarter's count of attacks the Islamic State claimed in Iraq", async () => {
    const figures = await workspace.json<WireFigure[]>(["figures"]);
    assert.equal(figures.length, 1, JSON.stringify(figures));
    const [figure] = figures;
    assert.ok(figure);
    for (const field of GOLD_FIGURE_FIELDS) assert.ok(field in figure, `figure has no "${field}"`);
    assert.equal(figure.measure, "claimed_attacks", "27 attacks claimed by the Islamic State");
    assert.equal(figure.value, 27);
    assert.equal(figure.country, "IQ");
    assert.equal(figure.group, "Islamic State");
    assert.equal(figure.period_start, "2025-01-01");
    assert.equal(figure.period_end, "2025-03-31", "the first three months of 2025");
    assert.equal(figure.qualifier, "exact");
    assert.deepEqual(
      figure.evidence.map((span) => span.text),
      [FIGURE_SENTENCE],
    );
    assertSpansQuoteTheDocument(figure.evidence);
  });

  test("figures --measure, --group and --since select figures", async () => {
    const selected = await workspace.json<WireFigure[]>([
      "figures",
      "--measure",
      "claimed_attacks",
      "--group",
      "Islamic State",
      "--since",
      "2025",
    ]);
    assert.deepEqual(
      selected.map((figure) => [figure.measure, figure.value, figure.country]),
      [["claimed_attacks", 27, "IQ"]],
    );
    assert.deepEqual(await workspace.json<WireFigure[]>(["figures", "--country", "SY"]), []);
  });

  test("show prints the fields, the source document and the evidence sentence", async () => {
    const { talAfar } = known();
    const run = await workspace.run(["show", talAfar.id]);
    assert.equal(run.code, 0, run.stderr);
    for (const expected of [
      talAfar.id,
      "Explosions/Remote violence",
      "Remote explosive/landmine/IED",
      "2025-03-03",
      "IQ",
      "Islamic State",
      "officials",
    ]) {
      assert.ok(run.stdout.includes(expected), `show does not print "${expected}":\n${run.stdout}`);
    }
    assert.match(run.stdout, /fatalities\s+3\b/);
    assert.ok(run.stdout.includes(talAfar.document_id), "the source document's id");
    assert.ok(run.stdout.includes("tal-afar.txt"), "where the source document came from");
    assert.ok(
      run.stdout.includes("A roadside bomb killed three soldiers near Tal Afar on Monday, officials said."),
      "the evidence sentence",
    );
  });

  test("show --format json is the event's record with its documents", async () => {
    const { baghdad } = known();
    const shown = await workspace.json<WireEvent & { documents: { id: string }[]; incident: unknown }>(["show", baghdad.id]);
    // `incident` (its reports, merge reasons, history, graded sources) is show's own addition.
    const { documents: sourceDocuments, incident: _incident, ...record } = shown;
    assert.deepEqual(record, baghdad);
    assert.deepEqual(
      sourceDocuments.map((document) => document.id),
      [baghdad.document_id],
    );
  });

  test("show of an unknown id fails with RECORD_NOT_FOUND", async () => {
    const run = await workspace.run(["show", "nope"]);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /RECORD_NOT_FOUND/);
    assert.match(run.stderr, /nope/);
    assert.equal(run.stdout, "");
  });
});
