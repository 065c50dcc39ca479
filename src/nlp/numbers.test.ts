import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type NumberMention, findNumbers, parseNumber } from "./numbers.ts";

/** The mentions as [text, value, qualifier], the shape a reader checks first. */
function summary(text: string): [string, number, string][] {
  return findNumbers(text).map((mention) => [mention.text, mention.value, mention.qualifier]);
}

function only(text: string): NumberMention {
  const mentions = findNumbers(text);
  assert.equal(mentions.length, 1, `expected one number in ${JSON.stringify(text)}, got ${JSON.stringify(mentions)}`);
  return mentions[0] as NumberMention;
}

describe("parseNumber", () => {
  it("reads digits with separators, decimals and multipliers", () => {
    assert.equal(parseNumber("34,573"), 34573);
    assert.equal(parseNumber("1,335"), 1335);
    assert.equal(parseNumber("7.7"), 7.7);
    assert.equal(parseNumber("1.2 million"), 1_200_000);
    assert.equal(parseNumber("3 million"), 3_000_000);
    assert.equal(parseNumber("$5 million"), 5_000_000);
  });

  it("reads numbers written in words, in any case", () => {
    assert.equal(parseNumber("two"), 2);
    assert.equal(parseNumber("eleven"), 11);
    assert.equal(parseNumber("twenty-one"), 21);
    assert.equal(parseNumber("one hundred and five"), 105);
    assert.equal(parseNumber("FIVE"), 5);
    assert.equal(parseNumber("two thousand five hundred"), 2500);
    assert.equal(parseNumber("two million"), 2_000_000);
    assert.equal(parseNumber("a hundred"), 100);
    assert.equal(parseNumber("two and a half million"), 2_500_000);
  });

  it("reads dozens, scores and halves", () => {
    assert.equal(parseNumber("a dozen"), 12);
    assert.equal(parseNumber("dozen"), 12);
    assert.equal(parseNumber("two dozen"), 24);
    assert.equal(parseNumber("half a dozen"), 6);
    assert.equal(parseNumber("a score of"), null, "the whole text must be the number");
    assert.equal(parseNumber("a score"), null, "'a score' alone is not read: 'settle a score'");
  });

  it("reads fractions as shares rounded to three decimals", () => {
    assert.equal(parseNumber("one-third"), 0.333);
    assert.equal(parseNumber("a third"), 0.333);
    assert.equal(parseNumber("two-thirds"), 0.667);
    assert.equal(parseNumber("half"), 0.5);
    assert.equal(parseNumber("a quarter"), 0.25);
    assert.equal(parseNumber("three quarters"), 0.75);
  });

  it("keeps a percentage as written", () => {
    assert.equal(parseNumber("40%"), 40);
    assert.equal(parseNumber("40 percent"), 40);
    assert.equal(parseNumber("12.5 per cent"), 12.5);
  });

  it("accepts a qualifier and returns the number", () => {
    assert.equal(parseNumber("at least 12"), 12);
    assert.equal(parseNumber("nearly a dozen"), 12);
  });

  it("rejects ordinals, dates and text that is not a number", () => {
    assert.equal(parseNumber("third"), null);
    assert.equal(parseNumber("20th"), null);
    assert.equal(parseNumber("7 FEB 90"), null);
    assert.equal(parseNumber("soldiers"), null);
    assert.equal(parseNumber(""), null);
  });
});

