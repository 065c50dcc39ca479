// Answers of the routes a dashboard asks on every filter change (the event list, the map, the
// timeline), kept while the database is unchanged. Node answers one request at a time per
// process, so 50 clients asking for the same view wait for 50 computations of it; an answer
// read under one store version (Store.version: it moves with any write, by this process or
// another) is still the answer while the version is the same, and is sent again as it was.
// Nothing is ever served across a write: each request reads the version first, and an entry of
// another version is dropped. Bounded by entries and bytes, least recently used first out.
//
// A kept answer is sent twice over: by the app's middleware (`cachedAnswers`, for requests made
// through `app.request()`), and by the server before the app is reached (`answerFromCache`): a
// request through the app builds a web Request, its abort signal and body stream and runs every
// middleware, about 1 ms of CPU, and 50 clients asking for the same page waited for 50 of those.
// Sent from node:http directly, a kept answer costs the version read and one socket write.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { MiddlewareHandler } from "hono";
import type { Store } from "../store/store.ts";

interface Entry {
  readonly version: string;
  /** UTF-8, encoded once when kept. */
  readonly body: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
}

export interface AnswerCacheLimits {
  readonly entries: number;
  readonly bytes: number;
}

export const DEFAULT_CACHE_LIMITS: AnswerCacheLimits = { entries: 1000, bytes: 64 * 1024 * 1024 };

export class AnswerCache {
  readonly #entries = new Map<string, Entry>();
  readonly #limits: AnswerCacheLimits;
  #bytes = 0;

  constructor(limits: AnswerCacheLimits = DEFAULT_CACHE_LIMITS) {
    this.#limits = limits;
  }

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, version: string): Entry | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#remove(key, entry);
    if (entry.version !== version) return undefined;
    // Most recently used last.
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.body.byteLength > this.#limits.bytes) return;
    const old = this.#entries.get(key);
    if (old !== undefined) this.#remove(key, old);
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest, value] of this.#entries) {
      if (this.#entries.size <= this.#limits.entries && this.#bytes <= this.#limits.bytes) break;
      this.#remove(oldest, value);
    }
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.byteLength;
  }
}

/**
 * Serves GET answers of the routes it is mounted on from `cache` while the store's version is
 * unchanged; marks each answer sent again `Cache-Status: sitrep; hit`, each kept `sitrep; fwd=miss; stored` (RFC 9211).
 */
export function cachedAnswers(store: Store, cache: AnswerCache): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET") return next();
    const key = answerKey(c.req.url);
    const version = await store.version();
    const hit = cache.get(key, version);
    if (hit !== undefined) return c.body(hit.body, 200, { "Content-Type": hit.contentType, "Cache-Status": "sitrep; hit" });
    await next();
    const contentType = c.res.headers.get("Content-Type") ?? "";
    if (c.res.status === 200 && contentType.startsWith("application/json")) {
      // Read once and sent from the bytes kept (a clone of the response would tee its stream).
      const body = new Uint8Array(await c.res.arrayBuffer());
      cache.set(key, { version, body, contentType });
      const headers = new Headers(c.res.headers);
      headers.set("Cache-Status", "sitrep; fwd=miss; stored");
      c.res = new Response(body, { status: 200, headers });
    }
  };
}

/** The cache key of a request URL: its path and query as the WHATWG URL parser normalises them. */
function answerKey(url: string): string {
  const parsed = new URL(url, "http://localhost");
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * Sends a kept answer for a GET of one of `paths` straight from node:http, with `headers` (the
 * app's security headers) and the same Cache-Status as the middleware; resolves false, having
 * sent nothing, when there is none for the store's current version (the app then answers).
 */
export async function answerFromCache(
  store: Store,
  cache: AnswerCache,
  paths: ReadonlySet<string>,
  headers: Readonly<Record<string, string>>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<boolean> {
  // Origin-form targets only ("/api/events?..."): anything else is the app's to answer or refuse.
  if (request.method !== "GET" || request.url === undefined || !request.url.startsWith("/") || request.url.startsWith("//")) return false;
  const key = answerKey(request.url);
  const query = key.indexOf("?");
  if (!paths.has(query === -1 ? key : key.slice(0, query))) return false;
  const hit = cache.get(key, await store.version());
  if (hit === undefined) return false;
  response.writeHead(200, {
    ...headers,
    "Content-Type": hit.contentType,
    "Content-Length": hit.body.byteLength,
    "Cache-Status": "sitrep; hit",
  });
  response.end(hit.body);
  return true;
}
