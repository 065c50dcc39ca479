// Country names for the brief: "Syria" ↔ "SY", from the world-countries package (ODbL) that the
// gazetteer is built from, so that `--region` accepts what a reader types.
import { createRequire } from "node:module";

interface CountryRecord {
  readonly cca2: string;
  readonly name: { readonly common: string; readonly official: string };
  readonly altSpellings: readonly string[];
  readonly capital?: readonly string[];
  readonly demonyms?: { readonly eng?: { readonly m?: string; readonly f?: string } };
}

const require = createRequire(import.meta.url);
let records: readonly CountryRecord[] | null = null;

function countries(): readonly CountryRecord[] {
  records ??= require("world-countries/countries.json") as CountryRecord[];
  return records;
}

const fold = (text: string): string => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();

/** ISO 3166-1 alpha-2 for a code, a common or official name, or an alternative spelling; null when unknown. */
export function countryCode(nameOrCode: string): string | null {
  const key = fold(nameOrCode);
  if (/^[a-z]{2}$/.test(key)) {
    const upper = key.toUpperCase();
    return countries().some((country) => country.cca2 === upper) ? upper : null;
  }
  const found = countries().find(
    (country) =>
      fold(country.name.common) === key ||
      fold(country.name.official) === key ||
      country.altSpellings.some((spelling) => fold(spelling) === key),
  );
  return found?.cca2 ?? null;
}

/** The common English name of a country code; the code itself when unknown. */
export function countryName(code: string | null): string {
  if (code === null) return "the region";
  return countries().find((country) => country.cca2 === code.toUpperCase())?.name.common ?? code;
}

const textPatterns = new Map<string, RegExp>();

/**
 * True when a text names the country, its capital or its people ("Somali officials",
 * "MOGADISHU —"): how a report about a region shows it is about it when the extractor found no
 * place there. Alternative spellings shorter than four letters (codes) are left out.
 */
export function textNamesCountry(text: string, code: string): boolean {
  let pattern = textPatterns.get(code);
  if (pattern === undefined) {
    const country = countries().find((candidate) => candidate.cca2 === code.toUpperCase());
    if (country === undefined) return false;
    const names = [
      country.name.common,
      country.name.official,
      ...country.altSpellings.filter((spelling) => spelling.length >= 4),
      ...(country.capital ?? []),
      country.demonyms?.eng?.m,
      country.demonyms?.eng?.f,
    ].filter((name): name is string => name !== undefined && name !== "");
    const escaped = [...new Set(names)].map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    pattern = new RegExp(`(?<![\\p{L}])(${escaped.join("|")})(?![\\p{L}])`, "iu");
    textPatterns.set(code, pattern);
  }
  return pattern.test(text);
}