describe("findNumbers: values and qualifiers", () => {
  it("finds counts in a sentence with their qualifiers", () => {
    assert.deepEqual(summary("More than 30 witnesses said that at least a dozen ambushes were stopped and nearly 200 suspects held."), [
      ["More than 30", 30, "at_least"],
      ["at least a dozen", 12, "at_least"],
      ["nearly 200", 200, "about"],
    ]);
  });

  it("reads every at_least cue", () => {
    for (const cue of ["at least", "more than", "over", "in excess of", "upwards of", "no fewer than"]) {
      const mention = only(`Officials counted ${cue} 40 raids.`);
      assert.equal(mention.qualifier, "at_least", cue);
      assert.equal(mention.value, 40, cue);
      assert.equal(mention.text, `${cue} 40`);
    }
  });

  it("reads every at_most cue", () => {
    for (const cue of ["up to", "at most", "fewer than", "less than", "no more than", "as many as"]) {
      assert.equal(only(`The cell had ${cue} 15 members.`).qualifier, "at_most", cue);
    }
  });

  it("reads every about cue", () => {
    for (const cue of [
      "about",
      "around",
      "approximately",
      "nearly",
      "almost",
      "some",
      "roughly",
      "an estimated",
      "just over",
      "just under",
      "close to",
    ]) {
      assert.equal(only(`The convoy carried ${cue} 90 fighters.`).qualifier, "about", cue);
    }
  });

  it("reads qualifiers after the number", () => {
    assert.equal(only("They seized 20 or more trucks.").qualifier, "at_least");
    assert.equal(only("They seized 20 or so trucks.").qualifier, "about");
    assert.equal(only("They seized 20-odd trucks.").qualifier, "about");
  });

  it("reads ALL-CAPITALS text", () => {
    assert.deepEqual(summary("SOME 15 GUERRILLAS ATTACKED, KILLING FIVE SOLDIERS AND AT LEAST TWELVE CIVILIANS."), [
      ["SOME 15", 15, "about"],
      ["FIVE", 5, "exact"],
      ["AT LEAST TWELVE", 12, "at_least"],
    ]);
  });

  it("reads fractions and marks them", () => {
    const share = only("The militia held around one-third of the province.");
    assert.equal(share.value, 0.333);
    assert.equal(share.qualifier, "about");
    assert.equal(share.isFraction, true);
    assert.equal(share.dimension, "fraction");
    assert.equal(only("Nearly two-thirds of the district was retaken.").value, 0.667);
    assert.equal(only("A third of the convoy turned back.").value, 0.333);
    assert.equal(only("Half of the prisoners escaped.").value, 0.5);
  });

  it("reads percentages", () => {
    const percent = only("Turnout fell to 40% in the north.");
    assert.equal(percent.value, 40);
    assert.equal(percent.isPercent, true);
    assert.equal(percent.dimension, "percent");
    assert.equal(only("Turnout fell to 40 percent.").isPercent, true);
    const range = only("Between 18 and 20 percent of the budget went to defence.");
    assert.deepEqual([range.low, range.high, range.isPercent], [18, 20, true]);
  });
});

describe("findNumbers: ranges", () => {
  it("reads 'between A and B', 'A to B' and 'A-B' as one mention", () => {
    for (const text of [
      "The group has between 14,000 and 18,000 members.",
      "The group has 14,000 to 18,000 members.",
      "The group has 14,000-18,000 members.",
      "The group has 14,000 – 18,000 members.",
    ]) {
      const range = only(text);
      assert.equal(range.value, 14000, text);
      assert.equal(range.low, 14000, text);
      assert.equal(range.high, 18000, text);
      assert.equal(range.qualifier, "at_least", text);
    }
    assert.equal(only("The group has between 14,000 and 18,000 members.").text, "between 14,000 and 18,000");
  });

  it("shares a multiplier across both ends", () => {
    const range = only("Between 1 and 2 million people fled.");
    assert.deepEqual([range.low, range.high], [1_000_000, 2_000_000]);
  });

  it("reads small word ranges", () => {
    const range = only("TWO OR THREE MEN FIRED ON THE PATROL.");
    assert.deepEqual([range.low, range.high], [2, 3]);
  });
});

