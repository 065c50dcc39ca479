// Who said it: the source phrases a reader would copy into an event's `sources`. Sentences are
// written for these tests.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findAttributions, SUBJECT_BEFORE, subjectBefore } from "./attribution.ts";

function sources(sentence: string): string[] {
  return findAttributions(sentence).map((attribution) => attribution.source);
}

describe("findAttributions", () => {
  it("reads 'according to X'", () => {
    const [attribution, ...rest] = findAttributions("It was the third such attack this month, according to police.");
    assert.deepEqual(rest, []);
    assert.equal(attribution?.source, "police");
    assert.equal(attribution?.cue, "according to");
  });

  it("gives offsets that point at the source in the sentence", () => {
    const sentence = "Two villagers died in the raid, according to the district commissioner.";
    const [attribution] = findAttributions(sentence);
    assert.ok(attribution);
    assert.equal(sentence.slice(attribution.start, attribution.end), attribution.source);
    assert.equal(attribution.source, "district commissioner");
  });

  it("keeps who issued a statement ('according to a statement from the Somali National Army')", () => {
    const [attribution] = findAttributions("Four soldiers died in the ambush, according to a statement from the Somali National Army.");
    assert.match(attribution?.source ?? "", /Somali National Army/);
  });

  it("reads 'X said' with the subject's noun phrase", () => {
    assert.deepEqual(
      findAttributions("The provincial governor said the attackers fled on motorbikes.").map((a) => [a.source, a.cue]),
      [["provincial governor", "said"]],
    );
  });

  it("reads a reporting verb other than 'said'", () => {
    assert.deepEqual(
      findAttributions("Health officials reported 14 deaths in Beledweyne on Monday.").map((a) => [a.source, a.cue]),
      [["Health officials", "reported"]],
    );
  });

  it("reads 'X told Reuters' with the speaker as source", () => {
    const [attribution] = findAttributions("A police spokesman told Reuters that two suspects had been detained.");
    assert.match(attribution?.source ?? "", /^(?:A )?police spokesman$/);
  });

  it("keeps the outlet in the cue of 'X told Reuters'", () => {
    const [attribution] = findAttributions("A police spokesman told Reuters that two suspects had been detained.");
    assert.equal(attribution?.cue, "told Reuters");
  });

  it("reads the speaker of 'X, who asked not to be named, told AFP'", () => {
    assert.deepEqual(
      findAttributions("Two local officials, who asked not to be named, told AFP the death toll had risen.").map((a) => [a.source, a.cue]),
      [["Two local officials", "told AFP"]],
    );
  });

  it("reads a quote followed by ', said Maj. Gen. Jane Doe'", () => {
    assert.deepEqual(sources('"We pushed them out of the village by dawn," said Maj. Gen. Jane Doe, the regional commander.'), [
      "Maj. Gen. Jane Doe",
    ]);
  });

  it("reads a quote in curly marks followed by 'a resident said'", () => {
    assert.deepEqual(sources("“They came at night and took everything,” a resident said."), ["a resident"]);
  });

  it("reads all-capitals wire copy", () => {
    assert.deepEqual(sources("THE FIGHTING LEFT FOUR SOLDIERS DEAD, THE ARMED FORCES PRESS OFFICE REPORTED."), [
      "ARMED FORCES PRESS OFFICE",
    ]);
  });

  it("finds no source in a sentence that cites no one", () => {
    assert.deepEqual(findAttributions("A roadside bomb exploded next to a police patrol in Kirkuk on Monday."), []);
  });

  it("does not read an attack 'claimed by' a group as a statement by the words before it", () => {
    assert.ok(
      !sources("The monitor counted 27 attacks claimed by ISIS in Iraq in the first three months of 2025.").includes(
        "monitor counted 27 attacks",
      ),
    );
    assert.deepEqual(
      sources("The bombing was claimed by al-Shabaab on its radio station.").filter((source) => source !== "al-Shabaab"),
      [],
    );
  });

  describe("a speaker is a noun phrase, not the words before the verb", () => {
    const cases: readonly (readonly [string, readonly string[]])[] = [
      ["The bridge fell in a raid in which coalition forces said two fighters died.", ["coalition forces"]],
      ["Attacks rose in the north while the militia says the south is calm.", ["militia"]],
      ["The group posted a video which it says shows the ambush.", []],
      ["The toll rose to 30, up from the 12 dead it announced on Sunday.", []],
      ["The group released the names of its fighters and said more would follow.", []],
      ["Casualty figures from the raid could not be confirmed independently.", []],
      ["The office of the governor said the curfew would hold.", ["office of the governor"]],
      ["The next day ministry spokesman Karim Aziz told reporters the road was open.", ["ministry spokesman Karim Aziz"]],
      ["One soldier was hurt and the other said he saw nothing.", []],
    ];
    for (const [sentence, expected] of cases) {
      it(sentence, () => {
        assert.deepEqual(sources(sentence), expected);
      });
    }
  });
});

describe("subjectBefore", () => {
  it("finds what the subject pattern run over the whole window finds", () => {
    // Runs of words longer than a source phrase, the characters a phrase may hold and those that
    // end one, letters outside ASCII and, in one sample in ten, outside the basic plane.
    const words = ["the", "Iraqi", "army", "O’Neill", "U.S.", "al-Hol", "12", "Nicolás", "'Abu", "-led"];
    const others = [",", ";", "(", "'", "-", ".", " ", "  ", "\t"];
    let state = 2463534242;
    const next = (limit: number): number => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) % limit;
    };
    for (let sample = 0; sample < 3000; sample++) {
      let text = "";
      const length = 1 + next(30);
      for (let piece = 0; piece < length; piece++) {
        if (next(5) === 0) text += others[next(others.length)];
        else text += (sample % 10 === 0 && next(8) === 0 ? "𝐀bc" : words[next(words.length)]) + (next(8) === 0 ? "" : " ");
      }
      const expected = SUBJECT_BEFORE.exec(text);
      const actual = subjectBefore(text);
      assert.deepEqual(
        actual === null ? null : [actual.index, actual[1]],
        expected === null ? null : [expected.index, expected[1]],
        JSON.stringify(text),
      );
    }
  });
});
