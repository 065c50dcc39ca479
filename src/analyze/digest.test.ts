// The brief's digest counted in SQL (service.ts digestFromStore) must be the digest counted in
// memory (digest.ts digestFromEvents) over the same events: every count, place, cited event and
// reconciled figure. The events are generated to cover partial dates, undated events, foiled and
// attempted ones, aliases, other groups and countries, sentences that only look like a suicide
// attack, and a report published after as-of.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Event } from "../domain/records.ts";
import type { EventType } from "../domain/taxonomy.ts";
import { windowRanges } from "../store/conditions.ts";
import { openStore, type CountFilter, type Store } from "../store/store.ts";
import { ISLAMIC_STATE, makeDocument, makeEvent, makeExtraction, makeFigure } from "../store/test-fixtures.ts";
import { chartMonths, windowsFor } from "./brief.ts";
import { digestFromEvents, suicideIdsOf, type EventDigest } from "./digest.ts";
import { digestFromStore } from "./service.ts";

const COUNT = 400;
const TYPES: readonly EventType[] = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"];
const PLACES = ["Mosul", "Raqqa", "Kirkuk", null, "Hawija", "Deir ez-Zor", null, "Tikrit"];

/** A small deterministic generator (a linear congruential one), so a failure can be replayed. */
function generator(seed: number): (modulo: number) => number {
  let state = seed;
  return (modulo) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    // The low bits of such a generator cycle quickly; the high ones do not.
    return Math.floor(state / 65_536) % modulo;
  };
}

function sentence(index: number): string {
  const extra =
    index % 17 === 0
      ? " was a suicide bombing"
      : index % 23 === 0
        ? " involved a car bomb"
        : index % 29 === 0
          ? " recalled old suicides"
          : "";
  return `Line ${index}${extra}.`;
}

const text = Array.from({ length: COUNT }, (_, index) => sentence(index)).join(" ");
const early = makeDocument(text, { publishedDate: "2025-01-01" });
const late = makeDocument(`${text} Late.`, { publishedDate: "2026-06-01" });

function generated(): { early: Event[]; late: Event[] } {
  const next = generator(7);
  const events: Event[] = [];
  for (let index = 0; index < COUNT; index++) {
    const eventType = TYPES[next(TYPES.length)] ?? "Battles";
    const day = new Date(Date.UTC(2023, 5, 1) + next(940) * 86_400_000).toISOString().slice(0, 10);
    const form = next(10);
    const eventDate = form === 0 ? null : form === 1 ? day.slice(0, 7) : form === 2 ? day.slice(0, 4) : day;
    const strategic = eventType === "Strategic developments";
    const subEventType = strategic
      ? (["Arrests", "Disrupted weapons use", null][next(3)] ?? null)
      : eventType === "Explosions/Remote violence" && next(4) === 0
        ? "Suicide bomb"
        : null;
    const status = strategic && next(2) === 0 ? "foiled" : next(9) === 0 ? "attempted" : next(11) === 0 ? "foiled" : "occurred";
    const group = next(8);
    events.push(
      makeEvent(early, sentence(index), {
        id: `ev_${String(index).padStart(4, "0")}`,
        eventType,
        subEventType,
        status,
        eventDate,
        country: ["IQ", "SY", "TR", null][next(4)] ?? null,
        location: PLACES[next(PLACES.length)] ?? null,
        admin1: next(3) === 0 ? "Nineveh" : null,
        fatalities: next(3) === 0 ? null : next(6),
        perpetratorGroup: group === 0 ? "Other Front" : group === 1 ? null : "Islamic State",
        // group 2: a raid or a strike on the group, among its events but no attack of its.
        actor1: group === 1 ? "ISIS" : group === 2 ? "US military" : null,
        actor2: group === 2 ? "Islamic State" : null,
      }),
    );
  }
  // The same incidents again in a report published after as-of: the brief must not know them.
  const lateEvents = events.slice(0, 40).map((event) => ({ ...event, id: `${event.id}_late`, documentId: late.id, evidence: [] }));
  return { early: events, late: lateEvents.map((event) => makeEvent(late, "Late.", event)) };
}

