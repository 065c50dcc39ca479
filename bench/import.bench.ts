// ACLED CSV import throughput and memory: a generated file of 1,000,000 rows in ACLED's column
// layout (src/interop/acled.ts), imported into a fresh SQLite store in a temporary folder. It
// reports rows/s and peak RSS (sampled every 50 ms, plus the OS's high-water mark), and two
// baselines measured in the same run: parse-only throughput (the same file through the CSV parser
// alone), and the store's floor (./store-floor.ts: the rows the import wrote, written again by
// plain prepared INSERTs; the most any import into this schema can reach on this machine).
//
//   node --import tsx bench/import.bench.ts [--rows N] [--batch N] [--keep] [--skip-floor]
//
// The goal it reports against (issue #6): >= 50,000 rows/s. The benchmark only prints; it never
// fails a build.
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { once } from "node:events";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { acledHeader } from "../src/interop/acled.ts";
import { CsvParser, csvRecord } from "../src/interop/csv.ts";
import { importFile } from "../src/interop/import.ts";
import { openStore } from "../src/store/store.ts";
import { measureStoreFloor } from "./store-floor.ts";

const GOAL_ROWS_PER_SECOND = 50_000;
const MIB = 1_048_576;

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "1000000" },
    batch: { type: "string" },
    keep: { type: "boolean", default: false },
    "skip-floor": { type: "boolean", default: false },
  },
});
const rows = Number(values.rows);
if (!Number.isInteger(rows) || rows < 1) throw new RangeError(`--rows must be a whole number >= 1, not ${values.rows}`);
const batchSize = values.batch === undefined ? undefined : Number(values.batch);
if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize >= 1))
  throw new RangeError(`--batch must be a whole number >= 1`);

const PLACES = [
  ["Iraq", "368", "Ninewa", "Mosul", 36.335, 43.1189],
  ["Iraq", "368", "Kirkuk", "Hawija", 35.3292, 43.7683],
  ["Syria", "760", "Deir ez-Zor", "Al Mayadin", 35.0196, 40.4532],
  ["Mali", "466", "Segou", "Segou", 13.4317, -6.2157],
  ["Nigeria", "566", "Borno", "Maiduguri", 11.8333, 13.15],
] as const;
const TYPES = [
  ["Political violence", "Battles", "Armed clash"],
  ["Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"],
  ["Political violence", "Violence against civilians", "Attack"],
  ["Demonstrations", "Protests", "Peaceful protest"],
  ["Strategic developments", "Strategic developments", "Arrests"],
] as const;

