// The one normalisation every document's text goes through, whatever its format. Later stages
// cite evidence as offsets into this text, so it changes only what would make the same report
// hash or match differently (line endings, invisible controls, Unicode composition) and keeps
// everything else verbatim.
import type { DocumentParts } from "./parts.ts";

// Unicode line breaks (UAX #14 mandatory breaks): CR LF, CR, NEL, LINE SEPARATOR, PARAGRAPH
// SEPARATOR; form feed and vertical tab too, which separate pages and lines in text exports, so
// dropping them would glue two sentences together.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029\u000B\u000C]/g;
// C0 controls except tab and newline, DEL, and C1 controls: invisible, and never meant as text.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Newlines become `\n`, controls other than `\n` and `\t` are removed, lone surrogates become
 * U+FFFD (so the text is well-formed UTF-16 and survives a UTF-8 round trip), the result is
 * composed to NFC (Unicode UAX #15), and leading and trailing whitespace of the whole text is
 * trimmed so that "report\n" and "report" are one document. Idempotent.
 */
export function normaliseText(raw: string): string {
  return raw.replace(LINE_BREAKS, "\n").replace(CONTROL_CHARACTERS, "").replace(LONE_SURROGATES, "\uFFFD").normalize("NFC").trim();
}

/**
 * Plain text is kept as it is. It has no metadata, and a title or date is not guessed from the
 * first line: the extraction stage reads datelines with the rest of the text.
 */
export function convertText(text: string): DocumentParts {
  return { text, title: null, publisher: null, url: null, publishedDate: null, declaredLanguage: null };
}
