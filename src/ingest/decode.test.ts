import assert from "node:assert/strict";
import { describe, test } from "node:test";
import iconv from "iconv-lite";
import { binaryKind, countUtf8Sequences, decodeText, whatwgEncodingName, type DecodeResult } from "./decode.ts";

function decoded(result: DecodeResult): { text: string; encoding: string; lossy: boolean } {
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result;
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const concat = (...parts: (Uint8Array | string)[]): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === "string" ? Buffer.from(part, "utf8") : part)));

describe("decodeText: byte-order marks and UTF-16", () => {
  test("a UTF-8 BOM is dropped", () => {
    const result = decoded(decodeText(concat(bytes(0xef, 0xbb, 0xbf), "Ségou"), { origin: "a" }));
    assert.deepEqual(result, { ok: true, text: "Ségou", encoding: "utf-8", lossy: false });
  });

  test("UTF-16BE with a BOM", () => {
    const text = "Raqqa (الرقة)";
    const be = Buffer.from(text, "utf16le").swap16();
    const result = decoded(decodeText(concat(bytes(0xfe, 0xff), be), { origin: "a" }));
    assert.equal(result.text, text);
    assert.equal(result.encoding, "utf-16be");
  });

  test("UTF-16LE without a BOM is recognised by its zero high bytes, not taken for binary", () => {
    const result = decoded(decodeText(Buffer.from("Four soldiers were killed near Kessa.", "utf16le"), { origin: "a" }));
    assert.equal(result.text, "Four soldiers were killed near Kessa.");
    assert.equal(result.encoding, "utf-16le");
  });

  test("UTF-16 that is mostly unpaired surrogates: ENCODING_INVALID", () => {
    const loneSurrogates = Buffer.alloc(200);
    for (let index = 0; index < 200; index += 2) loneSurrogates.writeUInt16LE(0xd800, index);
    const result = decodeText(concat(bytes(0xff, 0xfe), loneSurrogates), { origin: "broken.txt" });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, "ENCODING_INVALID");
      assert.match(result.error.message, /^broken\.txt: could not be decoded/);
    }
  });
});

describe("decodeText: invalid UTF-8", () => {
  test("mostly valid UTF-8 with one damaged byte keeps its accents and marks the damage with U+FFFD", () => {
    const input = concat("Le général a quitté Ménaka ", bytes(0xe9), " mardi.");
    const result = decoded(decodeText(input, { origin: "a" }));
    assert.equal(result.text, "Le général a quitté Ménaka \uFFFD mardi.");
    assert.equal(result.encoding, "utf-8");
    assert.equal(result.lossy, true);
  });

  test("no valid multi-byte sequence at all: a single-byte encoding, windows-1252 for Western text", () => {
    const input = iconv.encode("The envoy met Jos\u00e9 Nu\u00f1ez in Gao on Tuesday \u2014 \u201cbriefly\u201d.", "windows-1252");
    const result = decoded(decodeText(input, { origin: "a" }));
    assert.equal(result.text, "The envoy met José Nuñez in Gao on Tuesday — “briefly”.");
    assert.equal(result.encoding, "windows-1252");
  });

  test("a declared ISO-8859-1 is read as windows-1252, as browsers do (WHATWG Encoding §4.2)", () => {
    const input = concat("The army", bytes(0x92), "s statement");
    const result = decoded(decodeText(input, { origin: "a", declaredEncoding: "ISO-8859-1" }));
    assert.equal(result.text, "The army’s statement");
    assert.equal(result.encoding, "windows-1252");
  });

  test("bad UTF-8 vectors (overlongs, surrogates, truncations, > U+10FFFF) never throw and give well-formed text", () => {
    // Byte sequences of the kind WPT's textdecoder-fatal test lists.
    const vectors = [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xf0, 0x80, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xed, 0xbf, 0xbf],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf8, 0x88, 0x80, 0x80, 0x80],
      [0xc3],
      [0xe2, 0x82],
      [0xf0, 0x9f, 0x92],
      [0x80],
      [0xbf, 0xbf],
      [0xfe],
      [0xff],
    ];
    for (const vector of vectors) {
      const result = decodeText(concat("Shelling near Idlib ", bytes(...vector), " on Sunday."), { origin: "a" });
      if (result.ok) {
        assert.equal(Buffer.from(result.text, "utf8").toString("utf8"), result.text, `well-formed for ${vector}`);
        assert.match(result.text, /^Shelling near Idlib .* on Sunday\.$/);
      } else {
        assert.ok(["ENCODING_INVALID", "INPUT_BINARY"].includes(result.error.code));
      }
    }
  });

  test("seeded random mixes of text and high bytes never throw and always give well-formed text", () => {
    let state = 12345;
    const next = (): number => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 16;
    };
    for (let run = 0; run < 1000; run += 1) {
      const length = 1 + (next() % 64);
      const input = new Uint8Array(length);
      for (let index = 0; index < length; index += 1) {
        input[index] = next() % 3 === 0 ? 0x80 + (next() % 128) : 0x20 + (next() % 95);
      }
      const result = decodeText(input, { origin: "a" });
      if (result.ok) assert.equal(Buffer.from(result.text, "utf8").toString("utf8"), result.text);
      else assert.ok(["ENCODING_INVALID", "INPUT_BINARY"].includes(result.error.code));
    }
  });
});

describe("binaryKind", () => {
  test("a NUL byte in the first 8,000 bytes means binary (git's rule)", () => {
    assert.equal(binaryKind(concat("text", bytes(0), "more")), "it holds NUL bytes");
  });

  test("a text with many control characters is binary; tabs, form feeds and ESC are not counted", () => {
    assert.equal(binaryKind(bytes(0x41, 0x01, 0x02, 0x03, 0x42, 0x43)), "it is full of control characters");
    assert.equal(binaryKind(Buffer.from("Page one\fPage two\tcolumn\r\n\u001b[0m")), null);
  });

  test("known binary formats are named", () => {
    assert.equal(binaryKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a)), "a PNG image");
    assert.equal(binaryKind(bytes(0x1f, 0x8b, 0x08)), "gzip");
  });

  test("plain text in any script is not binary", () => {
    assert.equal(binaryKind(Buffer.from("قال مسؤول محلي — «Ségou»")), null);
  });
});

describe("countUtf8Sequences", () => {
  test("counts well-formed multi-byte sequences and rejects overlongs and surrogates", () => {
    assert.deepEqual(countUtf8Sequences(Buffer.from("é — 𝄞 plain")), { valid: 3, invalid: 0 });
    assert.deepEqual(countUtf8Sequences(bytes(0xc0, 0x80)), { valid: 0, invalid: 2 });
    assert.deepEqual(countUtf8Sequences(bytes(0xed, 0xa0, 0x80)), { valid: 0, invalid: 3 });
    assert.deepEqual(countUtf8Sequences(bytes(0xc3, 0x28)), { valid: 0, invalid: 1 });
  });
});

test("whatwgEncodingName maps legacy labels to the encoding browsers use", () => {
  assert.equal(whatwgEncodingName(" Latin1 "), "windows-1252");
  assert.equal(whatwgEncodingName("ISO-8859-9"), "windows-1254");
  assert.equal(whatwgEncodingName("windows-1256"), "windows-1256");
});
