// Reading and correcting records: the services both front doors call (the CLI's `events`,
// `figures`, `show`, and the HTTP API). Values typed by a person are checked here, once, with a
// USAGE error naming the parameter; the store then receives only valid filters and changes.
import { SitrepError } from "../domain/errors.ts";
import type { IncidentDetails } from "../store/incidents.ts";
import type { Event, PartialDate } from "../domain/records.ts";
import { EVENT_STATUSES, EVENT_TYPES, isEventType, subEventTypeBelongs, type EventStatus, type EventType } from "../domain/taxonomy.ts";
import { eventToWire, type WireEvent } from "../domain/wire.ts";
import { boundsOutOfOrder, isPartialDate } from "../store/dates.ts";
import type {
  BoundingBox,
  CountFilter,
  DocumentReference,
  EventChanges,
  EventEdit,
  EventOrigin,
  EventReview,
  ReviewBy,
  ReviewState,
  Store,
} from "../store/store.ts";
import { REVIEW_STATES } from "../store/review.ts";

export function checkedEventType(value: string, name = "type"): EventType {
  if (!isEventType(value)) throw new SitrepError("USAGE", `${name} must be one of ${EVENT_TYPES.join(", ")} (got "${value}")`);
  return value;
}

export function checkedStatus(value: string, name = "status"): EventStatus {
  const status = EVENT_STATUSES.find((known) => known === value);
  if (status === undefined) throw new SitrepError("USAGE", `${name} must be one of ${EVENT_STATUSES.join(", ")} (got "${value}")`);
  return status;
}

