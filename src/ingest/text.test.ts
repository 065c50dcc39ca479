import assert from "node:assert/strict";
import { test } from "node:test";
import { normaliseText } from "./text.ts";

test("every kind of line break becomes \\n", () => {
  assert.equal(
    normaliseText("one\r\ntwo\rthree\u2028four\u2029five\u0085six\fseven\u000Beight"),
    "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight",
  );
});

test("control characters go, except tab and newline", () => {
  assert.equal(normaliseText("Kill\u0000ed\u0007 four\tsoldiers\u001b\u007f\u009b.\nEnd"), "Killed four\tsoldiers.\nEnd");
});

test("text is composed to NFC, so a decomposed é and a precomposed é are one string", () => {
  const decomposed = "Se\u0301gou";
  assert.equal(normaliseText(decomposed), "S\u00e9gou");
  assert.equal(normaliseText(decomposed), normaliseText("Ségou"));
});

test("lone surrogates become U+FFFD, so the text survives a UTF-8 round trip", () => {
  const text = normaliseText("a\uD800b\uDC00c 𝄞");
  assert.equal(text, "a\uFFFDb\uFFFDc 𝄞");
  assert.equal(Buffer.from(text, "utf8").toString("utf8"), text);
});

test("the ends of the text are trimmed; inner spacing and blank lines stay verbatim", () => {
  assert.equal(normaliseText("\uFEFF\n\n  Title\n\n  Indented  line  \n\n\n"), "Title\n\n  Indented  line");
});

test("normalising twice changes nothing", () => {
  const once = normaliseText("\r\nA\u0301\u0000b\r\n\r\nc\u2028");
  assert.equal(normaliseText(once), once);
});
