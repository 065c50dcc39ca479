// The HTTP API on a large generated database (./generate.ts, with coordinates): the issue's goal is
// an event list p99 under 100 ms at 50 concurrent requests on loopback; the map and timeline
// aggregates are what a dashboard's filter change waits for. The server runs as `sitrep serve`
// in its own process, so the load generator does not share its event loop.
//
// The server keeps answers of the list, map and timeline while the database is unchanged
// (src/api/cache.ts), so a request repeated by many clients is computed once: the mixed list
// below is mostly such repeats (the bench prints how many were answered again), and the
// distinct-pages run, where every request is a page no client asked before (each client walks
// its own cursor chain), measures the database work itself. Printed beside: the load average
// and the server's CPU time, since the machine is shared.
//
//   node --import tsx bench/api.bench.ts [--events N] [--db FILE] [--requests N] [--concurrency N] [--passes N] [--workers N] [--client fetch|http]
//
// Prints only; never fails a build.
import { spawn } from "node:child_process";
import http from "node:http";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
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
    // "http" (the default): node:http with a keep-alive agent, a lean client as load generators
    // such as autocannon are, so that on a 2-core machine less of the cores go to the client
    // instead of the server measured; "fetch": undici, about twice the client's CPU per request.
    client: { type: "string", default: "http" },
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
let hits = 0;

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
}

/** The server's CPU seconds so far (Linux /proc; NaN elsewhere). */
function serverCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, fields 14 and 15 of stat (12 and 13 after the command), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Number(values.concurrency) });

/**
 * One GET through node:http: status, the cache header and the body, parsed only when `parse` (a
 * load generator reads the bytes; only the runs that follow a cursor need the JSON).
 */
function httpGet(url: string, parse: boolean): Promise<{ status: number; cache: string | undefined; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        try {
          const cache = response.headers["cache-status"];
          resolve({
            status: response.statusCode ?? 0,
            cache: Array.isArray(cache) ? cache[0] : cache,
            body: parse || response.statusCode !== 200 ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown) : null,
          });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

async function get(url: string, parse = true): Promise<{ ms: number; body: unknown }> {
  if (values.client === "http") {
    const started = performance.now();
    let answer: Awaited<ReturnType<typeof httpGet>>;
    try {
      answer = await httpGet(url, parse);
    } catch {
      resets++;
      answer = await httpGet(url, parse);
    }
    const ms = performance.now() - started;
    if (answer.cache === "sitrep; hit") hits++;
    if (answer.status < 200 || answer.status >= 300) throw new Error(`${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return { ms, body: answer.body };
  }
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    // A keep-alive socket the server closed just as it was reused: counted, asked again (timed whole).
    resets++;
    response = await fetch(url);
  }
  const body: unknown = parse || !response.ok ? await response.json() : await response.arrayBuffer().then(() => null);
  const ms = performance.now() - started;
  if (response.headers.get("cache-status") === "sitrep; hit") hits++;
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
console.log(`server ${base} (pid ${server.pid}) on ${path}; ${cpus().length} CPUs, load average ${load()}`);

/** Runs `work`, then prints its wall time, the server's CPU time and the answers sent again. */
async function measured(label: string, work: () => Promise<void>): Promise<void> {
  const [cpu, hitsBefore, started] = [serverCpuSeconds(server.pid), hits, performance.now()];
  await work();
  const wall = (performance.now() - started) / 1000;
  console.log(
    `  ${label}: ${wall.toFixed(1)} s wall, server CPU ${(serverCpuSeconds(server.pid) - cpu).toFixed(1)} s, ${hits - hitsBefore} answers sent again from the cache; load average ${load()}`,
  );
}

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
  await measured("mixed list", () =>
    Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const query = queries[next++ % queries.length] ?? "/api/events";
          latencies.push((await get(`${base}${query}`, false)).ms);
        }
      }),
    ).then(() => undefined),
  );
  const seconds = (performance.now() - started) / 1000;
  summary(`event list, ${concurrency} concurrent`, latencies, "goal p99 < 100 ms");
  console.log(`  throughput ${(requests / seconds).toFixed(0)} requests/s; ${resets} connections reset and retried`);

  // Every request a page never asked before: each client walks its own filter's cursor chain
  // (its own month to start from, alternately by date and by fatalities).
  const distinct: number[] = [];
  const perClient = Math.ceil(requests / concurrency);
  const distinctStarted = performance.now();
  await measured("distinct pages", () =>
    Promise.all(
      Array.from({ length: concurrency }, async (_, client) => {
        const month = new Date(Date.UTC(2020, client, 1)).toISOString().slice(0, 7);
        const sort = client % 2 === 0 ? "-date" : "-fatalities";
        let cursor: string | null = null;
        for (let page = 0; page < perClient; page++) {
          const query: string = `/api/events?limit=50&since=${month}&sort=${sort}${cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`}`;
          const answer = await get(`${base}${query}`);
          distinct.push(answer.ms);
          cursor = (answer.body as { next_cursor: string | null }).next_cursor;
          if (cursor === null) break;
        }
      }),
    ).then(() => undefined),
  );
  summary(`distinct event pages, ${concurrency} concurrent`, distinct, "no answer repeated");
  console.log(`  throughput ${(distinct.length / ((performance.now() - distinctStarted) / 1000)).toFixed(0)} requests/s`);

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
    // The first answer is computed, the later passes are sent again from the cache.
    const first = await get(`${base}${query}`);
    const runs: number[] = [];
    for (let pass = 1; pass < passes; pass++) runs.push((await get(`${base}${query}`)).ms);
    summary(`${query} first ${first.ms.toFixed(1)} ms, then`, runs, "one at a time");
  }
  console.log(`load average ${load()}`);
} finally {
  server.kill("SIGTERM");
}
