// HTML to the article's text and metadata. Readability (Firefox Reader View's extractor) finds the
// main text; linkedom gives it a DOM. Neither runs scripts nor fetches anything: linkedom has no
// script engine and no network, so nothing a hostile page carries (scripts, event handlers,
// remote images and styles) can run or beacon out. Only text nodes are ever read, never
// attributes, so markup cannot reach the document's text.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { SitrepError } from "../domain/errors.ts";
import { calendarDateFrom } from "./dates.ts";
import { inputError } from "./errors.ts";
import { READABILITY_MAX_ELEMENTS } from "./limits.ts";
import type { DocumentParts } from "./parts.ts";

// The few DOM members this module calls, typed here because the project compiles without the
// DOM library (Kysely's way of typing an outside engine, STYLE.md practice 2).
interface DomNode {
  readonly nodeType: number;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  remove(): void;
}

interface DomDocument {
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export type HtmlResult = { readonly ok: true; readonly parts: DocumentParts } | { readonly ok: false; readonly error: SitrepError };

export function convertHtml(html: string, origin: string): HtmlResult {
  const declaredLanguage = /<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)/i.exec(html)?.[1] ?? null;
  const page = flattenSkeleton(html);

  const document = parseDocument(page);
  const metadata = readMetadata(document);
  removeNoise(document);
  const headline = headlineOf(document);
  const publishedDate = metadata.publishedDate ?? timeElementDate(document);

  // Readability's own element limit counts with getElementsByTagName("*"), which linkedom
  // answers with 0, so the limit is applied here. A page over it is read in full, minus the noise.
  const tooManyElements = document.querySelectorAll("*").length > READABILITY_MAX_ELEMENTS;
  let text = tooManyElements ? bodyText(document) : readableText(document);
  if (text === "" && !tooManyElements) {
    // Readability found no article. A fresh parse, because Readability rewrote the first one.
    const fallback = parseDocument(page);
    removeNoise(fallback);
    text = bodyText(fallback);
  } else if (headline !== null && !text.includes(headline)) {
    // Readability drops the <h1> when it repeats the title; the headline is part of the report.
    text = `${headline}\n${text}`;
  }
  if (text.trim() === "") return { ok: false, error: inputError("HTML_NO_TEXT", origin, "the page holds no readable text") };

  const title = metadata.title ?? headline;
  return {
    ok: true,
    parts: {
      text,
      title: title === null ? null : withoutPublisherSuffix(title, metadata.publisher),
      publisher: metadata.publisher,
      url: metadata.url,
      publishedDate,
      declaredLanguage,
    },
  };
}

/**
 * linkedom parses with htmlparser2, which does not build the implied <html>, <head> and <body>
 * the way the HTML5 tree builder does (HTML §13.2.6): "<title>T</title><p>x" gives an empty body.
 * Removing the skeleton's own tags and wrapping the rest in a fresh one gives every page the same
 * shape; head elements then sit in the body, where metadata queries still find them and
 * `removeNoise` takes them out.
 */
function flattenSkeleton(html: string): string {
  const inner = html
    .replace(/^\uFEFF/, "")
    .replace(/<\?xml[^>]*>/gi, "")
    .replace(/<!doctype[^>]*>/gi, "")
    .replace(/<\/?(?:html|head|body)(?:\s[^>]*)?>/gi, "");
  return `<!DOCTYPE html><html><head></head><body>${inner}</body></html>`;
}

function parseDocument(html: string): DomDocument {
  const { document } = parseHTML(html);
  return document;
}

interface PageMetadata {
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
}

/** Meta names that carry a publication date, after `article:published_time` (Open Graph). */
const DATE_META_NAMES = [
  "article:published_time",
  "og:published_time",
  "date",
  "pubdate",
  "publishdate",
  "publish-date",
  "publication_date",
  "datepublished",
  "dc.date",
  "dc.date.issued",
  "dcterms.date",
  "dcterms.issued",
  "sailthru.date",
  "parsely-pub-date",
];