async function generate(path: string): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(acledHeader());
  const start = Date.UTC(2020, 0, 1);
  for (let index = 0; index < rows; index += 1) {
    const [country, iso, admin1, location, latitude, longitude] = PLACES[index % PLACES.length] ?? PLACES[0];
    const [disorder, eventType, subEventType] = TYPES[(index >> 3) % TYPES.length] ?? TYPES[0];
    const date = new Date(start + (index % 1500) * 86_400_000).toISOString().slice(0, 10);
    await write(
      csvRecord([
        `BEN${index}`,
        date,
        date.slice(0, 4),
        1,
        disorder,
        eventType,
        subEventType,
        "Unidentified Armed Group",
        null,
        3,
        "Civilians",
        null,
        7,
        37,
        null,
        iso,
        "Region",
        country,
        admin1,
        null,
        null,
        location,
        latitude,
        longitude,
        1,
        "Local media; Wire",
        "National",
        `Generated row ${index}, with a comma and "quotes".`,
        index % 7,
        null,
        1700000000,
      ]),
    );
  }
  out.end();
  await once(out, "finish");
}

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const directory = mkdtempSync(join(tmpdir(), "sitrep-import-bench-"));
try {
  const file = join(directory, "acled.csv");
  let started = performance.now();
  await generate(file);
  const bytes = statSync(file).size;
  console.log(
    `generated ${rows.toLocaleString("en")} rows, ${(bytes / MIB).toFixed(1)} MiB, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  started = performance.now();
  const parser = new CsvParser();
  const decoder = new TextDecoder();
  let parsed = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: MIB }) as AsyncIterable<Buffer>) {
    parsed += parser.push(decoder.decode(chunk, { stream: true })).length;
  }
  parsed += parser.end().length;
  const parseSeconds = (performance.now() - started) / 1000;
  console.log(
    `parse only: ${Math.round((parsed - 1) / parseSeconds).toLocaleString("en")} rows/s (${(bytes / MIB / parseSeconds).toFixed(0)} MiB/s)`,
  );

  const storePath = join(directory, "sitrep.db");
  const store = await openStore({ path: storePath });
  const loadBefore = loadavg();
  started = performance.now();
  const cpuBefore = process.cpuUsage();
  const report = await importFile(store, "acled", file, batchSize === undefined ? {} : { batchSize });
  const importSeconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await store.close();
  const rate = report.records / importSeconds;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  console.log(
    `import: ${report.imported.toLocaleString("en")} events from ${report.records.toLocaleString("en")} rows in ${importSeconds.toFixed(1)} s = ` +
      `${Math.round(rate).toLocaleString("en")} rows/s (goal >= ${GOAL_ROWS_PER_SECOND.toLocaleString("en")}: ${rate >= GOAL_ROWS_PER_SECOND ? "met" : "NOT met"}); ` +
      `${report.problems.length} problems; import / parse-only time ${(importSeconds / parseSeconds).toFixed(1)}x`,
  );
  // On a shared machine the wall clock counts other processes' time too; CPU time is this
  // process's own work (the import's thread and SQLite's), a steadier figure to compare.
  console.log(
    `import CPU time: ${cpuSeconds.toFixed(1)} s (user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s) = ` +
      `${Math.round(report.records / cpuSeconds).toLocaleString("en")} rows per CPU second`,
  );
  console.log(`peak RSS: ${(peakRss / MIB).toFixed(0)} MiB`);
  // The machine's load (1, 5, 15 minutes) before and after: above its core count, other work shared the CPUs.
  const load = (values: number[]): string => values.map((value) => value.toFixed(2)).join(" ");
  console.log(`load average: ${load(loadBefore)} before the import, ${load(loadavg())} after`);

  if (!values["skip-floor"]) {
    // After the peak RSS is read: the floor holds every row in memory before its timing starts.
    const floor = await measureStoreFloor(storePath, join(directory, "floor.db"));
    const floorRate = report.records / floor.totalSeconds;
    console.log(
      `store floor: the same ${floor.rows.toLocaleString("en")} rows (events and the rows beside them) by plain INSERTs in ` +
        `${floor.totalSeconds.toFixed(1)} s (rows ${floor.insertSeconds.toFixed(1)} s, indexes ${floor.indexSeconds.toFixed(1)} s) = ` +
        `${Math.round(floorRate).toLocaleString("en")} import rows/s, ` +
        `the most this schema allows on this machine (goal ${floorRate >= GOAL_ROWS_PER_SECOND ? "within" : "beyond"} it); ` +
        `import / floor time ${(importSeconds / floor.totalSeconds).toFixed(1)}x`,
    );
    const seconds = (value: number): string => `${value.toFixed(1)} s`;
    console.log(
      `  rows: ${floor.tables.map((table) => `${table.table} ${table.rows.toLocaleString("en")} in ${seconds(table.seconds)}`).join(", ")}`,
    );
    console.log(`  indexes: ${floor.indexes.map((index) => `${index.name} ${seconds(index.seconds)}`).join(", ")}`);
    console.log(`load average after the floor: ${load(loadavg())}`);
  }
} finally {
  clearInterval(sampler);
  if (!values.keep) rmSync(directory, { recursive: true, force: true });
  else console.log(`kept ${directory}`);
}
