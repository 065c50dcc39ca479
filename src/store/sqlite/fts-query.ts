// A user's search text as an FTS5 query (https://www.sqlite.org/fts5.html, section 3). The text is
// never passed through as FTS5 syntax: "al-Qaeda" would read as a column filter and `NEAR(` as an
// operator. Every word or "quoted phrase" becomes a quoted FTS5 string, and the strings are
// ANDed; a word ending in `*` stays a prefix query.
const TERM = /"([^"]*)"|(\S+)/gu;
const SEARCHABLE = /[\p{L}\p{N}]/u;

function quoted(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

/** The FTS5 query for `text`, or null when it holds no letter or digit to search for. */
export function toFts5Query(text: string): string | null {
  const terms: string[] = [];
  // FTS5 reads a NUL inside a quoted string as its end ("unterminated string"): a NUL is no
  // character anyone searches for, so it separates words like a space.
  for (const match of text.replaceAll("\u0000", " ").matchAll(TERM)) {
    const phrase = match[1];
    const word = match[2];
    if (phrase !== undefined) {
      if (SEARCHABLE.test(phrase)) terms.push(quoted(phrase));
    } else if (word !== undefined) {
      const prefix = word.length > 1 && word.endsWith("*");
      const body = prefix ? word.slice(0, -1) : word;
      if (SEARCHABLE.test(body)) terms.push(prefix ? `${quoted(body)}*` : quoted(body));
    }
  }
  return terms.length === 0 ? null : terms.join(" ");
}
