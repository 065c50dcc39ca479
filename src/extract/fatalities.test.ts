// Deaths read from one sentence: the rules for one named victim, lists of victims, ages and shots.
// The reports are the team's own, written for these tests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { RuleExtractor } from "./extractor.ts";

function fatalitiesOf(text: string): (number | null)[] {
  return new RuleExtractor()
    .extract({ documentId: "doc_test", text, publishedDate: "2025-06-10", title: null })
    .events.map((e) => e.fatalities);
}

describe("fatalities", () => {
  it("counts one death for the murder of one named person", () => {
    assert.deepEqual(fatalitiesOf("Police in Cali are investigating the murder of union leader Pedro Salcedo on Monday."), [1]);
  });

  it("counts one death for a person's assassination told with a possessive", () => {
    assert.deepEqual(fatalitiesOf("Gunmen in Cali carried out Salcedo's assassination on Monday."), [1]);
  });

  it("adds up a list of victims after the verb", () => {
    assert.deepEqual(fatalitiesOf("Rebels killed a teacher, a nurse and two farmers in Tumaco on Sunday."), [4]);
  });

  it("reads the number of the dead past the date of their murder", () => {
    assert.deepEqual(fatalitiesOf("Officials condemned the murder on the evening of 3 June of six farmers near Tumaco."), [6]);
    assert.deepEqual(fatalitiesOf("Officials condemned the murder on 3 June of six farmers near Tumaco."), [6]);
  });

  it("reads the murder of several people by their number", () => {
    assert.deepEqual(fatalitiesOf("Gunmen committed the murder of three farmers near Tumaco on Sunday."), [3]);
  });

  it("does not read an appositive age as a toll", () => {
    assert.deepEqual(fatalitiesOf("JUAN PEREZ, 45, WAS SHOT TO DEATH IN CALI ON MONDAY."), [1]);
  });

  it("does not read the shots fired as the dead", () => {
    assert.deepEqual(fatalitiesOf("A gunman fired 12 shots at the judge in Cali on Monday, killing him."), [1]);
  });

  it("adds two counts joined by 'and' before one death word", () => {
    assert.deepEqual(fatalitiesOf("Three soldiers and four civilians were killed when a bomb exploded in Tumaco on Sunday."), [7]);
  });

  it("does not read a distance as a toll", () => {
    assert.deepEqual(fatalitiesOf("Gunmen murdered the mayor of Apartado, a town 480 km north of Bogota, on Sunday."), [1]);
  });

  it("counts one death for a titled person killed, and for 'the ISIS leader'", () => {
    assert.deepEqual(fatalitiesOf("On Sunday a drone strike near Raqqa killed Brigadier General Omar Haddad."), [1]);
    assert.deepEqual(fatalitiesOf("On Sunday U.S. forces killed the ISIS leader in Raqqa."), [1]);
  });
});

describe("fatalities beside other harm (a probe's cases)", () => {
  it("does not add the abducted or the wounded told around the dead", () => {
    assert.deepEqual(fatalitiesOf("Jihadists killed 17 soldiers and abducted five others in Gao on Sunday."), [17]);
    assert.deepEqual(fatalitiesOf("Gunmen kidnapped 10 passengers and killed the driver near Kaduna on Monday."), [1]);
    assert.deepEqual(fatalitiesOf("Gunmen wounded seven soldiers and killed five others in Gao on Sunday."), [5]);
  });

  it("does not add a subset to the whole", () => {
    assert.deepEqual(fatalitiesOf("A suicide bomber killed 18 people, including 11 soldiers, in Kabul on Monday."), [18]);
  });

  it("counts the bomber who killed himself, and a bomber killed alone", () => {
    assert.deepEqual(fatalitiesOf("A suicide bomber killed himself and two soldiers in Kabul on Monday."), [3]);
    assert.deepEqual(fatalitiesOf("The blast killed the bomber in Kabul on Monday."), [1]);
  });
});

describe("titled victims", () => {
  it("counts a titled, named victim as one, and a list of them", () => {
    assert.deepEqual(fatalitiesOf("U.S. forces conducted a raid in Syria on Sunday, killing ISIS leader Usamah al-Muhajir."), [1]);
    assert.deepEqual(fatalitiesOf("A drone strike killed senior al-Shabaab commander Aden Hashi near Jilib on Monday."), [1]);
    assert.deepEqual(fatalitiesOf("Soldiers killed ISIS leader Abu Yusif and another ISIS operative in Deir ez-Zor on Monday."), [2]);
  });

  it("does not count the official who tells of the dead", () => {
    assert.deepEqual(
      fatalitiesOf("A roadside bomb in Diwaniyah killed three people and left 25 hurt, provincial health chief Adnan Turki said."),
      [3],
    );
  });
});

describe("a death toll that has risen", () => {
  it("takes the toll it has risen to", () => {
    assert.deepEqual(
      fatalitiesOf("The death toll from Saturday's bombing in Mogadishu has risen to 587, officials said on Monday."),
      [587],
    );
  });
});

describe("a list of victims before a passive verb", () => {
  it("adds up counted and single victims", () => {
    assert.deepEqual(fatalitiesOf("Six Jesuit priests, their cook and her daughter were murdered in San Salvador on Thursday."), [8]);
    assert.deepEqual(fatalitiesOf("A mayor and two policemen were killed in Kabul on Monday."), [3]);
  });
});
