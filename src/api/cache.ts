// Answers of the routes a dashboard asks on every filter change (the event list, the map, the
// timeline), kept while the database is unchanged. Node answers one request at a time per
// process, so 50 clients asking for the same view wait for 50 computations of it; an answer
// read under one store version (Store.version: it moves with any write, by this process or
// another) is still the answer while the version is the same, and is sent again as it was.
// Nothing is ever served across a write: each request reads the version first, and an entry of
// another version is dropped. Bounded by entries and bytes, least recently used first out.
import type { MiddlewareHandler } from "hono";
import type { Store } from "../store/store.ts";

interface Entry {
  readonly version: string;
  readonly body: string;
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
    this.#bytes += entry.body.length;
    return entry;
  }

  set(key: string, entry: Entry): void {
    if (entry.body.length > this.#limits.bytes) return;
    const old = this.#entries.get(key);
    if (old !== undefined) this.#remove(key, old);
    this.#entries.set(key, entry);
    this.#bytes += entry.body.length;
    for (const [oldest, value] of this.#entries) {
      if (this.#entries.size <= this.#limits.entries && this.#bytes <= this.#limits.bytes) break;
      this.#remove(oldest, value);
    }
  }

  #remove(key: string, entry: Entry): void {
    this.#entries.delete(key);
    this.#bytes -= entry.body.length;
  }
}

/**
 * Serves GET answers of the routes it is mounted on from `cache` while the store's version is
 * unchanged; marks each answer sent again `Cache-Status: sitrep; hit`, each kept `sitrep; fwd=miss; stored` (RFC 9211).
 */
export function cachedAnswers(store: Store, cache: AnswerCache): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET") return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}`;
    const version = await store.version();
    const hit = cache.get(key, version);
    if (hit !== undefined) return c.body(hit.body, 200, { "Content-Type": hit.contentType, "Cache-Status": "sitrep; hit" });
    await next();
    const contentType = c.res.headers.get("Content-Type") ?? "";
    if (c.res.status === 200 && contentType.startsWith("application/json")) {
      cache.set(key, { version, body: await c.res.clone().text(), contentType });
      c.res.headers.set("Cache-Status", "sitrep; fwd=miss; stored");
    }
  };
}
