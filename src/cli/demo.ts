// `npm start`: ingest the bundled sample reports into the embedded database and print what was
// found, so a new user sees the whole flow with no set-up.
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Config } from "../config/config.ts";
import { RuleExtractor } from "../extract/extractor.ts";
import { runIngest } from "../jobs/ingest.ts";
import { openStore } from "../store/store.ts";
import type { CliIo } from "./main.ts";
import { renderTable } from "./output.ts";

const SAMPLES = fileURLToPath(new URL("../../samples/", import.meta.url));

export async function runDemo(config: Config, io: CliIo): Promise<number> {
  const store = await openStore({ path: config.databasePath });
  try {
    // The samples' README describes them; it is not a report.
    const reports = (await readdir(SAMPLES))
      .filter((name) => name !== "README.md")
      .sort()
      .map((name) => join(SAMPLES, name));
    const summary = await runIngest(reports, { store, extractor: new RuleExtractor(), maxInputBytes: config.maxInputBytes });
    io.stdout(`Sample reports: ${summary.ingested} ingested, ${summary.unchanged} already in the database, ${summary.failed} failed.\n`);
    io.stdout(`Database: ${config.databasePath}\n\n`);
    const overview = await store.summary();
    io.stdout(`${overview.documents} documents, ${overview.events} events, ${overview.figures} figures.\n\n`);
    const events = await store.findEvents({ assess: true });
    const merged = events.filter((event) => (event.assessment?.reports ?? 1) > 1);
    if (merged.length > 0) {
      io.stdout(`${merged.length} events are told by several reports and kept as one each (sitrep show ${merged[0]?.id} says why).\n\n`);
    }
    io.stdout("Events by type and country\n");
    const counts = new Map<string, number>();
    for (const event of events) {
      const key = `${event.eventType}\u0000${event.country ?? "?"}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => [...key.split("\u0000"), count]);
    io.stdout(renderTable(["event type", "country", "events"], rows) + "\n\n");
    const figures = await store.findFigures({});
    io.stdout("Reported figures\n");
    io.stdout(
      renderTable(
        ["measure", "group", "country", "period", "value", "qualifier", "source"],
        figures.map((f) => [
          f.measure,
          f.group,
          f.country,
          f.periodStart && f.periodEnd ? `${f.periodStart}..${f.periodEnd}` : "",
          f.value,
          f.qualifier + (f.derived ? " (derived)" : ""),
          f.source,
        ]),
      ) + "\n\n",
    );
    io.stdout("Next: npx sitrep events --format table   |   npx sitrep show <event-id>   |   npx sitrep figures\n");
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
