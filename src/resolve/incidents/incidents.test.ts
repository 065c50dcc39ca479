import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { clusterParts, combineParts, compareParts, explainIncident, fatalityRange, separationKey, type IncidentPart } from "./incidents.ts";

const KISMAYO = {
  location: "Kismayo",
  admin1: "Lower Juba",
  country: "SO",
  latitude: -0.358,
  longitude: 42.545,
  geoPrecision: "town",
} as const;

function part(partId: string, fields: Partial<IncidentPart> = {}): IncidentPart {
  return {
    partId,
    documentId: `doc_${partId}`,
    reportedOn: "2025-05-11",
    claimantAccount: false,
    eventType: "Battles",
    subEventType: "Armed clash",
    eventDate: "2025-05-11",
    datePrecision: "day",
    actor1: null,
    actor2: null,
    perpetratorGroup: null,
    fatalities: null,
    status: "occurred",
    ...KISMAYO,
    ...fields,
  };
}

describe("compareParts", () => {
  it("matches reports of one type, day and place, and says which fields agreed", () => {
    const match = compareParts(part("a", { perpetratorGroup: "al-Shabaab" }), part("b"));
    assert.equal(match.compatible, true);
    assert.deepEqual(match.matched, [
      "type Battles",
      "day 2025-05-11",
      "status occurred",
      "place Kismayo (same name)",
      "perpetrator al-Shabaab (named by one report only)",
    ]);
  });

  it("refuses another day, another type, another place, a foiled plot, or two different groups", () => {
    assert.equal(compareParts(part("a"), part("b", { eventDate: "2025-05-12" })).conflict, "day 2025-05-11 / 2025-05-12");
    assert.match(compareParts(part("a"), part("b", { eventType: "Explosions/Remote violence" })).conflict ?? "", /^type /);
    assert.match(
      compareParts(part("a"), part("b", { location: "Afmadow", latitude: 0.515, longitude: 42.07 })).conflict ?? "",
      /^place Kismayo, Lower Juba, SO \/ Afmadow/,
    );
    assert.match(compareParts(part("a"), part("b", { status: "foiled" })).conflict ?? "", /^status/);
    assert.match(
      compareParts(part("a", { perpetratorGroup: "al-Shabaab" }), part("b", { perpetratorGroup: "Islamic State" })).conflict ?? "",
      /^perpetrator/,
    );
  });

  it("reads a group's aliases as the group", () => {
    const match = compareParts(part("a", { perpetratorGroup: "Islamic State" }), part("b", { perpetratorGroup: "Daesh" }));
    assert.equal(match.compatible, true);
  });

  it("never merges two events of one report, nor a month-precise date", () => {
    assert.equal(compareParts(part("a"), part("b", { documentId: "doc_a" })).compatible, false);
    assert.equal(
      compareParts(part("a", { eventDate: "2025-05", datePrecision: "month" }), part("b", { eventDate: "2025-05", datePrecision: "month" }))
        .compatible,
      false,
    );
  });

  it("lets a region contain a town of it and a site be at a town near it, never two named towns", () => {
    const region = part("b", { location: null, latitude: null, longitude: null, geoPrecision: "region" });
    assert.deepEqual(compareParts(part("a"), region).matched.at(-2), "place Lower Juba contains Kismayo");
    const site = part("b", { location: "Kismayo airport", latitude: -0.37, longitude: 42.52, geoPrecision: "point" });
    assert.match(compareParts(part("a"), site).matched.at(-2) ?? "", /km apart/);
    const suburb = part("b", { location: "Kismayo suburb", latitude: -0.377, longitude: 42.5 });
    assert.match(compareParts(part("a"), suburb).conflict ?? "", /^place/);
  });
});

