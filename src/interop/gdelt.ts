// GDELT 2.0 event files (the 15-minute `*.export.CSV`): tab-separated, no header, 61 columns in
// the order of the GDELT 2.0 Event Codebook. Actions are CAMEO codes (CAMEO Manual 1.1b3).
import type { GeoPrecision } from "../domain/records.ts";
import type { EventType } from "../domain/taxonomy.ts";
import { RowError, coordinate, countryCodeOf, importedEvent, parseDay, type ImportedRow } from "./fields.ts";

/** GDELT 2.0 Event Codebook, "Event table fields", in file order. */
export const GDELT_COLUMNS = [
  "GLOBALEVENTID",
  "SQLDATE",
  "MonthYear",
  "Year",
  "FractionDate",
  "Actor1Code",
  "Actor1Name",
  "Actor1CountryCode",
  "Actor1KnownGroupCode",
  "Actor1EthnicCode",
  "Actor1Religion1Code",
  "Actor1Religion2Code",
  "Actor1Type1Code",
  "Actor1Type2Code",
  "Actor1Type3Code",
  "Actor2Code",
  "Actor2Name",
  "Actor2CountryCode",
  "Actor2KnownGroupCode",
  "Actor2EthnicCode",
  "Actor2Religion1Code",
  "Actor2Religion2Code",
  "Actor2Type1Code",
  "Actor2Type2Code",
  "Actor2Type3Code",
  "IsRootEvent",
  "EventCode",
  "EventBaseCode",
  "EventRootCode",
  "QuadClass",
  "GoldsteinScale",
  "NumMentions",
  "NumSources",
  "NumArticles",
  "AvgTone",
  "Actor1Geo_Type",
  "Actor1Geo_FullName",
  "Actor1Geo_CountryCode",
  "Actor1Geo_ADM1Code",
  "Actor1Geo_ADM2Code",
  "Actor1Geo_Lat",
  "Actor1Geo_Long",
  "Actor1Geo_FeatureID",
  "Actor2Geo_Type",
  "Actor2Geo_FullName",
  "Actor2Geo_CountryCode",
  "Actor2Geo_ADM1Code",
  "Actor2Geo_ADM2Code",
  "Actor2Geo_Lat",
  "Actor2Geo_Long",
  "Actor2Geo_FeatureID",
  "ActionGeo_Type",
  "ActionGeo_FullName",
  "ActionGeo_CountryCode",
  "ActionGeo_ADM1Code",
  "ActionGeo_ADM2Code",
  "ActionGeo_Lat",
  "ActionGeo_Long",
  "ActionGeo_FeatureID",
  "DATEADDED",
  "SOURCEURL",
] as const;

type GdeltColumn = (typeof GDELT_COLUMNS)[number];
const POSITION = new Map<string, number>(GDELT_COLUMNS.map((name, index) => [name, index]));

function cell(fields: readonly string[], name: GdeltColumn): string {
  return (fields[POSITION.get(name) ?? -1] ?? "").trim();
}

/**
 * CAMEO codes whose ACLED reading is sound, most specific code first. Anything else (the verbal
 * and cooperative codes 01-13, demands, threats, unspecified assaults, blockades, ceasefire
 * violations) has no ACLED equivalent: it is kept as a Strategic development of sub-type Other,
 * and its CAMEO code is kept with its origin (event_origins.original_type), so nothing is lost
 * and a user can leave such events out.
 */
