// STIX 2.1 (OASIS Standard, 10 June 2021), both ways.
//
// Export. One bundle: sitrep's own identity (the creator of every object), the five TLP 2.0
// marking definitions OASIS publishes (cti-stix-common-objects, extension-definition
// 60a3c5c5-…; FIRST TLP 2.0), an identity per publisher of a source document, an intrusion-set
// per armed group, an identity per other actor (state forces, civilians), a location per place,
// a report per document, an incident per event, and relationships: incident located-at location,
// incident attributed-to intrusion-set (the perpetrator), incident related-to its other actors.
// Every object carries object_marking_refs with the chosen TLP level.
//
// Ids are UUIDv5 (RFC 9562 §5.5; STIX 2.1 §2.9 allows version 5) over a sitrep namespace and
// the object's key fields, so the same records give the same ids in every export and an
// importer (OpenCTI, MISP) updates rather than duplicates. The incident, a stub in STIX 2.1
// (§4.8), carries the event's fields as custom properties (§11.1) named x_sitrep_*: they let
// `sitrep import stix` read sitrep's own bundles back without loss, and other tools ignore them.
//
// Import (sitrep's own bundles): every incident with x_sitrep_event_type becomes an event again,
// under the id it had (x_sitrep_event_id); any other incident is reported as not sitrep's.
import { createHash } from "node:crypto";
import type { Actor, DatePrecision, Event, GeoPrecision, PartialDate } from "../domain/records.ts";
import { EVENT_STATUSES, isEventType, subEventTypeBelongs, type EventStatus } from "../domain/taxonomy.ts";
import { isPartialDate } from "../store/dates.ts";
import { countryNameOf, importedEvent, RowError, type ImportedRow } from "./fields.ts";

/** RFC 9562 §5.5: SHA-1 of namespace and name, version 5, variant 10. */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ""), "hex");
  if (namespaceBytes.length !== 16) throw new RangeError(`not a UUID: ${namespace}`);
  const hash = createHash("sha1").update(namespaceBytes).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace STIX 2.1 §2.9 gives for deterministic ids. */
const STIX_NAMESPACE = "00abedb4-aa42-466c-9c01-fed23315a9b7";
/** sitrep's own namespace under it, so that sitrep's names cannot collide with a cyber observable's. */
const SITREP_NAMESPACE = uuidV5(STIX_NAMESPACE, "sitrep");

export function stixId(type: string, ...keyFields: readonly (string | number | null)[]): string {
  return `${type}--${uuidV5(SITREP_NAMESPACE, [type, ...keyFields.map((field) => (field === null ? "" : String(field)))].join("\u001f"))}`;
}

export const TLP_LEVELS = ["clear", "green", "amber", "amber+strict", "red"] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** The OASIS TLP 2.0 extension definition the marking definitions below use. */
const TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

/**
 * The five TLP 2.0 marking definitions as OASIS publishes them (cti-stix-common-objects,
 * extension-definition-specifications/tlp-2.0). These ids are fixed: a tool recognises a level
 * by its id, so a wrong one is a silently lost marking (reliability.md §5.12).
 */
export const TLP_MARKING_IDS: Readonly<Record<TlpLevel, string>> = {
  clear: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
  green: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
  amber: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
  "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
  red: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
};

export type StixValue = string | number | boolean | readonly StixValue[] | { readonly [key: string]: StixValue };
export type StixObject = { readonly type: string; readonly id: string } & { readonly [key: string]: StixValue };

export interface StixBundle {
  readonly type: "bundle";
  readonly id: string;
  readonly objects: readonly StixObject[];
}

function tlpMarking(level: TlpLevel): StixObject {
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: TLP_MARKING_IDS[level],
    created: "2022-10-01T00:00:00.000Z",
    name: `TLP:${level.toUpperCase()}`,
    extensions: { [TLP_2_EXTENSION]: { extension_type: "property-extension", tlp_2_0: level } },
  };
}

