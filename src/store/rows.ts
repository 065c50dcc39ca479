// Records <-> rows. Pure: no SQL here. Values read back are checked against the domain's
// vocabularies rather than cast, so a row the schema's CHECKs let through but the domain does
// not know fails loudly instead of travelling on mistyped.
import type {
  Actor,
  ActorKind,
  DatePrecision,
  Document,
  DocumentFormat,
  Event,
  Evidence,
  Extraction,
  Figure,
  GeoPrecision,
  Mention,
  MentionType,
  Place,
  Statement,
} from "../domain/records.ts";
import {
  EVENT_STATUSES,
  EVENT_TYPES,
  FIGURE_MEASURES,
  FIGURE_QUALIFIERS,
  IMPORT_DATASETS,
  type EventType,
  type ImportDataset,
} from "../domain/taxonomy.ts";
import type {
  ActorRow,
  DocumentRow,
  EventRow,
  EvidenceOwnerKind,
  FigureRow,
  MentionRow,
  NewEvidence,
  PlaceRow,
  StatementRow,
} from "./schema.ts";

const DATE_PRECISIONS = ["day", "month", "year"] as const satisfies readonly DatePrecision[];
const GEO_PRECISIONS = ["point", "town", "district", "region", "country"] as const satisfies readonly GeoPrecision[];
const DOCUMENT_FORMATS = ["text", "markdown", "html", "pdf"] as const satisfies readonly DocumentFormat[];
const REFERENCE_DATE_SOURCES = [
  "published",
  "dateline",
  "inferred",
  "none",
] as const satisfies readonly Extraction["referenceDateSource"][];
const ACTOR_KINDS = ["armed_group", "state_force", "person", "organization"] as const satisfies readonly ActorKind[];
const MENTION_TYPES = [
  "armed_group",
  "state_force",
  "person",
  "organization",
  "place",
  "country",
  "date",
  "number",
] as const satisfies readonly MentionType[];

function member<const T extends string>(values: readonly T[], value: string, column: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`unexpected value "${value}" in column ${column}`);
  return found;
}

function memberOrNull<const T extends string>(values: readonly T[], value: string | null, column: string): T | null {
  return value === null ? null : member(values, value, column);
}

export function eventTypeOf(value: string): EventType {
  return member(EVENT_TYPES, value, "events.event_type");
}

export function importDatasetOf(value: string): ImportDataset {
  return member(IMPORT_DATASETS, value, "event_origins.dataset");
}

export interface StoredDocument {
  readonly document: Document;
  /** ISO 8601 UTC timestamp of the save. */
  readonly ingestedAt: string;
  readonly referenceDate: string | null;
  readonly referenceDateSource: Extraction["referenceDateSource"];
}

export function documentToRow(document: Document, extraction: Extraction, ingestedAt: string): DocumentRow {
  return {
    id: document.id,
    content_hash: document.contentHash,
    title: document.title,
    publisher: document.publisher,
    url: document.url,
    published_date: document.publishedDate,
    language: document.language,
    format: document.format,
    origin: document.origin,
    text: document.text,
    ingested_at: ingestedAt,
    reference_date: extraction.referenceDate,
    reference_date_source: extraction.referenceDateSource,
  };
}

export function rowToStoredDocument(row: DocumentRow): StoredDocument {
  return {
    document: {
      kind: "document",
      id: row.id,
      contentHash: row.content_hash,
      title: row.title,
      publisher: row.publisher,
      url: row.url,
      publishedDate: row.published_date,
      language: row.language,
      format: member(DOCUMENT_FORMATS, row.format, "documents.format"),
      origin: row.origin,
      text: row.text,
    },
    ingestedAt: row.ingested_at,
    referenceDate: row.reference_date,
    referenceDateSource: member(REFERENCE_DATE_SOURCES, row.reference_date_source, "documents.reference_date_source"),
  };
}

export function eventToRow(event: Event): EventRow {
  return {
    id: event.id,
    document_id: event.documentId,
    event_type: event.eventType,
    sub_event_type: event.subEventType,
    event_date: event.eventDate,
    date_precision: event.datePrecision,
    country: event.country,
    admin1: event.admin1,
    location: event.location,
    latitude: event.latitude,
    longitude: event.longitude,
    geo_precision: event.geoPrecision,
    actor1: event.actor1,
    actor2: event.actor2,
    perpetrator_group: event.perpetratorGroup,
    fatalities: event.fatalities,
    status: event.status,
  };
}

