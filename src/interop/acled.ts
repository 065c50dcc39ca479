// ACLED CSV, both ways. Column names and codes follow the ACLED Codebook (2023) and the column
// layout ACLED has exported since its March 2023 change (disorder_type, civilian_targeting and
// tags added; data_id, event_id_no_cnty and iso3 removed).
//
// ACLED cannot say everything a sitrep event says, so an export appends five columns of its
// own after ACLED's (a reader that picks columns by name ignores them) and the importer prefers
// them when present; that makes the round trip exact:
//   sitrep_date_precision  day | month | year   (ACLED has nothing coarser than a month)
//   sitrep_geo_precision   point | town | district | region | country
//   sitrep_status          occurred | attempted | foiled | claimed | alleged
//   sitrep_perpetrator_group
//   sitrep_sources         the attributions as a JSON array (ACLED's `source` joins them with
//                          "; ", which an attribution may itself contain)
import type { DatePrecision, Event, GeoPrecision } from "../domain/records.ts";
import { EVENT_STATUSES, isEventType, subEventTypeBelongs, type EventStatus, type EventType } from "../domain/taxonomy.ts";
import { csvRecord } from "./csv.ts";
import {
  Columns,
  RowError,
  atPrecision,
  coordinate,
  countryCodeOf,
  countryCodeOfNumeric,
  countryNameOf,
  importedEvent,
  integerOrNull,
  numericCountryOf,
  parseDay,
  type ImportedRow,
} from "./fields.ts";

export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

export const SITREP_ACLED_COLUMNS = [
  "sitrep_date_precision",
  "sitrep_geo_precision",
  "sitrep_status",
  "sitrep_perpetrator_group",
  "sitrep_sources",
] as const;

/** Codebook, "Disorder type": political violence, demonstrations, or strategic developments. */
function disorderType(eventType: EventType): string {
  switch (eventType) {
    case "Battles":
    case "Explosions/Remote violence":
    case "Violence against civilians":
      return "Political violence";
    case "Protests":
    case "Riots":
      return "Demonstrations";
    case "Strategic developments":
      return "Strategic developments";
  }
}

/**
 * Codebook, "Time precision": 1 the day is known; 2 a week or weekend is known (the middle of it
 * is coded); 3 only the month is known (the middle of the month is coded). A year-only date has
 * no ACLED code: its event_date is left empty rather than given a day nobody reported.
 */
function timeColumns(event: Event): { eventDate: string; year: string; timePrecision: string } {
  if (event.eventDate === null) return { eventDate: "", year: "", timePrecision: "" };
  const year = event.eventDate.slice(0, 4);
  switch (event.datePrecision ?? "year") {
    case "day":
      return { eventDate: event.eventDate.slice(0, 10), year, timePrecision: "1" };
    case "month":
      return { eventDate: `${event.eventDate.slice(0, 7)}-15`, year, timePrecision: "3" };
    case "year":
      return { eventDate: "", year, timePrecision: "" };
  }
}

/**
 * Codebook, "Geo-precision": 1 the town is known (its coordinates); 2 a part of a region or a
 * nearby town is named (a district); 3 only the region is known, and ACLED then codes the
 * coordinates of its capital. sitrep writes no point it does not have (ADR-6): regions and
 * countries go out as 3 with empty coordinates.
 */
function geoPrecisionCode(precision: GeoPrecision | null): string {
  switch (precision) {
    case null:
      return "";
    case "point":
    case "town":
      return "1";
    case "district":
      return "2";
    case "region":
    case "country":
      return "3";
  }
}

/**
 * One event as an ACLED row. `externalId` is the event's ACLED id when it was imported from
 * ACLED; otherwise sitrep's own id fills event_id_cnty, which the importer recognises.
 */
export function eventToAcledRecord(event: Event, externalId: string | null = null): string {
  const time = timeColumns(event);
  const values: Record<(typeof ACLED_COLUMNS)[number] | (typeof SITREP_ACLED_COLUMNS)[number], string | number | null> = {
    event_id_cnty: externalId ?? event.id,
    event_date: time.eventDate,
    year: time.year,
    time_precision: time.timePrecision,
    disorder_type: disorderType(event.eventType),
    event_type: event.eventType,
    sub_event_type: event.subEventType,
    actor1: event.actor1,
    assoc_actor_1: null,
    inter1: null,
    actor2: event.actor2,
    assoc_actor_2: null,
    inter2: null,
    interaction: null,
    civilian_targeting: event.eventType === "Violence against civilians" ? "Civilian targeting" : null,
    iso: event.country === null ? null : numericCountryOf(event.country),
    region: null,
    country: event.country === null ? null : countryNameOf(event.country),
    admin1: event.admin1,
    admin2: null,
    admin3: null,
    location: event.location,
    latitude: event.latitude,
    longitude: event.longitude,
    geo_precision: geoPrecisionCode(event.geoPrecision),
    source: event.sources.join("; "),
    source_scale: null,
    notes: event.evidence.map((span) => span.text.replace(/\s+/g, " ")).join(" ... "),
    fatalities: event.fatalities,
    tags: null,
    timestamp: null,
    sitrep_date_precision: event.datePrecision,
    sitrep_geo_precision: event.geoPrecision,
    sitrep_status: event.status,
    sitrep_perpetrator_group: event.perpetratorGroup,
    sitrep_sources: event.sources.length === 0 ? null : JSON.stringify(event.sources),
  };
  return csvRecord([...ACLED_COLUMNS, ...SITREP_ACLED_COLUMNS].map((column) => values[column]));
}

