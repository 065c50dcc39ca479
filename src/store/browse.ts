// Listings the HTTP API browses that no stage needed before: documents newest first (keyset
// pages on ingested_at, id), everything one document holds evidence for, the actor registry and
// the places met in reports. KyselyStore (./store.ts) delegates to these functions.
import type { Kysely } from "kysely";
import type { Actor, Place } from "../domain/records.ts";
import { rowToActor, rowToPlace } from "./rows.ts";
import type { Database, EvidenceOwnerKind } from "./schema.ts";

export interface DocumentSummary {
  readonly id: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: string | null;
  readonly language: string;
  readonly format: string;
  readonly origin: string;
  readonly ingestedAt: string;
  /** Events the document reported (first or later report). */
  readonly events: number;
}

/** Where a page of documents ends: the last one's ingestedAt and id. */
export interface DocumentPosition {
  readonly ingestedAt: string;
  readonly id: string;
}

export interface DocumentPage {
  readonly documents: readonly DocumentSummary[];
  readonly next: DocumentPosition | null;
}

export interface EvidenceSpan {
  readonly ownerKind: EvidenceOwnerKind;
  readonly ownerId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Newest first; ties by id, descending. */
export async function listDocuments(db: Kysely<Database>, limit: number, after?: DocumentPosition): Promise<DocumentPage> {
  let query = db
    .selectFrom("documents")
    .select(["id", "title", "publisher", "url", "published_date", "language", "format", "origin", "ingested_at"]);
  if (after !== undefined) {
    query = query.where((where) =>
      where.or([
        where("ingested_at", "<", after.ingestedAt),
        where.and([where("ingested_at", "=", after.ingestedAt), where("id", "<", after.id)]),
      ]),
    );
  }
  const rows = await query
    .orderBy("ingested_at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const counts = new Map<string, number>();
  if (page.length > 0) {
    const countRows = await db
      .selectFrom("event_documents")
      .select((select) => ["document_id", select.fn.countAll().as("events")])
      .where(
        "document_id",
        "in",
        page.map((row) => row.id),
      )
      .groupBy("document_id")
      .execute();
    for (const row of countRows) counts.set(row.document_id, Number(row.events));
  }
  const last = page[page.length - 1];
  return {
    documents: page.map((row) => ({
      id: row.id,
      title: row.title,
      publisher: row.publisher,
      url: row.url,
      publishedDate: row.published_date,
      language: row.language,
      format: row.format,
      origin: row.origin,
      ingestedAt: row.ingested_at,
      events: counts.get(row.id) ?? 0,
    })),
    next: rows.length > limit && last !== undefined ? { ingestedAt: last.ingested_at, id: last.id } : null,
  };
}

/** Every evidence span inside one document, in text order: what a reader highlights. */
export async function documentEvidence(db: Kysely<Database>, documentId: string): Promise<EvidenceSpan[]> {
  const rows = await db
    .selectFrom("evidence")
    .select(["owner_kind", "owner_id", "start_offset", "end_offset", "text"])
    .where("document_id", "=", documentId)
    .orderBy("start_offset")
    .orderBy("end_offset")
    .orderBy("owner_kind")
    .orderBy("owner_id")
    .execute();
  return rows.map((row) => ({
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
  }));
}

/** Ids of the events a document reported, first or later report, in id order. */
export async function documentEventIds(db: Kysely<Database>, documentId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("event_documents")
    .select("event_id")
    .where("document_id", "=", documentId)
    .orderBy("event_id")
    .execute();
  return rows.map((row) => row.event_id);
}

/** Every actor, by canonical name, with its aliases. */
export async function listActors(db: Kysely<Database>): Promise<Actor[]> {
  const rows = await db.selectFrom("actors").selectAll().orderBy("canonical_name").execute();
  const aliases = await db.selectFrom("actor_aliases").select(["canonical_name", "alias"]).orderBy("alias").execute();
  const byActor = new Map<string, string[]>();
  for (const alias of aliases) {
    const list = byActor.get(alias.canonical_name) ?? [];
    list.push(alias.alias);
    byActor.set(alias.canonical_name, list);
  }
  return rows.map((row) => rowToActor(row, byActor.get(row.canonical_name) ?? []));
}

export interface PlaceFilter {
  readonly country?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Places met in reports, by country, admin1 and name. */
export async function listPlaces(db: Kysely<Database>, filter: PlaceFilter): Promise<Place[]> {
  let query = db.selectFrom("places").selectAll();
  if (filter.country !== undefined) query = query.where("country", "=", filter.country.toUpperCase());
  const rows = await query.orderBy("country").orderBy("admin1").orderBy("name").limit(filter.limit).offset(filter.offset).execute();
  return rows.map(rowToPlace);
}
