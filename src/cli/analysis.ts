// `sitrep series` and `sitrep brief`: the analysis front door. Parsing and printing only; the
// work is in analyze/ (service.ts reads the store, the rest is pure) and report/.
import { writeFile } from "node:fs/promises";
import { Option, type Command } from "commander";
import type { Config } from "../config/config.ts";
import { countryName } from "../analyze/countries.ts";
import { INTERVALS } from "../analyze/periods.ts";
import { figureSeriesToWire, parseBy, seriesToWire } from "../analyze/series-wire.ts";
import { NO_VALUE, SERIES_DIMENSIONS, type FigureSeries, type Series, type SeriesDimension } from "../analyze/series.ts";
export { parseBy } from "../analyze/series-wire.ts";
import { loadBrief, loadFigureSeries, loadSeries } from "../analyze/service.ts";
import { renderHtml } from "../report/html.ts";
import { renderMarkdown } from "../report/markdown.ts";
import { openStore } from "../store/store.ts";
import type { CliIo } from "./main.ts";
import { renderCsv, renderTable } from "./output.ts";

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function keyLabel(dimension: SeriesDimension, value: string): string {
  if (value === NO_VALUE) return "";
  return dimension === "country" ? countryName(value) : value;
}

export function formatSeries(series: Series, format: "table" | "csv" | "json"): string {
  if (format === "json") return JSON.stringify(seriesToWire(series), null, 2) + "\n";
  const headers = [series.interval, ...series.by, "events", "fatalities"];
  const rows = series.rows.map((row) => [
    row.period,
    ...series.by.map((dimension, position) =>
      format === "csv" ? (row.keys[position] ?? "") : keyLabel(dimension, row.keys[position] ?? NO_VALUE),
    ),
    row.events,
    row.fatalities,
  ]);
  if (format === "csv")
    return renderCsv(
      headers,
      rows.map((row) => row.map((cell) => (cell === NO_VALUE ? "" : cell))),
    );
  const note = series.unplaced > 0 ? `; ${series.unplaced} events without a ${series.interval} left out` : "";
  return renderTable(headers, rows) + `\n${series.periods.length} ${series.interval}${series.periods.length === 1 ? "" : "s"}${note}\n`;
}

export function formatFigureSeries(series: FigureSeries, format: "table" | "csv" | "json"): string {
  if (format === "json") return JSON.stringify(figureSeriesToWire(series), null, 2) + "\n";
  const headers = [series.interval, "measure", ...series.by, "qualifier", "value", "figures"];
  const rows = series.rows.map((row) => [
    row.period,
    row.measure,
    ...series.by.map((dimension, position) => {
      const value = row.keys[position] ?? NO_VALUE;
      return format === "csv" ? (value === NO_VALUE ? "" : value) : keyLabel(dimension, value);
    }),
    row.qualifier,
    row.value,
    row.figureIds.length,
  ]);
  if (format === "csv") return renderCsv(headers, rows);
  return renderTable(headers, rows) + `\n${series.rows.length} rows; ${series.unplaced} figures cover no single ${series.interval}\n`;
}

export function registerAnalysisCommands(program: Command, config: () => Config, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command("series")
    .description("events per week, month or year, split by group, country, admin1, type or status")
    .option("--group <name>", "armed group (any alias)")
    .option("--by <list>", `an interval (${INTERVALS.join(", ")}) and dimensions (${SERIES_DIMENSIONS.join(", ")})`, "month")
    .option("--region <countries>", "comma-separated country names or ISO codes")
    .option("--since <date>", "from this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--until <date>", "up to this date, inclusive")
    .addOption(
      new Option("--of <records>", "count events, or list reported figures per period").choices(["events", "figures"]).default("events"),
    )
    .addOption(new Option("--format <format>", "output format").choices(["table", "csv", "json"]).default("table"))
    .action(
      async (options: {
        group?: string;
        by: string;
        region?: string;
        since?: string;
        until?: string;
        of: "events" | "figures";
        format: "table" | "csv" | "json";
      }) => {
        const { interval, by } = parseBy(options.by);
        const store = await openStore({ path: config().databasePath });
        try {
          const request = { group: options.group, interval, by, regions: list(options.region), since: options.since, until: options.until };
          io.stdout(
            options.of === "figures"
              ? formatFigureSeries(await loadFigureSeries(store, request), options.format)
              : formatSeries(await loadSeries(store, request), options.format),
          );
          setExitCode(0);
        } finally {
          await store.close();
        }
      },
    );

  program
    .command("brief")
    .description("an assessment of a group's strength in a region, every sentence with its evidence")
    .requiredOption("--group <name>", "armed group (any alias)")
    .option("--region <countries>", "comma-separated country names or ISO codes (default: every country in the group's records)")
    .option("--as-of <date>", "write the brief as of this date (default: the latest date in the data)")
    .option("--pivot <date-or-event>", "compare before and after this date, or the date of this event id")
    .addOption(new Option("--format <format>", "output format").choices(["md", "html"]).default("md"))
    .option("--out <file>", "write the brief to this file instead of standard output")
    .action(async (options: { group: string; region?: string; asOf?: string; pivot?: string; format: "md" | "html"; out?: string }) => {
      const store = await openStore({ path: config().databasePath });
      try {
        const brief = await loadBrief(store, {
          group: options.group,
          regions: list(options.region),
          asOf: options.asOf,
          pivot: options.pivot,
        });
        const text = options.format === "html" ? renderHtml(brief) : renderMarkdown(brief);
        if (options.out === undefined) io.stdout(text);
        else {
          await writeFile(options.out, text, "utf8");
          io.stderr(`brief written to ${options.out}\n`);
        }
        setExitCode(0);
      } finally {
        await store.close();
      }
    });
}
