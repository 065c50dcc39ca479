// Places for the extractor: gazetteer mentions reduced to their best reading, plus descriptive
// regions ("northern Iraq"), which are regions without coordinates, never a false exact point.
import { createRequire } from "node:module";
import type { GeoPrecision } from "../domain/records.ts";
import { countryByName, findPlaceMentions, lookupPlace, precisionOf } from "../resolve/places/places.ts";

export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The name sitrep records: the gazetteer's, or the phrase for a descriptive region. */
  readonly name: string;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly admin1Name: string | null;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly precision: GeoPrecision;
  readonly population: number;
  /** A capital, an admin seat, or a city of 100,000 or more: known well beyond its country. */
  readonly notable: boolean;
  /** A national capital (or the country itself): a safe reading even in a report about elsewhere. */
  readonly capital: boolean;
  /** The GeoNames entry the name was read as, when it came from GeoNames. */
  readonly geonameId: number | null;
}

const NOTABLE_CODES = new Set(["PPLC", "PPLA", "PPLG"]);

const DIRECTION =
  /\b((?:north|south|east|west|central|northern|southern|eastern|western|north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|northeast|northwest|southeast|southwest|upper|lower)(?:ern)?)\s+$/i;

/** Place mentions in a text, each with its best reading. Offsets are into `text`. */
export function findPlaces(text: string, options: { country?: string | null } = {}): PlaceMention[] {
  const found: PlaceMention[] = [];
  for (const mention of findPlaceMentions(text, { country: options.country ?? null, limit: 10 })) {
    // A country's own name ("EL SALVADOR") is the country, whatever town shares it.
    const folded = mention.text.toLowerCase().replace(/[^a-z]/g, "");
    const best =
      mention.candidates.find((c) => c.kind === "country" && c.name.toLowerCase().replace(/[^a-z]/g, "") === folded) ??
      mention.candidates[0];
    if (!best) continue;
    const precision = precisionOf(best);
    if (precision === "country") {
      // "northern Iraq", "eastern Syria": a region of the country with no point. Not "Central
      // America(n)" or "South Africa", which are names, nor an adjective ("southern Syrian").
      const direction = DIRECTION.exec(text.slice(Math.max(0, mention.start - 30), mention.start));
      const nameLike =
        /^americ/i.test(mention.text) ||
        best.demonym ||
        (/(?:an|ian|ese|i)$/i.test(mention.text) && mention.text.toLowerCase() !== best.name.toLowerCase());
      if (direction && !nameLike) {
        const start = mention.start - direction[0].length;
        const name = `${(direction[1] ?? "").toLowerCase()} ${best.name}`;
        found.push({
          start,
          end: mention.end,
          text: text.slice(start, mention.end),
          name,
          country: best.country,
          admin1: null,
          admin1Name: null,
          latitude: null,
          longitude: null,
          precision: "region",
          population: 0,
          notable: true,
          capital: true,
          geonameId: null,
        });
        continue;
      }
    }
    const point = precision === "town" || precision === "district" || precision === "point";
    found.push({
      start: mention.start,
      end: mention.end,
      text: mention.text,
      name: best.name,
      country: best.country,
      admin1: best.admin1Code,
      admin1Name: best.admin1,
      latitude: point ? best.latitude : null,
      longitude: point ? best.longitude : null,
      precision,
      population: best.population,
      notable: best.kind !== "place" || NOTABLE_CODES.has(best.featureCode) || best.population >= 100_000,
      capital: best.kind === "country" || best.featureCode === "PPLC",
      geonameId: best.geonameId,
    });
  }
  return found;
}

/**
 * The country of a dateline's place: "SAN SALVADOR" (a city), "HAVANA (CUBA)" or "NO CITY (EL
 * SALVADOR)" (a country in brackets), "TAMPA, Fla." (a city and a region).
 */
export function countryOfDateline(place: string): string | null {
  const bracketed = /\(([^)]+)\)/.exec(place)?.[1];
  if (bracketed) {
    const country = countryByName(bracketed.trim());
    if (country) return country;
  }
  const name =
    place
      .replace(/\s*\(.*$/, "")
      .split(",")[0]
      ?.trim() ?? "";
  if (!name) return null;
  const asCountry = countryByName(name);
  if (asCountry) return asCountry;
  return lookupPlace(name, { limit: 1 })[0]?.country ?? null;
}

let demonyms: Map<string, string> | null = null;

/** The English demonym of a country ("IQ" -> "Iraqi"), from the world-countries package. */
export function demonymOf(country: string): string | null {
  if (!demonyms) {
    const require = createRequire(import.meta.url);
    const countries = require("world-countries/countries.json") as { cca2: string; demonyms?: { eng?: { m?: string } } }[];
    demonyms = new Map(
      countries.flatMap((entry) => (entry.demonyms?.eng?.m ? [[entry.cca2, entry.demonyms.eng.m] as [string, string]] : [])),
    );
  }
  return demonyms.get(country) ?? null;
}
