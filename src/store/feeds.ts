// The followed feeds (migration 0005_feeds), reached through Store.feeds. The table is typed here
// with Kysely's withTables rather than in ./schema.ts, so the feed code stays in its own files.
// Polling logic lives in src/feeds/; this file only reads and writes rows.
import type { Kysely } from "kysely";
import type { Database } from "./schema.ts";

export interface FeedsTable {
  url: string;
  name: string | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  /** JSON array of the ids of items already stored. */
  cursor: string;
  last_polled_at: string | null;
  last_status: string | null;
  last_error_code: string | null;
  last_error: string | null;
  failures: number;
  next_attempt_at: string | null;
}

export type FeedPollStatus = "ok" | "not-modified" | "partial" | "failed";

export interface FeedRecord {
  readonly url: string;
  readonly name: string | null;
  /** ISO 8601 UTC. */
  readonly addedAt: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** Ids of the items already stored, oldest first. */
  readonly cursor: readonly string[];
  readonly lastPolledAt: string | null;
  readonly lastStatus: FeedPollStatus | null;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  /** Failed polls in a row; 0 after a good one. */
  readonly failures: number;
  /** Before this instant the feed is not polled (back-off); null when it may be polled now. */
  readonly nextAttemptAt: string | null;
}

/** What one poll changes; fields left out keep their stored value. */
export interface FeedPollUpdate {
  readonly lastPolledAt: string;
  readonly lastStatus: FeedPollStatus;
  readonly lastErrorCode: string | null;
  readonly lastError: string | null;
  readonly failures: number;
  readonly nextAttemptAt: string | null;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly cursor?: readonly string[];
}

export interface FeedRepository {
  /** Follows a feed; a URL already followed keeps its state and only takes the new name, if one is given. */
  addFeed(url: string, name: string | null): Promise<{ readonly feed: FeedRecord; readonly added: boolean }>;
  /** Ordered by when they were added, then URL. */
  listFeeds(): Promise<FeedRecord[]>;
  /** By URL, or else by name. */
  findFeed(urlOrName: string): Promise<FeedRecord | null>;
  /** False when no feed has that URL. */
  removeFeed(url: string): Promise<boolean>;
  recordPoll(url: string, update: FeedPollUpdate): Promise<void>;
}

const FEED_POLL_STATUSES: ReadonlySet<string> = new Set<FeedPollStatus>(["ok", "not-modified", "partial", "failed"]);

function rowToFeed(row: FeedsTable): FeedRecord {
  return {
    url: row.url,
    name: row.name,
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    cursor: parseCursor(row.cursor),
    lastPolledAt: row.last_polled_at,
    lastStatus: row.last_status !== null && FEED_POLL_STATUSES.has(row.last_status) ? (row.last_status as FeedPollStatus) : null,
    lastErrorCode: row.last_error_code,
    lastError: row.last_error,
    failures: Number(row.failures),
    nextAttemptAt: row.next_attempt_at,
  };
}

function parseCursor(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === "string") : [];
  } catch {
    return [];
  }
}

export class KyselyFeedRepository implements FeedRepository {
  readonly #db: Kysely<Database & { feeds: FeedsTable }>;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db.withTables<{ feeds: FeedsTable }>();
    this.#now = now;
  }

  async addFeed(url: string, name: string | null): Promise<{ feed: FeedRecord; added: boolean }> {
    return this.#db.transaction().execute(async (transaction) => {
      const existing = await transaction.selectFrom("feeds").selectAll().where("url", "=", url).executeTakeFirst();
      if (existing !== undefined) {
        if (name === null || name === existing.name) return { feed: rowToFeed(existing), added: false };
        await transaction.updateTable("feeds").set({ name }).where("url", "=", url).execute();
        return { feed: rowToFeed({ ...existing, name }), added: false };
      }
      const row: FeedsTable = {
        url,
        name,
        added_at: this.#now().toISOString(),
        etag: null,
        last_modified: null,
        cursor: "[]",
        last_polled_at: null,
        last_status: null,
        last_error_code: null,
        last_error: null,
        failures: 0,
        next_attempt_at: null,
      };
      await transaction.insertInto("feeds").values(row).execute();
      return { feed: rowToFeed(row), added: true };
    });
  }

  async listFeeds(): Promise<FeedRecord[]> {
    const rows = await this.#db.selectFrom("feeds").selectAll().orderBy("added_at").orderBy("url").execute();
    return rows.map(rowToFeed);
  }

  async findFeed(urlOrName: string): Promise<FeedRecord | null> {
    const byUrl = await this.#db.selectFrom("feeds").selectAll().where("url", "=", urlOrName).executeTakeFirst();
    if (byUrl !== undefined) return rowToFeed(byUrl);
    const byName = await this.#db.selectFrom("feeds").selectAll().where("name", "=", urlOrName).orderBy("added_at").executeTakeFirst();
    return byName === undefined ? null : rowToFeed(byName);
  }

  async removeFeed(url: string): Promise<boolean> {
    const result = await this.#db.deleteFrom("feeds").where("url", "=", url).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async recordPoll(url: string, update: FeedPollUpdate): Promise<void> {
    await this.#db
      .updateTable("feeds")
      .set({
        last_polled_at: update.lastPolledAt,
        last_status: update.lastStatus,
        last_error_code: update.lastErrorCode,
        last_error: update.lastError,
        failures: update.failures,
        next_attempt_at: update.nextAttemptAt,
        ...(update.etag === undefined ? {} : { etag: update.etag }),
        ...(update.lastModified === undefined ? {} : { last_modified: update.lastModified }),
        ...(update.cursor === undefined ? {} : { cursor: JSON.stringify(update.cursor) }),
      })
      .where("url", "=", url)
      .execute();
  }
}
