// One incident, many reports, end to end through the real `sitrep` command. The corpus
// (test/fixtures/incidents/, written for this test) tells three incidents - a market car bomb in
// Baqubah, an attack on an army base near Kismayo, a roadside bomb near Maiduguri - in eleven
// short reports from different outlets, with different wording and tolls, and a later claim of
// each by the group. The user checks what an analyst would: three events, each with all its
// reports, its corroboration, its low / best / high toll and its claim history; unmerge gives the
// reports back and keeps them apart; the ingest order changes nothing; grades move credibility.
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import type { WireEvent } from "../../src/domain/wire.ts";
import { REPO_ROOT, Workspace } from "./harness.ts";

const CORPUS = join(REPO_ROOT, "test", "fixtures", "incidents");

interface ShowJson extends WireEvent {
  documents: { id: string; origin: string; publisher: string | null }[];
  incident: {
    reports: { part_id: string; document_id: string; publisher: string | null; fatalities: number | null; claimant_account: boolean }[];
    merged_because: { part_id: string; compared_with: string; matched: string[] }[];
    history: { kind: string; by: string | null; group: string | null; channel: string | null; date: string | null }[];
    sources: { name: string; kind: string; reliability: string; grade_set: string }[];
    kept_apart_from: { part_id: string; event_id: string }[];
  } | null;
}

interface SourceJson {
  name: string;
  kind: string;
  reliability: string;
  grade_set: string;
  documents: number;
}

/** What the three incidents must be, whatever the extraction's wording of each report. */
const EXPECTED = {
  Baqubah: {
    files: ["a1-baqubah-market-wire.md", "a2-baqubah-market-daily.md", "a3-baqubah-market-monitor.md", "a4-baqubah-market-claim.md"],
    corroboration: 3,
    low: 7,
    best: 9,
    high: 12,
    claimed: 30,
    claim: { by: "Islamic State", channel: "Amaq news agency", date: "2025-03-06", days_after_event: 2 },
  },
  Kismayo: {
    files: ["b1-kismayo-base-radio.md", "b2-kismayo-base-herald.md", "b3-kismayo-base-agency.md", "b4-kismayo-base-claim.md"],
    corroboration: 3,
    low: 4,
    best: 5,
    high: 6,
    claimed: 18,
    claim: { by: "al-Shabaab", channel: "Radio Andalus station", date: "2025-05-13", days_after_event: 2 },
  },
  Maiduguri: {
    files: ["c1-maiduguri-road-bulletin.md", "c2-maiduguri-road-times.md", "c3-maiduguri-road-claim.md"],
    corroboration: 2,
    low: 3,
    best: 3,
    high: 5,
    claimed: null,
    claim: { by: "Islamic State West Africa Province", channel: "Telegram channel", date: "2025-07-23", days_after_event: 4 },
  },
} as const;

type Place = keyof typeof EXPECTED;
const PLACES = Object.keys(EXPECTED) as Place[];

function byPlace(events: readonly WireEvent[]): Record<Place, WireEvent> {
  const found = {} as Record<Place, WireEvent>;
  for (const place of PLACES) {
    const matching = events.filter((event) => event.location === place);
    assert.equal(matching.length, 1, `one event at ${place}; found ${matching.length}`);
    found[place] = matching[0]!;
  }
  return found;
}

/** The rollup's counts (ADR-13) against the events themselves: merges must keep them equal. */
function rollupAgrees(workspace: Workspace): void {
  const database = new Database(workspace.databasePath, { readonly: true, fileMustExist: true });
  try {
    const rollup = database
      .prepare("select coalesce(sum(events), 0) as events, coalesce(sum(fatalities), 0) as fatalities from event_rollup")
      .get();
    const events = database.prepare("select count(*) as events, coalesce(sum(coalesce(fatalities, 0)), 0) as fatalities from events").get();
    assert.deepEqual(rollup, events);
  } finally {
    database.close();
  }
}

/** An event as a user compares two databases: fields and assessment, lists in a fixed order. */
function comparable(event: WireEvent): unknown {
  return {
    ...event,
    sources: [...event.sources].sort(),
    evidence: event.evidence.map((span) => `${span.document_id}:${span.start}`).sort(),
  };
}

