// Reading the cells of a dataset's rows: columns by header name, numbers, dates and countries.
// Each reader returns a value or throws a RowError whose message names the column and the
// value, which the import service reports with the row's line number.
import { createRequire } from "node:module";
import { recordId } from "../domain/ids.ts";
import type { DatePrecision, Event, PartialDate } from "../domain/records.ts";
import type { ImportDataset } from "../domain/taxonomy.ts";
import { countryByName } from "../resolve/places/places.ts";
import { unguardFormula } from "./csv.ts";

/** A row that cannot become an event; the message says which cell and why. */
export class RowError extends Error {
  override readonly name = "RowError";
}

/** What a dataset's row mapper returns: an event and the dataset's id for it. */
export interface ImportedRow {
  readonly event: Event;
  readonly externalId: string;
  /** The dataset's own classification where the ACLED type was mapped from it. */
  readonly originalType: string | null;
  /** The dataset's own low and high estimates of the deaths (UCDP GED); null where it gives one count. */
  readonly fatalitiesLow: number | null;
  readonly fatalitiesHigh: number | null;
}

/** Header names to positions, case-insensitive (old ACLED exports write EVENT_ID_CNTY). */
export class Columns {
  readonly #index: Map<string, number>;

  constructor(header: readonly string[]) {
    this.#index = new Map(header.map((name, position) => [name.trim().toLowerCase(), position]));
  }

  has(name: string): boolean {
    return this.#index.has(name);
  }

  missing(required: readonly string[]): string[] {
    return required.filter((name) => !this.#index.has(name));
  }

  /** The cell trimmed and with sitrep's formula guard removed; "" when absent. */
  text(fields: readonly string[], name: string): string {
    const position = this.#index.get(name);
    if (position === undefined) return "";
    return unguardFormula((fields[position] ?? "").trim());
  }

  optional(fields: readonly string[], name: string): string | null {
    const value = this.text(fields, name);
    return value === "" ? null : value;
  }

  required(fields: readonly string[], name: string): string {
    const value = this.text(fields, name);
    if (value === "") throw new RowError(`${name} is empty`);
    return value;
  }
}

export function integerOrNull(value: string, column: string, options: { min?: number } = {}): number | null {
  if (value === "") return null;
  if (!/^-?\d+$/.test(value)) throw new RowError(`${column} is not a whole number: "${value}"`);
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || (options.min !== undefined && parsed < options.min)) {
    throw new RowError(`${column} is out of range: "${value}"`);
  }
  return parsed;
}

export function coordinate(value: string, column: "latitude" | "longitude"): number | null {
  if (value === "") return null;
  const parsed = Number(value);
  const limit = column === "latitude" ? 90 : 180;
  if (!/^-?\d+(?:\.\d+)?$/.test(value) || !(Math.abs(parsed) <= limit)) throw new RowError(`${column} is not a coordinate: "${value}"`);
  return parsed;
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function validDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isoDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A calendar day in the forms the datasets write: ISO `2024-12-02` (ACLED's API and current
 * exports, UCDP), `2 December 2024` and `02-December-2024` (older ACLED exports), `2024-12-02
 * 00:00:00.000` (UCDP's date_start in some releases).
 */
export function parseDay(value: string, column: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+Z?)?$/.exec(value);
  // A plain ISO day that is a calendar date is its own canonical form (most rows of every dataset).
  if (iso && value.length === 10 && validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]))) return value;
  const named = iso ? null : /^(\d{1,2})[ -]([A-Za-z]+)[ -](\d{4})$/.exec(value);
  let year: number;
  let month: number;
  let day: number;
  if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (named) {
    const monthName = (named[2] ?? "").toLowerCase();
    const index = MONTHS.findIndex((name) => name === monthName || (monthName.length === 3 && name.startsWith(monthName)));
    [year, month, day] = [Number(named[3]), index + 1, Number(named[1])];
  } else {
    throw new RowError(`${column} is not a date: "${value}"`);
  }
  if (!validDay(year, month, day)) throw new RowError(`${column} is not a calendar date: "${value}"`);
  return isoDay(year, month, day);
}

/** The date cut to a precision: "2024-12-02" at "month" is "2024-12". */
export function atPrecision(day: string, precision: DatePrecision): PartialDate {
  return precision === "day" ? day : precision === "month" ? day.slice(0, 7) : day.slice(0, 4);
}

