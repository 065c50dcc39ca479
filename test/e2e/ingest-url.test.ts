// `sitrep ingest URL` through the real command: the CLI has no allow-list, so a URL that leads to
// loopback, in any spelling, is one failed line with its code, the server it names sees no
// connection, and the report named beside it still lands (issue 6, fetcher "Must show").
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { Workspace, type CliRun } from "./harness.ts";
import { TAL_AFAR_TXT } from "./reports.ts";

interface IngestResult {
  input: string;
  status: "ingested" | "unchanged" | "failed";
  error: { code: string; message: string } | null;
}

let workspace: Workspace;
let server: Server;
let connections = 0;
let run: CliRun;
let results: IngestResult[];

before(async () => {
  server = createServer((_request, response) => response.end("<html><body><p>Must never be read.</p></body></html>"));
  server.on("connection", () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  workspace = await Workspace.create();
  await workspace.write({ "good.txt": TAL_AFAR_TXT });
  run = await workspace.run([
    "ingest",
    `http://127.0.0.1:${port}/article.html`,
    `http://127.1:${port}/article.html`,
    `http://[::ffff:127.0.0.1]:${port}/article.html`,
    `http://localhost:${port}/article.html`,
    "file:///etc/passwd",
    workspace.path("good.txt"),
    "--format",
    "json",
  ]);
  results = JSON.parse(run.stdout) as IngestResult[];
});

after(async () => {
  await workspace.remove();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test("every loopback spelling is refused with URL_BLOCKED and no connection is made", () => {
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(
    results.map((result) => [result.status, result.error?.code ?? null]),
    [
      ["failed", "URL_BLOCKED"],
      ["failed", "URL_BLOCKED"],
      ["failed", "URL_BLOCKED"],
      ["failed", "URL_BLOCKED"],
      ["failed", "URL_INVALID"],
      ["ingested", null],
    ],
  );
  assert.equal(connections, 0);
});
