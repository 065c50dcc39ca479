// The `sitrep` command line: a thin front door over the same services the API will call. It
// prints messages with their error code and exits non-zero only when something failed.
import { Command, CommanderError, Option } from "commander";
import { loadConfig } from "../config/config.ts";
import { SitrepError, isSitrepError } from "../domain/errors.ts";
import { EVENT_STATUSES, FIGURE_MEASURES } from "../domain/taxonomy.ts";
import { registerAnalysisCommands } from "./analysis.ts";
import { runDemo } from "./demo.ts";
import { registerFeedCommands } from "./feeds.ts";
import { registerIncidentCommands } from "./incidents.ts";
import { registerInteropCommands } from "./interop.ts";
import { runEvents, runFigures, runSearch, runShow } from "./query.ts";
import { runExtract } from "./extract.ts";
import { runIngestCommand } from "./ingest.ts";
import { registerServeCommand } from "./serve.ts";

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly isTerminal: boolean;
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTerminal: Boolean(process.stderr.isTTY),
};

export async function main(argv: readonly string[], io: CliIo = defaultIo): Promise<number> {
  let exitCode = 0;
  const program = new Command("sitrep")
    .description("Turn reports on armed groups into a sourced, geolocated event database.")
    .option("--db <file>", "database file (default: $SITREP_DB or ./sitrep.db)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  const config = () => loadConfig({ db: program.opts<{ db?: string }>().db });

  program
    .command("ingest")
    .description("read reports (txt, md, html, pdf; files, folders, or - for stdin) into the database")
    .argument("<inputs...>", "files, folders, or - for standard input")
    .addOption(new Option("--format <format>", "how to print the results").choices(["table", "json"]).default("table"))
    .option("--quiet", "print only the summary line")
    .action(async (inputs: string[], options: { format: "table" | "json"; quiet?: boolean }) => {
      exitCode = await runIngestCommand(inputs, options, config(), io);
    });

  const addEventFilters = (command: Command): Command =>
    command
      .option("--group <name>", "armed group (any alias: IS, ISIS, Daesh ...)")
      .option("--country <code>", "ISO 3166-1 alpha-2 country code, e.g. IQ")
      .option("--since <date>", "from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
      .option("--until <date>", "up to this date, inclusive")
      .addOption(new Option("--format <format>", "output format").choices(["table", "json", "csv"]).default("table"))
      .option("--limit <n>", "at most this many records", (value) => positiveInteger(value, "--limit"));

  addEventFilters(program.command("events").description("list events"))
    .option("--type <eventType>", 'ACLED event type, e.g. "Strategic developments"')
    .addOption(new Option("--status <status>", "event status").choices([...EVENT_STATUSES]))
    .option("--text <words>", "only events from documents matching these words")
    .option("--admin1 <name>", "first-level administrative division, e.g. Nineveh")
    .option("--review <states>", "review states shown: all, or unreviewed,accepted,edited,rejected (default: all but rejected)")
    .action(async (options) => {
      exitCode = await runEvents(options, config(), io);
    });

  addEventFilters(program.command("figures").description("list reported figures"))
    .addOption(new Option("--measure <measure>", "what the figure counts").choices([...FIGURE_MEASURES]))
    .action(async (options) => {
      exitCode = await runFigures(options, config(), io);
    });

  program
    .command("show")
    .description("one event: its fields, sources, evidence, why its reports were merged, its claims and grades")
    .argument("<event-id>")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (id: string, options: { format: "text" | "json" }) => {
      exitCode = await runShow(id, options, config(), io);
    });

  program
    .command("search")
    .description("full-text search over ingested documents")
    .argument("<query...>")
    .option("--limit <n>", "at most this many documents", (value) => positiveInteger(value, "--limit"), 10)
    .action(async (words: string[], options: { limit: number }) => {
      exitCode = await runSearch(words.join(" "), options, config(), io);
    });

  program
    .command("extract")
    .description("extract events and figures without storing them (the eval contract: --format eval --out DIR)")
    .argument("<paths...>", "report files or folders (folders are searched for *.txt)")
    .addOption(new Option("--format <format>", "output format").choices(["eval", "json"]).default("json"))
    .option("--out <dir>", "write one JSON file per report into this folder")
    .action(async (paths: string[], options: { format: "eval" | "json"; out?: string }) => {
      exitCode = await runExtract(paths, options, loadConfig({}).maxInputBytes, io);
    });

  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  registerAnalysisCommands(program, config, io, setExitCode);
  registerInteropCommands(program, config, io, setExitCode);
  registerFeedCommands(program, config, io, setExitCode);
  registerIncidentCommands(program, config, io, setExitCode);
  registerServeCommand(program, config, io, setExitCode);

  program
    .command("demo")
    .description("ingest the bundled sample reports (samples/) and print what was found")
    .action(async () => {
      exitCode = await runDemo(config(), io);
    });

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    if (isSitrepError(error)) {
      io.stderr(`error [${error.code}]: ${error.message}\n`);
      return error.code === "USAGE" || error.code === "CONFIG_INVALID" ? 2 : 1;
    }
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function positiveInteger(value: string, flag: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new SitrepError("USAGE", `${flag} must be a positive integer (got "${value}")`);
  return parsed;
}
