// Sentence splitting for news and agency reports. Written by hand rather than taken from an NLP
// library because the reports mix three layouts a general splitter gets wrong: one paragraph a
// line (web news), hard-wrapped all-capitals paragraphs (wire copy, where a single newline is not
// a boundary), and headers without final punctuation ("NEWS | Jan. 24, 2022").

export interface Sentence {
  readonly index: number;
  /** Offsets into the document text (UTF-16 code units), `end` exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index of the paragraph (blank-line separated block) the sentence belongs to. */
  readonly paragraph: number;
}

// Words that end with a period without ending a sentence. Lower-cased, without the period.
const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "mt",
  "ft",
  "gen",
  "lt",
  "col",
  "maj",
  "capt",
  "cpt",
  "sgt",
  "cpl",
  "pvt",
  "adm",
  "cmdr",
  "cdr",
  "brig",
  "gov",
  "sen",
  "rep",
  "rev",
  "pres",
  "no",
  "nos",
  "vs",
  "etc",
  "approx",
  "est",
  "dept",
  "univ",
  "inc",
  "ltd",
  "co",
  "corp",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mon",
  "tue",
  "tues",
  "wed",
  "thu",
  "thurs",
  "fri",
  "sat",
  "sun",
  "u.s",
  "u.n",
  "u.k",
  "e.g",
  "i.e",
  "a.m",
  "p.m",
  "d.c",
  "al",
  "op",
  "para",
  "fig",
  "vol",
  "pp",
  "ca",
]);

const TERMINAL = /[.!?]/;
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]"]);

/** True when the period at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviationAt(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1] ?? "")) start--;
  const word = text.slice(start, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single-letter initials ("John W. Brennan", "U.S.") and dotted acronyms.
  if (/^[a-z]$/.test(word)) return true;
  if (/^([a-z]\.)+[a-z]$/.test(word)) return true;
  return false;
}

/** Where the next sentence may start after terminal punctuation at `at`, or -1 if not a boundary. */
function boundaryAfter(text: string, at: number): number {
  let next = at + 1;
  while (next < text.length && (TERMINAL.test(text[next] ?? "") || CLOSERS.has(text[next] ?? ""))) next++;
  if (next >= text.length) return next;
  const gap = text[next];
  if (gap !== " " && gap !== "\t" && gap !== "\n") return -1;
  let after = next;
  while (after < text.length && (text[after] === " " || text[after] === "\t")) after++;
  const first = text[after] ?? "";
  // A sentence starts with a capital, a digit, a quote, a bracket or a bullet.
  if (!/[A-Z0-9"“‘'([•\-–—*]/.test(first) && first !== "\n") return -1;
  if (text[at] === "." && isAbbreviationAt(text, at)) {
    // "U.S. forces" continues; "in the U.S. The next day" is ambiguous: continue unless a
    // paragraph break follows.
    return -1;
  }
  return next;
}

/**
 * The longest sentence read as one: twice the longest in the development and training reports
 * (917 characters), so news prose is never cut.
 */
export const MAX_SENTENCE_CHARS = 2000;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let start = 0;

  const push = (from: number, to: number): void => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s] ?? "")) s++;
    while (e > s && /\s/.test(text[e - 1] ?? "")) e--;
    // A run longer than any sentence (a table, a list or a page with no full stop) is cut at the
    // last space before MAX_SENTENCE_CHARS: what reads a sentence costs more than its length,
    // and one unpunctuated megabyte took minutes of one core.
    while (e - s > MAX_SENTENCE_CHARS) {
      const space = text.lastIndexOf(" ", s + MAX_SENTENCE_CHARS);
      const cut = space > s ? space : s + MAX_SENTENCE_CHARS;
      sentences.push({ index: sentences.length, start: s, end: cut, text: text.slice(s, cut), paragraph });
      s = cut;
      while (s < e && /\s/.test(text[s] ?? "")) s++;
    }
    if (e > s) sentences.push({ index: sentences.length, start: s, end: e, text: text.slice(s, e), paragraph });
  };

  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      const line = text.slice(lineStart, i);
      const nextNewline = text.indexOf("\n", i + 1);
      const nextLine = text.slice(i + 1, nextNewline === -1 ? text.length : nextNewline);
      const blankFollows = nextLine.trim() === "";
      const trimmed = line.trimEnd();
      const endsTerminal = /[.!?:]["'”’)\]]*$/.test(trimmed);
      // A single newline ends a sentence after terminal punctuation, after a short header line,
      // or before an indented or bulleted line; hard-wrapped paragraphs read on.
      const shortHeader = trimmed.length > 0 && trimmed.length < 50 && !/[,;]$/.test(trimmed);
      const nextStartsBlock = /^(\s{2,}|\t|[•*\-–—] )/.test(nextLine);
      if (blankFollows || endsTerminal || shortHeader || nextStartsBlock || line.trim() === "") {
        if (
          endsTerminal &&
          !blankFollows &&
          trimmed.endsWith(".") &&
          isAbbreviationAt(trimmed, trimmed.length - 1) &&
          !nextStartsBlock &&
          !shortHeader
        ) {
          // "Maj. Gen.\nJohn" style wraps: keep reading.
        } else {
          push(start, i);
          start = i + 1;
        }
      }
      if (blankFollows || line.trim() === "") {
        // count a paragraph once per run of blank lines
        if (line.trim() !== "" || i === 0) paragraph++;
        else if (sentences.length > 0 && sentences[sentences.length - 1]!.paragraph === paragraph) paragraph++;
      }
      lineStart = i + 1;
      continue;
    }
    if (ch !== undefined && TERMINAL.test(ch)) {
      const next = boundaryAfter(text, i);
      if (next > 0) {
        push(start, next);
        start = next;
        i = next - 1;
      }
    }
  }
  push(start, text.length);
  return sentences;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** A plain tokenizer: words (with inner apostrophes, dots and hyphens) and single punctuation marks. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** True when a text is written mostly in capitals, as wire copy of the 1980s and 1990s is. */
export function isMostlyCapitals(text: string): boolean {
  let upper = 0;
  let lower = 0;
  const sample = text.length > 4000 ? text.slice(0, 4000) : text;
  // By code unit: a string iterator makes a string of each character.
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
  }
  return upper > 20 && upper > lower * 4;
}
