// An ingest run: every input gets a result (ingested / unchanged / failed with a code), one bad
// input never stops the others (STYLE.md, practice 4), and a document is stored with everything
// extracted from it in one transaction, so a failure leaves nothing half-written.
import { SitrepError, isSitrepError, type ErrorCode } from "../domain/errors.ts";
import type { Document, PartialDate } from "../domain/records.ts";
import type { Extractor } from "../extract/extractor.ts";
import { convertSource } from "../ingest/convert.ts";
import type { FetchOptions } from "../ingest/fetch.ts";
import { expandInputs, readSource, type InputItem, type ReadResult } from "../ingest/inputs.ts";
import type { Store } from "../store/store.ts";
import { registryActors } from "../resolve/actors/actors.ts";

export interface IngestItemResult {
  readonly origin: string;
  readonly status: "ingested" | "unchanged" | "failed";
  readonly documentId: string | null;
  readonly title: string | null;
  readonly events: number;
  readonly figures: number;
  readonly error: { readonly code: ErrorCode; readonly message: string } | null;
}

export interface IngestSummary {
  readonly results: readonly IngestItemResult[];
  readonly ingested: number;
  readonly unchanged: number;
  readonly failed: number;
}

export interface IngestDependencies {
  readonly store: Store;
  readonly extractor: Extractor;
  readonly maxInputBytes: number;
  /** How URLs are fetched (timeouts; the tests' loopback allow-list). The size cap is maxInputBytes. */
  readonly fetch?: FetchOptions;
  /** Called once the inputs are known, then after each item. */
  readonly onStart?: (total: number) => void;
  readonly onItem?: (result: IngestItemResult, done: number, total: number) => void;
}

/**
 * Extraction errors are wrapped where they happen; anything else that escapes (a raw database
 * error from a look-up) is the store's.
 */
function failure(origin: string, error: unknown): IngestItemResult {
  const known = isSitrepError(error)
    ? error
    : new SitrepError("STORE_WRITE_FAILED", error instanceof Error ? error.message : String(error), { input: origin });
  return {
    origin,
    status: "failed",
    documentId: null,
    title: null,
    events: 0,
    figures: 0,
    error: { code: known.code, message: known.message },
  };
}

export async function ingestItem(item: InputItem, deps: IngestDependencies): Promise<IngestItemResult> {
  if (item.kind === "failed") return failure(item.origin, item.error);
  let read: ReadResult;
  try {
    read = await readSource(item, deps.maxInputBytes, { fetch: deps.fetch });
  } catch (error) {
    return failure(item.origin, error);
  }
  if (!read.ok) return failure(item.origin, read.error);
  return ingestBytes({ origin: item.origin, bytes: read.bytes, fileName: read.fileName, url: read.url }, deps);
}

/**
 * Bytes already read (an upload, a posted text, a feed item's own text) and what is known of them
 * beside their content. `origin` names the input in the result and in errors.
 */
export interface ByteSource {
  readonly origin: string;
  readonly bytes: Uint8Array;
  readonly fileName?: string | undefined;
  readonly url?: string | undefined;
  /** Metadata the sender gave, kept over what conversion found (a posted text has no title of its own). */
  readonly title?: string | undefined;
  readonly publishedDate?: PartialDate | undefined;
}

/** Converts, extracts and stores one source's bytes, once, as for any input; never throws. */
export async function ingestBytes(source: ByteSource, deps: IngestDependencies): Promise<IngestItemResult> {
  try {
    const converted = await convertSource(source.bytes, {
      origin: source.origin,
      fileName: source.fileName,
      maxBytes: deps.maxInputBytes,
      url: source.url,
    });
    if (!converted.ok) return failure(source.origin, converted.error);
    const document: Document = {
      ...converted.document,
      title: source.title ?? converted.document.title,
      publishedDate: source.publishedDate ?? converted.document.publishedDate,
    };
    if (await deps.store.hasDocument(document.contentHash)) {
      return {
        origin: source.origin,
        status: "unchanged",
        documentId: document.id,
        title: document.title,
        events: 0,
        figures: 0,
        error: null,
      };
    }
    let extraction;
    try {
      extraction = deps.extractor.extract({
        documentId: document.id,
        text: document.text,
        publishedDate: document.publishedDate,
        title: document.title,
      });
    } catch (error) {
      throw new SitrepError("EXTRACT_FAILED", `extraction failed: ${error instanceof Error ? error.message : String(error)}`, {
        input: source.origin,
        cause: error,
      });
    }
    const saved = await deps.store.saveDocument(document, extraction);
    return {
      origin: source.origin,
      status: saved.status,
      documentId: saved.documentId,
      title: document.title,
      events: saved.events,
      figures: saved.figures,
      error: null,
    };
  } catch (error) {
    return failure(source.origin, error);
  }
}

export async function runIngest(args: readonly string[], deps: IngestDependencies): Promise<IngestSummary> {
  // The alias registry goes into the store first, so that a query by any alias ("ISIS", "Daesh")
  // finds the group's events whatever name the reports used.
  await deps.store.saveActors(registryActors());
  const items = await expandInputs(args);
  deps.onStart?.(items.length);
  const results: IngestItemResult[] = [];
  for (const item of items) {
    const result = await ingestItem(item, deps);
    results.push(result);
    deps.onItem?.(result, results.length, items.length);
  }
  return {
    results,
    ingested: results.filter((r) => r.status === "ingested").length,
    unchanged: results.filter((r) => r.status === "unchanged").length,
    failed: results.filter((r) => r.status === "failed").length,
  };
}
