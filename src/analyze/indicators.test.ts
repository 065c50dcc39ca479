import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeDocument, makeEvent, makeFigure } from "../store/test-fixtures.ts";
import { computeIndicators, type GroupSentence, type Windows } from "./indicators.ts";
import { digestFromEvents, suicideIdsOf } from "./digest.ts";
import { buildLedger } from "./ledger.ts";

// A made-up group in made-up places; the texts are written for this test.
const text = [
  "Gunmen of the Red Hand killed 4 guards at Alpha on 10 January 2030.",
  "A Red Hand suicide bomber struck a market in Beta on 3 March 2030, killing 6.",
  "Red Hand fighters ambushed a patrol near Gamma on 12 March 2030.",
  "Red Hand fighters attacked Alpha again on 20 March 2030, killing 2.",
  "Police arrested three Red Hand facilitators in Delta on 25 March 2030.",
].join(" ");
const document = makeDocument(text);
const sentences = text.split(/(?<=\.) /);
const at = (index: number): string => sentences[index] ?? "";

const events = [
  makeEvent(document, at(0), { eventType: "Violence against civilians", eventDate: "2030-01-10", location: "Alpha", fatalities: 4 }),
  makeEvent(document, at(1), {
    eventType: "Explosions/Remote violence",
    subEventType: "Suicide bomb",
    eventDate: "2030-03-03",
    location: "Beta",
    fatalities: 6,
  }),
  makeEvent(document, at(2), { eventType: "Battles", eventDate: "2030-03-12", location: "Gamma" }),
  makeEvent(document, at(3), { eventType: "Battles", eventDate: "2030-03-20", location: "Alpha", fatalities: 2 }),
  makeEvent(document, at(4), { eventType: "Strategic developments", subEventType: "Arrests", eventDate: "2030-03-25", location: "Delta" }),
];

// Two windows of 31 days each.
const windows: Windows = {
  current: { first: "2030-03-01", last: "2030-03-31" },
  baseline: { first: "2030-01-01", last: "2030-01-31" },
};

const groupSentences: GroupSentence[] = [
  {
    documentId: "doc_a",
    text: "Officials warned that the group is recruiting teenagers in the camps.",
    documentDate: "2030-03-15",
    namesGroup: false,
    speakers: ["Officials"],
  },
  {
    documentId: "doc_b",
    text: "The group has been smuggling weapons across the river.",
    documentDate: "2030-01-15",
    namesGroup: true,
    speakers: [],
  },
  { documentId: "doc_c", text: "Fighters were seen at a wedding.", documentDate: "2030-03-15", namesGroup: true, speakers: [] },
];

describe("computeIndicators", () => {
  const ledger = buildLedger([], new Map());
  const digest = digestFromEvents(events, {
    windows,
    asOf: windows.current.last,
    firstMonth: "2030-01",
    lastMonth: "2030-03",
    figures: [],
    suicideIds: suicideIdsOf(events),
  });
  const indicators = computeIndicators({
    digest,
    figures: [],
    comparisons: ledger.comparisons,
    previousYears: [],
    sentences: groupSentences,
    windows,
  });
  const byId = new Map(indicators.map((indicator) => [indicator.id, indicator]));

  it("attack tempo: 3 attacks in March against 1 in January, equal exposures; p = P(3 vs 1 | Bin(4, ½)) = 10/16", () => {
    const tempo = byId.get("attack_tempo");
    assert.equal(tempo?.current, 3);
    assert.equal(tempo?.baseline, 1);
    assert.ok(Math.abs((tempo?.comparison?.pValue ?? 0) - 10 / 16) < 1e-12);
    assert.equal(tempo?.trend, "steady");
    assert.equal(tempo?.evidence.length, 4);
  });

  it("lethality: (6 + 2) / 2 = 4 now against 4 before", () => {
    const lethality = byId.get("lethality");
    assert.equal(lethality?.current, 4);
    assert.equal(lethality?.baseline, 4);
    assert.equal(lethality?.trend, "steady");
  });

  it("suicide attacks, new places and arrests", () => {
    assert.equal(byId.get("suicide_complex")?.current, 1);
    assert.equal(byId.get("spread")?.current, 2);
    assert.match(byId.get("spread")?.summary ?? "", /Beta, Gamma/);
    assert.equal(byId.get("foiled_arrests")?.current, 1);
  });

  it("text indicators keep their sentences and documents", () => {
    const recruitment = byId.get("recruitment");
    assert.deepEqual(recruitment?.documentIds, ["doc_a"]);
    assert.equal(recruitment?.trend, "reported");
    assert.equal(recruitment?.summary, "1 sentence in 1 document; attributed to Officials");
    assert.equal(recruitment?.summary, "1 sentence in 1 document; attributed to Officials");
    assert.deepEqual(byId.get("official_warnings")?.documentIds, ["doc_a"]);
    const weapons = byId.get("weapons_supply");
    assert.equal(weapons?.baseline, 1);
    assert.equal(weapons?.current, 0);
    assert.equal(weapons?.trend, "down");
    assert.equal(byId.get("foreign_fighters")?.trend, "none");
  });

  it("claimed tempo comes from the monitors' same-period figures", () => {
    const figureText = "The monitor counted 2 claimed attacks in January-March 2030 against 20 a year earlier.";
    const figureDocument = makeDocument(figureText);
    const figures = [
      makeFigure(figureDocument, figureText, { measure: "claimed_attacks", periodStart: "2030-01-01", periodEnd: "2030-03-31", value: 2 }),
      makeFigure(figureDocument, figureText, {
        id: "fig_prev",
        measure: "claimed_attacks",
        periodStart: "2029-01-01",
        periodEnd: "2029-03-31",
        value: 20,
      }),
    ];
    const figureLedger = buildLedger(figures, new Map());
    const result = computeIndicators({
      digest: digestFromEvents([], {
        windows,
        asOf: windows.current.last,
        firstMonth: "2030-01",
        lastMonth: "2030-03",
        figures,
        suicideIds: [],
      }),
      figures,
      comparisons: figureLedger.comparisons,
      previousYears: [],
      sentences: [],
      windows,
    });
    const claimed = result.find((indicator) => indicator.id === "claimed_tempo");
    assert.equal(claimed?.trend, "down");
    assert.match(claimed?.summary ?? "", /whole region: 2 in 3 months against 20 in 3 months \(rate -90%\)/);
  });
});
