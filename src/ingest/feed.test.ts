import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseFeed, type FeedResult } from "./feed.ts";
import { parseXml } from "./xml.ts";

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Sahel Observer &#8211; Security</title>
    <link>https://sahel-observer.example/</link>
    <description>Latest reports</description>
    <item>
      <title>Convoy ambushed near Gao</title>
      <link>/2025/06/convoy-gao.html</link>
      <guid isPermaLink="false">urn:sahel:4411</guid>
      <pubDate>Sat, 07 Jun 2025 14:20:00 GMT</pubDate>
      <description>&lt;p&gt;Gunmen ambushed a convoy &amp;amp; killed 12 soldiers.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Gunmen ambushed a <b>convoy</b> near Gao.</p>]]></content:encoded>
    </item>
    <item>
      <title>Curfew in Menaka</title>
      <link>https://sahel-observer.example/2025/06/curfew.html</link>
      <dc:date>2025-06-06T08:00:00+01:00</dc:date>
    </item>
    <item>
      <title>A link the fetcher must never be asked for</title>
      <link>file:///etc/passwd</link>
    </item>
  </channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Lake Chad Monitor</title>
  <link rel="self" href="https://monitor.example/feed.atom"/>
  <link href="https://monitor.example/"/>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2025-06-08T10:00:00Z</updated>
  <entry>
    <title>Boko Haram raid on Gwoza outskirts</title>
    <link rel="alternate" type="text/html" href="https://monitor.example/2025/06/gwoza"/>
    <link rel="edit" href="https://monitor.example/edit/1"/>
    <id>tag:monitor.example,2025:gwoza</id>
    <published>2025-06-07T22:15:00-01:00</published>
    <updated>2025-06-08T09:00:00Z</updated>
    <summary>Fighters raided villages near Gwoza overnight.</summary>
    <content type="html">&lt;p&gt;Fighters raided villages.&lt;/p&gt;</content>
  </entry>
</feed>`;

function feedOf(result: FeedResult): Extract<FeedResult, { ok: true }>["feed"] {
  assert.equal(result.ok, true, result.ok ? "" : result.error.message);
  if (!result.ok) throw new Error("unreachable");
  return result.feed;
}

describe("parseFeed", () => {
  test("RSS 2.0: channel and items, relative links resolved, escaped HTML left for the HTML converter", () => {
    const feed = feedOf(parseFeed(RSS, "https://sahel-observer.example/rss.xml", { baseUrl: "https://sahel-observer.example/rss.xml" }));
    assert.equal(feed.format, "rss");
    assert.equal(feed.title, "Sahel Observer – Security");
    assert.deepEqual(
      feed.items.map((item) => [item.id, item.link, item.published]),
      [
        ["urn:sahel:4411", "https://sahel-observer.example/2025/06/convoy-gao.html", "2025-06-07T14:20:00.000Z"],
        [
          "https://sahel-observer.example/2025/06/curfew.html",
          "https://sahel-observer.example/2025/06/curfew.html",
          "2025-06-06T07:00:00.000Z",
        ],
        ["A link the fetcher must never be asked for", null, null],
      ],
    );
    const [first] = feed.items;
    assert.equal(first?.summary, "<p>Gunmen ambushed a convoy &amp; killed 12 soldiers.</p>");
    assert.equal(first?.content, "<p>Gunmen ambushed a <b>convoy</b> near Gao.</p>");
  });

  test("Atom: the alternate link, the entry id, published before updated", () => {
    const feed = feedOf(parseFeed(ATOM, "https://monitor.example/feed.atom"));
    assert.equal(feed.format, "atom");
    assert.equal(feed.title, "Lake Chad Monitor");
    assert.equal(feed.link, "https://monitor.example/");
    assert.deepEqual(feed.items, [
      {
        id: "tag:monitor.example,2025:gwoza",
        title: "Boko Haram raid on Gwoza outskirts",
        link: "https://monitor.example/2025/06/gwoza",
        published: "2025-06-07T23:15:00.000Z",
        summary: "Fighters raided villages near Gwoza overnight.",
        content: "<p>Fighters raided villages.</p>",
      },
    ]);
  });

  test("an entity bomb is refused at its DOCTYPE, fast, with nothing expanded", () => {
    const lol = ["<!ENTITY lol0 'lol'>"];
    for (let level = 1; level < 10; level += 1) lol.push(`<!ENTITY lol${level} '${`&lol${level - 1};`.repeat(10)}'>`);
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${lol.join("\n")}\n]>\n<rss version="2.0"><channel><title>&lol9;</title></channel></rss>`;
    // Refused at the declaration: the message quotes no expansion (a billion "lol"s would show).
    const result = parseFeed(bomb, "bomb.xml");
    assert.equal(result.ok ? null : result.error.code, "FEED_DOCTYPE_REFUSED");
    assert.ok(!result.ok && result.error.message.length < 500);
  });

  test("an external entity (XXE) and an undeclared entity are refused", () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><title>&xxe;</title></channel></rss>`;
    const refused = parseFeed(xxe, "xxe.xml");
    assert.equal(refused.ok ? null : refused.error.code, "FEED_DOCTYPE_REFUSED");
    const undeclared = parseFeed(`<rss><channel><title>&xxe;</title></channel></rss>`, "undeclared.xml");
    assert.equal(undeclared.ok ? null : undeclared.error.code, "FEED_INVALID");
  });

  // No timed assertion here (a shared machine makes any bound flaky): the output's length shows
  // that each reference became one character, nothing more.
  test("a million character references cost one character each", () => {
    const body = "&#65;".repeat(1_000_000);
    const feed = feedOf(parseFeed(`<rss><channel><item><title>${body}</title><guid>x</guid></item></channel></rss>`, "many.xml"));
    assert.equal(feed.items[0]?.title?.length, 1_000_000);
    assert.equal(feed.items[0]?.title, "A".repeat(1_000_000));
  });

  test("malformed feeds fail with FEED_INVALID and say where", () => {
    const cases: Record<string, RegExp> = {
      "<rss><channel><item><title>unclosed</channel></rss>": /unexpected closing tag/,
      "<rss><channel>": /never closed/,
      "": /no root element/,
      "just text": /text outside the root/,
      "<rss><channel><title>a & b</title></channel></rss>": /bare "&"/,
      "<rss version=2.0><channel/></rss>": /not quoted/,
      "<rss/><rss/>": /second root/,
      "<html><body>not a feed</body></html>": /not an RSS 2.0 or Atom feed/,
      "<rss><title>no channel</title></rss>": /without a <channel>/,
      "<rss><channel><title>&#0;</title></channel></rss>": /not a character XML allows/,
    };
    for (const [text, reason] of Object.entries(cases)) {
      const result = parseFeed(text, "bad.xml");
      assert.equal(result.ok ? null : result.error.code, "FEED_INVALID", text);
      assert.match(result.ok ? "" : result.error.message, reason, text);
    }
  });

  test("nesting is bounded", () => {
    const deep = `${"<a>".repeat(200)}${"</a>".repeat(200)}`;
    const result = parseXml(deep);
    assert.equal(result.ok, false);
    assert.match(result.ok ? "" : result.reason, /deeper than 128/);
  });

  test("maxItems bounds the items read", () => {
    const items = Array.from({ length: 20 }, (_, index) => `<item><guid>${index}</guid></item>`).join("");
    const feed = feedOf(parseFeed(`<rss><channel>${items}</channel></rss>`, "long.xml", { maxItems: 5 }));
    assert.deepEqual(
      feed.items.map((item) => item.id),
      ["0", "1", "2", "3", "4"],
    );
  });
});
