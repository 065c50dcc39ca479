import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Assertion } from "../../domain/incidents.ts";
import { addDays, daysBetween, findAssertions, type ClaimInputEvent } from "./claims.ts";

const event = (id: string, evidenceStarts: number[] = [0], fields: Partial<ClaimInputEvent> = {}): ClaimInputEvent => ({
  id,
  eventDate: "2025-03-04",
  perpetratorGroup: null,
  claimedStatus: false,
  evidenceStarts,
  ...fields,
});

function assertionsOf(text: string, events: ClaimInputEvent[] = [event("ev_1")]): Assertion[] {
  return (
    findAssertions({ documentId: "doc_1", text, publisher: "Tigris Daily", reportedOn: "2025-03-06", events }).get(events[0]!.id) ?? []
  );
}

const summary = (assertions: readonly Assertion[]): string[][] =>
  assertions.map((assertion) => [
    assertion.assertionKind,
    assertion.by ?? "-",
    assertion.group ?? "-",
    assertion.channel ?? "-",
    assertion.assertedOn ?? "-",
  ]);

describe("findAssertions", () => {
  it("records the report itself, a claim with its channel, and dates it by the report", () => {
    const found = assertionsOf(
      "A car bomb hit the market on March 4. Islamic State claimed responsibility for the bombing in a statement published by its Amaq news agency.",
    );
    assert.deepEqual(summary(found), [
      ["reported", "Tigris Daily", "-", "-", "2025-03-06"],
      ["claimed", "Islamic State", "Islamic State", "Amaq news agency", "2025-03-06"],
    ]);
    assert.match(found[1]?.evidence?.text ?? "", /^Islamic State claimed/);
  });

  it("dates a claim made 'the next day' from the event", () => {
    const found = assertionsOf("Militants stormed a post on March 4. Daesh claimed the attack the next day on Telegram.");
    assert.deepEqual(summary(found)[1], ["claimed", "Islamic State", "Islamic State", "Telegram", "2025-03-05"]);
  });

  it("reads 'claimed by' and a negated claim", () => {
    assert.deepEqual(summary(assertionsOf("The blast on March 4 was claimed by al-Shabaab."))[1]?.slice(0, 3), [
      "claimed",
      "al-Shabaab",
      "al-Shabaab",
    ]);
    assert.deepEqual(
      summary(assertionsOf("A bomb went off. No group immediately claimed responsibility for the attack."))[1]?.[0],
      "unclaimed",
    );
    assert.deepEqual(summary(assertionsOf("A bomb went off. The attack has not been claimed."))[1]?.[0], "unclaimed");
  });

  it("reads blame by officials, denials and confirmations", () => {
    assert.deepEqual(summary(assertionsOf("A bomb went off. Local officials blamed Islamic State cells for the blast."))[1]?.slice(0, 3), [
      "attributed",
      "Local officials",
      "Islamic State",
    ]);
    assert.deepEqual(summary(assertionsOf("A bomb went off. The group denied any role in the blast."))[1]?.slice(0, 2), [
      "disputed",
      "group",
    ]);
    assert.deepEqual(summary(assertionsOf("A bomb went off. The interior ministry confirmed the toll."))[1]?.slice(0, 2), [
      "confirmed",
      "interior ministry",
    ]);
  });

  it("names no speaker for a passive, and reads an aside around the subject", () => {
    assert.deepEqual(summary(assertionsOf("A bomb went off. The attack was blamed on Daesh."))[1]?.slice(0, 3), [
      "attributed",
      "-",
      "Islamic State",
    ]);
    assert.deepEqual(summary(assertionsOf("A bomb went off. Police, citing witnesses, confirmed the toll."))[1]?.slice(0, 2), [
      "confirmed",
      "Police",
    ]);
    assert.deepEqual(summary(assertionsOf("A bomb went off. The toll was confirmed on Friday."))[1]?.slice(0, 2), ["confirmed", "-"]);
  });

  it("takes a claimant the registry does not know from its capitalised name, never a group named later", () => {
    const found = assertionsOf(
      "A bomb went off. A little-known group, Saraya Ansar al-Sunna, later claimed the bombing; officials say IS was behind it.",
    );
    assert.deepEqual(summary(found)[1]?.slice(0, 3), ["claimed", "Saraya Ansar al-Sunna", "Saraya Ansar al-Sunna"]);
  });

  it("does not read counts of claims or adjectives as assertions", () => {
    assert.equal(assertionsOf("A bomb went off. There were 38 attacks claimed by IS in Syria this year.").length, 1);
    assert.equal(assertionsOf("A bomb went off in Kirkuk, a city of disputed status.").length, 1);
  });

  it("gives a sentence to the event reported nearest before it", () => {
    const text =
      "A car bomb hit Baqubah on March 4. Gunmen attacked a post in Khalis on March 5. Islamic State claimed the attack on the post.";
    const events = [event("ev_bomb", [0]), event("ev_post", [text.indexOf("Gunmen")])];
    const found = findAssertions({ documentId: "doc_1", text, publisher: null, reportedOn: "2025-03-06", events });
    assert.deepEqual(
      found.get("ev_bomb")?.map((assertion) => assertion.assertionKind),
      ["reported"],
    );
    assert.deepEqual(
      found.get("ev_post")?.map((assertion) => assertion.assertionKind),
      ["reported", "claimed"],
    );
  });

  it("keeps an event the extractor marked claimed as claimed by its perpetrator", () => {
    const found = assertionsOf("Fighters of the group said they had attacked the base.", [
      event("ev_1", [0], { claimedStatus: true, perpetratorGroup: "al-Shabaab" }),
    ]);
    assert.deepEqual(summary(found).at(-1), ["claimed", "al-Shabaab", "al-Shabaab", "-", "2025-03-06"]);
  });
});

describe("day arithmetic", () => {
  it("adds days and counts them across months and years", () => {
    assert.equal(addDays("2024-12-31", 1), "2025-01-01");
    assert.equal(addDays("2024-12", 1), null);
    assert.equal(daysBetween("2025-02-27", "2025-03-02"), 3);
    assert.equal(daysBetween("2025-03", "2025-03-02"), null);
  });
});
