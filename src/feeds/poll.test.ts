// Feed polling against the project's own HTTP server on loopback (no network, STYLE.md practice
// 8), reached through the fetcher's explicit allow-list. Each test has a fresh store; the clock
// is injected so back-off is checked without waiting.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, afterEach, before, beforeEach, describe, test } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import { RuleExtractor } from "../extract/extractor.ts";
import { openStore, type Store } from "../store/store.ts";
import { pollFeeds, watchFeeds, type FeedPollResult, type PollDependencies } from "./poll.ts";

function article(title: string, sentence: string): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
<p>${sentence}</p><p>Officials gave no further details about what had happened that day.</p></article></body></html>`;
}

const ARTICLES: Readonly<Record<string, string>> = {
  "/news/gao.html": article(
    "Convoy ambushed near Gao",
    "GAO, Mali, 14 March 2025 - Gunmen ambushed a military convoy near Gao on Thursday, killing at least 12 soldiers, the army said.",
  ),
  "/news/menaka.html": article(
    "Market bombed in Menaka",
    "MENAKA, Mali, 15 March 2025 - A bomb exploded in the central market of Menaka on Friday, killing four traders, residents said.",
  ),
  "/news/kidal.html": article(
    "Drone strike near Kidal",
    "KIDAL, Mali, 17 March 2025 - A drone strike hit a vehicle near Kidal on Monday, killing three people, local officials said.",
  ),
};

function rssItem(guid: string, path: string, title: string): string {
  return `<item><title>${title}</title><link>${path}</link><guid isPermaLink="false">${guid}</guid>
<pubDate>Sat, 15 Mar 2025 10:00:00 GMT</pubDate><description>${title}.</description></item>`;
}

function rss(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Sahel Observer</title><link>/</link>${items.join("\n")}</channel></rss>`;
}

// Atom whose links lead nowhere (404): the entries' own content is what gets stored.
const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lake Chad Monitor</title><id>urn:monitor</id><updated>2025-06-08T10:00:00Z</updated>
  <entry>
    <title>Raid on Gwoza outskirts</title><id>tag:monitor.example,2025:gwoza</id>
    <link href="/gone/gwoza"/>
    <published>2025-06-07T22:15:00Z</published>
    <content type="html">&lt;p&gt;GWOZA, Nigeria, 7 June 2025 - Boko Haram fighters raided two villages near Gwoza overnight, killing nine farmers, a local official said.&lt;/p&gt;</content>
  </entry>
</feed>`;

const MALFORMED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Never closed</channel></rss>`;

const lol = ["<!ENTITY lol0 'lol'>"];
for (let level = 1; level < 10; level += 1) lol.push(`<!ENTITY lol${level} '${`&lol${level - 1};`.repeat(10)}'>`);
const BOMB = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${lol.join("\n")}\n]>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;

interface FeedRoute {
  body: string;
  etag?: string;
  lastModified?: string;
  status?: number;
}

const routes = new Map<string, FeedRoute>();
const requests: { path: string; ifNoneMatch: string | null; ifModifiedSince: string | null }[] = [];
let server: Server;
let port = 0;
let directory: string;
let store: Store;
let clock = new Date("2025-03-20T12:00:00.000Z");

function handle(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? "/";
  const ifNoneMatch = request.headers["if-none-match"] ?? null;
  const ifModifiedSince = request.headers["if-modified-since"] ?? null;
  requests.push({ path, ifNoneMatch, ifModifiedSince });
  const page = ARTICLES[path];
  if (page !== undefined) {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(page);
    return;
  }
  const feed = routes.get(path);
  if (feed === undefined) {
    response.writeHead(404).end("not here");
    return;
  }
  if (feed.status !== undefined) {
    response.writeHead(feed.status).end("server trouble");
    return;
  }
  const headers: Record<string, string> = { "content-type": "application/rss+xml; charset=utf-8" };
  if (feed.etag !== undefined) headers.etag = feed.etag;
  if (feed.lastModified !== undefined) headers["last-modified"] = feed.lastModified;
  const unchanged =
    (feed.etag !== undefined && ifNoneMatch === feed.etag) ||
    (feed.etag === undefined && feed.lastModified !== undefined && ifModifiedSince === feed.lastModified);
  if (unchanged) {
    response.writeHead(304, headers).end();
    return;
  }
  response.writeHead(200, headers).end(feed.body);
}

function url(path: string): string {
  return `http://127.0.0.1:${port}${path}`;
}

