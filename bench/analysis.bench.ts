// `sitrep series` and `sitrep brief` on a large generated database: the issue's goal is a brief in
// under 2 s and a series in under 250 ms on 1,000,000 events. The database is generated once
// (./generate.ts) and kept for later runs.
//
//   node --import tsx bench/analysis.bench.ts [--events N] [--db FILE] [--passes N]
//
// Prints only; never fails a build.
import { existsSync } from "node:fs";
import os from "node:os";
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

/**
 * Wall time is the goal's measure; CPU time (this process, user + system) is printed beside it
 * because on a machine shared with other jobs the wall time mostly measures the others.
 */
async function time(label: string, goalMs: number | null, work: () => Promise<unknown>): Promise<void> {
  const runs: { wall: number; cpu: number }[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    await work();
    const used = process.cpuUsage(cpu);
    runs.push({ wall: performance.now() - started, cpu: (used.user + used.system) / 1000 });
  }
  runs.sort((left, right) => left.wall - right.wall);
  const median = runs[Math.floor(runs.length / 2)] ?? { wall: 0, cpu: 0 };
  console.log(
    `${label}: median ${median.wall.toFixed(0)} ms wall, ${median.cpu.toFixed(0)} ms CPU over ${passes} passes${goalMs === null ? "" : ` (goal < ${goalMs} ms)`}`,
  );
}

if (!existsSync(path)) await generateEvents(path, total, { coordinates: false });
console.log(
  `load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(" ")}`,
);
const store = await openStore({ path });
await time("series --by month,country", 250, () => loadSeries(store, { group: GROUP, interval: "month", by: ["country"] }));
// The generated reports are dated 2026-01-01: a brief as of that day knows all of them.
const request = { group: GROUP, regions: ["SY", "IQ"], asOf: "2026-01-01" };
// The baseline: one plain pass over the events the brief's scope holds (their distinct dates),
// on the same database in the same run, so the brief's cost reads as a multiple of a scan.
await time("baseline: one scan of the brief's scope", null, () =>
  store.eventDates({ group: GROUP, since: "2024-01-01", until: "2026-01-01", where: { countries: ["SY", "IQ"] } }),
);
await time("brief --region SY,IQ", 2000, () => loadBrief(store, request));
const brief = await loadBrief(store, request);
const charted = brief.monthlyTotals.reduce((sum, count) => sum + count, 0);
const tempo = brief.indicators.find((indicator) => indicator.id === "attack_tempo");
console.log(
  `  the brief counted ${charted} events in its chart (${brief.monthly.unplaced} outside it); attacks ${tempo?.current ?? 0} now against ${tempo?.baseline ?? 0} before`,
);
await store.close();
