// Global Terrorism Database (START, University of Maryland) CSV rows -> events. Columns and codes
// from the GTD Codebook (2021): eventid, iyear, imonth, iday (0 = unknown), country_txt, provstate,
// city, latitude, longitude, specificity, vicinity, success, suicide, attacktype1_txt,
// targtype1_txt, gname, claimed, nkill, scite1-3.
import type { GeoPrecision } from "../domain/records.ts";
import type { EventType } from "../domain/taxonomy.ts";
import {
  RowError,
  type Columns,
  coordinate,
  countryCodeOf,
  datePartsOf,
  importedEvent,
  integerOrNull,
  type ImportedRow,
} from "./fields.ts";

export const GTD_REQUIRED = ["eventid", "iyear", "attacktype1_txt"] as const;

/** Targets that make an armed assault a fight between armed actors rather than an attack on civilians. */
const ARMED_TARGETS: ReadonlySet<string> = new Set(["Military", "Police", "Terrorists/Non-State Militia"]);

/**
 * attacktype1_txt to ACLED's types (ACLED Codebook 2023, "Event types"). Only sound readings:
 * an armed assault is a battle when it targets armed forces and violence against civilians
 * otherwise; bombings are remote violence, suicide bombings their own sub-type; kidnapping,
 * hostage taking and hijacking are abductions; facility attacks are property destruction.
 * "Unknown" has no ACLED type and the row is reported.
 */
function typesOf(attackType: string, suicide: boolean, target: string): { eventType: EventType; subEventType: string | null } {
  switch (attackType) {
    case "Armed Assault":
    case "Assassination":
      return ARMED_TARGETS.has(target)
        ? { eventType: "Battles", subEventType: "Armed clash" }
        : { eventType: "Violence against civilians", subEventType: "Attack" };
    case "Unarmed Assault":
      return { eventType: "Violence against civilians", subEventType: "Attack" };
    case "Bombing/Explosion":
      return { eventType: "Explosions/Remote violence", subEventType: suicide ? "Suicide bomb" : "Remote explosive/landmine/IED" };
    case "Hijacking":
    case "Hostage Taking (Barricade Incident)":
    case "Hostage Taking (Kidnapping)":
      return { eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance" };
    case "Facility/Infrastructure Attack":
      return { eventType: "Strategic developments", subEventType: "Looting/property destruction" };
    default:
      throw new RowError(`attacktype1_txt "${attackType}" has no ACLED event type`);
  }
}

/**
 * specificity (GTD Codebook): 1 the city, town or village and its coordinates are known; 2 the
 * town is known but the coordinates are the centroid of the smallest administrative region
 * around it; 3 the event was not in a town, and the coordinates are the centroid of the smallest
 * subnational region identified (below the province: a district); 4 no region below the province
 * was identified (the province's centroid); 5 not even the province was, and the coordinates are
 * unknown (the country only). vicinity = 1 means "in the vicinity of" the city, a district rather
 * than the town.
 */
function geoPrecisionOf(specificity: string, vicinity: string): GeoPrecision | null {
  switch (specificity) {
    case "":
      return null;
    case "1":
      return vicinity === "1" ? "district" : "town";
    case "2":
    case "3":
      return "district";
    case "4":
      return "region";
    case "5":
      return "country";
    default:
      throw new RowError(`specificity is not 1 to 5: "${specificity}"`);
  }
}

/** GTD writes counts as integers or, from some tools, "12.0"; empty is unknown. */
function count(value: string, column: string): number | null {
  return integerOrNull(value.replace(/\.0+$/, ""), column, { min: 0 });
}

export function gtdRowToEvent(columns: Columns, fields: readonly string[], documentId: string): ImportedRow {
  const externalId = columns.required(fields, "eventid");
  const year = integerOrNull(columns.required(fields, "iyear"), "iyear", { min: 1 });
  if (year === null) throw new RowError("iyear is empty");
  const month = integerOrNull(columns.text(fields, "imonth"), "imonth", { min: 0 });
  const day = integerOrNull(columns.text(fields, "iday"), "iday", { min: 0 });
  if (month !== null && month > 12) throw new RowError(`imonth is not a month: ${month}`);
  const { date, precision } = datePartsOf(year, month, day);

  const attackType = columns.required(fields, "attacktype1_txt");
  const suicide = columns.text(fields, "suicide") === "1";
  const { eventType, subEventType } = typesOf(attackType, suicide, columns.text(fields, "targtype1_txt"));

  const countryText = columns.text(fields, "country_txt");
  const country = countryText === "" ? null : countryCodeOf(countryText);
  if (countryText !== "" && country === null) throw new RowError(`country_txt is not a known country: "${countryText}"`);
  const group = columns.optional(fields, "gname");
  const perpetrator = group === null || group === "Unknown" ? null : group;
  const city = columns.optional(fields, "city");
  const success = columns.text(fields, "success");

  return importedEvent(
    { dataset: "gtd", externalId, documentId, originalType: `attacktype1 ${attackType}` },
    {
      eventType,
      subEventType,
      eventDate: date,
      datePrecision: precision,
      country,
      admin1: columns.optional(fields, "provstate"),
      location: city === "Unknown" ? null : city,
      latitude: coordinate(columns.text(fields, "latitude"), "latitude"),
      longitude: coordinate(columns.text(fields, "longitude"), "longitude"),
      geoPrecision: geoPrecisionOf(columns.text(fields, "specificity"), columns.text(fields, "vicinity")),
      actor1: perpetrator,
      actor2: null,
      perpetratorGroup: perpetrator,
      fatalities: count(columns.text(fields, "nkill"), "nkill"),
      // success = 0: the attack was attempted and failed (Codebook, "Success").
      status: success === "0" ? "attempted" : "occurred",
      sources: ["scite1", "scite2", "scite3"].flatMap((name) => columns.optional(fields, name) ?? []),
    },
  );
}
