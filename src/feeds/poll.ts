// Polling followed feeds (`sitrep feeds poll`). For each feed, in the order they were added:
//   1. a feed in back-off (next_attempt_at in the future) is skipped, and says until when;
//   2. the feed is fetched through the one fetcher (src/ingest/fetch.ts, SSRF-guarded), with the
//      validators of the last answer (If-None-Match, If-Modified-Since); 304 means nothing new;
//   3. it is parsed as RSS 2.0 or Atom (src/ingest/feed.ts: no DTD, no entities);
//   4. each item whose id is not in the feed's cursor is ingested: its link is fetched through the
//      fetcher and converted like any URL; when the link is missing, cannot be fetched, or holds
//      no readable text, the item's own content (content:encoded / Atom content, else the summary)
//      is ingested instead, as an HTML page titled with the item's title and dated with its
//      publication date. Either way it goes through the ingest job (src/jobs/ingest.ts), so a
//      text already stored (same content hash) is `unchanged`, never stored twice;
//   5. only then are the ids of the items stored added to the cursor. An item that failed stays
//      out of it, and the feed's validators are not updated either, so the next poll fetches the
//      feed in full and tries that item again.
// A feed that cannot be fetched or parsed, or whose new items all failed, is a failed poll: it
// gets a code, and exponential back-off (./schedule.ts); the other feeds are polled as usual
// (STYLE.md, practice 4). Nothing here throws for one feed's trouble.
import { SitrepError, isSitrepError, type ErrorCode } from "../domain/errors.ts";
import type { Extractor } from "../extract/extractor.ts";
import { decodeText } from "../ingest/decode.ts";
import { parseFeed, type FeedItem } from "../ingest/feed.ts";
import { fetchUrl, type FetchOptions } from "../ingest/fetch.ts";
import { readSource } from "../ingest/inputs.ts";
import { ingestBytes, type IngestDependencies, type IngestItemResult } from "../jobs/ingest.ts";
import { registryActors } from "../resolve/actors/actors.ts";
import type { FeedPollStatus, FeedRecord } from "../store/feeds.ts";
import type { Store } from "../store/store.ts";
import { advanceCursor, backoffDelayMs } from "./schedule.ts";

export interface PollDependencies {
  readonly store: Store;
  readonly extractor: Extractor;
  /** The size cap of one article, as for `sitrep ingest`; the feed document itself has the fetcher's (25 MB). */
  readonly maxInputBytes: number;
  /** Timeouts, and the tests' loopback allow-list; used for the feed and for every article. */
  readonly fetch?: FetchOptions;
  readonly now?: () => Date;
  /** Called after each feed. */
  readonly onFeed?: (result: FeedPollResult) => void;
}

export interface PollOptions {
  /** Poll feeds in back-off too. */
  readonly force?: boolean;
}

export interface FeedItemResult {
  readonly id: string;
  readonly title: string | null;
  readonly link: string | null;
  readonly status: IngestItemResult["status"];
  /** What was stored: the linked article, or the item's own text from the feed; null when it failed. */
  readonly source: "article" | "feed" | null;
  readonly documentId: string | null;
  readonly events: number;
  readonly error: { readonly code: ErrorCode; readonly message: string } | null;
  /**
   * Why the linked article is not what was stored (the fetcher refused the link, the page could
   * not be fetched, or it held no readable text); null when the article was stored or there was no link.
   */
  readonly linkError: { readonly code: ErrorCode; readonly message: string } | null;
}

export interface FeedPollResult {
  readonly url: string;
  readonly name: string | null;
  /** "skipped": in back-off, not requested. */
  readonly status: FeedPollStatus | "skipped";
  /** The items not in the cursor before this poll, each with its outcome. */
  readonly items: readonly FeedItemResult[];
  readonly error: { readonly code: ErrorCode; readonly message: string } | null;
  /** Failed polls in a row after this one. */
  readonly failures: number;
  readonly nextAttemptAt: string | null;
}

/** Polls every followed feed once. */
export async function pollFeeds(deps: PollDependencies, options: PollOptions = {}): Promise<FeedPollResult[]> {
  const feeds = await deps.store.feeds.listFeeds();
  if (feeds.length === 0) return [];
  // As for `sitrep ingest`: the alias registry first, so a query by any alias finds the events.
  await deps.store.saveActors(registryActors());
  const results: FeedPollResult[] = [];
  for (const feed of feeds) {
    const result = await pollFeed(feed, deps, options);
    results.push(result);
    deps.onFeed?.(result);
  }
  return results;
}

