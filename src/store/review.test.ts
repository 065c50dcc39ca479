// Review in the store against a real SQLite file: a rejected event leaves findEvents, pageEvents,
// mapEvents and countEvents (from the rollup and from the events alike) unless asked for, and an
// edit is one history row per changed field.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import type { Event } from "../domain/records.ts";
import { openStore, type CountFilter, type Store } from "./store.ts";
import { ISLAMIC_STATE, makeDocument, makeEvent, makeExtraction } from "./test-fixtures.ts";

const REPORT = makeDocument("A depot was raided. A bridge was shelled. A convoy was ambushed. A cell was arrested.", {
  publishedDate: "2024-06-30",
});
const EVENTS: readonly Event[] = [
  makeEvent(REPORT, "A depot was raided", {
    perpetratorGroup: "Islamic State",
    country: "IQ",
    eventDate: "2024-03-04",
    fatalities: 2,
    latitude: 36.3,
    longitude: 43.1,
    geoPrecision: "town",
  }),
  makeEvent(REPORT, "A bridge was shelled", {
    perpetratorGroup: "Islamic State",
    country: "IQ",
    eventDate: "2024-03-20",
    fatalities: 5,
    latitude: 36.4,
    longitude: 43.2,
    geoPrecision: "town",
  }),
  makeEvent(REPORT, "A convoy was ambushed", { perpetratorGroup: "Islamic State", country: "SY", eventDate: "2024-04-02", fatalities: 1 }),
  makeEvent(REPORT, "A cell was arrested", { eventType: "Strategic developments", country: "SY", eventDate: "2024-04", fatalities: null }),
];

let folder: string;
let store: Store;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), "sitrep-review-"));
  store = await openStore({ path: join(folder, "review.db"), now: () => new Date("2026-02-03T04:05:06Z") });
  await store.saveActors([ISLAMIC_STATE]);
  await store.saveDocument(REPORT, makeExtraction({ events: [...EVENTS] }));
});

afterEach(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

const ids = (events: readonly Event[]) => events.map((event) => event.id).sort();
const total = async (filter: CountFilter, interval: "week" | "month" | "year") =>
  (await store.countEvents(filter, { interval, by: ["country"] })).reduce((sum, count) => sum + count.events, 0);

describe("review in the store", () => {
  it("runs migration 0007", async () => {
    assert.ok((await store.migrations()).some((migration) => migration.name === "0007_event_review"));
  });

  it("leaves a rejected event out of listings and counts unless its state is asked for", async () => {
    const rejected = EVENTS[1] ?? assert.fail();
    assert.equal(await store.decideEvent("ev_unknown", "rejected", { reviewer: "a" }), null);
    const review = await store.decideEvent(rejected.id, "rejected", { reviewer: "a", note: "misread" });
    assert.deepEqual(review, {
      eventId: rejected.id,
      status: "rejected",
      reviewer: "a",
      reviewedAt: "2026-02-03T04:05:06.000Z",
      note: "misread",
    });

    const kept = EVENTS.filter((event) => event !== rejected);
    assert.deepEqual(ids(await store.findEvents()), ids(kept));
    assert.deepEqual(ids(await store.findEvents({ review: ["rejected"] })), [rejected.id]);
    assert.deepEqual(ids(await store.findEvents({ review: ["unreviewed", "accepted", "edited", "rejected"] })), ids(EVENTS));
    assert.deepEqual(ids((await store.pageEvents({}, { sort: "date", limit: 10 })).events), ids(kept));
    for (const interval of ["week", "month", "year"] as const) {
      assert.equal(await total({}, interval), kept.length, interval);
      assert.equal(await total({ group: "ISIS" }, interval), kept.filter((event) => event.perpetratorGroup !== null).length, interval);
      assert.equal(await total({ review: ["rejected"] }, interval), 1, interval);
    }
    const march = await store.countEvents({ country: "IQ" }, { interval: "month", by: [] });
    assert.deepEqual(
      march.map((count) => [count.period, count.events, count.fatalities]),
      [["2024-03", 1, 2]],
    );
    const map = await store.mapEvents({}, 1);
    assert.equal(
      map.cells.reduce((sum, cell) => sum + cell.events, 0),
      1,
    );

    await store.decideEvent(rejected.id, "accepted", { reviewer: "b" });
    assert.equal(await total({}, "month"), EVENTS.length);
    assert.equal((await store.eventReviews([rejected.id])).get(rejected.id)?.status, "accepted");
  });

  it("records each changed field of an edit, and the rollup follows the new values", async () => {
    const target = EVENTS[0] ?? assert.fail();
    const result = await store.editEvent(
      target.id,
      { eventDate: "2024-05-01", fatalities: 2, location: "Hatra" },
      { reviewer: "c", note: "fixed" },
    );
    assert.ok(result !== null);
    assert.equal(result.review.status, "edited");
    assert.deepEqual(result.edit?.changes, [
      { field: "eventDate", from: "2024-03-04", to: "2024-05-01" },
      { field: "location", from: null, to: "Hatra" },
    ]);
    const history = await store.eventEdits(target.id);
    assert.equal(history.length, 1);
    assert.equal(history[0]?.revision, 1);
    assert.equal(history[0]?.editor, "c");
    assert.equal((await store.getEvent(target.id))?.event.location, "Hatra");
    const months = await store.countEvents({ country: "IQ" }, { interval: "month", by: [] });
    assert.deepEqual(months.map((count) => count.period).sort(), ["2024-03", "2024-05"]);
    assert.equal(await store.editEvent("ev_unknown", { fatalities: 1 }, { reviewer: "c" }), null);
  });

  it("maps the same cells from the fine-cell summary as from the events, before and after a rejection", async () => {
    // A text filter matching the one report forces the map to read the events themselves.
    for (const zoom of [0, 3, 6, 8]) {
      const degrees = 360 / 2 ** zoom / 8;
      assert.deepEqual(await store.mapEvents({}, degrees), await store.mapEvents({ text: "raided" }, degrees), `zoom ${zoom}`);
    }
    await store.decideEvent(EVENTS[0]?.id ?? "", "rejected", { reviewer: "d" });
    const degrees = 360 / 2 ** 8 / 8;
    const summary = await store.mapEvents({}, degrees);
    assert.deepEqual(summary, await store.mapEvents({ text: "raided" }, degrees));
    assert.deepEqual(
      summary.cells.map((cell) => [cell.events, cell.eventId]),
      [[1, EVENTS[1]?.id]],
    );
    assert.equal(
      summary.regions.reduce((sum, region) => sum + region.events, 0),
      2,
    );
  });
});
