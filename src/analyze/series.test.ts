import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { makeDocument, makeEvent, makeFigure } from "../store/test-fixtures.ts";
import { bucketOf, bucketRange, isoWeek, wholeMonths, within, yearBefore } from "./periods.ts";
import { buildFigureSeries, buildSeries, figureBucket, totals } from "./series.ts";

describe("periods", () => {
  it("ISO weeks: 1 January 2021 is a Friday and belongs to 2020-W53; 4 January 2021 starts W01", () => {
    assert.equal(isoWeek("2021-01-01"), "2020-W53");
    assert.equal(isoWeek("2021-01-04"), "2021-W01");
    assert.equal(isoWeek("2024-12-30"), "2025-W01");
  });
  it("buckets need a date at least as precise as the interval", () => {
    assert.equal(bucketOf("2025-03", "month"), "2025-03");
    assert.equal(bucketOf("2025", "month"), null);
    assert.equal(bucketOf("2025-03", "week"), null);
    assert.equal(bucketOf(null, "year"), null);
  });
  it("ranges cross year ends", () => {
    assert.deepEqual(bucketRange("2024-11", "2025-02", "month"), ["2024-11", "2024-12", "2025-01", "2025-02"]);
    assert.deepEqual(bucketRange("2020-W52", "2021-W02", "week"), ["2020-W52", "2020-W53", "2021-W01", "2021-W02"]);
  });
  it("whole months of a period", () => {
    assert.equal(wholeMonths("2025-01-01", "2025-05-31"), 5);
    assert.equal(wholeMonths("2024-01-01", "2024-12-31"), 12);
    assert.equal(wholeMonths("2025-01-03", "2025-05-31"), null);
    assert.equal(wholeMonths("2024-02-01", "2024-02-28"), null);
  });
  it("within and yearBefore", () => {
    assert.ok(within("2025-03", "2025-01-01", "2025-05-31"));
    assert.ok(!within("2025", "2025-01-01", "2025-05-31"));
    assert.equal(yearBefore("2024-02-29"), "2023-02-28");
  });
});

describe("buildSeries", () => {
  const document = makeDocument("One. Two. Three. Four.");
  const events = [
    makeEvent(document, "One.", { eventDate: "2025-01-10", country: "SY", fatalities: 3, perpetratorGroup: "G" }),
    makeEvent(document, "Two.", { eventDate: "2025-01", country: "IQ", perpetratorGroup: "G" }),
    makeEvent(document, "Three.", { eventDate: "2025-03-02", country: "SY", fatalities: 1, perpetratorGroup: "G" }),
    makeEvent(document, "Four.", { eventDate: "2025", country: "SY", perpetratorGroup: "G" }),
  ];

  it("counts per month with the empty month filled and the year-only event left out", () => {
    const series = buildSeries(events, { interval: "month" });
    assert.deepEqual(series.periods, ["2025-01", "2025-02", "2025-03"]);
    assert.deepEqual(totals(series), [2, 0, 1]);
    assert.equal(series.unplaced, 1);
    assert.deepEqual(
      series.rows.map((row) => row.fatalities),
      [3, 0, 1],
    );
  });

  it("splits by country, every country in every month", () => {
    const series = buildSeries(events, { interval: "month", by: ["country"] });
    assert.deepEqual(
      series.rows.map((row) => `${row.period} ${row.keys.join("/")} ${row.events}`),
      ["2025-01 IQ 1", "2025-01 SY 1", "2025-02 IQ 0", "2025-02 SY 0", "2025-03 IQ 0", "2025-03 SY 1"],
    );
  });

  it("a from/to window fills zeros beyond the data and counts what falls outside as unplaced", () => {
    const series = buildSeries(events, { interval: "month", from: "2025-02", to: "2025-04" });
    assert.deepEqual(totals(series), [0, 1, 0]);
    assert.equal(series.unplaced, 3);
  });

  it("years take every dated event", () => {
    assert.deepEqual(totals(buildSeries(events, { interval: "year" })), [4]);
  });
});

describe("buildFigureSeries", () => {
  const document = makeDocument("A. B. C. D. E.");
  const figure = (evidence: string, fields: Parameters<typeof makeFigure>[2]) => makeFigure(document, evidence, fields);
  const figures = [
    figure("A.", { measure: "attacks", country: "TD", periodStart: "2030-02-01", periodEnd: "2030-02-28", value: 12 }),
    // A second source's count of the same month: the larger is kept, never the sum.
    figure("B.", { measure: "attacks", country: "TD", periodStart: "2030-02-01", periodEnd: "2030-02-28", value: 14 }),
    figure("C.", { measure: "attacks", country: "TD", periodStart: "2030-01-01", periodEnd: "2030-05-31", value: 40 }),
    figure("D.", { measure: "attacks", country: "TD", periodStart: "2030-03-01", periodEnd: "2030-03-31", value: 9, derived: true }),
    figure("E.", { measure: "arrests", country: "NE", periodStart: "2030-03-01", periodEnd: "2030-03-31", value: 5 }),
  ];

  it("keeps figures whose period is exactly one month, by measure and country", () => {
    const series = buildFigureSeries(figures, { interval: "month", by: ["country"] });
    assert.deepEqual(
      series.rows.map((row) => `${row.period} ${row.measure} ${row.keys.join("/")} ${row.value} ${row.figureIds.length}`),
      ["2030-02 attacks TD 14 2", "2030-03 arrests NE 5 1"],
    );
    assert.equal(series.unplaced, 2);
  });

  it("a figure's bucket: whole years, whole months, Monday-to-Sunday weeks", () => {
    assert.equal(figureBucket(figure("A.", { periodStart: "2030-01-01", periodEnd: "2030-12-31" }), "year"), "2030");
    assert.equal(figureBucket(figure("A.", { periodStart: "2030-01-01", periodEnd: "2030-05-31" }), "month"), null);
    // 7 January 2030 is a Monday.
    assert.equal(figureBucket(figure("A.", { periodStart: "2030-01-07", periodEnd: "2030-01-13" }), "week"), "2030-W02");
    assert.equal(figureBucket(figure("A.", { periodStart: "2030-01-08", periodEnd: "2030-01-14" }), "week"), null);
  });
});
