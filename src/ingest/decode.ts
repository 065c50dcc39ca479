// Bytes to a string. The ladder follows Aleph's ingest-file (reliability.md §4.1, §5.8): a
// byte-order mark, then strict UTF-8, then the encoding the document declares, then a guess, and
// record which one was used. Nothing here throws; a failure is a SitrepError the caller reports.
//
// Decision on invalid UTF-8. Bytes that are not valid UTF-8 are read in a single-byte encoding
// (chardet's guess, else windows-1252) unless the input is mostly valid UTF-8 with a few damaged
// sequences, which are then replaced with U+FFFD. So "Mosul \xC3\x28 dawn", with no valid
// multi-byte sequence, reads as windows-1252 ("Ã("), as a browser would show it; a UTF-8 report
// with one broken byte keeps its other accents and shows "\uFFFD" where the byte was. The input
// is refused (ENCODING_INVALID) only when more than 1 character in 20 is undecodable.
import chardet from "chardet";
import iconv from "iconv-lite";
import type { SitrepError } from "../domain/errors.ts";
import { inputError } from "./errors.ts";

export type DecodeResult =
  | {
      readonly ok: true;
      readonly text: string;
      /** WHATWG name of the encoding used: "utf-8", "utf-16le", "windows-1252"... */
      readonly encoding: string;
      /** True when undecodable bytes were replaced with U+FFFD. */
      readonly lossy: boolean;
    }
  | { readonly ok: false; readonly error: SitrepError };

export interface DecodeOptions {
  /** Names the input in error messages. */
  readonly origin: string;
  /** The charset a document declares about itself (an HTML <meta charset>), if any. */
  readonly declaredEncoding?: string | null;
}

/**
 * git's rule (xdiff's `buffer_is_binary`): a NUL byte in the first 8,000 bytes means binary. Text
 * never has one there, and random or compressed data almost always does.
 */
const NUL_SCAN_BYTES = 8000;
const CONTROL_SCAN_BYTES = 64 * 1024;
/** Real text has almost no C0 controls besides tab and newlines; random bytes have about 10%. */
const MAX_CONTROL_RATIO = 0.03;
const MAX_REPLACEMENT_RATIO = 0.05;

export function decodeText(bytes: Uint8Array, options: DecodeOptions): DecodeResult {
  const { origin } = options;

  const bom = byteOrderMark(bytes);
  if (bom !== null) return checked(decodeUnicode(bytes, bom), origin);

  const utf16 = bomlessUtf16(bytes);
  if (utf16 !== null) return checked(decodeUnicode(bytes, utf16), origin);

  const binary = binaryKind(bytes);
  if (binary !== null) return failure("INPUT_BINARY", origin, `is binary data (${binary}), not a text document`);

  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8", lossy: false };
  } catch {
    // Not valid UTF-8: go down the ladder.
  }

  const declared = options.declaredEncoding ? whatwgEncodingName(options.declaredEncoding) : null;
  if (declared === "utf-8") return checked(decodeUnicode(bytes, "utf-8"), origin);
  if (declared !== null && iconv.encodingExists(declared)) return checked(decodeLegacy(bytes, declared), origin);

  const { valid, invalid } = countUtf8Sequences(bytes);
  if (valid > 0 && invalid <= valid) return checked(decodeUnicode(bytes, "utf-8"), origin);

  return checked(decodeLegacy(bytes, guessLegacyEncoding(bytes)), origin);
}

type UnicodeEncoding = "utf-8" | "utf-16le" | "utf-16be";

function byteOrderMark(bytes: Uint8Array): UnicodeEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/**
 * UTF-16 without a BOM: text in a Latin script has a zero high byte in nearly every code unit, so
 * zeros crowd one byte position and are absent from the other. Binary data shows no such pattern.
 */
function bomlessUtf16(bytes: Uint8Array): UnicodeEncoding | null {
  const sampleLength = Math.min(bytes.byteLength, 4096) & ~1;
  if (sampleLength < 4) return null;
  let zerosAtEven = 0;
  let zerosAtOdd = 0;
  for (let index = 0; index < sampleLength; index += 2) {
    if (bytes[index] === 0) zerosAtEven += 1;
    if (bytes[index + 1] === 0) zerosAtOdd += 1;
  }
  const units = sampleLength / 2;
  if (zerosAtOdd >= units * 0.7 && zerosAtEven <= units * 0.05) return "utf-16le";
  if (zerosAtEven >= units * 0.7 && zerosAtOdd <= units * 0.05) return "utf-16be";
  return null;
}

/** Formats that are plainly not documents, named so that the error says what the file is. */
const BINARY_SIGNATURES: readonly { readonly magic: readonly number[]; readonly name: string }[] = [
  { magic: [0x50, 0x4b, 0x03, 0x04], name: "a ZIP archive, or a .docx/.xlsx/.odt/.epub" },
  { magic: [0x1f, 0x8b], name: "gzip" },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: "a PNG image" },
  { magic: [0xff, 0xd8, 0xff], name: "a JPEG image" },
  { magic: [0x47, 0x49, 0x46, 0x38], name: "a GIF image" },
  { magic: [0x7f, 0x45, 0x4c, 0x46], name: "an ELF executable" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], name: "an OLE file, such as a .doc or .xls" },
];

