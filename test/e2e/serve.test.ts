// `sitrep serve` end to end: the real command listens on loopback, prints its URL, answers the API
// with the security headers, ingests a posted report, and stops on SIGTERM with exit code 0.
import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { after, before, describe, it } from "node:test";
import { REPO_ROOT, Workspace } from "./harness.ts";

describe("sitrep serve", () => {
  let workspace: Workspace;
  before(async () => {
    workspace = await Workspace.create();
  });
  after(async () => {
    await workspace.remove();
  });

  it("serves the API on the printed URL until interrupted", async () => {
    const child = spawn(process.execPath, ["bin/sitrep.js", "--db", workspace.databasePath, "serve", "--port", "0"], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: "UTC" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString("utf8");
          const line = output.split("\n").find((candidate) => /^http:\/\/localhost:\d+$/.test(candidate.trim()));
          if (line !== undefined) resolve(line.trim());
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
      });
      const posted = await fetch(`${url}/api/documents/text`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ text: "Gunmen attacked a police post near Kirkuk on 2 April 2024, killing two officers, police said." }),
      });
      assert.equal(posted.status, 201, await posted.clone().text());
      const events = await fetch(`${url}/api/events?country=IQ`);
      assert.equal(events.status, 200);
      assert.match(events.headers.get("content-security-policy") ?? "", /default-src 'self'/);
      assert.equal(events.headers.get("x-content-type-options"), "nosniff");
      const body = (await events.json()) as { events: { country: string }[] };
      assert.ok(body.events.length >= 1);
      const missing = await fetch(`${url}/api/events/ev_missing`);
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get("content-type"), "application/problem+json");
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0);
  });
});
