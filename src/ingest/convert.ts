// One source's bytes to a Document. The format comes from the content first and the file name
// second (reliability.md §4.1: type from magic bytes, not the extension). Every converter's text
// goes through the same normalisation before it is hashed, so the id depends on the words alone.
// convertSource never throws: batch ingestion reports a failure per item (STYLE.md, practice 4).
import { extname } from "node:path";
import { createDocument } from "../domain/document.ts";
import type { ErrorCode, SitrepError } from "../domain/errors.ts";
import type { Document, DocumentFormat } from "../domain/records.ts";
import { decodeText } from "./decode.ts";
import { inputError } from "./errors.ts";
import { convertHtml } from "./html.ts";
import { detectLanguage } from "./language.ts";
import { DEFAULT_MAX_BYTES } from "./limits.ts";
import { convertMarkdown } from "./markdown.ts";
import type { DocumentParts } from "./parts.ts";
import { convertPdf } from "./pdf.ts";
import { convertText, normaliseText } from "./text.ts";

export interface ConvertMeta {
  /** Where the bytes came from: a path, `-` for stdin, or a URL. Recorded on the Document. */
  readonly origin: string;
  /** Used for its extension when the content does not tell the format. */
  readonly fileName?: string;
  readonly maxBytes?: number;
  /**
   * The URL the bytes were fetched from, after redirects. It is the Document's url whatever the
   * format: where the bytes came from is provenance, a page's own canonical link only a claim.
   */
  readonly url?: string;
}

export type ConvertResult =
  | {
      readonly ok: true;
      readonly document: Document;
      /** The text encoding the bytes were read in ("utf-8", "windows-1252"...); null for PDF. */
      readonly encoding: string | null;
    }
  | { readonly ok: false; readonly error: SitrepError };

export async function convertSource(bytes: Uint8Array, meta: ConvertMeta): Promise<ConvertResult> {
  try {
    return await convert(bytes, meta);
  } catch (cause) {
    // Each converter reports its own failures; reaching here is a bug, still reported per item.
    return fail("INPUT_UNREADABLE", meta.origin, `could not be converted (${String(cause)})`, cause);
  }
}

async function convert(bytes: Uint8Array, meta: ConvertMeta): Promise<ConvertResult> {
  const { origin } = meta;
  const maxBytes = meta.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    return fail("INPUT_TOO_LARGE", origin, `is ${bytes.byteLength} bytes; the limit is ${maxBytes} bytes`);
  }
  if (bytes.byteLength === 0) return fail("INPUT_EMPTY", origin, "is empty");

  const extension = meta.fileName === undefined ? "" : extname(meta.fileName).toLowerCase();
  if (hasPdfHeader(bytes)) {
    const result = await convertPdf(bytes, origin);
    return result.ok ? finish(result.parts, "pdf", meta, null) : result;
  }
  const htmlBytes = startsLikeHtml(latin1Prefix(bytes), "strong");
  if (extension === ".pdf" && !htmlBytes) {
    return fail("PDF_INVALID", origin, "is named .pdf but has no %PDF- header");
  }

  const mayBeHtml = htmlBytes || extension === ".html" || extension === ".htm";
  const decoded = decodeText(bytes, { origin, declaredEncoding: mayBeHtml ? declaredCharset(bytes) : null });
  if (!decoded.ok) return decoded;

  const text = normaliseText(decoded.text);
  if (text === "") return fail("INPUT_EMPTY", origin, "holds only whitespace");

  const format = formatOf(text, extension);
  switch (format) {
    case "html": {
      const result = convertHtml(text, origin);
      return result.ok ? finish(result.parts, format, meta, decoded.encoding) : result;
    }
    case "markdown":
      return finish(convertMarkdown(text), format, meta, decoded.encoding);
    case "text":
      return finish(convertText(text), format, meta, decoded.encoding);
    case "pdf":
      // Only bytes with a PDF header are PDF, and they were handled above.
      return fail("PDF_INVALID", origin, "has no %PDF- header");
  }
}

const EMPTY_AFTER_CONVERSION: Readonly<Record<DocumentFormat, ErrorCode>> = {
  text: "INPUT_EMPTY",
  markdown: "INPUT_EMPTY",
  html: "HTML_NO_TEXT",
  pdf: "PDF_NO_TEXT",
};

function finish(parts: DocumentParts, format: DocumentFormat, meta: ConvertMeta, encoding: string | null): ConvertResult {
  const { origin } = meta;
  const text = normaliseText(parts.text);
  if (text === "") return fail(EMPTY_AFTER_CONVERSION[format], origin, "holds no text once its markup is removed");
  const document = createDocument({
    text,
    format,
    origin,
    title: parts.title === null ? null : normaliseText(parts.title) || null,
    publisher: parts.publisher === null ? null : normaliseText(parts.publisher) || null,
    url: meta.url ?? parts.url,
    publishedDate: parts.publishedDate,
    language: detectLanguage(text, parts.declaredLanguage),
  });
  return { ok: true, document, encoding };
}

/**
 * PDF 32000-1 §7.5.2 puts "%PDF-" on the first line; readers accept it anywhere in the first
 * 1,024 bytes (Acrobat's implementation note 13), as pdf.js does, so this does too.
 */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return latin1Prefix(bytes).includes("%PDF-");
}

function latin1Prefix(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).toString("latin1");
}

// WHATWG MIME Sniffing §7.1 ("rules for identifying an unknown MIME type"): a document whose first
// non-whitespace bytes open one of these tags is HTML. The first four are unmistakable; the rest
// ("<p", "<a", "<!--") also begin Markdown and plain text, so they count only when the file name
// gives no format.
const STRONG_HTML_TAGS = ["!doctype html", "html", "head", "body"];
const WEAK_HTML_TAGS = ["script", "iframe", "h1", "div", "font", "table", "a", "style", "title", "b", "br", "p", "meta"];

function startsLikeHtml(text: string, strength: "strong" | "any"): boolean {
  // An XML declaration (XHTML) and comments may come before the first tag.
  const start = text
    .replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, "")
    .replace(/^\s*<\?xml[^>]*\?>/i, "")
    .replace(/^(?:\s*<!--[\s\S]*?-->)*/, "")
    .trimStart()
    .toLowerCase();
  const opens = (tag: string): boolean => start.startsWith(`<${tag}`) && /^[\s>/]|^$/.test(start.slice(tag.length + 1));
  if (STRONG_HTML_TAGS.some(opens)) return true;
  return strength === "any" && (WEAK_HTML_TAGS.some(opens) || /^(?:\uFEFF)?\s*<!--/.test(text));
}

const TEXT_EXTENSIONS = new Set([".txt", ".text", ".md", ".markdown"]);

function formatOf(text: string, extension: string): DocumentFormat {
  const hasTextExtension = TEXT_EXTENSIONS.has(extension);
  if (startsLikeHtml(text, hasTextExtension ? "strong" : "any")) return "html";
  if (extension === ".md" || extension === ".markdown") return "markdown";
  if (extension === ".html" || extension === ".htm") return "html";
  return "text";
}

/**
 * The charset an HTML page declares in its first 1,024 bytes, as the HTML prescan does
 * (HTML §13.2.3.2): `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">`.
 * Used only when the bytes are not valid UTF-8.
 */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = latin1Prefix(bytes);
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(meta)?.[1];
    if (charset !== undefined) return charset;
  }
  return null;
}

function fail(code: ErrorCode, origin: string, detail: string, cause?: unknown): ConvertResult {
  return { ok: false, error: inputError(code, origin, detail, cause) };
}