export function rowToEvent(row: EventRow, sources: readonly string[], evidence: readonly Evidence[]): Event {
  return {
    kind: "event",
    id: row.id,
    documentId: row.document_id,
    eventType: eventTypeOf(row.event_type),
    subEventType: row.sub_event_type,
    eventDate: row.event_date,
    datePrecision: memberOrNull(DATE_PRECISIONS, row.date_precision, "events.date_precision"),
    country: row.country,
    admin1: row.admin1,
    location: row.location,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: memberOrNull(GEO_PRECISIONS, row.geo_precision, "events.geo_precision"),
    actor1: row.actor1,
    actor2: row.actor2,
    perpetratorGroup: row.perpetrator_group,
    fatalities: row.fatalities,
    status: member(EVENT_STATUSES, row.status, "events.status"),
    sources,
    evidence,
  };
}

export function figureToRow(figure: Figure): FigureRow {
  return {
    id: figure.id,
    document_id: figure.documentId,
    measure: figure.measure,
    group_name: figure.group,
    country: figure.country,
    period_start: figure.periodStart,
    period_end: figure.periodEnd,
    value: figure.value,
    qualifier: figure.qualifier,
    source: figure.source,
    derived: figure.derived ? 1 : 0,
    unit: figure.unit,
  };
}

export function rowToFigure(row: FigureRow, evidence: readonly Evidence[]): Figure {
  return {
    kind: "figure",
    id: row.id,
    documentId: row.document_id,
    measure: member(FIGURE_MEASURES, row.measure, "figures.measure"),
    group: row.group_name,
    country: row.country,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    value: row.value,
    qualifier: member(FIGURE_QUALIFIERS, row.qualifier, "figures.qualifier"),
    source: row.source,
    derived: row.derived === 1,
    unit: row.unit,
    evidence,
  };
}

export function statementToRow(statement: Statement): StatementRow {
  return {
    id: statement.id,
    document_id: statement.documentId,
    speaker: statement.speaker,
    speaker_role: statement.speakerRole,
    cue: statement.cue,
    stated_on: statement.statedOn,
  };
}

export function rowToStatement(row: StatementRow, evidence: Evidence | undefined): Statement {
  if (evidence === undefined) throw new Error(`statement ${row.id} has no evidence row`);
  return {
    kind: "statement",
    id: row.id,
    documentId: row.document_id,
    speaker: row.speaker,
    speakerRole: row.speaker_role,
    cue: row.cue,
    statedOn: row.stated_on,
    evidence,
  };
}

export function mentionToRow(mention: Mention): MentionRow {
  return {
    document_id: mention.documentId,
    mention_type: mention.mentionType,
    start_offset: mention.start,
    end_offset: mention.end,
    text: mention.text,
    canonical: mention.canonical,
  };
}

export function rowToMention(row: MentionRow): Mention {
  return {
    kind: "mention",
    documentId: row.document_id,
    mentionType: member(MENTION_TYPES, row.mention_type, "mentions.mention_type"),
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    canonical: row.canonical,
  };
}

export function actorToRow(actor: Actor): ActorRow {
  return { canonical_name: actor.canonicalName, actor_kind: actor.actorKind, country: actor.country, role: actor.role };
}

export function rowToActor(row: ActorRow, aliases: readonly string[]): Actor {
  return {
    kind: "actor",
    canonicalName: row.canonical_name,
    aliases,
    actorKind: member(ACTOR_KINDS, row.actor_kind, "actors.actor_kind"),
    country: row.country,
    role: row.role,
  };
}

export function placeToRow(place: Place): PlaceRow {
  return {
    name: place.name,
    country: place.country,
    admin1: place.admin1,
    latitude: place.latitude,
    longitude: place.longitude,
    geo_precision: place.geoPrecision,
    geonameid: place.geonameId,
  };
}

export function rowToPlace(row: PlaceRow): Place {
  return {
    kind: "place",
    name: row.name,
    country: row.country,
    admin1: row.admin1,
    latitude: row.latitude,
    longitude: row.longitude,
    geoPrecision: member(GEO_PRECISIONS, row.geo_precision, "places.geo_precision"),
    geonameId: row.geonameid,
  };
}

export function evidenceToRows(ownerKind: EvidenceOwnerKind, ownerId: string, evidence: readonly Evidence[]): NewEvidence[] {
  return evidence.map((span, position) => ({
    owner_kind: ownerKind,
    owner_id: ownerId,
    document_id: span.documentId,
    start_offset: span.start,
    end_offset: span.end,
    position,
    text: span.text,
  }));
}
