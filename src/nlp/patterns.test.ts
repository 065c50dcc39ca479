import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allMatches } from "./patterns.ts";

/** What matchAll gives, as plain arrays: the match, its groups and where it starts. */
function read(matches: Iterable<RegExpMatchArray>): unknown[] {
  return [...matches].map((match) => [...match, match.index]);
}

describe("allMatches", () => {
  it("gives what matchAll gives", () => {
    const cases: [RegExp, string][] = [
      [/\b(said|told)\b\s+(\w+)/g, "He said today that they told AFP, and said nothing."],
      [/\b(?:kill(?:ed|s)?|bomb(?:s|ing)?)\b/gi, "KILLED two; bombs, a bombing and killing"],
      [/x*/g, "axxbx"],
      [/(?:)/gu, "a𝐀b"],
      [new RegExp("(?:)", "gv"), "a😀b"],
      [/\p{Lu}\p{Ll}+/gu, "Nicolás Ávila met Óscar in 𝐀thens"],
      [/[^ -]+/g, "Iraqi counter-terrorism forces"],
      [/nothing/g, "no match here"],
    ];
    for (const [pattern, text] of cases) {
      assert.deepEqual(read(allMatches(pattern, text)), read(text.matchAll(pattern)), `${pattern} over ${JSON.stringify(text)}`);
      assert.equal(pattern.lastIndex, 0);
    }
  });

  it("lets the caller use the same pattern again inside the loop", () => {
    const word = /\w+/g;
    const pairs: string[] = [];
    for (const outer of allMatches(word, "a b")) for (const inner of allMatches(word, "x y")) pairs.push(outer[0] + inner[0]);
    assert.deepEqual(pairs, ["ax", "ay", "bx", "by"]);
  });

  it("refuses a pattern without the global flag, as matchAll does", () => {
    assert.throws(() => allMatches(/a/, "a"), TypeError);
  });
});
