// Running regular expressions over text, fast. String.prototype.matchAll copies the pattern it is
// given (the specification builds a new RegExp from it), and V8 starts each copy in its regexp
// interpreter, or compiles it again once its cache has let the source go: over a report's
// sentences a long alternation (titles, reporting verbs) ran a hundred times slower through
// matchAll than through exec on the pattern itself.

/**
 * Every match of the global pattern `pattern` in `text`, left to right: what
 * `[...text.matchAll(pattern)]` gives for a pattern whose lastIndex is 0, read with exec on the
 * pattern itself: the search starts at the beginning of the text, and lastIndex is left at 0. All the matches are read before any is returned, so a caller may use
 * the same pattern again while it goes through them.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern, not ${pattern}`);
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    found.push(match);
    // An empty match would be found again at the same place: step past it, by code point in
    // Unicode mode (u or v), as matchAll does.
    if (match[0] === "") pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes("v"));
  }
  pattern.lastIndex = 0;
  return found;
}

function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const lead = text.charCodeAt(index);
  const trail = text.charCodeAt(index + 1);
  return lead >= 0xd800 && lead <= 0xdbff && trail >= 0xdc00 && trail <= 0xdfff ? index + 2 : index + 1;
}