function readMetadata(document: DomDocument): PageMetadata {
  const metas = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const key = (meta.getAttribute("property") ?? meta.getAttribute("name") ?? meta.getAttribute("itemprop"))?.trim().toLowerCase();
    const content = cleanSpace(meta.getAttribute("content"));
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const jsonLd = readJsonLd(document);

  let publishedDate: string | null = calendarDateFrom(metas.get("article:published_time")) ?? jsonLd.datePublished;
  for (const name of DATE_META_NAMES) {
    publishedDate ??= calendarDateFrom(metas.get(name));
  }

  const titleElement = document.querySelector("title");
  const canonical = Array.from(document.querySelectorAll("link")).find((link) =>
    (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/).includes("canonical"),
  );

  return {
    title: metas.get("og:title") ?? metas.get("twitter:title") ?? cleanSpace(titleElement?.textContent),
    publisher: metas.get("og:site_name") ?? jsonLd.publisher ?? metas.get("publisher") ?? null,
    url: webUrl(canonical?.getAttribute("href"), metas.get("og:url")) ?? webUrl(metas.get("og:url"), null),
    publishedDate,
  };
}

/** An absolute http(s) URL, resolving a relative one against `base`. Other schemes are refused. */
function webUrl(value: string | null | undefined, base: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = base ? new URL(value.trim(), base) : new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

const ARTICLE_TYPES = new Set(["article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting", "report"]);
const JSON_LD_MAX_DEPTH = 8;

/** schema.org `datePublished` and `publisher.name` from JSON-LD, preferring article types. */
function readJsonLd(document: DomDocument): { datePublished: string | null; publisher: string | null } {
  const found: { date: string | null; publisher: string | null; isArticle: boolean }[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > JSON_LD_MAX_DEPTH || value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const record = value as Record<string, unknown>;
    const types = ([] as unknown[]).concat(record["@type"]).filter((type): type is string => typeof type === "string");
    const date = typeof record["datePublished"] === "string" ? calendarDateFrom(record["datePublished"]) : null;
    const publisher = publisherName(record["publisher"]);
    if (date !== null || publisher !== null) {
      found.push({ date, publisher, isArticle: types.some((type) => ARTICLE_TYPES.has(type.toLowerCase())) });
    }
    for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"]) visit(record[key], depth + 1);
  };
  for (const script of Array.from(document.querySelectorAll("script"))) {
    if ((script.getAttribute("type") ?? "").trim().toLowerCase() !== "application/ld+json") continue;
    try {
      visit(JSON.parse(script.textContent ?? ""), 0);
    } catch {
      // Broken JSON-LD is common and costs only this hint.
    }
  }
  const ranked = [...found.filter((entry) => entry.isArticle), ...found];
  return {
    datePublished: ranked.find((entry) => entry.date !== null)?.date ?? null,
    publisher: ranked.find((entry) => entry.publisher !== null)?.publisher ?? null,
  };
}

function publisherName(value: unknown): string | null {
  if (typeof value === "string") return cleanSpace(value);
  if (Array.isArray(value)) return value.map(publisherName).find((name) => name !== null) ?? null;
  if (value !== null && typeof value === "object" && "name" in value && typeof value.name === "string") {
    return cleanSpace(value.name);
  }
  return null;
}

// Elements whose content is never article text: scripts, styles and embedded objects, media,
// form controls, page furniture (nav, aside, footer) and the head elements moved into the body.
const NOISE_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "canvas",
  "video",
  "audio",
  "picture",
  "img",
  "map",
  "input",
  "select",
  "textarea",
  "button",
  "dialog",
  "nav",
  "aside",
  "footer",
  "title",
  "meta",
  "link",
  "base",
  "[hidden]",
  '[aria-hidden="true"]',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="contentinfo"]',
  '[style*="display:none"]',
  '[style*="display: none"]',
].join(",");

/** class or id words that mark advertising and page furniture. */
const NOISE_WORDS = new Set([
  "ad",
  "ads",
  "advert",
  "adverts",
  "advertisement",
  "advertising",
  "sponsor",
  "sponsored",
  "promo",
  "promoted",
  "cookie",
  "cookies",
  "newsletter",
  "paywall",
  "popup",
  "share",
  "sharing",
  "social",
  "related",
  "recommended",
  "outbrain",
  "taboola",
  "subscribe",
  "breadcrumb",
  "breadcrumbs",
]);

/**
 * Takes out noise before Readability sees the page, so the fallback path is as clean as the
 * main one. An element that holds the article (<article>, <main>, an <h1>) is never removed for
 * its class name alone: some sites put "ad" words on the wrapper of the whole page.
 */
