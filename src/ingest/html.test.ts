import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import { FIXTURE_FOLDER } from "../../test/fixtures/ingest/make-fixtures.ts";
import { convertHtml } from "./html.ts";
import { READABILITY_MAX_ELEMENTS } from "./limits.ts";
import type { DocumentParts } from "./parts.ts";

function partsOf(html: string): DocumentParts {
  const result = convertHtml(html, "page.html");
  if (!result.ok) assert.fail(`${result.error.code}: ${result.error.message}`);
  return result.parts;
}

/** Enough paragraphs for Readability to take the block as an article. */
const BODY_PARAGRAPHS = [
  "Gunmen attacked a checkpoint on the road north of the city late on Monday, killing four soldiers, a provincial official said.",
  "The attackers arrived in two pickup trucks and withdrew after a gunfight that lasted about an hour, according to the official.",
  "No group has claimed responsibility for the attack, the third on a checkpoint in the district this month.",
];

function article(head: string, extraBody = ""): string {
  return `<!doctype html><html><head>${head}</head><body><article>${BODY_PARAGRAPHS.map((text) => `<p>${text}</p>`).join("")}</article>${extraBody}</body></html>`;
}

describe("convertHtml: a hostile news page", () => {
  test("gives the article's paragraphs, one per line, and nothing from scripts, styles, handlers or furniture", async () => {
    const html = await readFile(join(FIXTURE_FOLDER, "article.html"), "utf8");
    const { text } = partsOf(html);

    const lines = text.split("\n");
    assert.equal(lines[0], "Militants claim attack on border post");
    assert.match(lines[1] ?? "", /^An armed group said on Thursday that its fighters had attacked a border post/);
    assert.equal(lines.length, 6, "the headline and five paragraphs, each on its own line");
    // Link text and the text of an element with an event handler are part of the article.
    assert.match(text, /The group made the claim in a statement posted on a messaging channel/);
    assert.match(text, /Several families fled toward the provincial capital, one resident said/);

    const leaks = [
      "INJECTED-SCRIPT-TEXT",
      "TRAILING-SCRIPT-TEXT",
      "STYLE-TEXT",
      "ONERROR-TEXT",
      "LINK-SCRIPT",
      "alert",
      "javascript",
      "steal()",
      "track()",
      "document.write",
      "http",
      "PHOTO-ALT",
      "LOGO-ALT",
      "ADVERTISEMENT",
      "Cheap flights",
      "SIDEBAR-HEADLINE",
      "Most read",
      "NEWSLETTER-TEXT",
      "NOSCRIPT-TEXT",
      "FOOTER-TEXT",
      "Sign in",
      "Home",
      "Privacy",
      "<",
      ">",
    ];
    for (const leak of leaks) assert.ok(!text.includes(leak), `the text holds ${JSON.stringify(leak)}`);
  });

  test("scripts alone are not text: HTML_NO_TEXT", async () => {
    const html = await readFile(join(FIXTURE_FOLDER, "scripts-only.html"), "utf8");
    const result = convertHtml(html, "scripts-only.html");
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, "HTML_NO_TEXT");
      assert.match(result.error.message, /^scripts-only\.html:/);
    }
  });
});

describe("convertHtml: metadata", () => {
  test("title from <title> without the site's name, when og:title is absent", () => {
    const parts = partsOf(
      article(`<title>Checkpoint attacked - The Evening Courier</title><meta property="og:site_name" content="The Evening Courier">`),
    );
    assert.equal(parts.title, "Checkpoint attacked");
    assert.equal(parts.publisher, "The Evening Courier");
  });

  test("og:title wins over <title>", () => {
    const parts = partsOf(article(`<title>Site page</title><meta property="og:title" content="Checkpoint attacked north of the city">`));
    assert.equal(parts.title, "Checkpoint attacked north of the city");
  });

  test("the headline is the title when the page has no <title>", () => {
    const parts = partsOf(
      `<html><body><h1>Four soldiers killed</h1>${BODY_PARAGRAPHS.map((text) => `<p>${text}</p>`).join("")}</body></html>`,
    );
    assert.equal(parts.title, "Four soldiers killed");
  });

  test('published date from <meta name="date">', () => {
    assert.equal(partsOf(article(`<meta name="date" content="2025-02-03">`)).publishedDate, "2025-02-03");
  });

  test("published date from JSON-LD datePublished inside an @graph, with the publisher's name", () => {
    const jsonLd = JSON.stringify({
      "@context": "https://schema.org",
      "@graph": [
        { "@type": "WebSite", name: "Courier" },
        {
          "@type": "NewsArticle",
          datePublished: "2025-03-09T22:15:00-05:00",
          dateModified: "2025-03-11",
          publisher: { "@type": "Organization", name: "The Evening Courier" },
        },
      ],
    });
    const parts = partsOf(article(`<script type="application/ld+json">${jsonLd}</script>`));
    // The date as the publisher wrote it, not converted to UTC (which would be 10 March).
    assert.equal(parts.publishedDate, "2025-03-09");
    assert.equal(parts.publisher, "The Evening Courier");
  });

  test("broken JSON-LD is ignored, not fatal", () => {
    const parts = partsOf(article(`<script type="application/ld+json">{"datePublished": "2025-03-09",</script>`));
    assert.equal(parts.publishedDate, null);
  });

  test("published date from <time datetime> in the article", () => {
    const html = `<html><body><article><time datetime="2025-01-28T09:00:00Z">Tuesday</time>${BODY_PARAGRAPHS.map((text) => `<p>${text}</p>`).join("")}</article></body></html>`;
    assert.equal(partsOf(html).publishedDate, "2025-01-28");
  });

  test("a date that is not a whole calendar date is no date", () => {
    assert.equal(partsOf(article(`<meta property="article:published_time" content="2025-02-30">`)).publishedDate, null);
    assert.equal(partsOf(article(`<meta name="date" content="last Tuesday">`)).publishedDate, null);
  });

  test("url from the canonical link, resolved against og:url; javascript: and data: URLs are refused", () => {
    assert.equal(
      partsOf(article(`<link rel="canonical" href="/world/attack"><meta property="og:url" content="https://courier.example/x">`)).url,
      "https://courier.example/world/attack",
    );
    assert.equal(partsOf(article(`<link rel="canonical" href="javascript:alert(1)">`)).url, null);
    assert.equal(partsOf(article(`<meta property="og:url" content="data:text/html,<script>alert(1)</script>">`)).url, null);
  });

  test("the declared language is passed on as a hint", () => {
    assert.equal(partsOf(article("").replace("<html>", '<html lang="fr-FR">')).declaredLanguage, "fr-FR");
  });
});