/**
 * Polls until `signal` aborts: a round over every feed, then `sleep(intervalMs)`, again. The round
 * under way when the signal comes is finished (its cursors written), then the loop ends.
 */
export async function watchFeeds(
  deps: PollDependencies,
  intervalMs: number,
  signal: AbortSignal,
  sleep: (ms: number, signal: AbortSignal) => Promise<void> = abortableSleep,
  onRound?: (results: readonly FeedPollResult[]) => void,
): Promise<number> {
  let rounds = 0;
  while (!signal.aborted) {
    // Not `onRound?.(await pollFeeds(deps))`: without a callback that would skip the poll itself.
    const results = await pollFeeds(deps);
    onRound?.(results);
    rounds += 1;
    if (signal.aborted) break;
    await sleep(intervalMs, signal);
  }
  return rounds;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

export async function pollFeed(feed: FeedRecord, deps: PollDependencies, options: PollOptions = {}): Promise<FeedPollResult> {
  const now = (deps.now ?? (() => new Date()))();
  const base = { url: feed.url, name: feed.name };
  if (!options.force && feed.nextAttemptAt !== null && feed.nextAttemptAt > now.toISOString()) {
    return { ...base, status: "skipped", items: [], error: null, failures: feed.failures, nextAttemptAt: feed.nextAttemptAt };
  }
  try {
    return await fetchAndStore(feed, deps, now);
  } catch (error) {
    // A fault of the store itself (the feeds table unwritable) still ends as this feed's result.
    const known = isSitrepError(error) ? error : new SitrepError("STORE_WRITE_FAILED", String(error), { input: feed.url });
    return { ...base, status: "failed", items: [], error: describe(known), failures: feed.failures + 1, nextAttemptAt: null };
  }
}

async function fetchAndStore(feed: FeedRecord, deps: PollDependencies, now: Date): Promise<FeedPollResult> {
  const polledAt = now.toISOString();
  const base = { url: feed.url, name: feed.name };

  const fail = async (error: SitrepError, items: readonly FeedItemResult[], cursor?: readonly string[]): Promise<FeedPollResult> => {
    const failures = feed.failures + 1;
    const nextAttemptAt = new Date(now.getTime() + backoffDelayMs(failures)).toISOString();
    await deps.store.feeds.recordPoll(feed.url, {
      lastPolledAt: polledAt,
      lastStatus: "failed",
      lastErrorCode: error.code,
      lastError: error.message,
      failures,
      nextAttemptAt,
      ...(cursor === undefined ? {} : { cursor }),
    });
    return { ...base, status: "failed", items, error: describe(error), failures, nextAttemptAt };
  };

  const fetched = await fetchUrl(feed.url, { ...deps.fetch, conditional: { etag: feed.etag, lastModified: feed.lastModified } });
  if (!fetched.ok) return fail(fetched.error, []);
  if (fetched.status === 304) {
    await deps.store.feeds.recordPoll(feed.url, {
      lastPolledAt: polledAt,
      lastStatus: "not-modified",
      lastErrorCode: null,
      lastError: null,
      failures: 0,
      nextAttemptAt: null,
      // RFC 9110 §15.4.5: a 304 may carry updated validators.
      ...(fetched.etag === null ? {} : { etag: fetched.etag }),
      ...(fetched.lastModified === null ? {} : { lastModified: fetched.lastModified }),
    });
    return { ...base, status: "not-modified", items: [], error: null, failures: 0, nextAttemptAt: null };
  }
  const decoded = decodeText(fetched.bytes, { origin: feed.url });
  if (!decoded.ok) return fail(decoded.error, []);
  const parsed = parseFeed(decoded.text, feed.url, { baseUrl: fetched.finalUrl });
  if (!parsed.ok) return fail(parsed.error, []);

  const seen = new Set(feed.cursor);
  const fresh: FeedItem[] = [];
  for (const item of parsed.feed.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    fresh.push(item);
  }
  const ingest: IngestDependencies = {
    store: deps.store,
    extractor: deps.extractor,
    maxInputBytes: deps.maxInputBytes,
    fetch: deps.fetch,
  };
  const items: FeedItemResult[] = [];
  for (const item of fresh) items.push(await storeItem(item, fetched.finalUrl, ingest));

  const stored = items.filter((item) => item.status !== "failed").map((item) => item.id);
  const cursor = advanceCursor(feed.cursor, stored);
  const firstFailure = items.find((item) => item.status === "failed")?.error ?? null;
  if (firstFailure !== null && stored.length === 0) {
    const error = new SitrepError(firstFailure.code, `${feed.url}: no new item could be stored; the first: ${firstFailure.message}`, {
      input: feed.url,
    });
    return fail(error, items);
  }
  const complete = firstFailure === null;
  const status: FeedPollStatus = complete ? "ok" : "partial";
  await deps.store.feeds.recordPoll(feed.url, {
    lastPolledAt: polledAt,
    lastStatus: status,
    lastErrorCode: firstFailure?.code ?? null,
    lastError: firstFailure?.message ?? null,
    failures: 0,
    nextAttemptAt: null,
    cursor,
    // With an item left to retry, the next poll must get the whole feed again, not a 304.
    ...(complete ? { etag: fetched.etag, lastModified: fetched.lastModified } : { etag: null, lastModified: null }),
  });
  return { ...base, status, items, error: firstFailure, failures: 0, nextAttemptAt: null };
}

/** Codes that mean the text was read but could not be stored: the item's own content would fail the same way. */
const STORE_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["STORE_WRITE_FAILED", "EXTRACT_FAILED"]);

