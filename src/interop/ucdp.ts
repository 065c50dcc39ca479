// UCDP Georeferenced Event Dataset (GED) CSV rows -> events. Columns and codes from the UCDP GED
// Codebook (version 23.1 and later): id, type_of_violence, side_a, side_b, date_start, date_end,
// date_prec, where_prec, where_coordinates, adm_1, country, latitude, longitude, best, low, high,
// source_office.
import type { DatePrecision, GeoPrecision } from "../domain/records.ts";
import type { EventType } from "../domain/taxonomy.ts";
import {
  RowError,
  type Columns,
  atPrecision,
  coordinate,
  countryCodeOf,
  importedEvent,
  integerOrNull,
  parseDay,
  type ImportedRow,
} from "./fields.ts";

export const UCDP_REQUIRED = ["id", "type_of_violence", "date_start", "best"] as const;

/**
 * type_of_violence: 1 state-based and 2 non-state conflict are fighting between organised
 * armed actors, ACLED's Battles; 3 one-sided violence is an organised actor's violence against
 * civilians. GED does not say how (gunfire, shelling, air strike), so no sub-event type is given.
 */
function eventTypeOf(code: string): EventType {
  switch (code) {
    case "1":
    case "2":
      return "Battles";
    case "3":
      return "Violence against civilians";
    default:
      throw new RowError(`type_of_violence is not 1, 2 or 3: "${code}"`);
  }
}

/**
 * date_prec: 1 the day is known; 2 a span of two to six days; 3 a week; 4 a month; 5 a year.
 * sitrep keeps date_start at the finest precision the span allows, and coarsens to the year when
 * the span crosses a month boundary.
 */
function datePrecisionOf(code: string, start: string, end: string | null): DatePrecision {
  const precision: DatePrecision =
    code === "" || code === "1"
      ? "day"
      : code === "2" || code === "3" || code === "4"
        ? "month"
        : code === "5"
          ? "year"
          : invalid("date_prec", code);
  if (end === null || precision === "year") return precision;
  if (start.slice(0, 4) !== end.slice(0, 4)) return "year";
  if (precision === "month" && start.slice(0, 7) !== end.slice(0, 7)) return "year";
  if (precision === "day" && start !== end) return start.slice(0, 7) === end.slice(0, 7) ? "month" : "year";
  return precision;
}

/**
 * where_prec: 1 the exact place; 2 within 25 km of a known point; 3 a second-order
 * administrative division; 4 a first-order division; 5 a linear feature or a border area;
 * 6 the country only; 7 international waters or airspace.
 */
function geoPrecisionOf(code: string): GeoPrecision | null {
  switch (code) {
    case "":
      return null;
    case "1":
      return "town";
    case "2":
    case "3":
      return "district";
    case "4":
    case "5":
    case "7":
      return "region";
    case "6":
      return "country";
    default:
      return invalid("where_prec", code);
  }
}

function invalid(column: string, value: string): never {
  throw new RowError(`${column} has an unknown code: "${value}"`);
}

/** GED's country names carry older names in brackets: "DR Congo (Zaire)", "Russia (Soviet Union)". */
function countryOf(name: string): string | null {
  return countryCodeOf(name) ?? countryCodeOf(name.replace(/\s*\(.*\)\s*$/, ""));
}

export function ucdpRowToEvent(columns: Columns, fields: readonly string[], documentId: string): ImportedRow {
  const externalId = columns.required(fields, "id");
  const typeCode = columns.required(fields, "type_of_violence");
  const eventType = eventTypeOf(typeCode);
  const start = parseDay(columns.required(fields, "date_start"), "date_start");
  const endText = columns.text(fields, "date_end");
  const end = endText === "" ? null : parseDay(endText, "date_end");
  if (end !== null && end < start) throw new RowError(`date_end ${end} is before date_start ${start}`);
  const datePrecision = datePrecisionOf(columns.text(fields, "date_prec"), start, end);

  const best = integerOrNull(columns.text(fields, "best"), "best", { min: 0 });
  const low = integerOrNull(columns.text(fields, "low"), "low", { min: 0 });
  const high = integerOrNull(columns.text(fields, "high"), "high", { min: 0 });
  // The codebook's estimates are ordered: low <= best <= high.
  if (best !== null && ((low !== null && low > best) || (high !== null && high < best))) {
    throw new RowError(`deaths are not ordered low <= best <= high: ${low ?? "-"} / ${best} / ${high ?? "-"}`);
  }

  const countryText = columns.text(fields, "country");
  const country = countryText === "" ? null : countryOf(countryText);
  if (countryText !== "" && country === null) throw new RowError(`country is not a known country: "${countryText}"`);
  const sideA = columns.optional(fields, "side_a");
  const offices = columns.text(fields, "source_office");

  return importedEvent(
    { dataset: "ucdp", externalId, documentId, originalType: `type_of_violence ${typeCode}`, fatalitiesLow: low, fatalitiesHigh: high },
    {
      eventType,
      subEventType: null,
      eventDate: atPrecision(start, datePrecision),
      datePrecision,
      country,
      admin1: columns.optional(fields, "adm_1"),
      location: columns.optional(fields, "where_coordinates"),
      latitude: coordinate(columns.text(fields, "latitude"), "latitude"),
      longitude: coordinate(columns.text(fields, "longitude"), "longitude"),
      geoPrecision: geoPrecisionOf(columns.text(fields, "where_prec")),
      actor1: sideA,
      actor2: columns.optional(fields, "side_b"),
      // One-sided violence names its perpetrator as side_a; in fighting neither side is one.
      perpetratorGroup: typeCode === "3" ? sideA : null,
      fatalities: best,
      status: "occurred",
      sources:
        offices === ""
          ? []
          : offices
              .split(";")
              .map((office) => office.trim())
              .filter((office) => office !== ""),
    },
  );
}
