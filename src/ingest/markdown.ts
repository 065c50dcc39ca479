// Markdown to plain text: the words a reader sees, without the markup (CommonMark 0.31 names the
// constructs handled below). Line structure is kept, so paragraphs stay paragraphs; link text
// stays and its URL goes; images go; code blocks stay as text, since a quoted statement or a
// table of figures is sometimes put in one.
import { calendarDateFrom } from "./dates.ts";
import type { DocumentParts } from "./parts.ts";

/** Expects text already through `normaliseText` (newlines are `\n`). */
export function convertMarkdown(source: string): DocumentParts {
  const { frontMatter, body } = splitFrontMatter(source);
  const lines: string[] = [];
  let title: string | null = null;
  let fence: string | null = null;
  let previousLine = "";

  for (const line of withoutHtmlBlocks(body).split("\n")) {
    // Fenced code blocks (CommonMark §4.5): the fence lines go, the content stays verbatim.
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch?.[1] !== undefined && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) {
        fence = null;
      } else {
        lines.push(line);
      }
      continue;
    }
    if (fenceMatch?.[1] !== undefined) {
      fence = fenceMatch[1];
      continue;
    }

    // ATX headings (§4.2): "# Title #" gives "Title"; the first level-1 heading is the title.
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
    if (heading?.[1] !== undefined) {
      const text = inlineText(heading[2] ?? "");
      if (title === null && heading[1].length === 1 && text !== "") title = text;
      lines.push(text);
      previousLine = text;
      continue;
    }
    // Setext underlines (§4.3) and thematic breaks (§4.1) are markup only. "===" under a
    // paragraph line makes that line a level-1 heading.
    if (/^ {0,3}=+[ \t]*$/.test(line)) {
      if (title === null && previousLine.trim() !== "") title = previousLine.trim();
      lines.push("");
      previousLine = "";
      continue;
    }
    if (/^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|-+)$/.test(line)) {
      lines.push("");
      previousLine = "";
      continue;
    }
    // Link reference definitions (§4.7) are URLs, not text.
    if (/^ {0,3}\[[^\]^][^\]]*\]:\s*\S/.test(line)) continue;
    // GFM table delimiter rows ("|---|:--:|") are markup; cells of other rows are joined by tabs.
    if (/^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/.test(line)) continue;

    const text = inlineText(blockPrefixRemoved(line));
    lines.push(text);
    previousLine = text;
  }

  // Trailing spaces are markup in Markdown (two make a hard line break, §6.7), as are blank-line runs.
  const text = lines
    .map((line) => line.trimEnd())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
  return {
    text,
    title: title ?? frontMatterValue(frontMatter, "title"),
    publisher: frontMatterValue(frontMatter, "publisher") ?? frontMatterValue(frontMatter, "source"),
    url: null,
    publishedDate: calendarDateFrom(frontMatterValue(frontMatter, "date")),
    declaredLanguage: null,
  };
}

/**
 * YAML front matter as static-site generators write it: a first line "---", keys, and a closing
 * "---" or "...". Only flat `key: value` lines are read; no YAML parser is needed for a date.
 */
function splitFrontMatter(source: string): { frontMatter: Map<string, string>; body: string } {
  const frontMatter = new Map<string, string>();
  const match = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(source);
  if (match?.[1] === undefined) return { frontMatter, body: source };
  for (const line of match[1].split("\n")) {
    const pair = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/.exec(line);
    if (pair?.[1] === undefined || pair[2] === undefined || pair[2] === "") continue;
    const key = pair[1].toLowerCase();
    if (!frontMatter.has(key)) frontMatter.set(key, pair[2].replace(/^(["'])(.*)\1$/, "$2"));
  }
  return { frontMatter, body: source.slice(match[0].length) };
}

function frontMatterValue(frontMatter: Map<string, string>, key: string): string | null {
  return frontMatter.get(key) ?? null;
}

/** Raw HTML that never shows as text: comments, and script/style elements with their content. */
function withoutHtmlBlocks(body: string): string {
  return body.replace(/<!--[\s\S]*?-->/g, "").replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "");
}

/** Block quote markers (§5.1), footnote labels, list markers (§5.2) with GFM task boxes, table pipes. */
function blockPrefixRemoved(line: string): string {
  let rest = line.replace(/^ {0,3}(?:>[ \t]?)+/, "");
  // GFM footnote definitions keep their text, not their "[^1]:" label.
  rest = rest.replace(/^ {0,3}\[\^[^\]]+\]:[ \t]*/, "");
  rest = rest.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/, "");
  if (/^[ \t]*\|/.test(rest)) {
    rest = rest
      .trim()
      .replace(/^\||\|$/g, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim())
      .join("\t");
  }
  return rest;
}

// Backslash escapes (§2.4) are hidden in the Private Use Area while markup is removed, so that
// "\*" stays a literal asterisk, then put back.
const ESCAPE_BASE = 0xe000;

/** Inline markup removed from one line; code spans (§6.1) keep their content untouched. */
function inlineText(line: string): string {
  const pieces = line.split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/);
  // split() with two capture groups yields [text, ticks, code, text, ticks, code, ..., text].
  let result = "";
  for (let index = 0; index < pieces.length; index += 3) {
    result += inlineMarkupRemoved(pieces[index] ?? "");
    const code = pieces[index + 2];
    if (code !== undefined) result += code.replace(/^ (.*) $/, "$1");
  }
  return result;
}

function inlineMarkupRemoved(text: string): string {
  let rest = text.replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => String.fromCharCode(ESCAPE_BASE + char.charCodeAt(0)));
  rest = rest
    // Images (§6.4) go entirely, inline or by reference.
    .replace(/!\[[^\]]*\](?:\((?:[^()]|\([^()]*\))*\)|\[[^\]]*\])/g, "")
    // Inline links (§6.3) keep their text; the destination may hold one level of parentheses.
    .replace(/\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)/g, "$1")
    // Footnote references (GFM) go; reference links keep their text.
    .replace(/\[\^[^\]]+\]/g, "")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
    // Autolinks (§6.5) keep the address.
    .replace(/<((?:https?|ftp):\/\/[^<>\s]+)>/gi, "$1")
    .replace(/<mailto:([^<>\s]+)>/gi, "$1")
    .replace(/<([^<>\s@]+@[^<>\s@]+)>/g, "$1")
    // Inline raw HTML tags (§6.6) go; their text content stays.
    .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
    // Emphasis (§6.2) and GFM strikethrough. "_" inside a word is not emphasis (snake_case).
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/\*(?=\S)([\s\S]*?\S)\*/g, "$1")
    .replace(/(?<![\p{L}\p{N}_])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}_])/gu, "$1")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1");
  return rest.replace(/[\uE021-\uE07E]/g, (char) => String.fromCharCode(char.charCodeAt(0) - ESCAPE_BASE));
}