async function storeItem(item: FeedItem, feedUrl: string, deps: IngestDependencies): Promise<FeedItemResult> {
  let articleFailure: IngestItemResult | null = null;
  if (item.link !== null) {
    const read = await readSource({ kind: "url", origin: item.link }, deps.maxInputBytes, { fetch: deps.fetch });
    if (read.ok) {
      const result = await ingestBytes({ origin: item.link, bytes: read.bytes, fileName: read.fileName, url: read.url }, deps);
      if (result.status !== "failed" || (result.error !== null && STORE_FAILURES.has(result.error.code))) {
        return itemResult(item, result, "article", null);
      }
      articleFailure = result;
    } else {
      articleFailure = { ...emptyResult(item.link), status: "failed", error: describe(read.error) };
    }
  }
  const html = itemHtml(item);
  if (html === null) {
    const error =
      articleFailure?.error ?? describe(new SitrepError("INPUT_EMPTY", `feed item ${item.id} has no link and no text`, { input: feedUrl }));
    return itemResult(item, { ...emptyResult(item.link ?? feedUrl), status: "failed", error }, null, articleFailure?.error ?? null);
  }
  const origin = item.link ?? `${feedUrl}#${item.id}`;
  const result = await ingestBytes({ origin, bytes: new TextEncoder().encode(html), url: feedUrl, fileName: "item.html" }, deps);
  return itemResult(item, result, "feed", articleFailure?.error ?? null);
}

function emptyResult(origin: string): IngestItemResult {
  return { origin, status: "failed", documentId: null, title: null, events: 0, figures: 0, error: null };
}

function itemResult(
  item: FeedItem,
  result: IngestItemResult,
  source: "article" | "feed" | null,
  linkError: FeedItemResult["linkError"],
): FeedItemResult {
  return {
    id: item.id,
    title: item.title,
    link: item.link,
    status: result.status,
    source: result.status === "failed" ? null : source,
    documentId: result.documentId,
    events: result.events,
    error: result.error,
    linkError,
  };
}

/**
 * The item's own text as a small HTML page, so the HTML converter (markup removed, text nodes only)
 * reads it and the publication date reaches the Document through the Open Graph meta it reads.
 * The feed's HTML is inserted as markup, never run: the converter removes scripts and reads text.
 */
function itemHtml(item: FeedItem): string | null {
  const body = item.content ?? item.summary;
  if (body === null || body.trim() === "") return null;
  const title = item.title === null ? "" : escapeHtml(item.title);
  const published = item.published === null ? "" : `<meta property="article:published_time" content="${escapeHtml(item.published)}">`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${published}</head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function describe(error: SitrepError): { code: ErrorCode; message: string } {
  return { code: error.code, message: error.message };
}
