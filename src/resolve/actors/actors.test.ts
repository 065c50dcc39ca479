// Armed groups and state forces as a reader of the actor table would check them: every alias folds
// to one canonical name, capitals in wire copy are not mistaken for acronyms, and a state force
// carries the country it serves. Sentences are written for these tests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RuleExtractor } from "../../extract/extractor.ts";
import { canonicalGroup, findGroupMentions } from "./actors.ts";
import { findStateForces } from "./forces.ts";

function groups(text: string, allCapitals = false): [string, string][] {
  return findGroupMentions(text, { allCapitals }).map((mention) => [mention.text, mention.canonical]);
}

function forces(text: string): [string, string | null][] {
  return findStateForces(text).map((mention) => [mention.text, mention.country]);
}

describe("findGroupMentions", () => {
  it("folds the Islamic State's names and acronyms to one canonical name", () => {
    assert.deepEqual(groups("Daesh fighters and ISIS cells answer to the same Islamic State group, which some call ISIL."), [
      ["Daesh", "Islamic State"],
      ["ISIS", "Islamic State"],
      ["Islamic State group", "Islamic State"],
      ["ISIL", "Islamic State"],
    ]);
  });

  it("folds spellings of al-Shabaab, with offsets into the text", () => {
    const text = "Fighters of al-Shabab, also written Al Shabaab, attacked the base.";
    const found = findGroupMentions(text);
    assert.deepEqual(
      found.map((mention) => mention.canonical),
      ["al-Shabaab", "al-Shabaab"],
    );
    for (const mention of found) assert.equal(text.slice(mention.start, mention.end), mention.text);
    assert.equal(found[0]?.country, "SO");
  });

  it("folds an accented Spanish name and the acronym of the FMLN", () => {
    assert.deepEqual(groups("El Frente Farabundo Martí para la Liberación Nacional (FMLN) negó el ataque."), [
      ["Frente Farabundo Martí para la Liberación Nacional", "Farabundo Marti National Liberation Front"],
      ["FMLN", "Farabundo Marti National Liberation Front"],
    ]);
  });

  it("finds a group named in all-capitals wire copy", () => {
    assert.deepEqual(groups("SHINING PATH GUERRILLAS BLEW UP A POWER PYLON NEAR HUANCAYO.", true), [["SHINING PATH", "Shining Path"]]);
    assert.deepEqual(groups("URBAN COMMANDOS OF THE FMLN SET FIRE TO THREE BUSES.", true), [
      ["FMLN", "Farabundo Marti National Liberation Front"],
    ]);
  });

  it("reads 'IS' as the Islamic State in mixed-case text", () => {
    assert.deepEqual(groups("IS fighters withdrew from the village before dawn."), [["IS", "Islamic State"]]);
  });

  it("does not read the word 'IS' in all-capitals text as the Islamic State", () => {
    assert.deepEqual(groups("THE HIGHWAY TO THE BORDER IS CLOSED TO TRAFFIC.", true), []);
  });

  it("does not read 'IS' before 'a', 'not' or 'expected' as a group even in mixed case", () => {
    assert.deepEqual(groups("Whether the town IS a safe place again is unclear."), []);
  });

  it("gives nothing for a sentence that names no group", () => {
    assert.deepEqual(groups("The governor visited the market in Kirkuk on Monday."), []);
  });
});

describe("canonicalGroup", () => {
  it("gives the canonical name of an alias or an acronym, and null for an unknown name", () => {
    assert.equal(canonicalGroup("Daesh"), "Islamic State");
    assert.equal(canonicalGroup("the Taliban"), "Taliban");
    assert.equal(canonicalGroup("Sendero Luminoso"), "Shining Path");
    assert.equal(canonicalGroup("ISIL"), "Islamic State");
    assert.equal(canonicalGroup("the village council"), null);
  });
});

describe("findStateForces", () => {
  it("gives a force the country of its demonym", () => {
    assert.deepEqual(forces("The Salvadoran army said the rebels withdrew."), [["The Salvadoran army", "SV"]]);
    assert.deepEqual(forces("Nigerian police arrested five men."), [["Nigerian police", "NG"]]);
    assert.deepEqual(forces("U.S. troops left the base."), [["U.S. troops", "US"]]);
  });

  it("reads an unnamed force as a state force with no country", () => {
    assert.deepEqual(
      findStateForces("Government forces shelled the town overnight.").map((force) => [force.text, force.country, force.branch]),
      [["Government forces", null, "military"]],
    );
  });

  it("reads 'Iraqi security forces' as a state force of Iraq", () => {
    assert.deepEqual(forces("Iraqi security forces killed two militants near Hawija."), [["Iraqi security forces", "IQ"]]);
  });

  it("reads 'IRAQI SECURITY FORCES' in all-capitals copy as a state force of Iraq", () => {
    assert.deepEqual(forces("IRAQI SECURITY FORCES KILLED TWO MILITANTS NEAR HAWIJA."), [["IRAQI SECURITY FORCES", "IQ"]]);
  });

  it("reads a force named after lowercase words ('troops of the Salvadoran army')", () => {
    assert.deepEqual(forces("Troops of the Salvadoran army and Peruvian police took part."), [
      ["Salvadoran army", "SV"],
      ["Peruvian police", "PE"],
    ]);
  });
});

describe("actors in an extraction", () => {
  it("lists one actor per group, with the aliases the text used", () => {
    const extraction = new RuleExtractor().extract({
      documentId: "doc_test",
      text: "ISIS gunmen attacked a checkpoint near Kirkuk on Monday. Police said the Daesh fighters fled toward Hawija.",
      publishedDate: "2025-06-10",
      title: null,
    });
    const armedGroups = extraction.actors.filter((actor) => actor.actorKind === "armed_group");
    assert.equal(armedGroups.length, 1);
    assert.equal(armedGroups[0]?.canonicalName, "Islamic State");
    assert.deepEqual([...(armedGroups[0]?.aliases ?? [])].sort(), ["Daesh", "ISIS"]);
    const groupMentions = extraction.mentions.filter((mention) => mention.mentionType === "armed_group");
    assert.deepEqual(
      groupMentions.map((mention) => [mention.text, mention.canonical]),
      [
        ["ISIS", "Islamic State"],
        ["Daesh", "Islamic State"],
      ],
    );
  });

  it("lists 'Iraqi security forces' as a state force of Iraq", () => {
    const extraction = new RuleExtractor().extract({
      documentId: "doc_test",
      text: "Iraqi security forces said Daesh fighters fled toward Hawija on Monday.",
      publishedDate: "2025-06-10",
      title: null,
    });
    const stateForces = extraction.actors.filter((actor) => actor.actorKind === "state_force");
    assert.deepEqual(
      stateForces.map((actor) => [actor.canonicalName, actor.country]),
      [["Iraqi security forces", "IQ"]],
    );
  });
});
