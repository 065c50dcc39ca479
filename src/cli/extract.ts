// `sitrep extract`: extraction without a database. With `--format eval --out DIR` it follows the
// contract in ../shared/eval/README.md: one JSON file per report, mirroring the input folders.
import { mkdir, readdir, stat, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { eventToEval, eventToWire, figureToEval, figureToWire } from "../domain/wire.ts";
import { RuleExtractor } from "../extract/extractor.ts";
import { convertSource } from "../ingest/convert.ts";
import { readSource } from "../ingest/inputs.ts";
import type { CliIo } from "./main.ts";

async function findReports(folder: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith(".")) found.push(...(await findReports(path)));
    else if (entry.isFile() && entry.name.endsWith(".txt")) found.push(path);
  }
  return found;
}

export async function runExtract(
  paths: readonly string[],
  options: { format: "eval" | "json"; out?: string },
  maxInputBytes: number,
  io: CliIo,
): Promise<number> {
  const extractor = new RuleExtractor();
  let failed = 0;
  const jsonResults: unknown[] = [];
  for (const argument of paths) {
    let files: { path: string; outPath: string | null }[];
    try {
      const info = await stat(argument);
      const reports = info.isDirectory() ? await findReports(argument) : [argument];
      files = reports.map((path) => {
        const id = basename(path, extname(path));
        const folder = info.isDirectory() ? relative(argument, dirname(path)) : "";
        return { path, outPath: options.out ? join(options.out, folder, `${id}.json`) : null };
      });
    } catch {
      io.stderr(`${argument}: failed [INPUT_NOT_FOUND]: the path does not exist\n`);
      failed++;
      continue;
    }
    for (const file of files) {
      let events: unknown[] = [];
      let figures: unknown[] = [];
      let referenceDate: string | null = null;
      // Read under the same size limit as ingest; one unreadable file fails alone.
      const read = await readSource({ kind: "file", origin: file.path, path: resolve(file.path) }, maxInputBytes);
      const converted = read.ok ? await convertSource(read.bytes, { origin: file.path, fileName: file.path }) : read;
      if (converted.ok) {
        const document = converted.document;
        const extraction = extractor.extract({
          documentId: document.id,
          text: document.text,
          publishedDate: document.publishedDate,
          title: document.title,
        });
        referenceDate = extraction.referenceDate;
        events = options.format === "eval" ? extraction.events.map(eventToEval) : extraction.events.map(eventToWire);
        figures = options.format === "eval" ? extraction.figures.map(figureToEval) : extraction.figures.map(figureToWire);
      } else {
        io.stderr(`${file.path}: failed [${converted.error.code}]: ${converted.error.message}\n`);
        failed++;
      }
      const record = { id: basename(file.path, extname(file.path)), reference_date: referenceDate, events, figures };
      if (file.outPath) {
        await mkdir(dirname(file.outPath), { recursive: true });
        await writeFile(file.outPath, JSON.stringify(record, null, 2) + "\n");
      } else jsonResults.push(record);
    }
  }
  if (!options.out) io.stdout(JSON.stringify(jsonResults, null, 2) + "\n");
  if (failed > 0) io.stderr(`${failed} input(s) failed\n`);
  return failed > 0 ? 1 : 0;
}
