// `sitrep feeds` through commander, as main.ts registers it. Polling itself is tested in
// src/feeds/poll.test.ts; here the CLI has no allow-list, so a loopback feed is refused.
import { strict as assert } from "node:assert";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, it } from "node:test";
import { Command } from "commander";
import type { Config } from "../config/config.ts";
import { registerFeedCommands } from "./feeds.ts";
import type { CliIo } from "./main.ts";

let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "sitrep-cli-feeds-"));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

async function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), isTerminal: false };
  const config = (): Config => ({ databasePath: join(directory, "sitrep.db"), maxInputBytes: 1024 * 1024 });
  const program = new Command("sitrep").exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerFeedCommands(program, config, io, (exitCode) => {
    code = exitCode;
  });
  await program.parseAsync([...args], { from: "user" });
  return { code, stdout, stderr };
}

describe("sitrep feeds", () => {
  it("adds, lists and removes feeds by URL or name", async () => {
    assert.match(
      (await run(["feeds", "add", "https://news.example/rss.xml", "--name", "news"])).stderr,
      /^following https:\/\/news\.example\/rss\.xml \(news\)/,
    );
    assert.match((await run(["feeds", "add", "https://news.example/rss.xml"])).stderr, /already following/);
    await run(["feeds", "add", "https://other.example/atom.xml"]);
    const listed = JSON.parse((await run(["feeds", "list", "--format", "json"])).stdout) as {
      url: string;
      name: string | null;
      items_stored: number;
    }[];
    assert.deepEqual(
      listed.map((feed) => [feed.url, feed.name, feed.items_stored]),
      [
        ["https://news.example/rss.xml", "news", 0],
        ["https://other.example/atom.xml", null, 0],
      ],
    );
    assert.match((await run(["feeds", "remove", "news"])).stderr, /stopped following https:\/\/news\.example\/rss\.xml/);
    await assert.rejects(run(["feeds", "remove", "news"]), { code: "RECORD_NOT_FOUND" });
    const left = JSON.parse((await run(["feeds", "list", "--format", "json"])).stdout) as unknown[];
    assert.equal(left.length, 1);
  });

  it("refuses a feed that is not an http(s) URL, and an --every under a minute", async () => {
    await assert.rejects(run(["feeds", "add", "file:///etc/passwd"]), { code: "USAGE" });
    await assert.rejects(run(["feeds", "add", "not a url"]), { code: "USAGE" });
    await assert.rejects(run(["feeds", "poll", "--every", "5s"]), { code: "USAGE" });
  });

  it("polls once, reports a blocked feed with its code, and exits 1; the loopback server sees no connection", async () => {
    let connections = 0;
    const server = createServer((_request, response) => response.end("<rss/>"));
    server.on("connection", () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const port = (server.address() as AddressInfo).port;
      await run(["feeds", "add", `http://127.0.0.1:${port}/rss.xml`]);
      const polled = await run(["feeds", "poll"]);
      assert.equal(polled.code, 1);
      assert.match(polled.stderr, /failed \[URL_BLOCKED\]/);
      assert.equal(connections, 0);
      const [feed] = JSON.parse((await run(["feeds", "list", "--format", "json"])).stdout) as {
        failures: number;
        last_error: { code: string };
      }[];
      assert.equal(feed?.failures, 1);
      assert.equal(feed?.last_error.code, "URL_BLOCKED");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
