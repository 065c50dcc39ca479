// The records every stage shares. Readonly and tagged with `kind` so that a `switch` over a
// union of them is checked for exhaustiveness. Field names are the domain's; the wire vocabulary
// of GOLD-FORMAT.md (snake_case) is produced by ./wire.ts alone.
import type { EventAssessment, FigureAssessment } from "./incidents.ts";
import type { EventStatus, EventType, FigureMeasure, FigureQualifier } from "./taxonomy.ts";

/** ISO 8601 calendar date at the precision the text allows: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;
export type DatePrecision = "day" | "month" | "year";

/**
 * How precisely a place is known. "region" covers both administrative regions (a governorate)
 * and descriptive ones ("northern Iraq"); such places have no point coordinates.
 */
export type GeoPrecision = "point" | "town" | "district" | "region" | "country";

export type DocumentFormat = "text" | "markdown" | "html" | "pdf";

export interface Document {
  readonly kind: "document";
  /** `doc_` + the first 16 hex digits of the content hash: the same text gives the same id. */
  readonly id: string;
  /** SHA-256 of the normalised text, hex. */
  readonly contentHash: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  /** Publication date given by the document or its metadata, never guessed. */
  readonly publishedDate: PartialDate | null;
  readonly language: string;
  readonly format: DocumentFormat;
  /** Where it was read from: a path, `-` for stdin, or a URL. */
  readonly origin: string;
  readonly text: string;
}

/** A span of a document's text that supports a record. Offsets are UTF-16 code units into `text`. */
export interface Evidence {
  readonly documentId: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type MentionType = "armed_group" | "state_force" | "person" | "organization" | "place" | "country" | "date" | "number";

export interface Mention {
  readonly kind: "mention";
  readonly documentId: string;
  readonly mentionType: MentionType;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Canonical name (an actor, a place) or normalised value (a date, a number) where known. */
  readonly canonical: string | null;
}

export interface Event {
  readonly kind: "event";
  readonly id: string;
  readonly documentId: string;
  readonly eventType: EventType;
  readonly subEventType: string | null;
  readonly eventDate: PartialDate | null;
  readonly datePrecision: DatePrecision | null;
  /** ISO 3166-1 alpha-2. */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly location: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geoPrecision: GeoPrecision | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly perpetratorGroup: string | null;
  readonly fatalities: number | null;
  readonly status: EventStatus;
  /** Attribution as written: "five Iraqi counter-terrorism officials", "the military". */
  readonly sources: readonly string[];
  readonly evidence: readonly Evidence[];
  /** Corroboration, source reliability and credibility of a stored event (domain/incidents.ts). */
  readonly assessment?: EventAssessment;
}

export interface Figure {
  readonly kind: "figure";
  readonly id: string;
  readonly documentId: string;
  readonly measure: FigureMeasure;
  readonly group: string | null;
  readonly country: string | null;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly value: number;
  readonly qualifier: FigureQualifier;
  /** Who reported the number, as written. */
  readonly source: string | null;
  /** True when sitrep computed the value from another figure (e.g. "one-third of last year's"). */
  readonly derived: boolean;
  /** What the number counts, in the report's words ("strikes", "members"). */
  readonly unit: string | null;
  readonly evidence: readonly Evidence[];
  /** Source reliability and credibility of a stored figure (domain/incidents.ts). */
  readonly assessment?: FigureAssessment;
}

export type ActorKind = "armed_group" | "state_force" | "person" | "organization";

export interface Actor {
  readonly kind: "actor";
  readonly canonicalName: string;
  readonly aliases: readonly string[];
  readonly actorKind: ActorKind;
  /** Home country for state forces and national groups (ISO alpha-2). */
  readonly country: string | null;
  /** A person's role as written ("Defense Minister"). */
  readonly role: string | null;
}

export interface Place {
  readonly kind: "place";
  readonly name: string;
  readonly country: string;
  readonly admin1: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly geoPrecision: GeoPrecision;
  /** GeoNames id where the place comes from GeoNames. */
  readonly geonameId: number | null;
}

/** Who said what, when: the attribution behind events and figures. */
export interface Statement {
  readonly kind: "statement";
  readonly id: string;
  readonly documentId: string;
  readonly speaker: string;
  readonly speakerRole: string | null;
  /** The reporting verb or phrase: "said", "according to", "told Reuters". */
  readonly cue: string;
  readonly statedOn: PartialDate | null;
  readonly evidence: Evidence;
}

export interface Extraction {
  readonly events: readonly Event[];
  readonly figures: readonly Figure[];
  readonly mentions: readonly Mention[];
  readonly statements: readonly Statement[];
  readonly actors: readonly Actor[];
  /** The places events happened at, resolved against the gazetteer. */
  readonly places: readonly Place[];
  /** The date the report's relative expressions were resolved against, and where it came from. */
  readonly referenceDate: PartialDate | null;
  readonly referenceDateSource: "published" | "dateline" | "inferred" | "none";
}

export function datePrecisionOf(date: PartialDate): DatePrecision {
  return date.length >= 10 ? "day" : date.length >= 7 ? "month" : "year";
}
