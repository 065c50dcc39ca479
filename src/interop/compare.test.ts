// The comparison of an imported dataset with sitrep's own events, on small fixtures written for
// these tests: the pure matching rule first, then the service over a real store with the ACLED
// fixture file imported beside an extracted report's events.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, test } from "node:test";
import type { Event } from "../domain/records.ts";
import { openStore } from "../store/store.ts";
import { makeDocument, makeEvent, makeExtraction } from "../store/test-fixtures.ts";
import { compareDataset, compareEvents } from "./compare.ts";
import { importFile } from "./import.ts";

const FIXTURES = fileURLToPath(new URL("../../test/fixtures/interop/", import.meta.url));

const REPORT = makeDocument(
  "Fighters of the Islamic State clashed with soldiers near Badush. A bomb went off in Baquba. " +
    "Gunmen attacked a checkpoint in Kirkuk. Protesters gathered in Basra.",
  { title: "Week in Iraq", publishedDate: "2024-03-20" },
);
const DATASET = makeDocument("a dataset file standing in for ACLED");

function own(evidence: string, fields: Partial<Omit<Event, "kind">>): Event {
  return makeEvent(REPORT, evidence, { country: "IQ", ...fields });
}

function theirs(id: string, fields: Partial<Omit<Event, "kind">>): Event {
  return makeEvent(DATASET, "a dataset file", { id, country: "IQ", ...fields });
}

describe("compareEvents", () => {
  const clash = own("Fighters of the Islamic State clashed with soldiers near Badush", {
    eventDate: "2024-03-05",
    datePrecision: "day",
    admin1: "Nineveh",
    latitude: 36.41,
    longitude: 42.96,
    perpetratorGroup: "ISIS",
  });

  test("pairs events of one type, a few days and kilometres apart, whose actors are one group by alias", () => {
    const match = theirs("ev_a", {
      eventDate: "2024-03-04",
      datePrecision: "day",
      admin1: "Ninewa",
      latitude: 36.4108,
      longitude: 42.9611,
      actor1: "Islamic State (Iraq)",
    });
    const result = compareEvents([clash], [match]);
    assert.equal(result.matched.length, 1);
    assert.equal(result.matched[0]?.daysApart, 1);
    assert.ok((result.matched[0]?.distanceKm ?? 99) < 1);
    assert.deepEqual(result.onlyOwn, []);
    assert.deepEqual(result.onlyDataset, []);
  });

  test("does not pair across the date window, the distance, the type, the admin1 or different named groups", () => {
    const tooLate = theirs("ev_late", { eventDate: "2024-03-09", datePrecision: "day", latitude: 36.41, longitude: 42.96 });
    const tooFar = theirs("ev_far", { eventDate: "2024-03-05", datePrecision: "day", latitude: 33.75, longitude: 44.63 });
    const otherType = theirs("ev_type", { eventType: "Riots", eventDate: "2024-03-05", datePrecision: "day" });
    const otherProvince = theirs("ev_admin", { eventDate: "2024-03-05", datePrecision: "day", admin1: "Diyala" });
    const otherGroup = theirs("ev_group", {
      eventDate: "2024-03-05",
      datePrecision: "day",
      latitude: 36.41,
      longitude: 42.96,
      actor1: "Kurdistan Workers' Party",
    });
    const result = compareEvents([clash], [tooLate, tooFar, otherType, otherProvince, otherGroup]);
    assert.deepEqual(result.matched, []);
    assert.equal(result.onlyOwn.length, 1);
    assert.equal(result.onlyDataset.length, 5);
  });

  test("a month-precision date matches any day of that month within the window; each event pairs once, the closest first", () => {
    const monthly = own("A bomb went off in Baquba", {
      eventType: "Explosions/Remote violence",
      eventDate: "2024-03",
      datePrecision: "month",
      admin1: "Diyala",
    });
    const first = theirs("ev_1", {
      eventType: "Explosions/Remote violence",
      eventDate: "2024-03-15",
      datePrecision: "day",
      admin1: "Diyala",
    });
    const second = theirs("ev_2", {
      eventType: "Explosions/Remote violence",
      eventDate: "2024-04-02",
      datePrecision: "day",
      admin1: "Diyala",
    });
    const result = compareEvents([monthly], [second, first]);
    assert.deepEqual(
      result.matched.map((pair) => [pair.dataset.id, pair.daysApart]),
      [["ev_1", 0]],
    );
    assert.deepEqual(
      result.onlyDataset.map((event) => event.id),
      ["ev_2"],
    );
    assert.deepEqual(result.months, [
      { month: "2024-03", own: 1, dataset: 1, matched: 1 },
      { month: "2024-04", own: 0, dataset: 1, matched: 0 },
    ]);
  });

  test("an event dated only to a year pairs with nothing", () => {
    const yearly = own("Gunmen attacked a checkpoint in Kirkuk", { eventDate: "2024", datePrecision: "year", admin1: "Nineveh" });
    const day = theirs("ev_day", { eventDate: "2024-03-05", datePrecision: "day", admin1: "Nineveh" });
    assert.deepEqual(compareEvents([yearly], [day]).matched, []);
    assert.deepEqual(compareEvents([clash], [{ ...day, eventDate: "2024", datePrecision: "year" }]).matched, []);
  });

  test("the wider window and distance are options", () => {
    const later = theirs("ev_late", { eventDate: "2024-03-09", datePrecision: "day", latitude: 36.41, longitude: 42.96 });
    assert.equal(compareEvents([clash], [later]).matched.length, 0);
    assert.equal(compareEvents([clash], [later], { windowDays: 7 }).matched.length, 1);
  });
});

