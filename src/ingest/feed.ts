// RSS 2.0 and Atom (RFC 4287) feeds to a list of items, over xml.ts (no DTDs, no entities). The
// items' text is returned as the feed gives it: RSS 2.0 does not say whether a description is
// text or escaped HTML (reliability.md §5.2), so whoever ingests an item converts it as HTML, the
// converter that removes markup and reads text nodes only. Links other than http(s) are dropped,
// since a feed item's link is what the fetcher would be asked to fetch next.
import type { SitrepError } from "../domain/errors.ts";
import { inputError } from "./errors.ts";
import { childElements, firstChild, parseXml, textOf, type XmlElement } from "./xml.ts";

export interface FeedItem {
  /** A stable key for "seen before": the guid or Atom id, else the link, else the title. */
  readonly id: string;
  readonly title: string | null;
  readonly link: string | null;
  /** ISO 8601 UTC instant, or null when the feed gives none or one that cannot be read. */
  readonly published: string | null;
  /** description / summary, as given (may hold HTML). */
  readonly summary: string | null;
  /** content:encoded / Atom content, as given (may hold HTML). */
  readonly content: string | null;
}

export interface Feed {
  readonly format: "rss" | "atom";
  readonly title: string | null;
  readonly link: string | null;
  readonly items: readonly FeedItem[];
}

export type FeedResult = { readonly ok: true; readonly feed: Feed } | { readonly ok: false; readonly error: SitrepError };

export interface FeedOptions {
  /** The feed's own URL: relative links resolve against it. */
  readonly baseUrl?: string;
  /** Items past this many are ignored (newest first in practice); bounds the work one feed causes. */
  readonly maxItems?: number;
}

export const DEFAULT_MAX_FEED_ITEMS = 500;

export function parseFeed(text: string, origin: string, options: FeedOptions = {}): FeedResult {
  const parsed = parseXml(text);
  if (!parsed.ok)
    return {
      ok: false,
      error: inputError(parsed.doctype ? "FEED_DOCTYPE_REFUSED" : "FEED_INVALID", origin, `is not well-formed XML: ${parsed.reason}`),
    };
  const { root } = parsed;
  const maxItems = options.maxItems ?? DEFAULT_MAX_FEED_ITEMS;
  if (root.localName === "rss") {
    const channel = firstChild(root, "channel");
    if (channel === null) return { ok: false, error: inputError("FEED_INVALID", origin, "is an RSS document without a <channel>") };
    return { ok: true, feed: readRss(channel, options.baseUrl, maxItems) };
  }
  if (root.localName === "feed") return { ok: true, feed: readAtom(root, options.baseUrl, maxItems) };
  return { ok: false, error: inputError("FEED_INVALID", origin, `is not an RSS 2.0 or Atom feed (root element <${root.name}>)`) };
}

/** RSS 2.0 specification (rssboard.org): channel title/link, item title/link/guid/pubDate/description. */
function readRss(channel: XmlElement, baseUrl: string | undefined, maxItems: number): Feed {
  const items = childElements(channel, "item")
    .slice(0, maxItems)
    .map((item): FeedItem => {
      const link = webLink(childText(item, "link"), baseUrl);
      const title = childText(item, "title");
      // dc:date (RSS 1.0 module) stands in when pubDate is missing, as many CMSs write it.
      const published = readDate(childText(item, "pubdate") ?? childText(item, "date"));
      return {
        id: childText(item, "guid") ?? link ?? title ?? "",
        title,
        link,
        published,
        summary: childText(item, "description"),
        content: childText(item, "encoded"),
      };
    })
    .filter((item) => item.id !== "");
  return { format: "rss", title: childText(channel, "title"), link: webLink(childText(channel, "link"), baseUrl), items };
}

/** RFC 4287: entry id (required), title, link rel="alternate" (the default rel), published/updated, summary, content. */
function readAtom(feed: XmlElement, baseUrl: string | undefined, maxItems: number): Feed {
  const items = childElements(feed, "entry")
    .slice(0, maxItems)
    .map((entry): FeedItem => {
      const link = atomLink(entry, baseUrl);
      const title = childText(entry, "title");
      return {
        id: childText(entry, "id") ?? link ?? title ?? "",
        title,
        link,
        published: readDate(childText(entry, "published") ?? childText(entry, "updated")),
        summary: childText(entry, "summary"),
        content: childText(entry, "content"),
      };
    })
    .filter((item) => item.id !== "");
  return { format: "atom", title: childText(feed, "title"), link: atomLink(feed, baseUrl), items };
}

function atomLink(element: XmlElement, baseUrl: string | undefined): string | null {
  const links = childElements(element, "link");
  const alternate = links.find((link) => (link.attributes.get("rel") ?? "alternate") === "alternate") ?? links[0];
  return webLink(alternate?.attributes.get("href") ?? null, baseUrl);
}

function childText(element: XmlElement, localName: string): string | null {
  const child = firstChild(element, localName);
  if (child === null) return null;
  const text = textOf(child).trim();
  return text === "" ? null : text;
}

function webLink(value: string | null, baseUrl: string | undefined): string | null {
  if (value === null) return null;
  try {
    const url = baseUrl === undefined ? new URL(value) : new URL(value, baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * RSS dates are RFC 822 ("Sat, 07 Jun 2025 14:20:00 GMT"), Atom's RFC 3339; Date.parse reads both.
 * A date without a zone would be read in local time, so those are refused rather than guessed.
 */
function readDate(value: string | null): string | null {
  if (value === null) return null;
  const hasZone = /(?:[zZ]|[+-]\d{2}:?\d{2}|\b(?:GMT|UT|UTC|[ECMP][SD]T)\b)\s*$/.test(value.trim());
  if (!hasZone) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
