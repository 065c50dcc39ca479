// CSV and TSV, both ways, written here rather than taken from a package so that the parser can
// stream a multi-gigabyte dataset dump in constant memory, name the line of every bad record and
// carry on (reliability.md §5.13), and so that the writer's formula guard and the reader's
// removal of it are one rule.
//
// Reading follows RFC 4180 §2: fields separated by the delimiter, records ended by CRLF or LF,
// a field in double quotes may hold delimiters, quotes (doubled) and line breaks. A leading
// byte-order mark is dropped. Leniencies, each because real exports need it: a quote inside an
// unquoted field is kept as a character (GDELT and hand-edited files have them); blank lines are
// skipped. Errors are per record: text after a closing quote, an unterminated quote at the end
// of the input, or a record longer than the limit; the parser then resumes at the next line.

/** One record, or why one could not be read; `line` is the 1-based line the record starts on. */
export type CsvItem =
  | { readonly kind: "row"; readonly line: number; readonly fields: string[] }
  | { readonly kind: "error"; readonly line: number; readonly message: string };

export interface CsvOptions {
  /** "," for CSV, "\t" for GDELT's tab-separated files. */
  readonly delimiter?: string;
  /** False for formats that never quote (GDELT): a `"` is then an ordinary character. */
  readonly quoted?: boolean;
  /** A record longer than this (in UTF-16 units) is reported and skipped. Default 1 MiB. */
  readonly maxRecordLength?: number;
}

const DEFAULT_MAX_RECORD_LENGTH = 1024 * 1024;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const NO_DELIMITER = -1;
/** Below every position, so the first field of a drain searches. */
const UNSEARCHED = -2;

type Parsed =
  | { readonly kind: "row"; readonly fields: string[]; readonly next: number; readonly lines: number }
  | { readonly kind: "error"; readonly message: string; readonly next: number; readonly lines: number }
  | { readonly kind: "incomplete" };

/**
 * A push parser: feed it decoded text in chunks of any size, then call `end()`. Each call returns
 * the records completed by that chunk, in order.
 */
export class CsvParser {
  readonly #delimiter: number;
  readonly #delimiterText: string;
  /** In the text being drained: the next delimiter at or after the last search, NO_DELIMITER, or UNSEARCHED. */
  #nextDelimiter = UNSEARCHED;
  readonly #quoted: boolean;
  readonly #maxRecordLength: number;
  #buffer = "";
  #line = 1;
  #started = false;
  /** Set after an oversized record was reported while its end was not yet in view. */
  #skipping = false;

