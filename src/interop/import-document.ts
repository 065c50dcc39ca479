// The document an imported file stands as. Every event in the store names the document that
// first reported it (events.document_id is NOT NULL and references documents), and imported
// events have no news report behind them. Rather than loosening that constraint, an import file
// is itself a source document: its text is one line naming the dataset and the file's SHA-256,
// so its id comes from the file's content like any document's (ADR-9): the same file imported
// again, from any path, is the same document, and provenance stays in one model (`sitrep show`
// lists it among the event's sources). The file's rows are not copied into the text: a GDELT
// or ACLED dump would bloat the full-text index with nothing a search wants.
import { createDocument } from "../domain/document.ts";
import type { Document } from "../domain/records.ts";
import type { ImportDataset } from "../domain/taxonomy.ts";

/** Who publishes each dataset, as the document's publisher. */
export const DATASET_PUBLISHERS: Readonly<Record<ImportDataset, string>> = {
  acled: "ACLED (Armed Conflict Location & Event Data)",
  ucdp: "UCDP (Uppsala Conflict Data Program) GED",
  gtd: "GTD (Global Terrorism Database, START)",
  gdelt: "GDELT Project",
  stix: "STIX 2.1 bundle",
};

export function importDocument(dataset: ImportDataset, file: { origin: string; name: string; sha256: string; bytes: number }): Document {
  return createDocument({
    text: `Events imported from ${DATASET_PUBLISHERS[dataset]}: a file of ${file.bytes} bytes with SHA-256 ${file.sha256}.`,
    format: "text",
    origin: file.origin,
    title: `${dataset} import: ${file.name}`,
    publisher: DATASET_PUBLISHERS[dataset],
  });
}