/**
 * With a report published after as-of, every count reads the events (the as-of test is on
 * each); without one, whole months come from the monthly rollup, less the rejected events.
 */
for (const variant of ["a later report", "the rollup, some events rejected"] as const) {
  describe(`the brief's digest: SQL and memory agree (${variant})`, () => {
    const later = variant === "a later report";
    const asOf = "2025-09-30";
    const windows = windowsFor(asOf, null);
    const chart = chartMonths(windows, asOf);
    const figures = [
      makeFigure(early, sentence(1), {
        id: "fig_attacks",
        measure: "attacks",
        country: "IQ",
        periodStart: "2025-01-01",
        periodEnd: "2025-06-30",
        value: 40,
      }),
      makeFigure(early, sentence(2), {
        id: "fig_arrests",
        measure: "arrests",
        country: null,
        periodStart: "2024-01-01",
        periodEnd: "2024-12-31",
        value: 12,
      }),
      makeFigure(early, sentence(3), {
        id: "fig_deaths",
        measure: "fatalities",
        country: "SY",
        periodStart: "2024-06-01",
        periodEnd: "2025-05-31",
        value: 90,
      }),
      makeFigure(early, sentence(4), {
        id: "fig_foiled",
        measure: "foiled_plots",
        country: "SY",
        periodStart: "2023-01-01",
        periodEnd: "2023-12-31",
        value: 3,
      }),
    ];
    const region = ["IQ", "SY"];
    const scope: CountFilter = { group: "ISIS", since: "2023-01-01", until: asOf, ...(later ? { knownBy: asOf } : {}) };
    const options = { windows, asOf, firstMonth: chart.first, lastMonth: chart.last, figures };
    let directory = "";
    let store: Store;
    let fromStore: EventDigest;
    let inMemory: EventDigest;
    /** The digest with every attack counted, the group's targets too. */
    let everyAttack: EventDigest;
    /** The events in which the US military acts on the group. */
    let raids = new Set<string>();

    before(async () => {
      directory = mkdtempSync(join(tmpdir(), "sitrep-digest-"));
      store = await openStore({ path: join(directory, "sitrep.db") });
      await store.saveActors([ISLAMIC_STATE]);
      const { early: earlyEvents, late: lateEvents } = generated();
      await store.saveDocument(early, makeExtraction({ events: earlyEvents, figures }));
      if (later) await store.saveDocument(late, makeExtraction({ events: lateEvents }));
      else {
        // Rejected events leave the analysis: every fifth of the first hundred.
        for (const event of earlyEvents.slice(0, 100).filter((_, index) => index % 5 === 0)) {
          await store.decideEvent(event.id, "rejected", { reviewer: "test" });
        }
      }
      const events = await store.findEvents({ ...scope, where: { countries: region } });
      const groupNames = await store.groupNames("ISIS");
      assert.deepEqual([...groupNames].sort(), ["ISIS", "Islamic State"]);
      inMemory = digestFromEvents(events, { ...options, groupNames, suicideIds: suicideIdsOf(events) });
      fromStore = await digestFromStore(store, scope, region, { ...options, groupNames });
      everyAttack = digestFromEvents(events, { ...options, suicideIds: suicideIdsOf(events) });
      raids = new Set(events.filter((event) => event.actor1 === "US military").map((event) => event.id));
    });
    after(async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    });

    const ids = (events: readonly Event[]): string[] => events.map((event) => event.id);

    it("counts every class in both windows alike, and cites the same events", () => {
      for (const key of ["attacks", "suicideComplex", "disrupted"] as const) {
        assert.equal(fromStore[key].current, inMemory[key].current, key);
        assert.equal(fromStore[key].baseline, inMemory[key].baseline, key);
        assert.deepEqual(ids(fromStore[key].cited), ids(inMemory[key].cited), key);
      }
      // The data must exercise what is compared: something in each window.
      assert.ok(inMemory.attacks.current > 10 && inMemory.attacks.baseline > 10);
      assert.ok(inMemory.suicideComplex.current + inMemory.suicideComplex.baseline > 0);
      assert.ok(inMemory.disrupted.current > 0);
    });

    it("counts no raid or strike on the group among its attacks", () => {
      const attacks = (digest: EventDigest): number => digest.attacks.current + digest.attacks.baseline;
      assert.ok(attacks(inMemory) < attacks(everyAttack), "the data holds raids on the group");
      for (const cited of [...inMemory.attacks.cited, ...fromStore.attacks.cited, ...fromStore.lethality.cited]) {
        assert.notEqual(cited.actor1, "US military", cited.id);
      }
      assert.ok(raids.size > 0);
      for (const [figure, reconciled] of fromStore.reconciliations) {
        if (figure === "fig_arrests" || figure === "fig_foiled") continue;
        assert.deepEqual(
          reconciled.eventIds.filter((id) => raids.has(id)),
          [],
          `${figure} is checked against the group's own attacks`,
        );
      }
    });

    it("adds the same deaths, and finds the same new places", () => {
      assert.deepEqual(fromStore.lethality.current, inMemory.lethality.current);
      assert.deepEqual(fromStore.lethality.baseline, inMemory.lethality.baseline);
      assert.deepEqual(ids(fromStore.lethality.cited), ids(inMemory.lethality.cited));
      assert.equal(fromStore.spread.baselinePlaces, inMemory.spread.baselinePlaces);
      assert.deepEqual(fromStore.spread.freshPlaces, inMemory.spread.freshPlaces);
      assert.deepEqual(ids(fromStore.spread.cited), ids(inMemory.spread.cited));
    });

    it("builds the same monthly series", () => {
      assert.deepEqual(fromStore.monthly, inMemory.monthly);
      assert.ok(inMemory.monthly.unplaced > 0, "undated and year-only events are left out of the months");
    });

    it("reconciles every figure alike", () => {
      assert.deepEqual([...fromStore.reconciliations.entries()].sort(), [...inMemory.reconciliations.entries()].sort());
      assert.equal(inMemory.reconciliations.size, 4);
    });

    it("names the same foiled plots and arrests, and counts the same", () => {
      assert.equal(fromStore.disruptions.total, inMemory.disruptions.total);
      assert.deepEqual(ids(fromStore.disruptions.events), ids(inMemory.disruptions.events));
      assert.ok(inMemory.disruptions.total > inMemory.disruptions.events.length, "more than are named");
    });

    it("leaves out what was reported after as-of", () => {
      const cited = [...inMemory.attacks.cited, ...fromStore.attacks.cited, ...fromStore.disruptions.events];
      assert.ok(cited.every((event) => !event.id.endsWith("_late")));
    });
  });
}

describe("windowRanges", () => {
  it("keeps the months and years lying wholly inside a window", () => {
    assert.deepEqual(windowRanges({ first: "2024-01-15", last: "2024-03-31" }), {
      days: ["2024-01-15", "2024-03-31"],
      months: ["2024-02", "2024-03"],
      years: null,
    });
    assert.deepEqual(windowRanges({ first: "2024-01-01", last: "2025-02-27" }), {
      days: ["2024-01-01", "2025-02-27"],
      months: ["2024-01", "2025-01"],
      years: ["2024", "2024"],
    });
    // February of a leap year ends on the 29th.
    assert.deepEqual(windowRanges({ first: "2024-02-01", last: "2024-02-29" }).months, ["2024-02", "2024-02"]);
    assert.equal(windowRanges({ first: "2024-02-01", last: "2024-02-28" }).months, null);
  });
});
