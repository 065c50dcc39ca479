import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildFigureSeries, buildSeries } from "../analyze/series.ts";
import { makeDocument, makeEvent, makeFigure } from "../store/test-fixtures.ts";
import { formatFigureSeries, formatSeries, parseBy } from "./analysis.ts";

describe("parseBy", () => {
  it("reads an interval and dimensions in any order, month by default", () => {
    assert.deepEqual(parseBy("month,country"), { interval: "month", by: ["country"] });
    assert.deepEqual(parseBy("type, week"), { interval: "week", by: ["type"] });
    assert.deepEqual(parseBy(undefined), { interval: "month", by: [] });
  });
  it("refuses unknown words and two intervals", () => {
    assert.throws(() => parseBy("month,planet"), /"planet" is not one of/);
    assert.throws(() => parseBy("month,year"), /two intervals/);
  });
});

describe("formatSeries", () => {
  const document = makeDocument("One. Two.");
  const series = buildSeries(
    [
      makeEvent(document, "One.", { eventDate: "2030-01-05", country: "TD", fatalities: 2 }),
      makeEvent(document, "Two.", { eventDate: "2030-03-05", country: null }),
    ],
    { interval: "month", by: ["country"] },
  );
  it("CSV keeps codes and leaves unknown values empty", () => {
    assert.equal(
      formatSeries(series, "csv"),
      [
        "month,country,events,fatalities",
        "2030-01,,0,0",
        "2030-01,TD,1,2",
        "2030-02,,0,0",
        "2030-02,TD,0,0",
        "2030-03,,1,0",
        "2030-03,TD,0,0",
        "",
      ].join("\n"),
    );
  });
  it("JSON names each dimension and uses null for unknown", () => {
    const parsed = JSON.parse(formatSeries(series, "json")) as { rows: { period: string; country: string | null; events: number }[] };
    assert.deepEqual(parsed.rows[0], { period: "2030-01", country: null, events: 0, fatalities: 0 });
  });
  it("the table names countries", () => {
    assert.match(formatSeries(series, "table"), /Chad/);
  });
});

describe("formatFigureSeries", () => {
  const document = makeDocument("One. Two.");
  const series = buildFigureSeries(
    [
      makeFigure(document, "One.", {
        measure: "fighters",
        periodStart: "2030-01-01",
        periodEnd: "2030-12-31",
        value: 1500,
        qualifier: "at_least",
      }),
      makeFigure(document, "Two.", {
        measure: "fighters",
        periodStart: "2030-01-01",
        periodEnd: "2030-12-31",
        value: 3000,
        qualifier: "at_most",
      }),
    ],
    { interval: "year", by: ["country"] },
  );
  it("a range stays two rows, one per qualifier", () => {
    assert.equal(
      formatFigureSeries(series, "csv"),
      ["year,measure,country,qualifier,value,figures", "2030,fighters,,at_least,1500,1", "2030,fighters,,at_most,3000,1", ""].join("\n"),
    );
  });
});