function removeNoise(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(NOISE_SELECTOR))) element.remove();
  for (const element of Array.from(document.querySelectorAll("[class],[id]"))) {
    const tag = element.tagName.toLowerCase();
    if (tag === "article" || tag === "main" || tag === "body" || tag === "html") continue;
    const words = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`.toLowerCase().split(/[\s_-]+/);
    if (!words.some((word) => NOISE_WORDS.has(word))) continue;
    if (element.querySelector("article, main, h1") !== null) continue;
    element.remove();
  }
}

function headlineOf(document: DomDocument): string | null {
  const heading = document.querySelector("article h1") ?? document.querySelector("main h1") ?? document.querySelector("h1");
  return cleanSpace(heading?.textContent);
}

/** A `<time datetime>` that dates the article: marked as the publication date, else inside the article. */
function timeElementDate(document: DomDocument): string | null {
  const candidates = [
    document.querySelector('time[itemprop="datePublished"]'),
    document.querySelector("time[pubdate]"),
    document.querySelector("article time[datetime]"),
    document.querySelector("main time[datetime]"),
    document.querySelector("time[datetime]"),
  ];
  for (const time of candidates) {
    const date = calendarDateFrom(time?.getAttribute("datetime") ?? time?.getAttribute("content"));
    if (date !== null) return date;
  }
  return null;
}

/** The main text by Readability, with block structure kept; "" when it finds no article. */
function readableText(document: DomDocument): string {
  try {
    const article = new Readability<DomNode>(document, {
      // The serializer hands back the content node itself, so blocks can become lines.
      serializer: (node: DomNode) => node,
    }).parse();
    return article?.content ? blockText(article.content) : "";
  } catch {
    // A page Readability cannot handle is still read, by the fallback.
    return "";
  }
}

function bodyText(document: DomDocument): string {
  return document.body === null ? "" : blockText(document.body);
}

/** Elements that start and end a line of text (HTML §14.3's "display: block" elements and kin). */
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "legend",
  "li",
  "main",
  "ol",
  "p",
  "section",
  "summary",
  "table",
  "tbody",
  "tfoot",
  "thead",
  "tr",
  "ul",
]);

const NEVER_TEXT_TAGS = new Set(["script", "style", "noscript", "template", "head", "title", "svg", "math", "textarea", "select"]);

/** Marks, on blockText's stack, where a block element's children end. */
const END_OF_BLOCK = null;

/**
 * The text of an element, one line per block. Within a block, whitespace collapses as a browser
 * renders it (CSS Text §4.1.1: runs of spaces, tabs and newlines become one space); <pre> keeps it.
 * The walk keeps its own stack: a hostile page nests elements deeper than the call stack goes.
 */
function blockText(root: DomNode): string {
  const lines: string[] = [];
  let line = "";
  const endLine = (): void => {
    const collapsed = line.replace(/[ \t\n\r\f]+/g, " ").trim();
    if (collapsed !== "") lines.push(collapsed);
    line = "";
  };
  const stack: (DomNode | typeof END_OF_BLOCK)[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node === END_OF_BLOCK) {
      endLine();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      line += node.textContent ?? "";
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const tag = (node as DomElement).tagName.toLowerCase();
    if (NEVER_TEXT_TAGS.has(tag)) continue;
    if (tag === "br") {
      endLine();
      continue;
    }
    if (tag === "pre") {
      endLine();
      for (const preLine of (node.textContent ?? "").split(/\r\n?|\n/)) {
        if (preLine.trim() !== "") lines.push(preLine.trimEnd());
      }
      continue;
    }
    if (BLOCK_TAGS.has(tag)) {
      endLine();
      stack.push(END_OF_BLOCK);
    }
    // Table cells on one row stay on one line, separated.
    if (tag === "td" || tag === "th") line += " ";
    const children = Array.from(node.childNodes);
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  endLine();
  return lines.join("\n");
}

const TITLE_SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · "];

/** "Attack on checkpoint | Daily Ledger" gives "Attack on checkpoint" when the publisher is Daily Ledger. */
function withoutPublisherSuffix(title: string, publisher: string | null): string {
  if (publisher === null) return title;
  for (const separator of TITLE_SEPARATORS) {
    const suffix = `${separator}${publisher}`;
    if (title.length > suffix.length && title.toLowerCase().endsWith(suffix.toLowerCase())) {
      return title.slice(0, -suffix.length).trim();
    }
  }
  return title;
}

function cleanSpace(value: string | null | undefined): string | null {
  const cleaned = value?.replace(/\s+/g, " ").trim() ?? "";
  return cleaned === "" ? null : cleaned;
}
