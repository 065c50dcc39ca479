import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import { toFts5Query } from "./fts-query.ts";

describe("toFts5Query", () => {
  it("quotes every word so FTS5 operators in the text are read as words", () => {
    assert.equal(toFts5Query("al-Qaeda NEAR Mosul"), '"al-Qaeda" "NEAR" "Mosul"');
    assert.equal(toFts5Query('title:x OR "y'), '"title:x" "OR" """y"');
  });

  it("keeps quoted phrases and trailing-star prefixes", () => {
    assert.equal(toFts5Query('"Islamic State" attack*'), '"Islamic State" "attack"*');
  });

  it("reads a NUL as a space: FTS5 would end the quoted string there", () => {
    assert.equal(toFts5Query("a\u0000b"), '"a" "b"');
    assert.equal(toFts5Query("\u0000"), null);
  });

  it("returns null when nothing is searchable", () => {
    assert.equal(toFts5Query("   "), null);
    assert.equal(toFts5Query('-- * ""'), null);
  });
});
