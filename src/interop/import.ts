// `sitrep import <dataset> FILE`: a dataset file into the store. Batch work reports per item
// (STYLE.md, practice 4): a bad row is one problem with its line number and the rest import.
//
// The file is read twice, both times as a stream, so memory stays flat whatever its size: the
// first pass hashes it (the import document's identity, ./import-document.ts) and checks whether
// it is valid UTF-8; the second decodes and parses it. A file that is not UTF-8 is decoded in the
// encoding ingest's ladder (src/ingest/decode.ts) finds for its first 64 KiB: a byte-order mark,
// then chardet's guess, windows-1252 last. Where that reading still cannot decode some bytes (a
// file that is UTF-8 in its first 64 KiB and damaged further on), the decoder puts U+FFFD in
// their place; a row holding one is reported by its line and not imported, rather than stored
// with a name silently broken.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { basename } from "node:path";
import iconv from "iconv-lite";
import { SitrepError } from "../domain/errors.ts";
import type { Document, Event } from "../domain/records.ts";
import type { ImportDataset } from "../domain/taxonomy.ts";
import { decodeText } from "../ingest/decode.ts";
import { registryActors } from "../resolve/actors/actors.ts";
import type { Store } from "../store/store.ts";
import { ACLED_REQUIRED, acledRowToEvent } from "./acled.ts";
import { CsvParser, type CsvItem } from "./csv.ts";
import { Columns, RowError, type ImportedRow } from "./fields.ts";
import { gdeltRowToEvent } from "./gdelt.ts";
import { GTD_REQUIRED, gtdRowToEvent } from "./gtd.ts";
import { importDocument } from "./import-document.ts";
import { stixBundleToEvents, type StixItem } from "./stix.ts";
import { UCDP_REQUIRED, ucdpRowToEvent } from "./ucdp.ts";

export interface ImportProblem {
  /** 1-based line of the record in the file (CSV, TSV); null for a STIX object. */
  readonly line: number | null;
  /** 0-based index in the bundle's `objects` (STIX); null for a line. */
  readonly object: number | null;
  readonly message: string;
}

export interface ImportReport {
  readonly dataset: ImportDataset;
  readonly document: Document;
  /** The encoding the file was read in (WHATWG name). */
  readonly encoding: string;
  /** Records read, good and bad. */
  readonly records: number;
  /** Events saved (new or already stored). */
  readonly imported: number;
  /** Of those, events the store did not hold before. */
  readonly added: number;
  /** Of those, the store's own events read back from its export, left as stored (Store.saveImportedEvents). */
  readonly own: number;
  readonly problems: readonly ImportProblem[];
}

export interface ImportOptions {
  /** Events per transaction. */
  readonly batchSize?: number;
  /**
   * An import expected to bring at least this many rows (and at least as many as the store
   * holds) sets the indexes of the events' tables aside and builds them once at the end
   * (Store.prepareBulkImport). Default DEFER_INDEXES_FROM.
   */
  readonly deferIndexesFrom?: number;
}

/**
 * Rows per transaction. Ids are hashes, so a batch touches pages all over the primary-key trees
 * (events' ids, event_documents, event_sources, event_origins), and each commit rewrites nearly
 * every page of them; a larger batch rewrites them fewer times. Measured on a 300,000-row ACLED
 * import: 10,000 rows 10,400 rows per CPU second, 50,000 rows 14,200 (peak RSS 345 -> 550 MiB);
 * on 1,000,000 rows with the indexes set aside: 50,000 rows 158 s (10,453 rows per CPU second,
 * 549 MiB), 200,000 rows 124 s (12,154, 844 MiB).
 */
const DEFAULT_BATCH_SIZE = 200_000;
/**
 * Below this many rows an import keeps the indexes up row by row: its batches are few, and
 * building every index of a large store again would cost more than it saves.
 */
export const DEFER_INDEXES_FROM = 50_000;
const CHUNK_BYTES = 1024 * 1024;
/** What a decoder writes for bytes it cannot decode. */
const REPLACEMENT_CHARACTER = "\uFFFD";
const SAMPLE_BYTES = 64 * 1024;

interface FileFacts {
  readonly sha256: string;
  readonly bytes: number;
  readonly utf8: boolean;
}