describe("clusterParts", () => {
  const parts = [
    part("ev_3", { fatalities: 5 }),
    part("ev_1", { fatalities: 4 }),
    part("ev_2", { fatalities: 6, perpetratorGroup: "al-Shabaab" }),
    part("ev_4", { eventDate: "2025-05-12" }),
  ];

  it("gives the same incidents whatever order the parts come in", () => {
    const expected = clusterParts(parts).map((cluster) => [cluster.incidentId, cluster.parts.map((member) => member.partId)]);
    assert.deepEqual(expected, [
      ["ev_1", ["ev_1", "ev_2", "ev_3"]],
      ["ev_4", ["ev_4"]],
    ]);
    for (const order of [
      [3, 2, 1, 0],
      [2, 0, 3, 1],
      [1, 3, 0, 2],
    ]) {
      const shuffled = order.map((index) => parts[index]!);
      assert.deepEqual(
        clusterParts(shuffled).map((cluster) => [cluster.incidentId, cluster.parts.map((member) => member.partId)]),
        expected,
      );
    }
  });

  it("keeps apart parts a user separated", () => {
    const clusters = clusterParts(parts, new Set([separationKey("ev_2", "ev_1")]));
    assert.deepEqual(
      clusters.map((cluster) => cluster.parts.map((member) => member.partId)),
      [["ev_1", "ev_3"], ["ev_2"], ["ev_4"]],
    );
  });

  it("does not chain: a part joins only an incident every part of which it matches", () => {
    const chain = [part("ev_a", { perpetratorGroup: "al-Shabaab" }), part("ev_b"), part("ev_c", { perpetratorGroup: "Islamic State" })];
    assert.deepEqual(
      clusterParts(chain).map((cluster) => cluster.parts.map((member) => member.partId)),
      [["ev_a", "ev_b"], ["ev_c"]],
    );
  });
});

describe("fatalityRange", () => {
  it("keeps the lowest and highest toll and the median as best (the lower middle when even)", () => {
    assert.deepEqual(fatalityRange([part("a", { fatalities: 4 }), part("b", { fatalities: 6 }), part("c", { fatalities: 5 })]), {
      low: 4,
      best: 5,
      high: 6,
      claimed: null,
    });
    assert.deepEqual(fatalityRange([part("a", { fatalities: 3 }), part("b", { fatalities: 5 })]), {
      low: 3,
      best: 3,
      high: 5,
      claimed: null,
    });
  });

  it("keeps the group's claimed toll apart unless nobody else gives one", () => {
    const claim = part("d", { fatalities: 18, claimantAccount: true });
    assert.deepEqual(fatalityRange([part("a", { fatalities: 4 }), claim]), { low: 4, best: 4, high: 4, claimed: 18 });
    assert.deepEqual(fatalityRange([part("a"), claim]), { low: 18, best: 18, high: 18, claimed: 18 });
    assert.deepEqual(fatalityRange([part("a")]), { low: null, best: null, high: null, claimed: null });
  });
});

describe("combineParts", () => {
  it("takes the smallest id, the most precise place, the most reported group and the best toll", () => {
    const combined = combineParts([
      part("ev_2", {
        reportedOn: "2025-05-12",
        fatalities: 5,
        perpetratorGroup: "al-Shabaab",
        actor1: "al-Shabaab",
        actor2: "Somali army",
      }),
      part("ev_1", { location: null, latitude: null, longitude: null, geoPrecision: "region", fatalities: 4, status: "attempted" }),
      part("ev_3", { reportedOn: "2025-05-13", fatalities: 6, perpetratorGroup: "Shabaab" }),
    ]);
    assert.equal(combined.id, "ev_1");
    assert.equal(combined.documentId, "doc_ev_1");
    assert.equal(combined.location, "Kismayo");
    assert.equal(combined.perpetratorGroup, "al-Shabaab");
    assert.equal(combined.actor2, "Somali army");
    assert.equal(combined.status, "occurred");
    assert.equal(combined.fatalities, 5);
  });

  it("explains each later report against the earliest", () => {
    const reasons = explainIncident([part("ev_2", { reportedOn: "2025-05-12" }), part("ev_1")]);
    assert.deepEqual(
      reasons.map((reason) => [reason.partId, reason.comparedWith, reason.matched[1]]),
      [["ev_2", "ev_1", "day 2025-05-11"]],
    );
  });
});
