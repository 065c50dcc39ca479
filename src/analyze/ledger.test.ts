import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeDocument, makeEvent, makeFigure } from "../store/test-fixtures.ts";
import { reconciliationsFromEvents } from "./digest.ts";
import { buildLedger, fractionLabel } from "./ledger.ts";
import { poissonInterval } from "./rates.ts";

// A made-up monitor's report about a made-up group, written for these tests.
const text = [
  "The monitor counted 12 raids by the Red Hand in Ruritania in the first three months of 2030.",
  "It expects about 45 raids this year, roughly half of last year's total.",
  "The group carried out 3 raids in Borduria in January-March 2030, against 9 in the same months of 2029.",
  "A raid hit Alpha on 5 February 2030.",
  "A raid hit Beta on 20 March 2030.",
  "Police foiled a plot in Gamma on 2 April 2030.",
].join(" ");
const document = makeDocument(text, { publisher: "Example Wire" });
const [first, second, third, fourth, fifth] = text.split(/(?<=\.) /);

const figures = [
  makeFigure(document, first ?? "", {
    measure: "attacks",
    group: "Red Hand",
    country: "RU",
    periodStart: "2030-01-01",
    periodEnd: "2030-03-31",
    value: 12,
    source: "the monitor",
  }),
  makeFigure(document, second ?? "", {
    id: "fig_projected",
    measure: "attacks",
    group: "Red Hand",
    country: "RU",
    periodStart: "2030-01-01",
    periodEnd: "2030-12-31",
    value: 45,
    qualifier: "projected",
  }),
  makeFigure(document, second ?? "", {
    id: "fig_derived",
    measure: "attacks",
    group: "Red Hand",
    country: "RU",
    periodStart: "2029-01-01",
    periodEnd: "2029-12-31",
    value: 90,
    qualifier: "about",
    derived: true,
  }),
  makeFigure(document, third ?? "", {
    id: "fig_now",
    measure: "attacks",
    group: "Red Hand",
    country: "BD",
    periodStart: "2030-01-01",
    periodEnd: "2030-03-31",
    value: 3,
  }),
  makeFigure(document, third ?? "", {
    id: "fig_before",
    measure: "attacks",
    group: "Red Hand",
    country: "BD",
    periodStart: "2029-01-01",
    periodEnd: "2029-03-31",
    value: 9,
  }),
];
const events = [
  makeEvent(document, fourth ?? "", { eventType: "Violence against civilians", eventDate: "2030-02-05", country: "RU" }),
  makeEvent(document, fifth ?? "", { eventType: "Battles", eventDate: "2030-03-20", country: "RU" }),
  makeEvent(document, "Police foiled a plot in Gamma on 2 April 2030.", {
    eventType: "Strategic developments",
    subEventType: "Disrupted weapons use",
    status: "foiled",
    eventDate: "2030-04-02",
    country: "RU",
  }),
];

describe("buildLedger", () => {
  const ledger = buildLedger(
    figures,
    reconciliationsFromEvents(events, figures),
    new Map([[document.id, { publisher: "Example Wire", title: null, publishedDate: null }]]),
  );

  it("lists every figure with its source chain and evidence", () => {
    assert.equal(ledger.entries.length, 5);
    const [entry] = ledger.entries;
    assert.deepEqual(entry?.sourceChain, ["the monitor", "Example Wire"]);
    assert.deepEqual(entry?.citations, [{ documentId: document.id, text: first }]);
    assert.equal(ledger.entries.find((row) => row.figure.id === "fig_derived")?.method, "45 (projected, 2030) ÷ 1/2, by the extractor");
  });

  it("projects 12 in three months to 48 for the year, with the Garwood interval × 4", () => {
    const projection = ledger.projections.find((entry) => entry.basis.country === "RU");
    assert.ok(projection);
    assert.equal(projection.year, 2030);
    assert.equal(projection.projection.projected, 48);
    assert.ok(Math.abs(projection.projection.interval.lower - poissonInterval(12).lower * 4) < 1e-9);
    assert.equal(projection.reported?.value, 45);
  });

  it("compares 3 with 9 in the same months a year earlier: −67%", () => {
    assert.equal(ledger.comparisons.length, 1);
    const [entry] = ledger.comparisons;
    assert.equal(entry?.current.id, "fig_now");
    assert.ok(Math.abs((entry?.comparison.percentChange ?? 0) - -6 / 9) < 1e-12);
    // Bin(12, ½): P(k ≤ 3) + P(k ≥ 9) = 2 (1 + 12 + 66 + 220) / 4096
    assert.ok(Math.abs((entry?.comparison.pValue ?? 0) - (2 * 299) / 4096) < 1e-12);
  });

  it("re-derives last year from its fraction (45/90 = 1/2) and sitrep's own projection: 48 ÷ ½ = 96", () => {
    assert.equal(ledger.previousYears.length, 1);
    const [entry] = ledger.previousYears;
    assert.equal(entry?.fractionLabel, "1/2");
    assert.equal(entry?.year, 2029);
    assert.equal(entry?.value, 96);
    assert.ok(Math.abs((entry?.interval?.upper ?? 0) - poissonInterval(12).upper * 8) < 1e-9);
  });

  it("reconciles: 12 reported raids in Ruritania against 2 counted attacks (the foiled plot is outside the period)", () => {
    const reconciliation = ledger.reconciliations.find((entry) => entry.figure.country === "RU");
    assert.equal(reconciliation?.counted, 2);
    assert.ok(Math.abs((reconciliation?.coverage ?? 0) - 2 / 12) < 1e-12);
    assert.equal(
      ledger.reconciliations.some((entry) => entry.figure.qualifier === "projected"),
      false,
    );
  });

  it("makes one projection and one comparison of a number two reports give, citing both", () => {
    const wire = makeDocument("A wire report repeats the monitor's count of 12 raids and of 3 against 9.", { publisher: "Other Wire" });
    const sentence = "A wire report repeats the monitor's count of 12 raids and of 3 against 9.";
    const repeated = figures
      .filter((figure) => figure === figures[0] || figure.id === "fig_now" || figure.id === "fig_before")
      .map((figure) =>
        makeFigure(wire, sentence, {
          id: `${figure.id}_wire`,
          measure: figure.measure,
          group: figure.group,
          country: figure.country,
          periodStart: figure.periodStart,
          periodEnd: figure.periodEnd,
          value: figure.value,
          qualifier: figure.qualifier,
        }),
      );
    const both = buildLedger([...figures, ...repeated], new Map());
    assert.equal(both.projections.length, ledger.projections.length);
    const projection = both.projections.find((entry) => entry.basis.country === "RU");
    assert.deepEqual(
      projection?.citations.map((citation) => citation.documentId),
      [document.id, wire.id],
    );
    assert.equal(both.comparisons.length, ledger.comparisons.length);
    assert.ok(both.comparisons[0]?.citations.some((citation) => citation.documentId === wire.id));
    // A different number is another reading, kept apart.
    const other = { ...(repeated[0] ?? assert.fail()), id: "fig_other", value: 14 };
    assert.equal(buildLedger([...figures, other], new Map()).projections.length, ledger.projections.length + 1);
  });

  it("names simple fractions", () => {
    assert.equal(fractionLabel(90 / 270), "1/3");
    assert.equal(fractionLabel(0.25), "1/4");
    assert.equal(fractionLabel(0.667), "2/3");
  });
});