function deps(overrides: Partial<PollDependencies> = {}): PollDependencies {
  return {
    store,
    extractor: new RuleExtractor(),
    maxInputBytes: 1024 * 1024,
    fetch: { allowAddresses: ["127.0.0.1"], timeoutMs: 5000 },
    now: () => clock,
    ...overrides,
  };
}

function byUrl(results: readonly FeedPollResult[], path: string): FeedPollResult {
  const result = results.find((entry) => entry.url === url(path));
  assert.ok(result, `no result for ${path}`);
  return result;
}

before(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(async () => {
  routes.clear();
  requests.length = 0;
  clock = new Date("2025-03-20T12:00:00.000Z");
  directory = mkdtempSync(join(tmpdir(), "sitrep-feeds-"));
  store = await openStore({ path: join(directory, "sitrep.db") });
});

afterEach(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
});

describe("pollFeeds", () => {
  test("RSS 2.0: each new item's article is fetched and stored, the cursor and the ETag kept; the next poll is a 304", async () => {
    routes.set("/rss.xml", {
      body: rss([
        rssItem("urn:so:1", "/news/gao.html", "Convoy ambushed near Gao"),
        rssItem("urn:so:2", "/news/menaka.html", "Market bombed"),
      ]),
      etag: '"v1"',
    });
    await store.feeds.addFeed(url("/rss.xml"), "Sahel Observer");
    const [first] = await pollFeeds(deps());
    assert.equal(first?.status, "ok", JSON.stringify(first?.error));
    assert.deepEqual(
      first.items.map((item) => [item.id, item.status, item.source]),
      [
        ["urn:so:1", "ingested", "article"],
        ["urn:so:2", "ingested", "article"],
      ],
    );
    assert.ok(
      first.items.every((item) => item.events > 0),
      "each article yields its event",
    );
    const stored = await store.feeds.findFeed("Sahel Observer");
    assert.deepEqual(stored?.cursor, ["urn:so:1", "urn:so:2"]);
    assert.equal(stored?.etag, '"v1"');
    assert.equal((await store.summary()).documents, 2);
    const document = (await store.getDocument(first.items[0]?.documentId ?? ""))?.document;
    assert.equal(document?.url, url("/news/gao.html"));

    requests.length = 0;
    const [second] = await pollFeeds(deps());
    assert.equal(second?.status, "not-modified");
    assert.deepEqual(second.items, []);
    assert.deepEqual(requests, [{ path: "/rss.xml", ifNoneMatch: '"v1"', ifModifiedSince: null }]);
  });

  test("Last-Modified is sent back as If-Modified-Since, and a 304 stores nothing", async () => {
    const lastModified = "Wed, 19 Mar 2025 08:00:00 GMT";
    routes.set("/dated.xml", { body: rss([rssItem("urn:so:1", "/news/gao.html", "Convoy")]), lastModified });
    await store.feeds.addFeed(url("/dated.xml"), null);
    assert.equal((await pollFeeds(deps()))[0]?.status, "ok");
    assert.equal((await store.feeds.findFeed(url("/dated.xml")))?.lastModified, lastModified);
    requests.length = 0;
    assert.equal((await pollFeeds(deps()))[0]?.status, "not-modified");
    assert.equal(requests[0]?.ifModifiedSince, lastModified);
    assert.equal((await store.summary()).documents, 1);
  });

  test("items repeated across polls are stored once: by the cursor, and by content when the id changes", async () => {
    routes.set("/rss.xml", { body: rss([rssItem("urn:so:1", "/news/gao.html", "Convoy")]), etag: '"v1"' });
    await store.feeds.addFeed(url("/rss.xml"), null);
    await pollFeeds(deps());
    routes.set("/rss.xml", {
      body: rss([
        rssItem("urn:so:3", "/news/kidal.html", "Drone strike"),
        rssItem("urn:so:1", "/news/gao.html", "Convoy"),
        // The same story re-published under a new guid: the text is the same document.
        rssItem("urn:so:1-updated", "/news/gao.html", "Convoy (updated)"),
      ]),
      etag: '"v2"',
    });
    const [second] = await pollFeeds(deps());
    assert.equal(second?.status, "ok");
    assert.deepEqual(
      second.items.map((item) => [item.id, item.status]),
      [
        ["urn:so:3", "ingested"],
        ["urn:so:1-updated", "unchanged"],
      ],
    );
    assert.equal((await store.summary()).documents, 2);
    assert.deepEqual((await store.feeds.findFeed(url("/rss.xml")))?.cursor, ["urn:so:1", "urn:so:3", "urn:so:1-updated"]);
  });

  test("Atom: an entry whose link cannot be fetched is stored from its own content, dated by the entry", async () => {
    routes.set("/atom.xml", { body: ATOM });
    await store.feeds.addFeed(url("/atom.xml"), null);
    const [result] = await pollFeeds(deps());
    assert.equal(result?.status, "ok", JSON.stringify(result?.error));
    assert.equal(result.items[0]?.source, "feed");
    assert.equal(result.items[0]?.status, "ingested");
    const stored = await store.getDocument(result.items[0]?.documentId ?? "");
    assert.match(stored?.document.text ?? "", /raided two villages near Gwoza/);
    assert.equal(stored?.document.publishedDate, "2025-06-07");
    assert.equal(stored?.document.title, "Raid on Gwoza outskirts");
  });

  test("an item linking to a blocked address is never fetched: it is stored from its own text, and the refusal reported", async () => {
    // A listener on another loopback address, outside the test's allow-list (127.0.0.1 only):
    // the fetcher must refuse the links to it, and to the cloud-metadata and private addresses,
    // before connecting.
    const blocked = createServer((_request, response) =>
      response.writeHead(200, { "content-type": "text/html" }).end(ARTICLES["/news/gao.html"]),
    );
    let connections = 0;
    blocked.on("connection", () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => blocked.listen(0, "127.0.0.2", resolve));
    try {
      const blockedPort = (blocked.address() as AddressInfo).port;
      const links = [
        `http://127.0.0.2:${blockedPort}/news/gao.html`,
        "http://169.254.169.254/latest/meta-data/",
        "http://10.20.30.40/news.html",
      ];
      routes.set("/rss.xml", {
        body: rss(links.map((link, index) => rssItem(`urn:blocked:${index}`, link, `Gunmen ambushed a convoy near Gao, item ${index}`))),
      });
      await store.feeds.addFeed(url("/rss.xml"), null);
      const [result] = await pollFeeds(deps());
      assert.equal(result?.status, "ok", JSON.stringify(result?.error));
      assert.deepEqual(
        result.items.map((item) => [item.status, item.source, item.linkError?.code]),
        links.map(() => ["ingested", "feed", "URL_BLOCKED"]),
      );
      assert.equal(connections, 0, "no connection reached the blocked listener");
      assert.deepEqual(
        requests.map((request) => request.path),
        ["/rss.xml"],
      );
    } finally {
      await new Promise<void>((resolve) => blocked.close(() => resolve()));
    }
  });

  test("a malformed feed and a failing server are reported with codes and backed off, without stopping a good feed", async () => {
    routes.set("/broken.xml", { body: MALFORMED });
    routes.set("/down.xml", { body: "", status: 503 });
    routes.set("/rss.xml", { body: rss([rssItem("urn:so:1", "/news/gao.html", "Convoy")]), etag: '"v1"' });
    await store.feeds.addFeed(url("/broken.xml"), null);
    await store.feeds.addFeed(url("/down.xml"), null);
    await store.feeds.addFeed(url("/rss.xml"), null);

    const first = await pollFeeds(deps());
    assert.equal(byUrl(first, "/broken.xml").status, "failed");
    assert.equal(byUrl(first, "/broken.xml").error?.code, "FEED_INVALID");
    assert.equal(byUrl(first, "/down.xml").error?.code, "FETCH_FAILED");
    assert.match(byUrl(first, "/down.xml").error?.message ?? "", /HTTP 503/);
    assert.equal(byUrl(first, "/down.xml").nextAttemptAt, "2025-03-20T12:05:00.000Z");
    assert.equal(byUrl(first, "/rss.xml").status, "ok");
    const broken = await store.feeds.findFeed(url("/broken.xml"));
    assert.equal(broken?.failures, 1);
    assert.equal(broken?.lastErrorCode, "FEED_INVALID");

    // Within the back-off the failing feeds are not requested at all.
    requests.length = 0;
    clock = new Date("2025-03-20T12:04:00.000Z");
    const second = await pollFeeds(deps());
    assert.equal(byUrl(second, "/broken.xml").status, "skipped");
    assert.deepEqual(
      requests.map((request) => request.path),
      ["/rss.xml"],
    );

    // After it, they are tried again and the wait doubles.
    clock = new Date("2025-03-20T12:06:00.000Z");
    const third = await pollFeeds(deps());
    assert.equal(byUrl(third, "/down.xml").failures, 2);
    assert.equal(byUrl(third, "/down.xml").nextAttemptAt, "2025-03-20T12:16:00.000Z");

    // A feed that recovers is back to no failures.
    routes.set("/down.xml", { body: rss([rssItem("urn:so:2", "/news/menaka.html", "Market")]) });
    const fourth = await pollFeeds(deps(), { force: true });
    assert.equal(byUrl(fourth, "/down.xml").status, "ok");
    assert.equal((await store.feeds.findFeed(url("/down.xml")))?.failures, 0);
    assert.equal((await store.feeds.findFeed(url("/down.xml")))?.nextAttemptAt, null);
  });

  test("an entity-bomb feed is refused at its DOCTYPE, with nothing expanded or stored", async () => {
    routes.set("/bomb.xml", { body: BOMB });
    await store.feeds.addFeed(url("/bomb.xml"), null);
    const [result] = await pollFeeds(deps());
    assert.equal(result?.status, "failed");
    assert.equal(result.error?.code, "FEED_DOCTYPE_REFUSED");
    assert.ok((result.error?.message.length ?? 0) < 500, "the message holds no expansion");
    assert.equal((await store.summary()).documents, 0);
  });

  test("the cursor is not advanced when storing fails, and the items are stored on the next poll", async () => {
    routes.set("/rss.xml", {
      body: rss([rssItem("urn:so:1", "/news/gao.html", "Convoy"), rssItem("urn:so:2", "/news/menaka.html", "Market")]),
      etag: '"v1"',
    });
    await store.feeds.addFeed(url("/rss.xml"), null);
    const path = join(directory, "sitrep.db");
    // Another connection makes every document write fail, as a full disk would.
    const raw = new BetterSqlite3(path);
    raw.exec("create trigger refuse_documents before insert on documents begin select raise(abort, 'disk full'); end");
    const [failed] = await pollFeeds(deps());
    assert.equal(failed?.status, "failed");
    assert.equal(failed.error?.code, "STORE_WRITE_FAILED");
    assert.deepEqual(
      failed.items.map((item) => item.status),
      ["failed", "failed"],
    );
    let feed = await store.feeds.findFeed(url("/rss.xml"));
    assert.deepEqual(feed?.cursor, []);
    assert.equal(feed?.etag, null, "no validator kept, so the next poll gets the whole feed");

    raw.exec("drop trigger refuse_documents");
    raw.close();
    const [retried] = await pollFeeds(deps(), { force: true });
    assert.equal(retried?.status, "ok");
    feed = await store.feeds.findFeed(url("/rss.xml"));
    assert.deepEqual(feed?.cursor, ["urn:so:1", "urn:so:2"]);
    assert.equal((await store.summary()).documents, 2);
  });

  test("without the allow-list the loopback feed is refused and never requested", async () => {
    routes.set("/rss.xml", { body: rss([]) });
    await store.feeds.addFeed(url("/rss.xml"), null);
    const [result] = await pollFeeds(deps({ fetch: { timeoutMs: 5000 } }));
    assert.equal(result?.error?.code, "URL_BLOCKED");
    assert.deepEqual(requests, []);
  });
});

