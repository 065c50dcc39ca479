// `sitrep ingest`: a progress bar on a terminal, one line per failed input with its code, and a
// summary. Exits 1 when any input failed, saying how many.
import cliProgress from "cli-progress";
import type { Config } from "../config/config.ts";
import { RuleExtractor } from "../extract/extractor.ts";
import { inputName } from "../ingest/errors.ts";
import { runIngest, type IngestItemResult } from "../jobs/ingest.ts";
import { openStore } from "../store/store.ts";
import type { CliIo } from "./main.ts";
import { renderTable } from "./output.ts";

export async function runIngestCommand(
  inputs: readonly string[],
  options: { format: "table" | "json"; quiet?: boolean },
  config: Config,
  io: CliIo,
): Promise<number> {
  const store = await openStore({ path: config.databasePath });
  const bar =
    io.isTerminal && !options.quiet && options.format === "table"
      ? new cliProgress.SingleBar(
          { format: "ingest [{bar}] {value}/{total} {origin}", stream: process.stderr, clearOnComplete: true, hideCursor: true },
          cliProgress.Presets.shades_classic,
        )
      : null;
  try {
    const summary = await runIngest(inputs, {
      store,
      extractor: new RuleExtractor(),
      maxInputBytes: config.maxInputBytes,
      onStart: (total) => bar?.start(total, 0, { origin: "" }),
      onItem: (result, done) => bar?.update(done, { origin: result.origin.slice(-40) }),
    });
    bar?.stop();
    if (options.format === "json") {
      io.stdout(JSON.stringify(summary.results.map(toJson), null, 2) + "\n");
    } else if (!options.quiet) {
      const rows = summary.results.map((r) => [
        r.status,
        r.origin,
        r.documentId ?? "",
        r.status === "failed" ? `${r.error?.code}: ${r.error?.message}` : `${r.events} events, ${r.figures} figures`,
      ]);
      if (rows.length > 0) io.stdout(renderTable(["result", "input", "document", "details"], rows) + "\n");
    }
    for (const failed of summary.results.filter((r) => r.status === "failed")) {
      // Ingest errors already name their input; others get it in front.
      const message = failed.error?.message ?? "";
      const named = `${inputName(failed.origin)}: `;
      const reason = message.startsWith(named) ? message.slice(named.length) : message;
      io.stderr(`${failed.origin}: failed [${failed.error?.code}]: ${reason}\n`);
    }
    io.stderr(
      `${summary.ingested} ingested, ${summary.unchanged} unchanged, ${summary.failed} failed (database: ${config.databasePath})\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}

function toJson(result: IngestItemResult): Record<string, unknown> {
  return {
    input: result.origin,
    status: result.status,
    document_id: result.documentId,
    title: result.title,
    events: result.events,
    figures: result.figures,
    error: result.error,
  };
}