/** What the exporter needs of a document; store.DocumentReference and Document both fit. */
export interface StixDocument {
  readonly id: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publishedDate: PartialDate | null;
  readonly origin: string;
}

export interface StixExportInput {
  readonly events: readonly Event[];
  /** The documents the events name; an event whose document is absent still gets its incident. */
  readonly documents: readonly StixDocument[];
  /** The actor registry: names known as armed groups become intrusion-sets with their aliases. */
  readonly actors?: readonly Actor[];
  readonly tlp?: TlpLevel;
  /** created/modified of every object sitrep makes; the CLI passes the clock, tests pin it. */
  readonly now: Date;
}

/** Drops null and empty-array properties: STIX has no null, and lists need an item (§3.1). */
function compact(properties: Readonly<Record<string, StixValue | null | undefined>>): Record<string, StixValue> {
  const result: Record<string, StixValue> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    result[key] = value;
  }
  return result;
}

/** A partial date as a STIX timestamp at the start of its interval. */
function timestampOf(date: PartialDate): string {
  const [year, month = "01", day = "01"] = date.split("-");
  return `${year}-${month}-${day}T00:00:00.000Z`;
}

function placeKey(event: Event): string | null {
  if (event.country === null && event.latitude === null) return null;
  return [event.country, event.admin1, event.location, event.latitude, event.longitude, event.geoPrecision].join("\u001f");
}