describe("findNumbers: vague amounts", () => {
  it("gives conventional values, marked vague and about", () => {
    const cases: [string, number][] = [
      ["Dozens of homes burned.", 24],
      ["Scores of families fled.", 40],
      ["Hundreds of people marched.", 200],
      ["Thousands were displaced.", 2000],
      ["Tens of thousands were displaced.", 20_000],
      ["Hundreds of thousands were displaced.", 200_000],
      ["Several officers were hurt.", 3],
      ["A few rockets landed nearby.", 3],
      ["A handful of fighters stayed.", 5],
      ["Several hundred troops arrived.", 300],
    ];
    for (const [text, value] of cases) {
      const mention = only(text);
      assert.equal(mention.value, value, text);
      assert.equal(mention.vague, true, text);
      assert.equal(mention.qualifier, "about", text);
    }
  });

  it("skips 'a number of'", () => {
    assert.deepEqual(findNumbers("A number of villages were emptied."), []);
  });

  it("lets a cue override the vague qualifier", () => {
    assert.equal(only("At least several hundred troops arrived.").qualifier, "at_least");
  });
});

describe("findNumbers: what is not a count", () => {
  it("skips years and the numbers inside dates", () => {
    assert.deepEqual(summary("In 2019 the front moved; on December 2 and on 7 FEB 90 nothing happened."), []);
    assert.deepEqual(summary("From 2014 to 2017 the town was held."), []);
    assert.deepEqual(summary("Eleven days later, the first five months of 2025 ended."), []);
  });

  it("skips clock times", () => {
    assert.deepEqual(summary("The blast came at 10:30 a.m. and another AT 2100 ON 15 JANUARY [0100 GMT ON 16 JAN]."), []);
  });

  it("skips ordinals", () => {
    assert.deepEqual(summary("THE 13TH BRIGADE, the 20th century, the third raid, the 2nd battalion."), []);
  });

  it("skips model names and codes", () => {
    assert.deepEqual(
      summary("They carried AK-47 rifles, M-16s and an UH-1H helicopter, flew F16 jets, cited No. 5 and Resolution 2254."),
      [],
    );
    assert.deepEqual(summary("the 9/11 attacks"), []);
  });

  it("skips the pronoun 'one' but keeps 'one soldier'", () => {
    assert.deepEqual(summary("One of the envoys fled. One such case was reported. No one was hurt."), []);
    assert.deepEqual(summary("One soldier died."), [["One", 1, "exact"]]);
    assert.deepEqual(summary("At least one of the gunmen escaped."), [["At least one", 1, "at_least"]]);
  });

  it("returns the non-counts with a reason when asked", () => {
    const reasons = findNumbers("In 2019, AK-47 rifles and the 13TH BRIGADE; one of them; at 10:30.", { keepNonCounts: true }).map(
      (mention) => [mention.text, mention.nonCount],
    );
    assert.deepEqual(reasons, [
      ["2019", "year"],
      ["47", "identifier"],
      ["13", "ordinal"],
      ["one", "pronoun"],
      ["10", "time"],
      ["30", "time"],
    ]);
    assert.ok(findNumbers("In 2019 five died.").every((mention) => mention.nonCount === null));
  });
});

describe("findNumbers: dimensions", () => {
  it("tells counts from durations, ages, distances, areas, masses and money", () => {
    const dimensions = findNumbers(
      "A 24-day operation; A 25-YEAR-OLD WORKER; SOME 20 KM AWAY; 110,000 square kilometers; 25 kilograms of explosives; $5 million; 25 grenades.",
    ).map((mention) => [mention.value, mention.dimension]);
    assert.deepEqual(dimensions, [
      [24, "duration"],
      [25, "age"],
      [20, "length"],
      [110_000, "area"],
      [25, "mass"],
      [5_000_000, "money"],
      [25, "count"],
    ]);
  });
});

describe("findNumbers: offsets", () => {
  it("gives spans that slice back to the text", () => {
    const text = "Reports said some 1,200 fighters and two-thirds of the arms remained.";
    for (const mention of findNumbers(text)) assert.equal(text.slice(mention.start, mention.end), mention.text);
  });
});