export function checkedDate(value: string, name: string): PartialDate {
  if (!isPartialDate(value)) throw new SitrepError("USAGE", `${name} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return value;
}

export function checkedCountry(value: string, name = "country"): string {
  if (!/^[A-Za-z]{2}$/.test(value))
    throw new SitrepError("USAGE", `${name} must be an ISO 3166-1 alpha-2 code such as IQ (got "${value}")`);
  return value.toUpperCase();
}

/** "west,south,east,north" in degrees, west < east (a box across the antimeridian is two requests). */
export function parseBoundingBox(value: string, name = "bbox"): BoundingBox {
  const parts = value.split(",").map((part) => (part.trim() === "" ? Number.NaN : Number(part)));
  const [west, south, east, north] = parts;
  if (
    parts.length !== 4 ||
    west === undefined ||
    south === undefined ||
    east === undefined ||
    north === undefined ||
    parts.some((part) => !Number.isFinite(part))
  ) {
    throw new SitrepError("USAGE", `${name} must be four numbers west,south,east,north (got "${value}")`);
  }
  if (west < -180 || east > 180 || south < -90 || north > 90 || west >= east || south >= north) {
    throw new SitrepError("USAGE", `${name} must lie within -180,-90,180,90 with west < east and south < north (got "${value}")`);
  }
  return { west, south, east, north };
}

/** "rejected", "unreviewed,accepted", or "all". */
export function parseReviewStates(value: string, name = "review"): ReviewState[] {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  if (items.length === 1 && items[0] === "all") return [...REVIEW_STATES];
  const states: ReviewState[] = [];
  for (const item of items) {
    const state = REVIEW_STATES.find((known) => known === item);
    if (state === undefined)
      throw new SitrepError("USAGE", `${name} must be "all" or a list of ${REVIEW_STATES.join(", ")} (got "${item}")`);
    if (!states.includes(state)) states.push(state);
  }
  if (states.length === 0) throw new SitrepError("USAGE", `${name} must name at least one review state`);
  return states;
}

/** The event filter as typed (query string, command line), every value a string. */
export interface EventFilterInput {
  readonly group?: string | undefined;
  readonly country?: string | undefined;
  readonly admin1?: string | undefined;
  readonly type?: string | undefined;
  readonly status?: string | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly bbox?: string | undefined;
  readonly text?: string | undefined;
  readonly review?: string | undefined;
}

/** Checks every value; `flag` names a parameter in messages ("--since" on the command line). */
export function eventFilter(input: EventFilterInput, flag: (name: string) => string = (name) => name): CountFilter {
  const since = input.since === undefined ? undefined : checkedDate(input.since, flag("since"));
  const until = input.until === undefined ? undefined : checkedDate(input.until, flag("until"));
  if (boundsOutOfOrder(since, until) !== null) {
    throw new SitrepError("USAGE", `${flag("since")} (${since}) is after ${flag("until")} (${until}): no date lies between`);
  }
  return {
    group: input.group,
    country: input.country === undefined ? undefined : checkedCountry(input.country, flag("country")),
    admin1: input.admin1,
    eventType: input.type === undefined ? undefined : checkedEventType(input.type, flag("type")),
    status: input.status === undefined ? undefined : checkedStatus(input.status, flag("status")),
    since,
    until,
    bbox: input.bbox === undefined ? undefined : parseBoundingBox(input.bbox, flag("bbox")),
    text: input.text,
    review: input.review === undefined ? undefined : parseReviewStates(input.review, flag("review")),
  };
}

export interface EventDetail {
  /** With its assessment (corroboration, credibility, claims) attached. */
  readonly event: Event;
  /** The incident's reports, merge reasons, assertions and graded sources (ADR-14). */
  readonly incident: IncidentDetails | null;
  readonly documents: readonly DocumentReference[];
  readonly review: EventReview | null;
  readonly edits: readonly EventEdit[];
  readonly origins: readonly EventOrigin[];
}

/** One event with its documents, review and edit history; RECORD_NOT_FOUND for an unknown id. */
export async function showEvent(store: Store, id: string): Promise<EventDetail> {
  // A report's own event id, merged into another, finds the event it is part of now.
  const eventId = (await store.incidents.resolveId(id)) ?? id;
  const found = await store.getEvent(eventId);
  if (found === null) throw new SitrepError("RECORD_NOT_FOUND", `no event has the id "${id}"`, { input: id });
  const assessment = (await store.incidents.assessEvents([found.event])).get(found.event.id);
  const reviews = await store.eventReviews([eventId]);
  const origins = await store.eventOrigins([eventId]);
  return {
    event: assessment === undefined ? found.event : { ...found.event, assessment },
    incident: await store.incidents.details(eventId),
    documents: found.documents,
    review: reviews.get(eventId) ?? null,
    edits: await store.eventEdits(eventId),
    origins: origins.get(eventId) ?? [],
  };
}

export interface WireDocumentReference {
  id: string;
  title: string | null;
  publisher: string | null;
  url: string | null;
  published_date: string | null;
  origin: string;
}

export function documentReferenceToWire(document: DocumentReference): WireDocumentReference {
  return {
    id: document.id,
    title: document.title,
    publisher: document.publisher,
    url: document.url,
    published_date: document.publishedDate,
    origin: document.origin,
  };
}

export interface WireReview {
  status: "unreviewed" | EventReview["status"];
  reviewer: string | null;
  reviewed_at: string | null;
  note: string | null;
}

export function reviewToWire(review: EventReview | null | undefined): WireReview {
  if (review === null || review === undefined) return { status: "unreviewed", reviewer: null, reviewed_at: null, note: null };
  return { status: review.status, reviewer: review.reviewer, reviewed_at: review.reviewedAt, note: review.note };
}

/** The wire (GOLD-FORMAT.md) names of the editable fields, where they differ from the domain's. */
const WIRE_FIELDS: Readonly<Record<keyof EventChanges, string>> = {
  eventType: "event_type",
  subEventType: "sub_event_type",
  eventDate: "date",
  datePrecision: "date_precision",
  country: "country",
  admin1: "admin1",
  location: "location",
  latitude: "lat",
  longitude: "lon",
  geoPrecision: "geo_precision",
  actor1: "actor1",
  actor2: "actor2",
  perpetratorGroup: "perpetrator_group",
  fatalities: "fatalities",
  status: "status",
};

export interface WireEdit {
  revision: number;
  editor: string;
  edited_at: string;
  note: string | null;
  changes: { field: string; from: string | number | null; to: string | number | null }[];
}

export function editToWire(edit: EventEdit): WireEdit {
  return {
    revision: edit.revision,
    editor: edit.editor,
    edited_at: edit.editedAt,
    note: edit.note,
    changes: edit.changes.map((change) => ({ field: WIRE_FIELDS[change.field], from: change.from, to: change.to })),
  };
}

export type WireEventDetail = WireEvent & {
  documents: WireDocumentReference[];
  review: WireReview;
  edits: WireEdit[];
  origins: {
    dataset: string;
    external_id: string;
    original_type: string | null;
    fatalities_low: number | null;
    fatalities_high: number | null;
  }[];
};

export function eventDetailToWire(detail: EventDetail): WireEventDetail {
  return {
    ...eventToWire(detail.event),
    documents: detail.documents.map(documentReferenceToWire),
    review: reviewToWire(detail.review),
    edits: detail.edits.map(editToWire),
    origins: detail.origins.map((origin) => ({
      dataset: origin.dataset,
      external_id: origin.externalId,
      original_type: origin.originalType,
      fatalities_low: origin.fatalitiesLow,
      fatalities_high: origin.fatalitiesHigh,
    })),
  };
}

/** Accepts or rejects; RECORD_NOT_FOUND for an unknown id. */
export async function decideEvent(store: Store, id: string, status: "accepted" | "rejected", by: ReviewBy): Promise<EventReview> {
  const review = await store.decideEvent(id, status, by);
  if (review === null) throw new SitrepError("RECORD_NOT_FOUND", `no event has the id "${id}"`, { input: id });
  return review;
}

/** The editable fields in the wire vocabulary, as a client sends them. */
export interface WireEventChanges {
  readonly event_type?: string | undefined;
  readonly sub_event_type?: string | null | undefined;
  readonly date?: string | null | undefined;
  readonly country?: string | null | undefined;
  readonly admin1?: string | null | undefined;
  readonly location?: string | null | undefined;
  readonly lat?: number | null | undefined;
  readonly lon?: number | null | undefined;
  readonly geo_precision?: "point" | "town" | "district" | "region" | "country" | null | undefined;
  readonly actor1?: string | null | undefined;
  readonly actor2?: string | null | undefined;
  readonly perpetrator_group?: string | null | undefined;
  readonly fatalities?: number | null | undefined;
  readonly status?: string | undefined;
}

const DATE_PRECISION_BY_LENGTH = { 4: "year", 7: "month", 10: "day" } as const;

/**
 * Checks a correction against the stored event (a sub-event type must belong to the resulting
 * type; coordinates come in pairs) and applies it; the date's precision follows the date given.
 */
export async function editEvent(
  store: Store,
  id: string,
  input: WireEventChanges,
  by: ReviewBy,
): Promise<{ review: EventReview; edit: EventEdit | null }> {
  const found = await store.getEvent(id);
  if (found === null) throw new SitrepError("RECORD_NOT_FOUND", `no event has the id "${id}"`, { input: id });
  const stored = found.event;
  const changes: { -readonly [field in keyof EventChanges]: EventChanges[field] } = {};
  if (input.event_type !== undefined) changes.eventType = checkedEventType(input.event_type, "event_type");
  if (input.status !== undefined) changes.status = checkedStatus(input.status, "status");
  const eventType = changes.eventType ?? stored.eventType;
  if (input.sub_event_type !== undefined) changes.subEventType = input.sub_event_type;
  else if (changes.eventType !== undefined && stored.subEventType !== null && !subEventTypeBelongs(eventType, stored.subEventType)) {
    changes.subEventType = null;
  }
  const subEventType = changes.subEventType === undefined ? stored.subEventType : changes.subEventType;
  if (subEventType !== null && !subEventTypeBelongs(eventType, subEventType)) {
    throw new SitrepError("USAGE", `sub_event_type "${subEventType}" is not a kind of "${eventType}"`);
  }
  if (input.date !== undefined) {
    if (input.date === null) {
      changes.eventDate = null;
      changes.datePrecision = null;
    } else {
      const date = checkedDate(input.date, "date");
      changes.eventDate = date;
      changes.datePrecision = DATE_PRECISION_BY_LENGTH[date.length as 4 | 7 | 10];
    }
  }
  if (input.country !== undefined) changes.country = input.country === null ? null : checkedCountry(input.country, "country");
  if ((input.lat === undefined) !== (input.lon === undefined) || (input.lat === null) !== (input.lon === null)) {
    throw new SitrepError("USAGE", "lat and lon must be given together, both numbers or both null");
  }
  if (input.lat !== undefined && input.lon !== undefined) {
    if (input.lat !== null && (input.lat < -90 || input.lat > 90))
      throw new SitrepError("USAGE", `lat must lie within -90..90 (got ${input.lat})`);
    if (input.lon !== null && (input.lon < -180 || input.lon > 180))
      throw new SitrepError("USAGE", `lon must lie within -180..180 (got ${input.lon})`);
    changes.latitude = input.lat;
    changes.longitude = input.lon;
  }
  if (input.fatalities !== undefined) {
    if (input.fatalities !== null && !(Number.isSafeInteger(input.fatalities) && input.fatalities >= 0)) {
      throw new SitrepError("USAGE", `fatalities must be a non-negative integer or null (got ${input.fatalities})`);
    }
    changes.fatalities = input.fatalities;
  }
  for (const [wire, field] of [
    ["admin1", "admin1"],
    ["location", "location"],
    ["actor1", "actor1"],
    ["actor2", "actor2"],
    ["perpetrator_group", "perpetratorGroup"],
  ] as const) {
    const value = input[wire];
    if (value !== undefined) changes[field] = value === null || value.trim() === "" ? null : value.trim();
  }
  if (input.geo_precision !== undefined) changes.geoPrecision = input.geo_precision;
  const result = await store.editEvent(id, changes, by);
  if (result === null) throw new SitrepError("RECORD_NOT_FOUND", `no event has the id "${id}"`, { input: id });
  return result;
}