  constructor(options: CsvOptions = {}) {
    const delimiter = options.delimiter ?? ",";
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
      throw new RangeError(`a CSV delimiter must be one character other than a quote or a line break, not ${JSON.stringify(delimiter)}`);
    }
    this.#delimiter = delimiter.charCodeAt(0);
    this.#delimiterText = delimiter;
    this.#quoted = options.quoted ?? true;
    this.#maxRecordLength = options.maxRecordLength ?? DEFAULT_MAX_RECORD_LENGTH;
  }

  push(chunk: string): CsvItem[] {
    if (!this.#started && chunk.length > 0) {
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.#buffer = this.#buffer.length === 0 ? chunk : this.#buffer + chunk;
    return this.#drain(false);
  }

  end(): CsvItem[] {
    return this.#drain(true);
  }

  #drain(final: boolean): CsvItem[] {
    const items: CsvItem[] = [];
    const text = this.#buffer;
    this.#nextDelimiter = UNSEARCHED;
    let position = 0;
    if (this.#skipping) {
      const skip = this.#skipLine(text, 0, final);
      if (skip === null) {
        this.#buffer = "";
        return items;
      }
      this.#skipping = false;
      this.#line += skip.lines;
      position = skip.next;
    }
    while (position < text.length) {
      const parsed = this.#record(text, position, final);
      if (parsed.kind === "incomplete") {
        if (text.length - position > this.#maxRecordLength) {
          const skip = this.#skipLine(text, position, final);
          items.push({ kind: "error", line: this.#line, message: `record is longer than ${this.#maxRecordLength} characters` });
          if (skip === null) {
            // The oversized record has not ended yet: drop what we hold and keep skipping.
            this.#buffer = "";
            this.#skipping = true;
            return items;
          }
          this.#line += skip.lines;
          position = skip.next;
          continue;
        }
        break;
      }
      if (parsed.kind === "row" && parsed.next - position > this.#maxRecordLength) {
        items.push({ kind: "error", line: this.#line, message: `record is longer than ${this.#maxRecordLength} characters` });
      } else if (parsed.kind === "row") {
        // A blank line is one empty field: not a record.
        if (!(parsed.fields.length === 1 && parsed.fields[0] === "")) items.push({ kind: "row", line: this.#line, fields: parsed.fields });
      } else {
        items.push({ kind: "error", line: this.#line, message: parsed.message });
      }
      this.#line += parsed.lines;
      position = parsed.next;
    }
    this.#buffer = text.slice(position);
    return items;
  }

  #skipLine(text: string, position: number, final: boolean): { next: number; lines: number } | null {
    const newline = text.indexOf("\n", position);
    if (newline < 0) return final ? { next: text.length, lines: 0 } : null;
    return { next: newline + 1, lines: 1 };
  }

  #record(text: string, start: number, final: boolean): Parsed {
    const fields: string[] = [];
    const delimiter = this.#delimiter;
    const delimiterText = this.#delimiterText;
    let position = start;
    let lines = 0;
    // Where the current line ends (-1: not in the text yet), found once per line rather than
    // tested character by character in every field: unquoted fields are then cut at the next
    // delimiter found by indexOf, which is native and several times faster than a loop.
    let lineEnd = text.indexOf("\n", start);
    for (;;) {
      let value: string;
      if (this.#quoted && text.charCodeAt(position) === QUOTE) {
        let from = position + 1;
        let parts = "";
        for (;;) {
          const close = text.indexOf('"', from);
          if (close < 0) {
            if (!final) return { kind: "incomplete" };
            return { kind: "error", message: "a quoted field is not closed before the end of the file", next: text.length, lines: 0 };
          }
          if (close + 1 >= text.length && !final) return { kind: "incomplete" };
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += text.slice(from, close + 1);
            from = close + 2;
            continue;
          }
          parts += text.slice(from, close);
          position = close + 1;
          break;
        }
        value = parts;
        for (let index = value.indexOf("\n"); index >= 0; index = value.indexOf("\n", index + 1)) lines += 1;
        if (lineEnd >= 0 && lineEnd < position) lineEnd = text.indexOf("\n", position);
        const after = text.charCodeAt(position);
        const endsField =
          position >= text.length || after === delimiter || after === LF || (after === CR && text.charCodeAt(position + 1) === LF);
        if (!endsField) {
          if (after === CR && position + 1 >= text.length && !final) return { kind: "incomplete" };
          const newline = text.indexOf("\n", position);
          if (newline < 0 && !final) return { kind: "incomplete" };
          const next = newline < 0 ? text.length : newline + 1;
          return { kind: "error", message: "text follows a closing quote", next, lines: lines + (newline < 0 ? 0 : 1) };
        }
      } else {
        const limit = lineEnd < 0 ? text.length : lineEnd;
        // The next delimiter is kept from one search to the next, even past the line's end, so
        // a file with few delimiters is not searched to its end again for every field.
        if (this.#nextDelimiter !== NO_DELIMITER && this.#nextDelimiter < position) {
          this.#nextDelimiter = text.indexOf(delimiterText, position);
        }
        const end = this.#nextDelimiter === NO_DELIMITER || this.#nextDelimiter > limit ? limit : this.#nextDelimiter;
        if (end >= text.length && !final) return { kind: "incomplete" };
        value = text.slice(position, end);
        position = end;
        // CRLF: the CR belongs to the line break, not to the last field.
        if (text.charCodeAt(end) === LF && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
        else if (end >= text.length && value.charCodeAt(value.length - 1) === CR) value = value.slice(0, -1);
      }
      fields.push(value);
      const code = text.charCodeAt(position);
      if (position >= text.length) return { kind: "row", fields, next: position, lines };
      if (code === delimiter) {
        position += 1;
        if (position >= text.length && !final) return { kind: "incomplete" };
        if (position >= text.length) {
          fields.push("");
          return { kind: "row", fields, next: position, lines };
        }
        continue;
      }
      if (code === CR) position += 1;
      return { kind: "row", fields, next: position + 1, lines: lines + 1 };
    }
  }
}

/** Parses a whole string (tests, small files). */
export function parseCsv(text: string, options: CsvOptions = {}): CsvItem[] {
  const parser = new CsvParser(options);
  return [...parser.push(text), ...parser.end()];
}

/** Characters a spreadsheet reads as the start of a formula (ASVS 5.0 V1.2.10, CWE-1236), and CR. */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;
const GUARDED = /^'+[=+\-@\t\r\0]/;
const APOSTROPHE = 39;
/** A plain decimal number is data to every spreadsheet, so "-33.3" needs no guard. */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A cell a spreadsheet would run as a formula gets a leading apostrophe (ASVS 5.0 V1.2.10). Text
 * that already starts with apostrophes before such a character gets one more, so that
 * `unguardFormula` can undo exactly what was added: the guard is reversible and an import of
 * sitrep's own export gives back the original text.
 */
export function guardFormula(text: string): string {
  if (PLAIN_NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unguardFormula(text: string): string {
  // Only a cell that starts with an apostrophe can be guarded: every other cell of an import
  // (nearly all of them) skips the regular expression.
  if (text.charCodeAt(0) !== APOSTROPHE) return text;
  return GUARDED.test(text) ? text.slice(1) : text;
}

/** One cell, guarded and quoted as RFC 4180 §2.6–2.7 requires. */
export function csvCell(value: string | number | null, delimiter = ","): string {
  if (value === null) return "";
  const text = guardFormula(typeof value === "number" ? String(value) : value);
  const mustQuote = text.includes(delimiter) || text.includes('"') || text.includes("\n") || text.includes("\r");
  return mustQuote ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF terminator (RFC 4180 §2.1). */
export function csvRecord(values: readonly (string | number | null)[], delimiter = ","): string {
  return values.map((value) => csvCell(value, delimiter)).join(delimiter) + "\r\n";
}
