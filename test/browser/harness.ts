// What the browser tests and the dashboard benchmark share: build the dashboard into a folder,
// serve it with the API over a database, and drive Debian's Chromium through playwright-core.
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { startServer, type RunningServer } from "../../src/api/server.ts";
import { RuleExtractor } from "../../src/extract/extractor.ts";
import { runIngest } from "../../src/jobs/ingest.ts";
import type { Store } from "../../src/store/store.ts";

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? "/usr/bin/chromium";
export const SKIP_REASON = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM}: browser tests skipped (apt-get install -y --no-install-recommends chromium fonts-dejavu-core)`;

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const SAMPLES = join(ROOT, "samples");

/** Builds web/ into a fresh folder, so the tests always see the current source. */
export async function buildDashboard(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "sitrep-web-"));
  const { build } = await import("vite");
  await build({ configFile: join(ROOT, "web/vite.config.ts"), logLevel: "warn", build: { outDir, emptyOutDir: true } });
  return outDir;
}

export async function ingestSamples(store: Store): Promise<void> {
  const reports = readdirSync(SAMPLES)
    .filter((name) => name !== "README.md")
    .sort()
    .map((name) => join(SAMPLES, name));
  const summary = await runIngest(reports, { store, extractor: new RuleExtractor(), maxInputBytes: 16 * 1024 * 1024 });
  if (summary.failed > 0) throw new Error(`${summary.failed} sample reports failed to ingest`);
}

export function serve(store: Store, staticRoot: string): Promise<RunningServer> {
  return startServer({ store, port: 0, host: "127.0.0.1", staticRoot });
}

/** Flags from research/ecosystem.md §6c: no GPU, no sandbox (root in CI), no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