export function datePartsOf(year: number, month: number | null, day: number | null): { date: PartialDate; precision: DatePrecision } {
  if (month === null || month === 0) return { date: String(year).padStart(4, "0"), precision: "year" };
  if (day === null || day === 0 || !validDay(year, month, day)) {
    return { date: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`, precision: "month" };
  }
  return { date: isoDay(year, month, day), precision: "day" };
}

interface CountryRecord {
  readonly cca2: string;
  readonly ccn3: string;
  readonly name: { readonly common: string };
}

const require = createRequire(import.meta.url);
let countries: readonly CountryRecord[] | null = null;

function countryList(): readonly CountryRecord[] {
  countries ??= require("world-countries/countries.json") as CountryRecord[];
  return countries;
}

const byNameCache = new Map<string, string | null>();

/**
 * ISO 3166-1 alpha-2 for a dataset's country name ("Iraq", "Democratic Republic of Congo"), by
 * the gazetteer's names and spellings; null when unknown. Cached: a million rows name a few
 * dozen countries.
 */
export function countryCodeOf(name: string): string | null {
  const cached = byNameCache.get(name);
  if (cached !== undefined) return cached;
  const code = countryByName(name);
  byNameCache.set(name, code);
  return code;
}

const byNumericCache = new Map<string, string | null>();

/** ISO 3166-1 numeric ("368", ACLED's iso column) to alpha-2. Cached: every row of a file names one. */
export function countryCodeOfNumeric(numeric: string): string | null {
  const cached = byNumericCache.get(numeric);
  if (cached !== undefined) return cached;
  const padded = numeric.padStart(3, "0");
  const code = countryList().find((country) => country.ccn3 === padded)?.cca2 ?? null;
  byNumericCache.set(numeric, code);
  return code;
}

export function countryNameOf(code: string): string {
  return countryList().find((country) => country.cca2 === code)?.name.common ?? code;
}

export function numericCountryOf(code: string): string | null {
  const numeric = countryList().find((country) => country.cca2 === code)?.ccn3;
  return numeric === undefined || numeric === "" ? null : String(Number(numeric));
}

/** sitrep's own event ids (src/domain/ids.ts), kept when sitrep's exports are read back. */
export const SITREP_EVENT_ID = /^ev_[0-9a-f]{16}$/;

/** What an imported row gives an event: everything but its identity and its evidence. */
export type ImportedEventFields = Omit<Event, "kind" | "id" | "documentId" | "evidence">;

/**
 * An imported event. Its id comes from the dataset and the dataset's id, so a re-import is an
 * upsert (STYLE.md, practice 3); an id sitrep itself gave (an export read back) is kept, so the
 * round trip returns the very same event. It names the import file's document and has no
 * evidence spans: the dataset's row is the evidence, and the origin table points to it.
 */
export interface ImportedOrigin {
  readonly dataset: ImportDataset;
  readonly externalId: string;
  /** The import file's document (./import-document.ts). */
  readonly documentId: string;
  readonly originalType?: string | null;
  readonly fatalitiesLow?: number | null;
  readonly fatalitiesHigh?: number | null;
  /** The sitrep id the record carries (a STIX incident's x_sitrep_event_id), if any. */
  readonly sitrepId?: string | null;
}

export function importedEvent(origin: ImportedOrigin, fields: ImportedEventFields): ImportedRow {
  const { dataset, externalId, documentId } = origin;
  const carried = origin.sitrepId ?? externalId;
  const id = SITREP_EVENT_ID.test(carried) ? carried : recordId("ev", [dataset, externalId]);
  // Regions and countries have no point (ADR-6): a dataset's stand-in coordinates are dropped.
  const pointless = fields.geoPrecision === "region" || fields.geoPrecision === "country";
  return {
    externalId,
    originalType: origin.originalType ?? null,
    fatalitiesLow: origin.fatalitiesLow ?? null,
    fatalitiesHigh: origin.fatalitiesHigh ?? null,
    event: {
      kind: "event",
      id,
      documentId,
      ...fields,
      latitude: pointless ? null : fields.latitude,
      longitude: pointless ? null : fields.longitude,
      sources: [...fields.sources],
      evidence: [],
    },
  };
}
