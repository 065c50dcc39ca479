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
import { EXPORT_FORMATS, exportEvents, type ExportFormat } from "../interop/export.ts";
import { importFile } from "../interop/import.ts";
import { TLP_LEVELS, type TlpLevel } from "../interop/stix.ts";
import { openStore } from "../store/store.ts";
import { checkFilters } from "./filters.ts";
import type { CliIo } from "./main.ts";

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
    io.stderr(
      `${report.imported} events imported (${report.added} new, ${report.imported - report.added} already stored), ` +
        `${report.problems.length} rows failed, read as ${report.encoding} (document ${report.document.id}, database: ${config.databasePath})\n`,
    );
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
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
}