describe("several reports of one incident are one event", () => {
  let workspace: Workspace;
  let files: string[];
  let events: WireEvent[];

  before(async () => {
    workspace = await Workspace.create();
    files = (await readdir(CORPUS)).filter((name) => name.endsWith(".md")).sort();
    const ingest = await workspace.run(["ingest", "--quiet", CORPUS]);
    assert.equal(ingest.code, 0, ingest.stderr);
    events = await workspace.json<WireEvent[]>(["events"]);
  });

  after(async () => {
    await workspace.remove();
  });

  test("the corpus has at least ten reports and gives exactly three events", () => {
    assert.ok(files.length >= 10, `${files.length} reports`);
    assert.equal(events.length, 3, JSON.stringify(events.map((event) => [event.location, event.date])));
    byPlace(events);
    rollupAgrees(workspace);
  });

  test("each event has all its reports, its corroboration and its low / best / high toll", async () => {
    const found = byPlace(events);
    for (const place of PLACES) {
      const expected = EXPECTED[place];
      const event = found[place];
      const shown = await workspace.json<ShowJson>(["show", event.id]);
      assert.deepEqual(shown.documents.map((document) => document.origin.split("/").pop()).sort(), [...expected.files], place);
      assert.equal(event.reports, expected.files.length, place);
      assert.equal(event.corroboration, expected.corroboration, place);
      assert.deepEqual(
        [event.fatalities_low, event.fatalities, event.fatalities_high, event.fatalities_claimed],
        [expected.low, expected.best, expected.high, expected.claimed],
        place,
      );
      assert.equal(shown.incident?.reports.length, expected.files.length);
    }
  });

  test("the claim is answerable: whether, by whom first, where and how long after", async () => {
    const found = byPlace(events);
    for (const place of PLACES) {
      const event = found[place];
      assert.equal(event.claimed, true, place);
      const { claimants, ...first } = event.first_claim!;
      assert.deepEqual(first, EXPECTED[place].claim, place);
      assert.deepEqual(claimants, [EXPECTED[place].claim.by]);
    }
    const baqubah = await workspace.json<ShowJson>(["show", found.Baqubah.id]);
    const history = baqubah.incident!.history.map((step) => [step.date, step.kind, step.by ?? "-"]);
    assert.deepEqual(
      history.filter(([, kind]) => kind !== "reported"),
      [
        ["2025-03-04", "attributed", "Local officials"],
        ["2025-03-04", "unclaimed", "-"],
        ["2025-03-06", "claimed", "Islamic State"],
      ],
    );
    assert.equal(history.filter(([, kind]) => kind === "reported").length, 4);
    const text = await workspace.run(["show", found.Baqubah.id]);
    assert.match(text.stdout, /claimed {7}by Islamic State via Amaq news agency on 2025-03-06, 2 days after the event/);
  });

  test("show says why the reports were merged, field by field", async () => {
    const found = byPlace(events);
    const shown = await workspace.json<ShowJson>(["show", found.Kismayo.id]);
    assert.equal(shown.incident!.merged_because.length, 3);
    for (const reason of shown.incident!.merged_because) {
      assert.deepEqual(reason.matched.slice(0, 2).concat(reason.matched[3] ?? ""), [
        "type Battles",
        "day 2025-05-11",
        "place Kismayo (same name)",
      ]);
    }
    const text = await workspace.run(["show", found.Kismayo.id]);
    assert.match(text.stdout, /Why these reports are one event\n {2}ev_\w+ matches ev_\w+: type Battles; day 2025-05-11;/);
  });

  test("grades and credibility appear in show and JSON, and a user's grade moves them", async () => {
    const found = byPlace(events);
    assert.deepEqual(
      PLACES.map((place) => [found[place].reliability, found[place].credibility]),
      [
        ["B", 1],
        ["B", 1],
        ["C", 1],
      ],
    );
    const sources = await workspace.json<SourceJson[]>(["sources", "list"]);
    assert.deepEqual(
      sources.find((source) => source.name === "Northline Wire"),
      { name: "Northline Wire", kind: "agency", reliability: "B", grade_set: "default", documents: 2 },
    );
    assert.equal(sources.find((source) => source.name === "Islamic State")?.kind, "group_channel");

    const graded = await workspace.run(["sources", "grade", "lake chad times", "E"]);
    assert.equal(graded.code, 0, graded.stderr);
    assert.equal(graded.stderr, "", "a source the reports name is graded without a warning");
    // A name no report gives (a typo, or a source not yet ingested) is graded, with a warning.
    const typo = await workspace.run(["sources", "grade", "Lake Chad Tmes", "B"]);
    assert.equal(typo.code, 0);
    assert.match(typo.stderr, /no stored report names this source yet/);
    const after = await workspace.json<ShowJson>(["show", found.Maiduguri.id]);
    assert.deepEqual([after.reliability, after.credibility], ["C", 2]);
    assert.deepEqual(
      after.incident!.sources.find((source) => source.name === "Lake Chad Times"),
      { name: "Lake Chad Times", kind: "publisher", reliability: "E", grade_set: "user" },
    );
    const text = await workspace.run(["show", found.Maiduguri.id]);
    assert.match(text.stdout, /credibility {3}2 \(probably true\)/);
    assert.match(text.stdout, /E {2}Lake Chad Times \(publisher, set by user\)/);

    assert.equal((await workspace.run(["sources", "grade", "Lake Chad Times", "default"])).code, 0);
    const reset = (await workspace.json<WireEvent[]>(["events"])).find((event) => event.id === found.Maiduguri.id);
    assert.equal(reset?.credibility, 1);
    const bad = await workspace.run(["sources", "grade", "Lake Chad Times", "Z"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\[USAGE\]/);
  });

  test("unmerge gives each report its own event back, and the decision holds on later ingests", async () => {
    const found = byPlace(events);
    const shown = await workspace.json<ShowJson>(["show", found.Baqubah.id]);
    const parts = shown.incident!.reports.map((report) => report.part_id).sort();
    const unmerged = await workspace.run(["unmerge", found.Baqubah.id]);
    assert.equal(unmerged.code, 0, unmerged.stderr);

    const split = await workspace.json<WireEvent[]>(["events"]);
    assert.equal(split.length, 6);
    const restored = split.filter((event) => event.location === "Baqubah");
    assert.deepEqual(restored.map((event) => event.id).sort(), parts);
    assert.deepEqual(
      restored.map((event) => event.fatalities).sort((a, b) => (a ?? 0) - (b ?? 0)),
      [7, 9, 12, 30],
    );
    for (const event of restored) assert.equal(event.reports, 1);
    rollupAgrees(workspace);

    // A fifth report of the bombing may join one of them, never bring two together again.
    await workspace.write({
      "later.md":
        "---\ntitle: Baqubah market bomb\ndate: 2025-03-08\npublisher: Diyala Evening News\n---\n\nBAQUBAH — Ten people were killed when a car bomb exploded at the Baqubah livestock market on March 4, police said.\n",
    });
    assert.equal((await workspace.run(["ingest", "--quiet", workspace.path("later.md")])).code, 0);
    const later = (await workspace.json<WireEvent[]>(["events"])).filter((event) => event.location === "Baqubah");
    for (const event of later) {
      const detail = await workspace.json<ShowJson>(["show", event.id]);
      const inside = detail.incident!.reports.filter((report) => parts.includes(report.part_id));
      assert.ok(inside.length <= 1, `${event.id} holds ${inside.length} of the separated reports`);
    }
    const kept = await workspace.json<ShowJson>(["show", parts[0]!]);
    assert.equal(kept.incident!.kept_apart_from.length, 3);
    rollupAgrees(workspace);

    // merge lifts the decision between two of them; they match, so they are one event again.
    const twice = await workspace.run(["merge", parts[0]!, parts[0]!]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /\[USAGE\]: merge needs two different events/);
    const merged = await workspace.run(["merge", parts[0]!, parts[1]!]);
    assert.equal(merged.code, 0, merged.stdout + merged.stderr);
    const again = await workspace.json<ShowJson>(["show", parts[1]!]);
    assert.ok(again.incident!.reports.some((report) => report.part_id === parts[0]));
    rollupAgrees(workspace);
  });

  test("an unknown id and an event of one report are refused with codes", async () => {
    const unknown = await workspace.run(["unmerge", "ev_0000000000000000"]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /\[RECORD_NOT_FOUND\]/);
    const byOneReport = (await workspace.json<WireEvent[]>(["events"])).find((event) => event.reports === 1);
    const single = await workspace.run(["unmerge", byOneReport!.id]);
    assert.equal(single.code, 2);
    assert.match(single.stderr, /\[USAGE\].*one report/);
  });
});

describe("the ingest order does not change the incidents", () => {
  test("reports ingested one by one in reverse give the same events as a folder at once", async () => {
    const forward = await Workspace.create();
    const backward = await Workspace.create();
    try {
      const names = (await readdir(CORPUS)).filter((name) => name.endsWith(".md")).sort();
      assert.equal((await forward.run(["ingest", "--quiet", CORPUS])).code, 0);
      // Claims first, then the rest from the last file back: the opposite of the folder's order.
      const reversed = [...names.filter((name) => name.includes("claim")), ...names.filter((name) => !name.includes("claim")).reverse()];
      for (const name of reversed) assert.equal((await backward.run(["ingest", "--quiet", join(CORPUS, name)])).code, 0);
      const one = (await forward.json<WireEvent[]>(["events"])).map(comparable);
      const other = (await backward.json<WireEvent[]>(["events"])).map(comparable);
      assert.equal(one.length, 3);
      assert.deepEqual(other, one);
      rollupAgrees(backward);
    } finally {
      await forward.remove();
      await backward.remove();
    }
  });
});