async function scan(path: string): Promise<FileFacts> {
  const hash = createHash("sha256");
  const validator = new TextDecoder("utf-8", { fatal: true });
  let utf8 = true;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    if (utf8) {
      try {
        validator.decode(chunk, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  if (utf8) {
    try {
      validator.decode();
    } catch {
      utf8 = false;
    }
  }
  return { sha256: hash.digest("hex"), bytes, utf8 };
}

interface StreamDecoder {
  write(bytes: Buffer): string;
  end(): string;
}

async function decoderFor(path: string, facts: FileFacts): Promise<{ encoding: string; decoder: StreamDecoder }> {
  let encoding = "utf-8";
  if (!facts.utf8) {
    const file = await open(path, "r");
    const sample = Buffer.alloc(Math.min(SAMPLE_BYTES, facts.bytes));
    try {
      await file.read(sample, 0, sample.byteLength, 0);
    } finally {
      await file.close();
    }
    const decoded = decodeText(sample, { origin: path });
    if (!decoded.ok) throw decoded.error;
    encoding = decoded.encoding;
  }
  if (encoding === "utf-8" || encoding === "utf-16le" || encoding === "utf-16be") {
    const decoder = new TextDecoder(encoding);
    return { encoding, decoder: { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() } };
  }
  const decoder = iconv.getDecoder(encoding);
  return { encoding, decoder: { write: (bytes) => decoder.write(bytes), end: () => decoder.end() ?? "" } };
}

/** Batches rows into transactions. A failing batch throws and is rolled back; the batches before it stay stored. */
class BatchWriter {
  readonly #store: Store;
  readonly #dataset: ImportDataset;
  readonly #document: Document;
  readonly #size: number;
  readonly #deferFrom: number;
  #rows: ImportedRow[] = [];
  #decided = false;
  imported = 0;
  added = 0;
  own = 0;
  /** Whether the first batch was written, and with it the choice about indexes made. */
  get decided(): boolean {
    return this.#decided;
  }

  /** Whether the store set its indexes aside for this import (to build them in finish()). */
  deferred = false;
  /** How many rows the whole input is expected to hold, asked when the first batch is full. */
  expectedRows: () => number = () => this.#rows.length;

  constructor(store: Store, dataset: ImportDataset, document: Document, size: number, deferFrom: number) {
    this.#store = store;
    this.#dataset = dataset;
    this.#document = document;
    this.#size = size;
    this.#deferFrom = deferFrom;
  }

  async add(row: ImportedRow): Promise<void> {
    this.#rows.push(row);
    if (this.#rows.length >= this.#size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#rows.length === 0) return;
    if (!this.#decided) {
      this.#decided = true;
      // Decided once, before the first batch: a large import into a store no larger than it
      // builds the indexes once at the end instead of keeping them up row by row.
      const expected = this.expectedRows();
      if (expected >= this.#deferFrom) this.deferred = await this.#store.prepareBulkImport(expected);
    }
    const rows = this.#rows;
    this.#rows = [];
    const events: Event[] = rows.map((row) => row.event);
    const result = await this.#store.saveImportedEvents(
      this.#dataset,
      this.#document,
      events,
      rows.map((row) => row.externalId),
      rows.map((row) => ({ originalType: row.originalType, fatalitiesLow: row.fatalitiesLow, fatalitiesHigh: row.fatalitiesHigh })),
    );
    this.imported += result.events;
    this.added += result.added;
    this.own += result.own;
  }

  /** Builds the indexes set aside, if any; also after a failed import, which then still throws its own error. */
  async finish(): Promise<void> {
    if (!this.deferred) return;
    this.deferred = false;
    await this.#store.finishBulkImport();
  }
}

type RowMapper = (fields: readonly string[], documentId: string) => ImportedRow;

function csvMapper(dataset: Exclude<ImportDataset, "stix" | "gdelt">, header: readonly string[], path: string): RowMapper {
  const columns = new Columns(header);
  const required: readonly string[] = dataset === "acled" ? ACLED_REQUIRED : dataset === "ucdp" ? UCDP_REQUIRED : GTD_REQUIRED;
  const missing = columns.missing(required);
  if (missing.length > 0) {
    throw new SitrepError(
      "IMPORT_FORMAT_INVALID",
      `${path}: not a ${dataset.toUpperCase()} CSV file: the header lacks ${missing.join(", ")}`,
      {
        input: path,
      },
    );
  }
  const map = dataset === "acled" ? acledRowToEvent : dataset === "ucdp" ? ucdpRowToEvent : gtdRowToEvent;
  return (fields, documentId) => map(columns, fields, documentId);
}

export async function importFile(store: Store, dataset: ImportDataset, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const info = await stat(path).catch(() => null);
  if (info === null) throw new SitrepError("INPUT_NOT_FOUND", `${path}: no such file`, { input: path });
  if (!info.isFile()) throw new SitrepError("INPUT_UNREADABLE", `${path}: not a file`, { input: path });
  // The alias registry goes into the store first, as ingest does: a query by any alias ("IS",
  // "Daesh") must find the dataset's events in a database that has only ever imported.
  await store.saveActors(registryActors());
  const facts = await scan(path);
  const document = importDocument(dataset, { origin: path, name: basename(path), sha256: facts.sha256, bytes: facts.bytes });
  const writer = new BatchWriter(
    store,
    dataset,
    document,
    options.batchSize ?? DEFAULT_BATCH_SIZE,
    options.deferIndexesFrom ?? DEFER_INDEXES_FROM,
  );
  try {
    const report = await readInto(writer, dataset, path, facts, document);
    await writer.finish();
    return report;
  } catch (error) {
    // The import's own error is the one to report; the indexes are built all the same (and,
    // should that fail too, by the next open of the store).
    await writer.finish().catch(() => undefined);
    throw error;
  }
}

async function readInto(
  writer: BatchWriter,
  dataset: ImportDataset,
  path: string,
  facts: FileFacts,
  document: Document,
): Promise<ImportReport> {
  const problems: ImportProblem[] = [];
  const { encoding, decoder } = await decoderFor(path, facts);

  if (dataset === "stix") {
    let text = "";
    for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) text += decoder.write(chunk);
    text += decoder.end();
    let bundle: unknown;
    try {
      bundle = JSON.parse(text.replace(/^\uFEFF/, ""));
    } catch (error) {
      throw new SitrepError("IMPORT_FORMAT_INVALID", `${path}: not JSON: ${error instanceof Error ? error.message : String(error)}`, {
        input: path,
      });
    }
    let items: StixItem[];
    try {
      items = stixBundleToEvents(bundle, document.id);
    } catch (error) {
      if (error instanceof RowError) throw new SitrepError("IMPORT_FORMAT_INVALID", `${path}: ${error.message}`, { input: path });
      throw error;
    }
    writer.expectedRows = () => items.length;
    for (const item of items) {
      if (item.kind === "row") await writer.add(item.row);
      else problems.push({ line: null, object: item.position, message: item.message });
    }
    await writer.flush();
    return {
      dataset,
      document,
      encoding,
      records: items.length,
      imported: writer.imported,
      added: writer.added,
      own: writer.own,
      problems,
    };
  }

  const gdelt = dataset === "gdelt";
  const parser = new CsvParser(gdelt ? { delimiter: "\t", quoted: false } : {});
  let mapper: RowMapper | null = gdelt ? gdeltRowToEvent : null;
  let records = 0;
  // The rows of the whole file are estimated, for the choice about indexes, from the size of the
  // rows read before the first batch: their characters (the cells and the delimiters), turned
  // into bytes at the ratio of the text decoded so far.
  let bytesRead = 0;
  let charactersRead = 0;
  let rowCharacters = 0;
  writer.expectedRows = () => {
    const rowBytes = (rowCharacters * bytesRead) / Math.max(1, charactersRead);
    return Math.round((records * facts.bytes) / Math.max(1, rowBytes));
  };
  const handle = async (items: readonly CsvItem[]): Promise<void> => {
    for (const item of items) {
      if (item.kind === "error") {
        records += 1;
        problems.push({ line: item.line, object: null, message: item.message });
        continue;
      }
      if (mapper === null) {
        if (dataset === "gdelt") throw new Error("unreachable: only CSV datasets have a header");
        mapper = csvMapper(dataset, item.fields, path);
        continue;
      }
      records += 1;
      if (!writer.decided) for (const field of item.fields) rowCharacters += field.length + 1;
      if (!facts.utf8 && item.fields.some((field) => field.includes(REPLACEMENT_CHARACTER))) {
        problems.push({
          line: item.line,
          object: null,
          message: `the row holds bytes that are not ${encoding} (the file was read as ${encoding}, the encoding of its first 64 KiB); convert the file and import it again`,
        });
        continue;
      }
      try {
        await writer.add(mapper(item.fields, document.id));
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        problems.push({ line: item.line, object: null, message: error.message });
      }
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    const text = decoder.write(chunk);
    bytesRead += chunk.byteLength;
    charactersRead += text.length;
    await handle(parser.push(text));
  }
  await handle(parser.push(decoder.end()));
  await handle(parser.end());
  if (mapper === null) throw new SitrepError("IMPORT_FORMAT_INVALID", `${path}: the file is empty`, { input: path });
  await writer.flush();
  return { dataset, document, encoding, records, imported: writer.imported, added: writer.added, own: writer.own, problems };
}
