// `sitrep export` and `sitrep import`: thin front doors over src/interop. Export writes to --out
// through a temporary file renamed at the end, so a failed export never leaves half a file that
// looks complete. Import prints one line per bad row (line number, code, reason) and exits 1
// when any row failed; the good rows are stored either way.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { once } from "node:events";
import { Argument, Option, type Command } from "commander";
import type { Config } from "../config/config.ts";
import { SitrepError } from "../domain/errors.ts";
import { IMPORT_DATASETS, type ImportDataset } from "../domain/taxonomy.ts";
import type { Event } from "../domain/records.ts";
import { compareDataset, DEFAULT_MAX_DISTANCE_KM, DEFAULT_WINDOW_DAYS, type Comparison } from "../interop/compare.ts";
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "../interop/export.ts";
import { importFile } from "../interop/import.ts";
import { TLP_LEVELS, type TlpLevel } from "../interop/stix.ts";
import { openStore } from "../store/store.ts";
import { checkFilters } from "./filters.ts";
import type { CliIo } from "./main.ts";
import { renderTable } from "./output.ts";

interface ExportCommandOptions {
  format: ExportFormat;
  group?: string;
  country?: string;
  since?: string;
  until?: string;
  tlp: TlpLevel;
  out?: string;
}

/** A sink writing to a temporary file beside `path`, renamed onto it by `commit`. */
async function fileSink(
  path: string,
): Promise<{ write: (text: string) => Promise<void>; commit: () => Promise<void>; abort: () => Promise<void> }> {
  const temporary = `${path}.${process.pid}.partial`;
  const stream = createWriteStream(temporary, { encoding: "utf8" });
  await once(stream, "open");
  return {
    write: async (text) => {
      if (!stream.write(text)) await once(stream, "drain");
    },
    commit: async () => {
      stream.end();
      await once(stream, "finish");
      await rename(temporary, path);
    },
    abort: async () => {
      stream.destroy();
      await rm(temporary, { force: true });
    },
  };
}

async function runExport(options: ExportCommandOptions, config: Config, io: CliIo): Promise<number> {
  checkFilters(options);
  const store = await openStore({ path: config.databasePath });
  const sink = options.out === undefined ? null : await fileSink(options.out);
  try {
    const summary = await exportEvents(store, {
      format: options.format,
      filter: { group: options.group, country: options.country?.toUpperCase(), since: options.since, until: options.until },
      tlp: options.tlp,
      now: new Date(),
      write: sink === null ? async (text) => io.stdout(text) : sink.write,
    });
    await sink?.commit();
    const figures = options.format === "jsonl" ? `, ${summary.figures} figures` : "";
    io.stderr(`exported ${summary.events} events${figures} as ${options.format}${options.out === undefined ? "" : ` to ${options.out}`}\n`);
    return 0;
  } catch (error) {
    await sink?.abort();
    throw error;
  } finally {
    await store.close();
  }
}

