// The tables every dialect shares, typed for Kysely. Column types are the ones both SQLite and
// PostgreSQL hand back through their drivers: text as string, integer and double precision as
// number. Booleans are stored as 0/1 integers because better-sqlite3 cannot bind a boolean.
// Dialect-only tables (SQLite's FTS5 index) are not here; their modules reach them with `sql`.
import type { Insertable, Selectable } from "kysely";

export interface Database {
  documents: DocumentsTable;
  events: EventsTable;
  event_documents: EventDocumentsTable;
  event_sources: EventSourcesTable;
  evidence: EvidenceTable;
  figures: FiguresTable;
  statements: StatementsTable;
  mentions: MentionsTable;
  actors: ActorsTable;
  actor_aliases: ActorAliasesTable;
  places: PlacesTable;
  event_origins: EventOriginsTable;
  event_rollup: EventRollupTable;
  event_reviews: EventReviewsTable;
  event_edits: EventEditsTable;
  event_cells: EventCellsTable;
}

export interface DocumentsTable {
  id: string;
  content_hash: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published_date: string | null;
  language: string;
  format: string;
  origin: string;
  text: string;
  /** ISO 8601 UTC timestamp of the write. */
  ingested_at: string;
  reference_date: string | null;
  reference_date_source: string;
}

export interface EventsTable {
  id: string;
  /** The document that first reported the event; later reports are in event_documents. */
  document_id: string;
  event_type: string;
  sub_event_type: string | null;
  event_date: string | null;
  date_precision: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: string | null;
  actor1: string | null;
  actor2: string | null;
  perpetrator_group: string | null;
  fatalities: number | null;
  status: string;
}

/**
 * Events counted per month and grouping values, maintained by each dialect's own migration
 * (SQLite: triggers in ./sqlite/migrations/0004_event_rollup.ts, rebuilt by 0011_rollup_subtypes).
 * Read by countEvents and tallyEvents.
 */
export interface EventRollupTable {
  /** The grouping values below as one key; its form is the dialect's. */
  rollup_key: string;
  perpetrator_group: string | null;
  actor1: string | null;
  actor2: string | null;
  country: string | null;
  admin1: string | null;
  event_type: string;
  sub_event_type: string | null;
  status: string;
  /** The event date's first seven characters: "2024-03", or "2024" for a year-only date. */
  month: string | null;
  events: number;
  fatalities: number;
  /** Events whose death toll is known (not null); `fatalities` sums theirs. */
  known_tolls: number;
}

/** Every document that reported an event, the first one included. */
export interface EventDocumentsTable {
  event_id: string;
  document_id: string;
}

/** One row per attribution as written, in the order the extraction gave them. */
export interface EventSourcesTable {
  event_id: string;
  document_id: string;
  position: number;
  attribution: string;
}

export type EvidenceOwnerKind = "event" | "figure" | "statement";

export interface EvidenceTable {
  owner_kind: EvidenceOwnerKind;
  owner_id: string;
  document_id: string;
  start_offset: number;
  end_offset: number;
  /** Order of the span within its owner's evidence from one save. */
  position: number;
  text: string;
}

export interface FiguresTable {
  id: string;
  document_id: string;
  measure: string;
  /** Figure.group; `group` is a reserved word in SQL. */
  group_name: string | null;
  country: string | null;
  period_start: string | null;
  period_end: string | null;
  value: number;
  qualifier: string;
  source: string | null;
  /** 0 or 1. */
  derived: number;
  unit: string | null;
}

export interface StatementsTable {
  id: string;
  document_id: string;
  speaker: string;
  speaker_role: string | null;
  cue: string;
  stated_on: string | null;
}

export interface MentionsTable {
  document_id: string;
  mention_type: string;
  start_offset: number;
  end_offset: number;
  text: string;
  canonical: string | null;
}

export interface ActorsTable {
  canonical_name: string;
  actor_kind: string;
  country: string | null;
  role: string | null;
}

export interface ActorAliasesTable {
  /** The alias folded by `foldName` (./fold.ts): the lookup key. */
  alias_key: string;
  /** The alias as first written. */
  alias: string;
  canonical_name: string;
}

export interface PlacesTable {
  name: string;
  country: string;
  admin1: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: string;
  geonameid: number | null;
}

/** An imported event's dataset and the id that dataset gave it (migrations/0003_event_origins.ts). */
export interface EventOriginsTable {
  dataset: string;
  external_id: string;
  event_id: string;
  /** The dataset's own classification where the ACLED type is mapped from it ("CAMEO 193"). */
  original_type: string | null;
  /** The dataset's low and high estimates of the deaths (UCDP GED), migration 0012. */
  fatalities_low: number | null;
  fatalities_high: number | null;
}

/** The latest review decision per event (migrations/0007_event_review.ts); no row: not reviewed. */
export interface EventReviewsTable {
  event_id: string;
  review_status: string;
  reviewer: string;
  /** ISO 8601 UTC timestamp. */
  reviewed_at: string;
  note: string | null;
}

/** One row per field an edit changed; values are JSON. */
export interface EventEditsTable {
  event_id: string;
  revision: number;
  field: string;
  old_value: string;
  new_value: string;
  editor: string;
  edited_at: string;
  note: string | null;
}

/**
 * Events per fine map cell and the rollup's grouping values, maintained by each dialect's own
 * migration (SQLite: ./sqlite/migrations/0007_map_cells.ts). Read only by the map.
 */
export interface EventCellsTable {
  cell_key: string;
  /** floor((longitude + 180) * 256) and floor((latitude + 90) * 256); NULL without coordinates. */
  cell_x: number | null;
  cell_y: number | null;
  perpetrator_group: string | null;
  actor1: string | null;
  actor2: string | null;
  country: string | null;
  admin1: string | null;
  event_type: string;
  status: string;
  month: string | null;
  /** 1 for events whose point stands for a region or a country. */
  approximate: number;
  events: number;
  fatalities: number;
  latitude_sum: number;
  longitude_sum: number;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type EventRow = Selectable<EventsTable>;
export type FigureRow = Selectable<FiguresTable>;
export type StatementRow = Selectable<StatementsTable>;
export type MentionRow = Selectable<MentionsTable>;
export type ActorRow = Selectable<ActorsTable>;
export type PlaceRow = Selectable<PlacesTable>;
export type NewEvidence = Insertable<EvidenceTable>;
