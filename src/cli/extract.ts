// `sitrep extract`: extraction without a database. With `--format eval --out DIR` it follows the
// contract in ../shared/eval/README.md: one JSON file per report, mirroring the input folders.
import { mkdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { eventToEval, eventToWire, figureToEval, figureToWire } from "../domain/wire.ts";
import { RuleExtractor } from "../extract/extractor.ts";
import { convertSource } from "../ingest/convert.ts";
import { inputName } from "../ingest/errors.ts";
import { expandInputs, readSource, type InputItem, type InputSource } from "../ingest/inputs.ts";
import { SitrepError } from "../domain/errors.ts";
import type { CliIo } from "./main.ts";

interface ReportFile {
  readonly source: InputSource;
  readonly outPath: string | null;
}

/** The reports an argument names: the file itself, or every *.txt below a folder (the eval contract). */
async function reportsOf(argument: string, out: string | undefined): Promise<{ files: ReportFile[]; failures: InputItem[] }> {
  const items = await expandInputs([argument]);
  const isFolder = await stat(argument).then(
    (info) => info.isDirectory(),
    () => false,
  );
  const files: ReportFile[] = [];
  const failures: InputItem[] = [];
  for (const item of items) {
    if (item.kind === "failed") {
      failures.push(item);
      continue;
    }
    if (item.kind === "stdin" || item.kind === "url") {
      files.push({ source: item, outPath: out ? join(out, `${item.kind}.json`) : null });
      continue;
    }
    if (isFolder && extname(item.path) !== ".txt") continue;
    const id = basename(item.path, extname(item.path));
    const folder = isFolder ? relative(resolve(argument), dirname(item.path)) : "";
    files.push({ source: item, outPath: out ? join(out, folder, `${id}.json`) : null });
  }
  return { files, failures };
}

async function extractOne(extractor: RuleExtractor, source: InputSource, format: "eval" | "json", maxInputBytes: number) {
  const read = await readSource(source, maxInputBytes);
  const converted = read.ok ? await convertSource(read.bytes, { origin: source.origin, fileName: read.fileName, url: read.url }) : read;
  if (!converted.ok) return { error: converted.error, referenceDate: null, events: [], figures: [] };
  const document = converted.document;
  try {
    const extraction = extractor.extract({
      documentId: document.id,
      text: document.text,
      publishedDate: document.publishedDate,
      title: document.title,
    });
    return {
      error: null,
      referenceDate: extraction.referenceDate,
      events: format === "eval" ? extraction.events.map(eventToEval) : extraction.events.map(eventToWire),
      figures: format === "eval" ? extraction.figures.map(figureToEval) : extraction.figures.map(figureToWire),
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      error: new SitrepError("EXTRACT_FAILED", `${source.origin}: extraction failed: ${reason}`, { input: source.origin, cause: error }),
      referenceDate: null,
      events: [],
      figures: [],
    };
  }
}

export async function runExtract(
  paths: readonly string[],
  options: { format: "eval" | "json"; out?: string },
  maxInputBytes: number,
  io: CliIo,
): Promise<number> {
  const extractor = new RuleExtractor();
  let failed = 0;
  const report = (origin: string, error: SitrepError): void => {
    const named = `${inputName(origin)}: `;
    const reason = error.message.startsWith(named) ? error.message.slice(named.length) : error.message;
    io.stderr(`${origin}: failed [${error.code}]: ${reason}\n`);
    failed++;
  };
  const jsonResults: unknown[] = [];
  for (const argument of paths) {
    const { files, failures } = await reportsOf(argument, options.out);
    for (const failure of failures) if (failure.kind === "failed") report(failure.origin, failure.error);
    // One report that fails to read, convert, extract or write fails alone; the batch goes on.
    for (const file of files) {
      const result = await extractOne(extractor, file.source, options.format, maxInputBytes);
      if (result.error) report(file.source.origin, result.error);
      const id = file.source.kind === "file" ? basename(file.source.path, extname(file.source.path)) : "stdin";
      const record = { id, reference_date: result.referenceDate, events: result.events, figures: result.figures };
      if (!file.outPath) {
        jsonResults.push(record);
        continue;
      }
      try {
        await mkdir(dirname(file.outPath), { recursive: true });
        await writeFile(file.outPath, JSON.stringify(record, null, 2) + "\n");
      } catch (error) {
        report(
          file.source.origin,
          new SitrepError(
            "INPUT_UNREADABLE",
            `could not write ${file.outPath}: ${error instanceof Error ? error.message : String(error)}`,
            { input: file.outPath },
          ),
        );
      }
    }
  }
  if (!options.out) io.stdout(JSON.stringify(jsonResults, null, 2) + "\n");
  if (failed > 0) io.stderr(`${failed} input(s) failed\n`);
  return failed > 0 ? 1 : 0;
}