export function acledHeader(): string {
  return csvRecord([...ACLED_COLUMNS, ...SITREP_ACLED_COLUMNS]);
}

export const ACLED_REQUIRED = ["event_id_cnty", "event_type"] as const;

const DATE_PRECISIONS: readonly DatePrecision[] = ["day", "month", "year"];
const GEO_PRECISIONS: readonly GeoPrecision[] = ["point", "town", "district", "region", "country"];

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new RowError(`${column} is not one of ${values.join(", ")}: "${value}"`);
  return found;
}

/** time_precision (see timeColumns). Weeks have no precision of their own in sitrep: the month holds the coded mid-week day. */
function datePrecisionOfCode(code: string): DatePrecision {
  switch (code) {
    case "":
    case "1":
      return "day";
    case "2":
    case "3":
      return "month";
    default:
      throw new RowError(`time_precision is not 1, 2 or 3: "${code}"`);
  }
}

/** geo_precision (see geoPrecisionCode). A region's coded point is dropped by importedEvent. */
function geoPrecisionOfCode(code: string): GeoPrecision | null {
  switch (code) {
    case "":
      return null;
    case "1":
      return "town";
    case "2":
      return "district";
    case "3":
      return "region";
    default:
      throw new RowError(`geo_precision is not 1, 2 or 3: "${code}"`);
  }
}

/** ACLED wrote "protestors" until 2023; sitrep's taxonomy (and ACLED's since) says "protesters". */
function subEventTypeOf(eventType: EventType, value: string | null): string | null {
  if (value === null) return null;
  const spelled = value.replace(/protestors/i, "protesters");
  if (!subEventTypeBelongs(eventType, spelled)) throw new RowError(`sub_event_type "${value}" is not a kind of "${eventType}"`);
  return spelled;
}

function sourcesOf(json: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new RowError(`sitrep_sources is not JSON: "${json}"`);
  }
  if (!Array.isArray(parsed) || !parsed.every((item): item is string => typeof item === "string")) {
    throw new RowError("sitrep_sources is not a list of strings");
  }
  return parsed;
}

export function acledRowToEvent(columns: Columns, fields: readonly string[], documentId: string): ImportedRow {
  const externalId = columns.required(fields, "event_id_cnty");
  const eventTypeText = columns.required(fields, "event_type");
  // ACLED capitalised "Strategic Developments" in some releases.
  const eventType = [eventTypeText, eventTypeText.charAt(0) + eventTypeText.slice(1).toLowerCase()].find(isEventType);
  if (eventType === undefined) throw new RowError(`event_type is not an ACLED event type: "${eventTypeText}"`);

  const dateText = columns.text(fields, "event_date");
  const yearText = columns.text(fields, "year");
  const ownDatePrecision = columns.optional(fields, "sitrep_date_precision");
  let eventDate: string | null = null;
  let datePrecision: DatePrecision | null = null;
  if (dateText !== "") {
    const day = parseDay(dateText, "event_date");
    datePrecision =
      ownDatePrecision !== null
        ? oneOf(DATE_PRECISIONS, ownDatePrecision, "sitrep_date_precision")
        : datePrecisionOfCode(columns.text(fields, "time_precision"));
    eventDate = atPrecision(day, datePrecision);
  } else if (yearText !== "") {
    if (!/^\d{4}$/.test(yearText)) throw new RowError(`year is not a year: "${yearText}"`);
    eventDate = yearText;
    datePrecision = "year";
  }

  const ownGeoPrecision = columns.optional(fields, "sitrep_geo_precision");
  const geoCode = columns.text(fields, "geo_precision");
  const geoPrecision: GeoPrecision | null =
    ownGeoPrecision !== null ? oneOf(GEO_PRECISIONS, ownGeoPrecision, "sitrep_geo_precision") : geoPrecisionOfCode(geoCode);

  const iso = columns.text(fields, "iso");
  const countryText = columns.text(fields, "country");
  const country = (iso !== "" ? countryCodeOfNumeric(iso) : null) ?? (countryText !== "" ? countryCodeOf(countryText) : null);
  if (countryText !== "" && country === null) throw new RowError(`country is not a known country: "${countryText}"`);

  const statusText = columns.optional(fields, "sitrep_status");
  const status: EventStatus = statusText === null ? "occurred" : oneOf(EVENT_STATUSES, statusText, "sitrep_status");
  const source = columns.text(fields, "source");
  const ownSources = columns.optional(fields, "sitrep_sources");

  return importedEvent(
    { dataset: "acled", externalId, documentId },
    {
      eventType,
      subEventType: subEventTypeOf(eventType, columns.optional(fields, "sub_event_type")),
      eventDate,
      datePrecision,
      country,
      admin1: columns.optional(fields, "admin1"),
      location: columns.optional(fields, "location"),
      latitude: coordinate(columns.text(fields, "latitude"), "latitude"),
      longitude: coordinate(columns.text(fields, "longitude"), "longitude"),
      geoPrecision,
      actor1: columns.optional(fields, "actor1"),
      actor2: columns.optional(fields, "actor2"),
      perpetratorGroup: columns.optional(fields, "sitrep_perpetrator_group"),
      fatalities: integerOrNull(columns.text(fields, "fatalities"), "fatalities", { min: 0 }),
      status,
      sources: ownSources !== null ? sourcesOf(ownSources) : source === "" ? [] : source.split("; ").filter((part) => part !== ""),
    },
  );
}
