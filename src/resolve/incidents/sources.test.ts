import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { ReliabilityGrade } from "../../domain/incidents.ts";
import { classifySource, credibilityOf, gradeOf, independentSources, isClaimantAccount, reportGrade, sourceKey } from "./sources.ts";

describe("classifySource", () => {
  it("reads the kind of a source from its name", () => {
    assert.equal(classifySource("Reuters"), "agency");
    assert.equal(classifySource("Horn Press Agency", true), "agency");
    assert.equal(classifySource("Syrian Observatory for Human Rights"), "monitor");
    assert.equal(classifySource("the defence ministry"), "official");
    assert.equal(classifySource("US Central Command"), "official");
    assert.equal(classifySource("Amaq news agency"), "group_channel");
    assert.equal(classifySource("Daesh"), "group_channel");
    assert.equal(classifySource("Juba Valley Herald", true), "publisher");
    assert.equal(classifySource("residents"), "other");
  });
});

describe("grades", () => {
  it("defaults by kind, and a user's grade wins, whatever the spelling", () => {
    assert.equal(gradeOf({ name: "Juba Valley Herald", asPublisher: true }, new Map()), "C");
    assert.equal(gradeOf({ name: "Amaq news agency", asPublisher: false }, new Map()), "D");
    assert.equal(gradeOf({ name: "witnesses", asPublisher: false }, new Map()), "F");
    const overrides = new Map<string, ReliabilityGrade>([[sourceKey("Juba Valley Herald"), "A"]]);
    assert.equal(gradeOf({ name: "JUBA VALLEY HERALD", asPublisher: true }, overrides), "A");
  });

  it("grades a report by the better of its publisher and its attributions", () => {
    assert.equal(reportGrade({ documentId: "d", publisher: "Lake Chad Times", attributions: ["Reuters"] }, new Map()), "B");
    assert.equal(reportGrade({ documentId: "d", publisher: null, attributions: [] }, new Map()), "F");
  });

  it("counts reports of one publisher as one independent source", () => {
    const sources = independentSources(
      [
        { documentId: "1", publisher: "Coastline Radio", attributions: [] },
        { documentId: "2", publisher: "coastline radio", attributions: ["the defence ministry"] },
        { documentId: "3", publisher: null, attributions: [] },
        { documentId: "4", publisher: null, attributions: [] },
      ],
      new Map(),
    );
    assert.deepEqual(sources, ["C", "F", "F"]);
  });

  it("knows a report that speaks only for the group", () => {
    assert.equal(isClaimantAccount(["Islamic State", "claim"]), true);
    assert.equal(isClaimantAccount(["police", "Islamic State"]), false);
    assert.equal(isClaimantAccount([]), false);
  });
});

describe("credibilityOf", () => {
  it("follows the documented table", () => {
    assert.equal(credibilityOf(["B", "C"]), 1);
    assert.equal(credibilityOf(["C", "D", "F"]), 2);
    assert.equal(credibilityOf(["D", "F"]), 3);
    assert.equal(credibilityOf(["A"]), 2);
    assert.equal(credibilityOf(["B"]), 2);
    assert.equal(credibilityOf(["C"]), 3);
    assert.equal(credibilityOf(["D"]), 4);
    assert.equal(credibilityOf(["E"]), 5);
    assert.equal(credibilityOf(["F"]), 6);
    assert.equal(credibilityOf([]), 6);
  });
});