export function eventsToStixBundle(input: StixExportInput): StixBundle {
  const timestamp = input.now.toISOString();
  const level = input.tlp ?? "clear";
  const marking = TLP_MARKING_IDS[level];
  const sitrep: StixObject = {
    type: "identity",
    spec_version: "2.1",
    id: stixId("identity", "sitrep"),
    created: timestamp,
    modified: timestamp,
    name: "sitrep",
    identity_class: "system",
    object_marking_refs: [marking],
  };
  const common = (type: string, id: string): StixObject => ({
    type,
    spec_version: "2.1",
    id,
    created: timestamp,
    modified: timestamp,
    created_by_ref: sitrep.id,
    object_marking_refs: [marking],
  });
  const objects = new Map<string, StixObject>();
  const add = (object: StixObject): string => {
    if (!objects.has(object.id)) objects.set(object.id, object);
    return object.id;
  };
  const relate = (type: string, source: string, target: string): string =>
    add({
      ...common("relationship", stixId("relationship", type, source, target)),
      relationship_type: type,
      source_ref: source,
      target_ref: target,
    });

  const registry = new Map((input.actors ?? []).map((actor) => [actor.canonicalName, actor]));
  const actorObject = (name: string, perpetrator: boolean): string => {
    const known = registry.get(name);
    if (perpetrator || known?.actorKind === "armed_group") {
      const aliases = (known?.aliases ?? []).filter((alias) => alias !== name);
      return add({ ...common("intrusion-set", stixId("intrusion-set", name)), ...compact({ name, aliases: [...new Set(aliases)] }) });
    }
    const identityClass = known === undefined ? "unknown" : known.actorKind === "person" ? "individual" : "organization";
    return add({ ...common("identity", stixId("identity", "actor", name)), name, identity_class: identityClass });
  };

  const byDocument = new Map<string, string[]>();
  for (const event of input.events) {
    const incidentId = stixId("incident", event.id);
    const refs = [incidentId];
    const place = [event.location, event.admin1, event.country === null ? null : countryNameOf(event.country)].filter(
      (part) => part !== null,
    );
    add({
      ...common("incident", incidentId),
      ...compact({
        name: `${event.eventType}${event.subEventType === null ? "" : `: ${event.subEventType}`}${place.length > 0 ? `, ${place.join(", ")}` : ""}${event.eventDate === null ? "" : `, ${event.eventDate}`}`,
        description: event.evidence.map((span) => span.text.replace(/\s+/g, " ")).join(" ... ") || null,
        x_sitrep_event_id: event.id,
        x_sitrep_event_type: event.eventType,
        x_sitrep_sub_event_type: event.subEventType,
        x_sitrep_date: event.eventDate,
        x_sitrep_date_precision: event.datePrecision,
        x_sitrep_country: event.country,
        x_sitrep_admin1: event.admin1,
        x_sitrep_location: event.location,
        x_sitrep_latitude: event.latitude,
        x_sitrep_longitude: event.longitude,
        x_sitrep_geo_precision: event.geoPrecision,
        x_sitrep_actor1: event.actor1,
        x_sitrep_actor2: event.actor2,
        x_sitrep_perpetrator_group: event.perpetratorGroup,
        x_sitrep_fatalities: event.fatalities,
        x_sitrep_status: event.status,
        x_sitrep_sources: [...event.sources],
      }),
    });
    const key = placeKey(event);
    if (key !== null) {
      // Coordinates only where the event has a point (ADR-6); a region is named, not pinned.
      const located = event.latitude !== null && event.longitude !== null;
      const locationId = add({
        ...common("location", stixId("location", key)),
        ...compact({
          name: place.join(", ") || null,
          country: event.country,
          administrative_area: event.admin1,
          city: event.geoPrecision === "town" || event.geoPrecision === "point" ? event.location : null,
          latitude: located ? event.latitude : null,
          longitude: located ? event.longitude : null,
          x_sitrep_geo_precision: event.geoPrecision,
        }),
      });
      refs.push(locationId, relate("located-at", incidentId, locationId));
    }
    if (event.perpetratorGroup !== null) {
      const groupId = actorObject(event.perpetratorGroup, true);
      refs.push(groupId, relate("attributed-to", incidentId, groupId));
    }
    for (const actor of [event.actor1, event.actor2]) {
      if (actor === null || actor === event.perpetratorGroup) continue;
      const actorId = actorObject(actor, false);
      refs.push(actorId, relate("related-to", incidentId, actorId));
    }
    const documentIds = new Set([event.documentId, ...event.evidence.map((span) => span.documentId)]);
    for (const documentId of documentIds) byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), ...refs]);
  }

  for (const document of input.documents) {
    const refs = byDocument.get(document.id);
    if (refs === undefined) continue;
    const publisher =
      document.publisher === null
        ? null
        : add({
            ...common("identity", stixId("identity", "publisher", document.publisher)),
            name: document.publisher,
            identity_class: "organization",
          });
    add({
      ...common("report", stixId("report", document.id)),
      ...compact({
        created_by_ref: publisher ?? sitrep.id,
        name: document.title ?? document.origin,
        report_types: ["threat-report"],
        published: document.publishedDate === null ? timestamp : timestampOf(document.publishedDate),
        object_refs: [...new Set(refs)].sort(),
        external_references:
          document.url === null ? null : [{ source_name: document.publisher ?? "source", url: document.url, external_id: document.id }],
        x_sitrep_document_id: document.id,
      }),
    });
  }

  const body = [...objects.values()].sort((left, right) => left.type.localeCompare(right.type) || left.id.localeCompare(right.id));
  const all = [...TLP_LEVELS.map(tlpMarking), sitrep, ...body];
  return { type: "bundle", id: stixId("bundle", ...all.map((object) => object.id)), objects: all };
}

// ---- import -------------------------------------------------------------------------------