describe("convertHtml: structure and fallbacks", () => {
  test("a short page without an <article> gives its body text, minus nav and footer", () => {
    const parts = partsOf(
      `<html><body><nav>Home | World</nav><div>Shelling hit the market.</div><div>Two people were hurt.</div><footer>Copyright</footer></body></html>`,
    );
    assert.equal(parts.text, "Shelling hit the market.\nTwo people were hurt.");
  });

  test("a fragment without <html> or <body> still gives its text (linkedom needs the skeleton)", () => {
    const parts = partsOf(`<title>Brief</title><p>Shelling hit the market.<p>Two people were hurt.`);
    assert.equal(parts.text, "Shelling hit the market.\nTwo people were hurt.");
    assert.equal(parts.title, "Brief");
  });

  test("a page with more elements than Readability is given is read by the linear fallback", () => {
    const filler = "<div><span>.</span></div>".repeat(READABILITY_MAX_ELEMENTS / 2 + 1);
    const parts = partsOf(`<html><body><nav>Home</nav><p>Shelling hit the market.</p>${filler}</body></html>`);
    assert.match(parts.text, /^Shelling hit the market\.\n\.\n/);
    assert.ok(!parts.text.includes("Home"));
  });

  test("elements nested deeper than the call stack goes are read, not a stack overflow", () => {
    const parts = partsOf(`<p>Shelling hit the market.</p>${"<div>".repeat(READABILITY_MAX_ELEMENTS + 10_000)}Deep text.`);
    assert.equal(parts.text, "Shelling hit the market.\nDeep text.");
  });

  test("<br> breaks a line, <pre> keeps its spacing, entities are decoded", () => {
    const parts = partsOf(
      `<html><body><p>Killed: 4<br>Wounded: 7</p><pre>District   Toll\nKessa      4</pre><p>Army &amp; police &lt;joint&gt; patrol</p></body></html>`,
    );
    assert.equal(parts.text, "Killed: 4\nWounded: 7\nDistrict   Toll\nKessa      4\nArmy & police <joint> patrol");
  });

  test("hidden elements and ad containers are dropped, but a wrapper holding the article is kept", () => {
    const html = `<html><body><div class="page ad-free-layout"><article>${BODY_PARAGRAPHS.map((text) => `<p>${text}</p>`).join("")}<p hidden>HIDDEN-TEXT</p><div style="display: none">INVISIBLE-TEXT</div><div class="sponsored-content">SPONSORED-TEXT</div></article></div></body></html>`;
    const { text } = partsOf(html);
    assert.match(text, /Gunmen attacked a checkpoint/);
    for (const leak of ["HIDDEN-TEXT", "INVISIBLE-TEXT", "SPONSORED-TEXT"]) assert.ok(!text.includes(leak), leak);
  });

  test("markup inside text stays text: escaped tags are not parsed, raw ones are not shown", () => {
    const { text } = partsOf(
      `<html><body><p>The group wrote &lt;script&gt;alert(1)&lt;/script&gt; on the wall.</p><p>Then <script>alert(2)</script>left.</p></body></html>`,
    );
    assert.equal(text, "The group wrote <script>alert(1)</script> on the wall.\nThen left.");
  });
});