/** Why the bytes are binary, or null when they look like text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const { magic, name } of BINARY_SIGNATURES) {
    if (magic.every((byte, index) => bytes[index] === byte)) return name;
  }
  const nulScan = Math.min(bytes.byteLength, NUL_SCAN_BYTES);
  for (let index = 0; index < nulScan; index += 1) {
    if (bytes[index] === 0) return "it holds NUL bytes";
  }
  const controlScan = Math.min(bytes.byteLength, CONTROL_SCAN_BYTES);
  let controls = 0;
  for (let index = 0; index < controlScan; index += 1) {
    if (isSuspiciousControl(bytes[index] ?? 0)) controls += 1;
  }
  if (controlScan > 0 && controls / controlScan > MAX_CONTROL_RATIO) return "it is full of control characters";
  return null;
}

/** C0 controls other than tab, newlines, form feed, SUB (DOS end of file) and ESC; and DEL. */
function isSuspiciousControl(code: number): boolean {
  if (code === 0x7f) return true;
  if (code >= 0x20) return false;
  return !(code >= 0x09 && code <= 0x0d) && code !== 0x1a && code !== 0x1b;
}

function decodeUnicode(bytes: Uint8Array, encoding: UnicodeEncoding): Decoded {
  // TextDecoder drops a leading BOM of its own encoding (WHATWG Encoding §7.1, "ignore BOM" unset).
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding, lossy: false };
  } catch {
    return { text: new TextDecoder(encoding).decode(bytes), encoding, lossy: true };
  }
}

function decodeLegacy(bytes: Uint8Array, encoding: string): Decoded {
  const text = iconv.decode(bytes, encoding);
  return { text, encoding, lossy: text.includes("\uFFFD") };
}

interface Decoded {
  readonly text: string;
  readonly encoding: string;
  readonly lossy: boolean;
}

/** Refuses a decoding that lost too much, or that turned binary data into "text". */
function checked(decoded: Decoded, origin: string): DecodeResult {
  const { text } = decoded;
  if (text.length === 0) return { ok: true, ...decoded };
  let replacements = 0;
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd) replacements += 1;
    else if (code === 0 || isSuspiciousControl(code)) controls += 1;
  }
  if (controls / text.length > MAX_CONTROL_RATIO) {
    return failure("INPUT_BINARY", origin, `is binary data (${decoded.encoding} decoding gives control characters)`);
  }
  if (decoded.lossy && replacements / text.length > MAX_REPLACEMENT_RATIO) {
    return failure(
      "ENCODING_INVALID",
      origin,
      `could not be decoded: ${replacements} of ${text.length} characters are undecodable as ${decoded.encoding}`,
    );
  }
  return { ok: true, ...decoded };
}

/**
 * Counts multi-byte UTF-8 sequences that are well formed and those that are not, following the
 * byte ranges of the WHATWG UTF-8 decoder (Encoding §8.1.1), which rejects overlongs and surrogates.
 */
export function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let index = 0;
  while (index < bytes.byteLength) {
    const lead = bytes[index] ?? 0;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) lower = 0xa0;
      if (lead === 0xed) upper = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) lower = 0x90;
      if (lead === 0xf4) upper = 0x8f;
    } else {
      invalid += 1;
      index += 1;
      continue;
    }
    let seen = 0;
    while (seen < needed) {
      const next = bytes[index + 1 + seen];
      if (next === undefined || next < lower || next > upper) break;
      lower = 0x80;
      upper = 0xbf;
      seen += 1;
    }
    if (seen === needed) valid += 1;
    else invalid += 1;
    index += 1 + seen;
  }
  return { valid, invalid };
}

/**
 * chardet's best single-byte or legacy guess that iconv-lite can decode, from the first 64 KiB.
 * windows-1252 is the fallback because it maps nearly every byte to a character and is what
 * browsers assume for unlabelled Western text.
 */
function guessLegacyEncoding(bytes: Uint8Array): string {
  for (const match of chardet.analyse(bytes.subarray(0, 64 * 1024))) {
    const name = whatwgEncodingName(match.name);
    if (name === "utf-8" || name.startsWith("utf-16") || name.startsWith("utf-32")) continue;
    if (iconv.encodingExists(name)) return name;
  }
  return "windows-1252";
}

/**
 * Labels the WHATWG Encoding Standard (§4.2) maps to a superset: text labelled ISO-8859-1 is in
 * practice windows-1252, whose 0x80–0x9F bytes are curly quotes and dashes, not C1 controls.
 * A declared UTF-16 without a BOM is read as UTF-8 (HTML §13.2.3.2, prescan).
 */
const ENCODING_ALIASES: Readonly<Record<string, string>> = {
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-8",
  "utf-16le": "utf-8",
  "utf-16be": "utf-8",
  ascii: "windows-1252",
  "us-ascii": "windows-1252",
  latin1: "windows-1252",
  l1: "windows-1252",
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  "iso_8859-1": "windows-1252",
  cp1252: "windows-1252",
  latin5: "windows-1254",
  "iso-8859-9": "windows-1254",
  "iso-8859-11": "windows-874",
  "tis-620": "windows-874",
};

export function whatwgEncodingName(label: string): string {
  const name = label.trim().toLowerCase();
  return ENCODING_ALIASES[name] ?? name;
}

function failure(code: "INPUT_BINARY" | "ENCODING_INVALID", origin: string, detail: string): DecodeResult {
  return { ok: false, error: inputError(code, origin, detail) };
}