describe("compareDataset", () => {
  test("splits the store's events into own and the dataset's for the filter, and compares them", async () => {
    const directory = mkdtempSync(join(tmpdir(), "sitrep-compare-"));
    const store = await openStore({ path: join(directory, "sitrep.db") });
    try {
      await store.saveDocument(
        REPORT,
        makeExtraction({
          events: [
            own("Fighters of the Islamic State clashed with soldiers near Badush", {
              eventDate: "2024-03-05",
              datePrecision: "day",
              admin1: "Nineveh",
              latitude: 36.41,
              longitude: 42.96,
              perpetratorGroup: "Islamic State",
            }),
            // The fixture's Basra protest is on 8 March: twelve days off, so no pair.
            own("Protesters gathered in Basra", { eventType: "Protests", eventDate: "2024-03-20", datePrecision: "day", admin1: "Basra" }),
          ],
        }),
      );
      await importFile(store, "acled", join(FIXTURES, "acled.csv"));
      const result = await compareDataset(store, { dataset: "acled", filter: { country: "IQ", since: "2024-03", until: "2024-03" } });
      const iraqRows = (await store.findEvents({ country: "IQ", since: "2024-03", until: "2024-03" })).length - 2;
      assert.equal(result.own, 2);
      assert.equal(result.dataset, iraqRows);
      assert.equal(result.matched.length, 1);
      assert.equal(result.matched[0]?.dataset.location, "Badush");
      assert.deepEqual(
        result.onlyOwn.map((event) => event.eventType),
        ["Protests"],
      );
      // ACLED names the group "Islamic State (Iraq)": a group filter reads it as the bare name.
      const group = await compareDataset(store, { dataset: "acled", filter: { group: "Islamic State", country: "IQ" } });
      assert.equal(group.own, 1);
      assert.deepEqual(
        group.matched.map((pair) => pair.dataset.location),
        ["Badush"],
      );
      assert.ok(group.dataset >= 1);
      assert.ok(
        (await store.findEvents({ group: "Islamic State" })).some((event) => event.actor1 === "Islamic State (Syria)"),
        "every listing's group filter reads the qualified names",
      );
      assert.ok(
        (await store.findEvents({ group: "IS" })).some((event) => event.actor1 === "Islamic State (Syria)"),
        "an import brings the alias registry: IS finds the group",
      );
      const syria = await compareDataset(store, { dataset: "acled", filter: { country: "SY" } });
      assert.equal(syria.own, 0);
      assert.equal(syria.matched.length, 0);
      const other = await compareDataset(store, { dataset: "ucdp", filter: { country: "IQ" } });
      assert.equal(other.dataset, 0, "events of another dataset are neither side");
      assert.equal(other.own, 2);
    } finally {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
