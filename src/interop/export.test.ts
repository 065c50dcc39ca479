// The exporters' rules over sitrep's own events: ACLED's precision codes, the formula guard in
// ACLED CSV, and GeoJSON's refusal to pin a region or a country to a point.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { ACLED_COLUMNS, SITREP_ACLED_COLUMNS, acledHeader, eventToAcledRecord } from "./acled.ts";
import { parseCsv } from "./csv.ts";
import { eventsToGeoJson } from "./geojson.ts";
import { eventToJsonLine } from "./jsonl.ts";
import { EVENTS } from "./test-events.ts";

function acledRow(index: number): Record<string, string> {
  const event = EVENTS[index];
  assert.ok(event);
  const [header, row] = parseCsv(acledHeader() + eventToAcledRecord(event));
  assert.ok(header?.kind === "row" && row?.kind === "row");
  return Object.fromEntries(header.fields.map((name, position) => [name, row.fields[position] ?? ""]));
}

describe("ACLED CSV export", () => {
  it("writes ACLED's columns in ACLED's order, then sitrep's four", () => {
    assert.equal(acledHeader(), [...ACLED_COLUMNS, ...SITREP_ACLED_COLUMNS].join(",") + "\r\n");
    assert.deepEqual(ACLED_COLUMNS.slice(0, 7), [
      "event_id_cnty",
      "event_date",
      "year",
      "time_precision",
      "disorder_type",
      "event_type",
      "sub_event_type",
    ]);
  });

  it("codes a known day and town as time_precision 1 and geo_precision 1, with the country's name and ISO number", () => {
    const row = acledRow(0);
    assert.equal(row.event_date, "2024-12-02");
    assert.equal(row.time_precision, "1");
    assert.equal(row.geo_precision, "1");
    assert.equal(row.country, "Iraq");
    assert.equal(row.iso, "368");
    assert.equal(row.latitude, "36.3767");
    assert.equal(row.disorder_type, "Political violence");
    assert.equal(row.source, "a provincial official; the Iraqi Army");
    assert.equal(row.fatalities, "3");
  });

  it("codes a month as time_precision 3 on the 15th, and a region as geo_precision 3 without coordinates", () => {
    const row = acledRow(1);
    assert.equal(row.event_date, "2024-12-15");
    assert.equal(row.time_precision, "3");
    assert.equal(row.geo_precision, "3");
    assert.equal(row.latitude, "");
    assert.equal(row.longitude, "");
    assert.equal(row.sitrep_date_precision, "month");
  });

  it("gives a year-only date no day, and a district geo_precision 2", () => {
    const yearOnly = acledRow(2);
    assert.equal(yearOnly.event_date, "");
    assert.equal(yearOnly.year, "2023");
    assert.equal(yearOnly.time_precision, "");
    assert.equal(acledRow(3).geo_precision, "2");
  });

  it("guards a formula in an actor name and an attribution", () => {
    const row = acledRow(2);
    assert.equal(row.actor1, `'=HYPERLINK("http://evil.example","click")`);
    assert.equal(row.source, "'@channel; the group");
    assert.equal(row.sitrep_status, "claimed");
  });
});

describe("GeoJSON export", () => {
  const collection = eventsToGeoJson(EVENTS);
  const feature = (index: number) => collection.features[index];

  it("gives a town and a district a Point, longitude first (RFC 7946 §3.1.1)", () => {
    assert.deepEqual(feature(0)?.geometry, { type: "Point", coordinates: [42.4497, 36.3767] });
    assert.deepEqual(feature(3)?.geometry, { type: "Point", coordinates: [42.9611, 36.4108] });
    assert.equal(feature(3)?.properties.geo_precision, "district");
  });

  it("gives a region, a country and an unplaced event no geometry, and says their precision", () => {
    assert.equal(feature(1)?.geometry, null);
    assert.equal(feature(1)?.properties.geo_precision, "region");
    assert.equal(feature(2)?.geometry, null);
    assert.equal(feature(2)?.properties.geo_precision, "country");
    assert.equal(feature(4)?.geometry, null);
  });

  it("never shows a point for a region even if coordinates were stored with it", () => {
    const base = EVENTS[1];
    assert.ok(base);
    const stray = { ...base, latitude: 33.75, longitude: 44.63 };
    assert.equal(eventsToGeoJson([stray]).features[0]?.geometry, null);
  });

  it("is a FeatureCollection with one feature per event", () => {
    assert.equal(collection.type, "FeatureCollection");
    assert.equal(collection.features.length, EVENTS.length);
  });
});

describe("JSON Lines export", () => {
  it("writes one line per record, newlines in text escaped", () => {
    const event = EVENTS[0];
    assert.ok(event);
    const line = eventToJsonLine({ ...event, sources: ["line one\nline two"] });
    assert.equal(line.split("\n").length, 2);
    assert.equal((JSON.parse(line) as { kind: string }).kind, "event");
  });
});
