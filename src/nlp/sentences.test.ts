// Sentence splitting's guard against text with no sentence ends: a run longer than
// MAX_SENTENCE_CHARS is cut at spaces into pieces that still cover the text, with true offsets.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_SENTENCE_CHARS, splitSentences } from "./sentences.ts";

describe("splitSentences: runs with no sentence end", () => {
  const words = ["Fighters", "attacked", "a", "checkpoint", "near", "Mosul", "officials", "said"];
  const run = Array.from({ length: 1500 }, (_, index) => words[index % words.length]).join(" ");

  it("cuts a run longer than any sentence at spaces, every piece within the limit", () => {
    const text = `Gunmen attacked a market on Monday. ${run}\n\nPolice arrested two men.`;
    const sentences = splitSentences(text);
    assert.equal(sentences[0]?.text, "Gunmen attacked a market on Monday.");
    assert.equal(sentences.at(-1)?.text, "Police arrested two men.");
    const pieces = sentences.slice(1, -1);
    assert.ok(pieces.length >= Math.ceil(run.length / MAX_SENTENCE_CHARS));
    for (const piece of pieces) {
      assert.ok(piece.text.length <= MAX_SENTENCE_CHARS, `${piece.text.length} characters`);
      assert.equal(text.slice(piece.start, piece.end), piece.text);
      assert.ok(!piece.text.startsWith(" ") && !piece.text.endsWith(" "), "cut at a space, not inside a word");
    }
    assert.equal(pieces.map((piece) => piece.text).join(" "), run);
    assert.deepEqual(
      sentences.map((sentence) => sentence.index),
      sentences.map((_, index) => index),
    );
  });

  it("cuts a run with no space at all at the limit", () => {
    const sentences = splitSentences("x".repeat(MAX_SENTENCE_CHARS * 2 + 10));
    assert.deepEqual(
      sentences.map((sentence) => sentence.text.length),
      [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 10],
    );
  });

  it("leaves a long sentence of news prose whole", () => {
    const sentence = `${"The officials said that the fighters, who arrived in trucks, attacked the checkpoint, ".repeat(10)}killing two.`;
    assert.ok(sentence.length > 800 && sentence.length < MAX_SENTENCE_CHARS);
    assert.deepEqual(
      splitSentences(sentence).map((found) => found.text),
      [sentence],
    );
  });
});