/** One incident read back, or why it could not be; `position` is its index in `objects`. */
export type StixItem =
  | { readonly kind: "row"; readonly position: number; readonly row: ImportedRow }
  | { readonly kind: "error"; readonly position: number; readonly message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const DATE_PRECISIONS: readonly DatePrecision[] = ["day", "month", "year"];
const GEO_PRECISIONS: readonly GeoPrecision[] = ["point", "town", "district", "region", "country"];

function text(object: Record<string, unknown>, name: string): string | null {
  const value = object[name];
  if (value === undefined) return null;
  if (typeof value !== "string") throw new RowError(`${name} is not a string`);
  return value;
}

function number(object: Record<string, unknown>, name: string): number | null {
  const value = object[name];
  if (value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new RowError(`${name} is not a number`);
  return value;
}

function member<T extends string>(values: readonly T[], value: string | null, name: string): T | null {
  if (value === null) return null;
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new RowError(`${name} is not one of ${values.join(", ")}: "${value}"`);
  return found;
}

function incidentToEvent(object: Record<string, unknown>, stixObjectId: string, documentId: string): ImportedRow {
  const eventType = text(object, "x_sitrep_event_type");
  if (eventType === null) throw new RowError(`${stixObjectId} is not a sitrep incident (it has no x_sitrep_event_type)`);
  if (!isEventType(eventType)) throw new RowError(`x_sitrep_event_type is not an ACLED event type: "${eventType}"`);
  const subEventType = text(object, "x_sitrep_sub_event_type");
  if (subEventType !== null && !subEventTypeBelongs(eventType, subEventType)) {
    throw new RowError(`x_sitrep_sub_event_type "${subEventType}" is not a kind of "${eventType}"`);
  }
  const sources = object.x_sitrep_sources ?? [];
  if (!Array.isArray(sources) || !sources.every((source): source is string => typeof source === "string")) {
    throw new RowError("x_sitrep_sources is not a list of strings");
  }
  const fatalities = number(object, "x_sitrep_fatalities");
  if (fatalities !== null && !(Number.isSafeInteger(fatalities) && fatalities >= 0))
    throw new RowError("x_sitrep_fatalities is not a count");
  const status: EventStatus = member(EVENT_STATUSES, text(object, "x_sitrep_status"), "x_sitrep_status") ?? "occurred";
  const eventDate = text(object, "x_sitrep_date");
  if (eventDate !== null && !isPartialDate(eventDate))
    throw new RowError(`x_sitrep_date is not YYYY, YYYY-MM or YYYY-MM-DD: "${eventDate}"`);
  const latitude = number(object, "x_sitrep_latitude");
  const longitude = number(object, "x_sitrep_longitude");
  if (latitude !== null && Math.abs(latitude) > 90) throw new RowError("x_sitrep_latitude is out of range");
  if (longitude !== null && Math.abs(longitude) > 180) throw new RowError("x_sitrep_longitude is out of range");
  return importedEvent(
    { dataset: "stix", externalId: stixObjectId, documentId, sitrepId: text(object, "x_sitrep_event_id") },
    {
      eventType,
      subEventType,
      eventDate,
      datePrecision: member(DATE_PRECISIONS, text(object, "x_sitrep_date_precision"), "x_sitrep_date_precision"),
      country: text(object, "x_sitrep_country"),
      admin1: text(object, "x_sitrep_admin1"),
      location: text(object, "x_sitrep_location"),
      latitude,
      longitude,
      geoPrecision: member(GEO_PRECISIONS, text(object, "x_sitrep_geo_precision"), "x_sitrep_geo_precision"),
      actor1: text(object, "x_sitrep_actor1"),
      actor2: text(object, "x_sitrep_actor2"),
      perpetratorGroup: text(object, "x_sitrep_perpetrator_group"),
      fatalities,
      status,
      sources,
    },
  );
}

/**
 * The incidents of a parsed bundle as events. Throws RowError when the value is not a STIX
 * bundle at all; a bad incident is one error item and the others are read.
 */
export function stixBundleToEvents(bundle: unknown, documentId: string): StixItem[] {
  if (!isRecord(bundle) || bundle.type !== "bundle" || !Array.isArray(bundle.objects)) {
    throw new RowError('not a STIX bundle (expected {"type": "bundle", "objects": [...]})');
  }
  const items: StixItem[] = [];
  bundle.objects.forEach((object: unknown, position: number) => {
    if (!isRecord(object) || object.type !== "incident") return;
    const id = typeof object.id === "string" && /^incident--[0-9a-f-]{36}$/.test(object.id) ? object.id : null;
    try {
      if (id === null) throw new RowError("the incident has no valid id");
      items.push({ kind: "row", position, row: incidentToEvent(object, id, documentId) });
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      items.push({ kind: "error", position, message: error.message });
    }
  });
  return items;
}
