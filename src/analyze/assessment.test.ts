import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeDocument, makeFigure } from "../store/test-fixtures.ts";
import { compareRates } from "./rates.ts";
import { assess, directionClause, estimativeTerm, likelihoodClause, probabilityOfAtLeast, spokenDate, spokenPeriod } from "./assessment.ts";
import { computeIndicators } from "./indicators.ts";
import { digestFromEvents } from "./digest.ts";
import { buildLedger } from "./ledger.ts";

const emptyDigest = digestFromEvents([], {
  windows: { current: { first: "2030-01-01", last: "2030-12-31" }, baseline: { first: "2029-01-01", last: "2029-12-31" } },
  asOf: "2030-12-31",
  firstMonth: "2029-01",
  lastMonth: "2030-12",
  figures: [],
  suicideIds: [],
});

describe("estimative language (ICD 203)", () => {
  it("maps probabilities to the seven bands", () => {
    assert.equal(estimativeTerm(0.01), "almost no chance");
    assert.equal(estimativeTerm(0.05), "almost no chance");
    assert.equal(estimativeTerm(0.1), "very unlikely");
    assert.equal(estimativeTerm(0.3), "unlikely");
    assert.equal(estimativeTerm(0.5), "roughly even chance");
    assert.equal(estimativeTerm(0.7), "likely");
    assert.equal(estimativeTerm(0.9), "very likely");
    assert.equal(estimativeTerm(0.99), "almost certain");
    assert.throws(() => estimativeTerm(1.5), RangeError);
  });
  it("builds a grammatical clause for nouns and adjectives", () => {
    assert.equal(likelihoodClause(0.01, "it rains"), "there is almost no chance that it rains");
    assert.equal(likelihoodClause(0.9, "it rains"), "it is very likely that it rains");
  });
});

describe("directionClause", () => {
  it("states no direction when the exact test cannot separate the counts (1 against 0: p = 1)", () => {
    assert.equal(directionClause(compareRates(1, 0), "before"), "the counts are too few or too close to say whether the rate moved");
  });
  it("names the direction with its likelihood otherwise", () => {
    assert.equal(directionClause(compareRates(4, 61), "a year earlier"), "it is almost certain that the rate is lower than a year earlier");
    assert.equal(
      directionClause(compareRates(24, 8), "a year earlier"),
      "it is almost certain that the rate is higher than a year earlier",
    );
  });
});

describe("probabilityOfAtLeast", () => {
  it("needing nothing is certain; having no time left makes any need impossible", () => {
    assert.equal(probabilityOfAtLeast(0, 5, 5, 7), 1);
    assert.equal(probabilityOfAtLeast(3, 5, 12, 0), 0);
  });
  it("one more event: 1 − P(none) = 1 − p^(k + ½), with p = 1/2 for 2 in one month and one month left", () => {
    assert.ok(Math.abs(probabilityOfAtLeast(1, 2, 1, 1) - (1 - 0.5 ** 2.5)) < 1e-12);
  });
});

describe("spoken dates", () => {
  it("reads days, months and periods", () => {
    assert.equal(spokenDate("2024-12-02"), "2 December 2024");
    assert.equal(spokenDate("2024-12"), "December 2024");
    assert.equal(spokenPeriod("2025-01-01", "2025-05-31"), "January–May 2025");
    assert.equal(spokenPeriod("2024-01-01", "2024-12-31"), "2024");
  });
});

