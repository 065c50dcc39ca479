// The Document factory. Identity comes from the text alone (STYLE.md, practice 3): the same
// normalised text read from a file, from stdin or from a URL gets the same id, so a re-ingest
// is an upsert. Callers pass text that is already normalised (src/ingest does that); hashing
// anything else would give one report several ids.
import { documentIdFromHash, sha256Hex } from "./ids.ts";
import type { Document, DocumentFormat, PartialDate } from "./records.ts";

export interface DocumentFields {
  readonly text: string;
  readonly format: DocumentFormat;
  readonly origin: string;
  readonly title?: string | null;
  readonly publisher?: string | null;
  readonly url?: string | null;
  readonly publishedDate?: PartialDate | null;
  /** BCP 47 primary language subtag; English unless the caller knows better. */
  readonly language?: string;
}

export function createDocument(fields: DocumentFields): Document {
  const contentHash = sha256Hex(fields.text);
  return Object.freeze({
    kind: "document",
    id: documentIdFromHash(contentHash),
    contentHash,
    title: fields.title ?? null,
    publisher: fields.publisher ?? null,
    url: fields.url ?? null,
    publishedDate: fields.publishedDate ?? null,
    language: fields.language ?? "en",
    format: fields.format,
    origin: fields.origin,
    text: fields.text,
  });
}
