// The HTTP API on a large generated database (./generate.ts, with coordinates): the goal is
// an event list p99 under 100 ms at 50 concurrent requests on loopback; the map and timeline
// aggregates are what a dashboard's filter change waits for. The server runs as `sitrep serve`
// in its own process, so the load generator does not share its event loop.
//
//   node --import tsx bench/api.bench.ts [--events N] [--db FILE] [--requests N] [--concurrency N] [--passes N] [--workers N]
//
// Prints only; never fails a build.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { generateEvents } from "./generate.ts";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    db: { type: "string" },
    requests: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "50" },
    passes: { type: "string", default: "5" },
    workers: { type: "string", default: "1" },
  },
});
const total = Number(values.events);
const path = values.db ?? `/tmp/sitrep-api-bench-v2-${total}.db`;
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const passes = Number(values.passes);

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function summary(label: string, runs: number[], goal: string): void {
  runs.sort((left, right) => left - right);
  console.log(
    `${label}: p50 ${percentile(runs, 0.5).toFixed(1)} ms, p95 ${percentile(runs, 0.95).toFixed(1)} ms, p99 ${percentile(runs, 0.99).toFixed(1)} ms, max ${(runs[runs.length - 1] ?? 0).toFixed(1)} ms over ${runs.length} requests (${goal})`,
  );
}

let resets = 0;

async function get(url: string): Promise<{ ms: number; body: unknown }> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    // A keep-alive socket the server closed just as it was reused: counted, asked again (timed whole).
    resets++;
    response = await fetch(url);
  }
  const body: unknown = await response.json();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

if (!existsSync(path)) await generateEvents(path, total, { coordinates: true });

const server = spawn(process.execPath, ["bin/sitrep.js", "--db", path, "serve", "--port", "0", "--workers", values.workers], {
  stdio: ["ignore", "pipe", "inherit"],
});
const base = await new Promise<string>((resolve, reject) => {
  let output = "";
  server.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    const line = output.split("\n").find((candidate) => candidate.startsWith("http://"));
    if (line !== undefined) resolve(line.trim());
  });
  server.once("exit", (code) => reject(new Error(`sitrep serve exited with ${code}`)));
});
console.log(`server ${base} (pid ${server.pid}) on ${path}`);

try {
  // Warm the page cache and the statement cache once, as a dashboard's first load does.
  await get(`${base}/api/events?limit=50`);
  await get(`${base}/api/timeline?interval=month`);

  // Event list pages as a dashboard asks for them: the first page, a filtered page, a later page.
  const first = await get(`${base}/api/events?limit=50`);
  const cursor = String((first.body as { next_cursor: string }).next_cursor);
  const queries = [
    "/api/events?limit=50",
    "/api/events?limit=50&country=SY",
    "/api/events?limit=50&since=2024-01&until=2024-06&type=Battles",
    `/api/events?limit=50&cursor=${encodeURIComponent(cursor)}`,
    "/api/events?limit=50&sort=-fatalities",
    "/api/events?limit=50&bbox=40,33,44,36",
  ];
  for (const query of queries)
    summary(`  ${query.slice(0, 70)}`, await Promise.all([1, 2, 3].map(async () => (await get(`${base}${query}`)).ms)), "single");
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const query = queries[next++ % queries.length] ?? "/api/events";
        latencies.push((await get(`${base}${query}`)).ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  summary(`event list, ${concurrency} concurrent`, latencies, "goal p99 < 100 ms");
  console.log(`  throughput ${(requests / seconds).toFixed(0)} requests/s; ${resets} connections reset and retried`);

  const aggregates = [
    "/api/map?zoom=5",
    "/api/map?zoom=7&country=SY&since=2024",
    "/api/map?zoom=9&bbox=40,33,42,35",
    "/api/timeline?interval=month",
    "/api/timeline?interval=month&country=IQ&type=Battles",
    "/api/timeline?interval=week&since=2025-01",
    "/api/timeline?interval=week",
  ];
  for (const query of aggregates) {
    const runs: number[] = [];
    for (let pass = 0; pass < passes; pass++) runs.push((await get(`${base}${query}`)).ms);
    summary(query, runs, "one at a time");
  }
} finally {
  server.kill("SIGTERM");
}