describe("assess", () => {
  // A made-up monitor on a made-up group, in words written for this test.
  const text =
    "The monitor counted 3 claimed attacks by the Red Hand in Ruritania in January-June 2030, against 30 in the same months of 2029. " +
    "Officials warned that the Red Hand was recruiting in the camps.";
  const document = makeDocument(text, { publisher: "Example Wire" });
  const [sentence, warning] = text.split(/(?<=\.) /);
  const figures = [
    makeFigure(document, sentence ?? "", {
      id: "fig_now",
      measure: "claimed_attacks",
      country: "RU",
      periodStart: "2030-01-01",
      periodEnd: "2030-06-30",
      value: 3,
      source: "the monitor",
    }),
    makeFigure(document, sentence ?? "", {
      id: "fig_before",
      measure: "claimed_attacks",
      country: "RU",
      periodStart: "2029-01-01",
      periodEnd: "2029-06-30",
      value: 30,
      source: "the monitor",
    }),
  ];
  const ledger = buildLedger(figures, new Map(), new Map(), { asOf: "2030-07-01" });
  const indicators = computeIndicators({
    digest: emptyDigest,
    figures,
    comparisons: ledger.comparisons,
    previousYears: [],
    sentences: [{ documentId: document.id, text: warning ?? "", documentDate: "2030-07-01", namesGroup: true, speakers: [] }],
    windows: { current: { first: "2030-01-01", last: "2030-07-01" }, baseline: { first: "2029-07-01", last: "2029-12-31" } },
  });
  const assessment = assess({
    group: "Red Hand",
    regionLabel: "Ruritania",
    ledger,
    indicators,
    disruptions: { total: 0, events: [] },
    documents: new Map([[document.id, { publisher: "Example Wire", title: null, publishedDate: "2030-07-01" }]]),
    countryName: (code) => (code === "RU" ? "Ruritania" : "the region"),
  });

  it("the bottom line says far below (upper bound of the ratio under ½) and some signs of rebuilding", () => {
    assert.match(
      assessment.bottomLine.text,
      /^Red Hand in Ruritania: activity is far below its earlier level, while some signs of rebuilding are reported \(2 of 7 indicators\)\.$/,
    );
  });

  it("every sentence carries a citation from the document", () => {
    for (const sentence of [assessment.bottomLine, ...assessment.judgements, ...assessment.watchList]) {
      assert.ok(sentence.citations.length > 0, sentence.text);
      for (const citation of sentence.citations) assert.ok(text.includes(citation.text));
    }
  });

  it("states the comparison with its test and term", () => {
    const comparison = assessment.judgements[0];
    assert.match(
      comparison?.text ?? "",
      /3 in January–June 2030 against 30 in the same period a year earlier \(−90%\); it is almost certain that the rate is lower/,
    );
  });

  it("a single publisher with named sources gives moderate confidence", () => {
    assert.equal(assessment.confidence.level, "moderate");
    assert.match(assessment.confidence.reasons.join(" "), /1 document cited/);
  });

  it("projects the running year and lists what would change the judgement", () => {
    assert.ok(assessment.judgements.some((judgement) => /on course for about 6 in Ruritania in 2030/.test(judgement.text)));
    assert.ok(assessment.watchList.some((item) => /returning towards the 30 of January–June 2029/.test(item.text)));
  });
});

describe("assess: a monitors' comparison that ended before the current window", () => {
  // Same made-up monitor: a fall reported for 2030, read in a brief whose current window is 2032.
  const text =
    "The monitor counted 3 claimed attacks by the Red Hand in Ruritania in January-June 2030, against 30 in the same months of 2029.";
  const document = makeDocument(text, { publisher: "Example Wire" });
  const figure = (id: string, periodStart: string, periodEnd: string, value: number) =>
    makeFigure(document, text, { id, measure: "claimed_attacks", country: "RU", periodStart, periodEnd, value, source: "the monitor" });
  const figures = [figure("fig_now", "2030-01-01", "2030-06-30", 3), figure("fig_before", "2029-01-01", "2029-06-30", 30)];
  const ledger = buildLedger(figures, new Map(), new Map(), { asOf: "2032-12-31" });
  const indicators = computeIndicators({
    digest: emptyDigest,
    figures,
    comparisons: ledger.comparisons,
    previousYears: [],
    sentences: [],
    windows: { current: { first: "2032-01-01", last: "2032-12-31" }, baseline: { first: "2031-01-01", last: "2031-12-31" } },
  });
  const common = {
    group: "Red Hand",
    regionLabel: "Ruritania",
    ledger,
    indicators,
    disruptions: { total: 0, events: [] },
    documents: new Map([[document.id, { publisher: "Example Wire", title: null, publishedDate: "2030-07-01" }]]),
    countryName: (code: string | null) => (code === "RU" ? "Ruritania" : "the region"),
  };

  it("is stated as history and does not decide the bottom line", () => {
    const assessment = assess({ ...common, currentFrom: "2032-01-01" });
    assert.match(assessment.judgements[0]?.text ?? "", /^Earlier, before the current window: Red Hand claimed attacks in Ruritania: 3 in/);
    assert.match(assessment.bottomLine.text, /too few counts to compare/);
    assert.ok(!assessment.watchList.some((item) => /returning towards the 30/.test(item.text)));
  });

  it("decides it when the window is not given (every comparison counts)", () => {
    assert.match(assess(common).bottomLine.text, /activity is far below/);
  });
});
