// An ingest run over URLs against the project's own HTTP server on loopback (no network,
// STYLE.md practice 8): the page reached through a redirect is stored with the URL it came from,
// and a blocked URL is one failed item while the other inputs are still ingested.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { RuleExtractor } from "../extract/extractor.ts";
import { openStore, type Store } from "../store/store.ts";
import { runIngest } from "./ingest.ts";

const ARTICLE = `<!doctype html>
<html lang="en"><head><title>Convoy ambushed near Gao - The Sahel Observer</title>
<link rel="canonical" href="https://sahel-observer.example/claimed-elsewhere"></head>
<body><nav>Home | World</nav><article><h1>Convoy ambushed near Gao</h1>
<p>GAO, Mali, 14 March 2025 - Gunmen ambushed a military convoy near Gao on Thursday, killing
at least 12 soldiers, the army said in a statement.</p>
<p>No group has claimed the attack, which came a week after a similar ambush in the region.</p>
</article><footer>Contact</footer></body></html>`;

let server: Server;
let port = 0;
let connections = 0;
let directory: string;
let store: Store;

before(async () => {
  server = createServer((request, response) => {
    if (request.url === "/latest") response.writeHead(302, { location: "/2025/03/convoy.html" }).end();
    else if (request.url === "/2025/03/convoy.html") response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE);
    else response.writeHead(404).end();
  });
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  directory = mkdtempSync(join(tmpdir(), "sitrep-ingest-url-"));
  store = await openStore({ path: join(directory, "sitrep.db") });
});

after(async () => {
  await store.close();
  rmSync(directory, { recursive: true, force: true });
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("an article URL is fetched through the allow-list and stored with its final URL", async () => {
  const report = join(directory, "local.txt");
  writeFileSync(report, "KABUL, 2 May 2025 - A roadside bomb killed three police officers in Kabul, officials said.\n");
  const summary = await runIngest([`http://127.0.0.1:${port}/latest`, report], {
    store,
    extractor: new RuleExtractor(),
    maxInputBytes: 1024 * 1024,
    fetch: { allowAddresses: ["127.0.0.1"], timeoutMs: 2000 },
  });
  assert.deepEqual(
    summary.results.map((result) => [result.origin, result.status, result.error?.code ?? null]),
    [
      [`http://127.0.0.1:${port}/latest`, "ingested", null],
      [report, "ingested", null],
    ],
  );
  const [fetched] = summary.results;
  const stored = await store.getDocument(fetched?.documentId ?? "");
  assert.equal(stored?.document.url, `http://127.0.0.1:${port}/2025/03/convoy.html`);
  assert.equal(stored?.document.origin, `http://127.0.0.1:${port}/latest`);
  assert.equal(stored?.document.format, "html");
  assert.match(stored?.document.title ?? "", /^Convoy ambushed near Gao/);
  assert.match(stored?.document.text ?? "", /killing at least 12 soldiers/);
  assert.doesNotMatch(stored?.document.text ?? "", /Home \| World/);
  assert.ok((fetched?.events ?? 0) >= 1, "the ambush is extracted");
});

test("without the allow-list the URL is one failed item with its code, and the other inputs continue", async () => {
  connections = 0;
  const report = join(directory, "other.txt");
  writeFileSync(report, "MOGADISHU, 3 June 2025 - Al-Shabaab fighters attacked a base near Mogadishu, the army said.\n");
  const summary = await runIngest(
    [
      `http://127.0.0.1:${port}/2025/03/convoy.html`,
      "http://169.254.169.254/latest/meta-data/",
      "file:///etc/passwd",
      "https://localhost/",
      report,
    ],
    { store, extractor: new RuleExtractor(), maxInputBytes: 1024 * 1024 },
  );
  assert.deepEqual(
    summary.results.map((result) => [result.status, result.error?.code ?? null]),
    [
      ["failed", "URL_BLOCKED"],
      ["failed", "URL_BLOCKED"],
      ["failed", "URL_INVALID"],
      ["failed", "URL_BLOCKED"],
      ["ingested", null],
    ],
  );
  assert.equal(summary.failed, 4);
  assert.equal(connections, 0);
});