const CAMEO_TO_ACLED: readonly { readonly prefix: string; readonly eventType: EventType; readonly subEventType: string | null }[] = [
  { prefix: "145", eventType: "Riots", subEventType: "Violent demonstration" },
  { prefix: "14", eventType: "Protests", subEventType: null },
  { prefix: "173", eventType: "Strategic developments", subEventType: "Arrests" },
  { prefix: "181", eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance" },
  { prefix: "1821", eventType: "Violence against civilians", subEventType: "Sexual violence" },
  { prefix: "1831", eventType: "Explosions/Remote violence", subEventType: "Suicide bomb" },
  { prefix: "1832", eventType: "Explosions/Remote violence", subEventType: "Remote explosive/landmine/IED" },
  { prefix: "1833", eventType: "Explosions/Remote violence", subEventType: "Remote explosive/landmine/IED" },
  { prefix: "183", eventType: "Explosions/Remote violence", subEventType: null },
  { prefix: "193", eventType: "Battles", subEventType: "Armed clash" },
  { prefix: "194", eventType: "Explosions/Remote violence", subEventType: "Shelling/artillery/missile attack" },
  { prefix: "195", eventType: "Explosions/Remote violence", subEventType: "Air/drone strike" },
  { prefix: "2041", eventType: "Explosions/Remote violence", subEventType: "Chemical weapon" },
];

const LONGEST_PREFIX_FIRST = [...CAMEO_TO_ACLED].sort((left, right) => right.prefix.length - left.prefix.length);

export function cameoToAcled(code: string): { eventType: EventType; subEventType: string | null; mapped: boolean } {
  const match = LONGEST_PREFIX_FIRST.find((entry) => code.startsWith(entry.prefix));
  return match === undefined
    ? { eventType: "Strategic developments", subEventType: "Other", mapped: false }
    : { eventType: match.eventType, subEventType: match.subEventType, mapped: true };
}

/**
 * ActionGeo_Type: 1 a country; 2 a US state and 5 a world state (ADM1); 3 a US city and 4 a
 * world city. FullName reads "City, State, Country" from the most specific part.
 */
function placeOf(fields: readonly string[]): {
  country: string | null;
  admin1: string | null;
  location: string | null;
  geoPrecision: GeoPrecision | null;
} {
  const type = cell(fields, "ActionGeo_Type");
  const parts = cell(fields, "ActionGeo_FullName")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const countryName = parts.at(-1);
  const country = countryName === undefined ? null : countryCodeOf(countryName);
  switch (type) {
    case "":
    case "0":
      return { country: null, admin1: null, location: null, geoPrecision: null };
    case "1":
      return { country, admin1: null, location: null, geoPrecision: "country" };
    case "2":
    case "5":
      return { country, admin1: parts[0] ?? null, location: null, geoPrecision: "region" };
    case "3":
    case "4":
      return { country, admin1: parts.length >= 3 ? (parts[1] ?? null) : null, location: parts[0] ?? null, geoPrecision: "town" };
    default:
      throw new RowError(`ActionGeo_Type is not 0 to 5: "${type}"`);
  }
}

export function gdeltRowToEvent(fields: readonly string[], documentId: string): ImportedRow {
  if (fields.length !== GDELT_COLUMNS.length) {
    throw new RowError(`a GDELT 2.0 event row has ${GDELT_COLUMNS.length} tab-separated fields, this one has ${fields.length}`);
  }
  const externalId = cell(fields, "GLOBALEVENTID");
  if (!/^\d+$/.test(externalId)) throw new RowError(`GLOBALEVENTID is not a number: "${externalId}"`);
  const sqlDate = cell(fields, "SQLDATE");
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(sqlDate);
  if (!compact) throw new RowError(`SQLDATE is not YYYYMMDD: "${sqlDate}"`);
  const day = parseDay(`${compact[1]}-${compact[2]}-${compact[3]}`, "SQLDATE");
  const code = cell(fields, "EventCode");
  if (!/^\d{2,4}$/.test(code)) throw new RowError(`EventCode is not a CAMEO code: "${code}"`);
  const { eventType, subEventType } = cameoToAcled(code);
  const place = placeOf(fields);
  const source = cell(fields, "SOURCEURL");
  return importedEvent(
    { dataset: "gdelt", externalId, documentId, originalType: `CAMEO ${code}` },
    {
      eventType,
      subEventType,
      eventDate: day,
      datePrecision: "day",
      ...place,
      latitude: place.geoPrecision === "town" ? coordinate(cell(fields, "ActionGeo_Lat"), "latitude") : null,
      longitude: place.geoPrecision === "town" ? coordinate(cell(fields, "ActionGeo_Long"), "longitude") : null,
      actor1: cell(fields, "Actor1Name") || null,
      actor2: cell(fields, "Actor2Name") || null,
      perpetratorGroup: null,
      fatalities: null,
      status: "occurred",
      sources: source === "" ? [] : [source],
    },
  );
}
