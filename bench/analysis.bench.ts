// `sitrep series` and `sitrep brief` on a large generated database: the goal is a brief in
// under 2 s and a series in under 250 ms on 1,000,000 events. The database is generated once
// (./generate.ts) and kept for later runs.
//
//   node --import tsx bench/analysis.bench.ts [--events N] [--db FILE] [--passes N]
//
// Prints only; never fails a build.
import { existsSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { loadBrief, loadSeries } from "../src/analyze/service.ts";
import { openStore } from "../src/store/store.ts";
import { generateEvents, GROUP } from "./generate.ts";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    db: { type: "string" },
    passes: { type: "string", default: "3" },
  },
});
const total = Number(values.events);
const path = values.db ?? `/tmp/sitrep-bench-${total}.db`;
const passes = Number(values.passes);

async function time(label: string, goalMs: number, work: () => Promise<unknown>): Promise<void> {
  const runs: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const started = performance.now();
    await work();
    runs.push(performance.now() - started);
  }
  runs.sort((left, right) => left - right);
  const median = runs[Math.floor(runs.length / 2)] ?? 0;
  console.log(`${label}: median ${median.toFixed(0)} ms over ${passes} passes (goal < ${goalMs} ms)`);
}

if (!existsSync(path)) await generateEvents(path, total, { coordinates: false });
const store = await openStore({ path });
await time("series --by month,country", 250, () => loadSeries(store, { group: GROUP, interval: "month", by: ["country"] }));
await time("brief --region SY,IQ", 2000, () => loadBrief(store, { group: GROUP, regions: ["SY", "IQ"], asOf: "2025-12-31" }));
await store.close();