describe("watchFeeds", () => {
  test("polls once per interval until the signal aborts", async () => {
    routes.set("/rss.xml", { body: rss([rssItem("urn:so:1", "/news/gao.html", "Convoy")]), etag: '"v1"' });
    await store.feeds.addFeed(url("/rss.xml"), null);
    const controller = new AbortController();
    const slept: number[] = [];
    const statuses: string[] = [];
    const rounds = await watchFeeds(
      deps(),
      15 * 60_000,
      controller.signal,
      async (ms) => {
        slept.push(ms);
        if (slept.length === 2) controller.abort();
      },
      (results) => statuses.push(...results.map((result) => result.status)),
    );
    // Round, sleep, round, sleep (aborted during it): no third round.
    assert.equal(rounds, 2);
    assert.deepEqual(slept, [900_000, 900_000]);
    assert.deepEqual(statuses, ["ok", "not-modified"]);
  });

  test("polls without a round callback too (as `feeds poll --every` calls it)", async () => {
    routes.set("/rss.xml", { body: rss([rssItem("urn:so:1", "/news/gao.html", "Convoy")]) });
    await store.feeds.addFeed(url("/rss.xml"), null);
    const controller = new AbortController();
    const rounds = await watchFeeds(deps(), 60_000, controller.signal, async () => controller.abort());
    assert.equal(rounds, 1);
    assert.equal((await store.feeds.findFeed(url("/rss.xml")))?.lastStatus, "ok");
    assert.equal((await store.summary()).documents, 1);
  });
});