async function runImport(dataset: ImportDataset, path: string, config: Config, io: CliIo): Promise<number> {
  const store = await openStore({ path: config.databasePath });
  try {
    const report = await importFile(store, dataset, path);
    for (const problem of report.problems) {
      const where = problem.line !== null ? `line ${problem.line}` : `object ${problem.object ?? "?"}`;
      io.stderr(`${path}: ${where}: failed [IMPORT_ROW_INVALID]: ${problem.message}\n`);
    }
    // Events this store extracted itself, read back from its own export, are left as they are.
    const own = report.own > 0 ? `, ${report.own} of them this database's own events, left as they were` : "";
    io.stderr(
      `${report.imported} events imported (${report.added} new, ${report.imported - report.added} already stored${own}), ` +
        `${report.problems.length} rows failed, read as ${report.encoding} (document ${report.document.id}, database: ${config.databasePath})\n`,
    );
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

interface CompareCommandOptions {
  dataset: ImportDataset;
  group?: string;
  country?: string;
  since?: string;
  until?: string;
  windowDays: number;
  maxDistanceKm: number;
  format: "table" | "json";
}

function eventJson(event: Event): Record<string, unknown> {
  return {
    id: event.id,
    event_type: event.eventType,
    event_date: event.eventDate,
    country: event.country,
    admin1: event.admin1,
    location: event.location,
    actor1: event.actor1,
    perpetrator_group: event.perpetratorGroup,
    fatalities: event.fatalities,
  };
}

function comparisonJson(options: CompareCommandOptions, comparison: Comparison): Record<string, unknown> {
  return {
    dataset: options.dataset,
    filter: { group: options.group ?? null, country: options.country ?? null, since: options.since ?? null, until: options.until ?? null },
    rule: { window_days: options.windowDays, max_distance_km: options.maxDistanceKm },
    own: comparison.own,
    dataset_events: comparison.dataset,
    matched: comparison.matched.map((pair) => ({
      own: eventJson(pair.own),
      dataset: eventJson(pair.dataset),
      days_apart: pair.daysApart,
      distance_km: pair.distanceKm === null ? null : Math.round(pair.distanceKm * 10) / 10,
    })),
    only_own: comparison.onlyOwn.map(eventJson),
    only_dataset: comparison.onlyDataset.map(eventJson),
    months: comparison.months,
  };
}

/** Rows listed per "only in" table; the JSON output lists every one. */
const LISTED = 20;

function comparisonTables(options: CompareCommandOptions, comparison: Comparison): string {
  const name = options.dataset.toUpperCase();
  const line = (event: Event): string[] => [
    event.eventDate ?? "",
    event.eventType,
    [event.location, event.admin1, event.country].filter((part) => part !== null).join(", "),
    event.perpetratorGroup ?? event.actor1 ?? "",
  ];
  const parts = [
    `sitrep: ${comparison.own} events, ${name}: ${comparison.dataset} events, matched: ${comparison.matched.length} ` +
      `(same type and country, at most ${options.windowDays} days and ${options.maxDistanceKm} km apart, compatible admin1 and actors)`,
    renderTable(
      ["month", "sitrep", name, "matched"],
      comparison.months.map((month) => [month.month, month.own, month.dataset, month.matched]),
    ),
  ];
  for (const [title, events] of [
    [`only in sitrep (${comparison.onlyOwn.length})`, comparison.onlyOwn],
    [`only in ${name} (${comparison.onlyDataset.length})`, comparison.onlyDataset],
  ] as const) {
    if (events.length === 0) continue;
    const more = events.length > LISTED ? `\n... and ${events.length - LISTED} more (--format json lists all)` : "";
    parts.push(`${title}:\n${renderTable(["date", "type", "place", "actor"], events.slice(0, LISTED).map(line))}${more}`);
  }
  return parts.join("\n") + "\n";
}

async function runCompare(options: CompareCommandOptions, config: Config, io: CliIo): Promise<number> {
  checkFilters(options);
  const store = await openStore({ path: config.databasePath });
  try {
    const comparison = await compareDataset(store, {
      dataset: options.dataset,
      filter: { group: options.group, country: options.country?.toUpperCase(), since: options.since, until: options.until },
      windowDays: options.windowDays,
      maxDistanceKm: options.maxDistanceKm,
    });
    io.stdout(
      options.format === "json"
        ? JSON.stringify(comparisonJson(options, comparison), null, 2) + "\n"
        : comparisonTables(options, comparison),
    );
    return 0;
  } finally {
    await store.close();
  }
}

function nonNegativeNumber(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0) {
      throw new SitrepError("USAGE", `${flag} must be a number >= 0 (got "${value}")`);
    }
    return parsed;
  };
}

export function registerInteropCommands(program: Command, config: () => Config, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("export")
    .description("write events in an outside format: ACLED CSV, GeoJSON, a STIX 2.1 bundle, or JSON Lines (events and figures)")
    .addOption(new Option("--format <format>", "output format").choices([...EXPORT_FORMATS]).makeOptionMandatory())
    .option("--group <name>", "armed group (any alias: IS, ISIS, Daesh ...)")
    .option("--country <code>", "ISO 3166-1 alpha-2 country code, e.g. IQ")
    .option("--since <date>", "from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--until <date>", "up to this date, inclusive")
    .addOption(new Option("--tlp <level>", "STIX: the TLP 2.0 marking of every object").choices([...TLP_LEVELS]).default("clear"))
    .option("--out <file>", "write to this file instead of standard output")
    .action(async (options: ExportCommandOptions) => {
      setExitCode(await runExport(options, config(), io));
    });

  program
    .command("import")
    .description("read a dataset file into the database: ACLED CSV, UCDP GED CSV, GTD CSV, a GDELT 2.0 event file, or a sitrep STIX bundle")
    .addArgument(new Argument("<dataset>", "acled, ucdp, gtd, gdelt or stix").choices([...IMPORT_DATASETS]))
    .argument("<file>", "the file to import")
    .action(async (dataset: string, file: string) => {
      const known = IMPORT_DATASETS.find((name) => name === dataset);
      if (known === undefined)
        throw new SitrepError("USAGE", `the dataset must be one of ${IMPORT_DATASETS.join(", ")} (got "${dataset}")`);
      setExitCode(await runImport(known, file, config(), io));
    });

  program
    .command("compare")
    .description("an imported dataset beside sitrep's own events: matched pairs, what each lacks, monthly counts")
    .addOption(new Option("--dataset <dataset>", "the imported dataset").choices([...IMPORT_DATASETS]).makeOptionMandatory())
    .option("--group <name>", "armed group (any alias: IS, ISIS, Daesh ...)")
    .option("--country <code>", "ISO 3166-1 alpha-2 country code, e.g. IQ")
    .option("--since <date>", "from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--until <date>", "up to this date, inclusive")
    .option("--window-days <n>", "the most days two matched events may be apart", nonNegativeNumber("--window-days"), DEFAULT_WINDOW_DAYS)
    .option(
      "--max-distance-km <n>",
      "the most kilometres two matched events with coordinates may be apart",
      nonNegativeNumber("--max-distance-km"),
      DEFAULT_MAX_DISTANCE_KM,
    )
    .addOption(new Option("--format <format>", "output format").choices(["table", "json"]).default("table"))
    .action(async (options: CompareCommandOptions) => {
      setExitCode(await runCompare(options, config(), io));
    });
}
