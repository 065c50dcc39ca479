// The offline gazetteer: GeoNames populated places (cities500), admin1 regions, countries, and
// the hand-kept supplement, as built by data/build/build-gazetteer.ts into
// data/gazetteer/gazetteer.bin.gz. Loaded once per process; every look-up is in memory.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { standardKey, looseKey, withoutLeadingArticle } from "./fold.ts";
import { readGazetteerFile } from "./gazetteer-file.ts";
import { KeyTable } from "./key-table.ts";

export const DEFAULT_GAZETTEER_PATH = fileURLToPath(new URL("../../../data/gazetteer/gazetteer.bin.gz", import.meta.url));

export type CandidateKind = "place" | "region" | "country";

export interface Coordinates {
  readonly latitude: number;
  readonly longitude: number;
}

export interface PlaceCandidate {
  readonly kind: CandidateKind;
  /** The gazetteer's display name: the supplement's English spelling, else GeoNames' ASCII name. */
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  /** GeoNames admin1 code ("IQ.13"); for a region, its own code. */
  readonly admin1Code: string | null;
  /** The admin1 region's name ("Kirkuk"); for a region, its own name. */
  readonly admin1: string | null;
  /** Point coordinates, for populated places only: regions and countries have none. */
  readonly latitude: number | null;
  readonly longitude: number | null;
  /**
   * Where to draw a region or country on a map: a region's population-weighted centroid, a
   * country's reference point. Never an event's coordinates (records.ts: regions have none).
   */
  readonly centroid: Coordinates | null;
  readonly population: number;
  /** GeoNames feature code (PPL, PPLA, PPLC, ...); "ADM1" for regions, "PCLI" for countries. */
  readonly featureCode: string;
  readonly geonameId: number | null;
  /** True when the name matched is a demonym ("Iraqi"), not the country's name. */
  readonly demonym: boolean;
  /** Ranking score: higher is likelier. Comparable within one look-up only. */
  readonly score: number;
}

export interface LookupOptions {
  /** ISO alpha-2 of the country the text is about; candidates there rank first. */
  readonly country?: string | null;
  /** A point the place is probably near (an earlier mention); nearer candidates rank higher. */
  readonly nearby?: Coordinates | null;
  /** Which kinds to return; all by default. */
  readonly kinds?: readonly CandidateKind[];
  /** At most this many candidates, best first (default: all). */
  readonly limit?: number;
  /** Include countries matched through a demonym ("Syrian"); false by default. */
  readonly demonyms?: boolean;
  /** Fall back to the loose key when the standard key finds nothing; true by default. */
  readonly loose?: boolean;
}

export interface RegionInfo {
  /** GeoNames admin1 code ("IQ.18"); for an area, "<admin1 or country code>~<slug>". */
  readonly code: string;
  /** The admin1 region itself, or for an area the one that holds it (null if it spans several). */
  readonly admin1Code: string | null;
  /** True for a named area from supplement.tsv ("Eastern Ghouta"), false for an admin1 region. */
  readonly area: boolean;
  readonly name: string;
  readonly country: string;
  readonly centroid: Coordinates | null;
  readonly population: number;
}

export interface CountryInfo {
  readonly code: string;
  readonly name: string;
  readonly officialName: string;
  readonly capital: string | null;
  /** Sum of its cities500 places' populations: only to choose between countries sharing a name. */
  readonly population: number;
  readonly centroid: Coordinates | null;
}

/** The JSON part of the gazetteer file, written by the build. */
export interface GazetteerMeta {
  readonly builtFrom: Readonly<Record<string, string>>;
  readonly featureCodes: readonly string[];
  readonly countryCodes: readonly string[];
  readonly regions: readonly RegionInfo[];
  readonly countries: readonly CountryInfo[];
}

/**
 * A posting is an entity number (places, then regions, then countries) times two, plus one when
 * the key is one of the country's demonyms.
 */
export function postingOf(entity: number, demonym: boolean): number {
  return entity * 2 + (demonym ? 1 : 0);
}
/** place.region's value for a place in no admin1 region. */
export const NO_REGION = 0xffff;
/** Coordinates are stored as integers: degrees times this (four decimals, about 11 m). */
export const COORDINATE_SCALE = 10_000;
// Lookups repeat: a report names its towns again and again, and the same capitalised words
// ("The", "Army") open sentences in every report. A small map of recent keys answers those
// from memory the processor keeps close, instead of three reads spread over the large table.
const RECENT_KEYS = 8192;

// Ranking (see rankCandidates). The country hint outweighs everything; then administrative
// importance; then population. A capital counts as much as a thousandfold population, a
// provincial seat a hundredfold, a district seat tenfold.
const COUNTRY_HINT_WEIGHT = 100;
const FEATURE_BONUS: Readonly<Record<string, number>> = {
  PPLC: 3,
  PPLA: 2,
  PPLG: 2,
  PPLA2: 1,
  PPLA3: 0.5,
  PPLA4: 0.25,
  PPLX: -0.5,
  PPLH: -2,
  PPLQ: -2,
  PPLW: -1,
};
const COUNTRY_SCORE = 12;
/** An admin1 region counts as a district seat of its population; a named area a bit more. */
const REGION_BONUS = 1;
const AREA_SCORE = 7;
/** How much worse a match through a stripped article, or through the loose key, ranks. */
const STRIPPED_ARTICLE_PENALTY = 1;
const LOOSE_PENALTY = 1;
const LOOSE_EDIT_PENALTY = 1.5;
/** A place supplement.tsv names or adds: reports use it, so it ranks as if ten times larger. */
const CURATED_BONUS = 1;
const NEARBY_WEIGHT = 20;
const NEARBY_SCALE_KM = 150;

export function placeImportance(featureCode: string, population: number): number {
  return Math.log10(Math.max(population, 1)) + (FEATURE_BONUS[featureCode] ?? 0);
}

export function distanceKm(a: Coordinates, b: Coordinates): number {
  const radians = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * radians) / 2) ** 2 +
    Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(((b.longitude - a.longitude) * radians) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Orders candidates for one name, best first: country hint, then nearness, then importance
 * (capital > provincial seat > district seat, then population). A region ranks just below a
 * city of the same name that is its seat ("Kirkuk" and "Raqqa" are cities first).
 */
export function rankCandidates(
  candidates: readonly PlaceCandidate[],
  options: Pick<LookupOptions, "country" | "nearby"> = {},
): PlaceCandidate[] {
  if (!options.country && !options.nearby && !hasRegion(candidates)) return [...candidates].sort(byScore);
  const scored = candidates.map((candidate) => {
    let score = candidate.score;
    if (options.country && candidate.country === options.country) score += COUNTRY_HINT_WEIGHT;
    const point: Coordinates | null =
      candidate.latitude !== null && candidate.longitude !== null
        ? { latitude: candidate.latitude, longitude: candidate.longitude }
        : candidate.centroid;
    if (options.nearby && point) {
      score += NEARBY_WEIGHT * Math.exp(-distanceKm(options.nearby, point) / NEARBY_SCALE_KM);
    }
    return { candidate, score };
  });
  // A city "is the seat" of a same-named region in it when it is its capital or holds a tenth of
  // its people ("New York").
  const regionPopulations = new Map<string, number>();
  for (const { candidate } of scored) {
    if (candidate.kind === "region" && candidate.featureCode === "ADM1" && candidate.admin1Code) {
      regionPopulations.set(candidate.admin1Code, candidate.population);
    }
  }
  const seatScores = new Map<string, number>();
  for (const { candidate, score } of scored) {
    const regionPopulation = candidate.admin1Code ? regionPopulations.get(candidate.admin1Code) : undefined;
    if (
      candidate.kind === "place" &&
      regionPopulation !== undefined &&
      (SEAT_FEATURES.has(candidate.featureCode) || candidate.population * 10 >= regionPopulation)
    ) {
      const code = candidate.admin1Code as string;
      seatScores.set(code, Math.max(seatScores.get(code) ?? -Infinity, score));
    }
  }
  const ranked = scored.map(({ candidate, score }) => {
    const seat = candidate.kind === "region" && candidate.featureCode === "ADM1" ? seatScores.get(candidate.admin1Code ?? "") : undefined;
    const final = seat !== undefined ? Math.min(score, seat - 0.5) : score;
    return final === candidate.score ? candidate : { ...candidate, score: final };
  });
  return ranked.sort(byScore);
}

function byScore(a: PlaceCandidate, b: PlaceCandidate): number {
  return b.score - a.score || b.population - a.population;
}

function hasRegion(candidates: readonly PlaceCandidate[]): boolean {
  for (const candidate of candidates) if (candidate.kind === "region") return true;
  return false;
}

const SEAT_FEATURES: ReadonlySet<string> = new Set(["PPLC", "PPLA", "PPLG"]);

/** Levenshtein distance, to rank loose matches by how close their spelling is. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Region and country words dropped when looking a region up ("Kirkuk province"). */
const REGION_WORDS = new Set([
  "province",
  "provinces",
  "governorate",
  "department",
  "departamento",
  "provincia",
  "region",
  "state",
  "muhafazat",
  "wilayat",
  "wilaya",
]);

function stripPossessive(text: string): string {
  return text.replace(/['’]s?$/, "").trim();
}

export class Gazetteer {
  readonly meta: GazetteerMeta;
  readonly placeCount: number;
  private readonly regionBase: number;
  private readonly countryBase: number;
  private readonly geonameIds: Int32Array;
  private readonly latitudes: Int32Array;
  private readonly longitudes: Int32Array;
  private readonly populations: Uint32Array;
  private readonly placeCountries: Uint16Array;
  private readonly placeRegions: Uint16Array;
  private readonly placeFeatures: Uint8Array;
  private readonly placeCurated: Uint8Array;
  private readonly placeNames: string;
  private readonly placeNameOffsets: Uint32Array;
  private readonly keys: KeyTable;
  private readonly recentKeys = new Map<string, number>();
  private readonly postingStarts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly looseKeys: KeyTable;
  private readonly loosePostingStarts: Uint32Array;
  private readonly loosePostings: Uint32Array;
  /** Running text asks for the same unknown capitalised words again and again ("Reuters"). */
  private readonly looseCache = new Map<string, ReadonlyMap<number, number>>();
  /** countryByName's answers: the same capitalised words are asked about in sentence after sentence. */
  private readonly countryCache = new Map<string, string | null>();
  private readonly keyIsPrefix: Uint8Array;
  private readonly countryIndex: Map<string, number>;
  private readonly regionIndex: Map<string, number>;
  /** Frequent English words that are also place names ("police", "man", "of", "bay"). */
  readonly commonWords: ReadonlySet<string>;
  /** Given names and surnames that are also place names ("victoria", "jordan", "assad"). */
  readonly personNames: ReadonlySet<string>;
  /** Capitalised words of news prose that are not places there ("monday", "islamic", "reuters"). */
  readonly notPlaces: ReadonlySet<string>;

  constructor(compressed: Uint8Array) {
    const file = readGazetteerFile(compressed);
    this.meta = file.meta as GazetteerMeta;
    this.geonameIds = file.int32("place.geonameId").slice();
    this.latitudes = file.int32("place.latitude").slice();
    this.longitudes = file.int32("place.longitude").slice();
    this.populations = file.uint32("place.population").slice();
    this.placeCountries = file.uint16("place.country").slice();
    this.placeRegions = file.uint16("place.region").slice();
    this.placeFeatures = file.uint8("place.feature").slice();
    this.placeCurated = file.uint8("place.curated").slice();
    this.placeNames = file.text("place.names");
    this.placeNameOffsets = prefixSums(file.uint8("place.nameLengths"));
    this.placeCount = this.geonameIds.length;
    this.regionBase = this.placeCount;
    this.countryBase = this.placeCount + this.meta.regions.length;
    this.keys = new KeyTable(file.text("key.blob"), prefixSums(file.uint8("key.lengths")));
    this.postingStarts = prefixSums(file.uint16("key.postingCounts"));
    this.postings = runningSums(file.int32("key.postingDeltas"));
    this.looseKeys = new KeyTable(file.text("loose.blob"), prefixSums(file.uint8("loose.lengths")));
    this.loosePostingStarts = prefixSums(file.uint16("loose.postingCounts"));
    this.loosePostings = runningSums(file.int32("loose.postingDeltas"));
    this.keyIsPrefix = file.uint8("key.prefix").slice();
    this.countryIndex = new Map(this.meta.countries.map((country, index) => [country.code, index]));
    this.regionIndex = new Map(this.meta.regions.map((region, index) => [region.code, index]));
    this.commonWords = new Set(file.text("words.common").split("\n"));
    this.personNames = new Set(file.text("words.person").split("\n"));
    this.notPlaces = new Set(file.text("words.notPlace").split("\n"));
  }

  get keyCount(): number {
    return this.keys.size;
  }

  /**
   * For the matcher: a standard key's index (-1 when it is neither a name nor the first words
   * of one), whether it is a name, and whether a longer name starts with it.
   */
  keyIndex(key: string): number {
    const known = this.recentKeys.get(key);
    if (known !== undefined) return known;
    const index = this.keys.find(key);
    if (this.recentKeys.size >= RECENT_KEYS) this.recentKeys.clear();
    this.recentKeys.set(key, index);
    return index;
  }

  isName(index: number): boolean {
    return (this.postingStarts[index + 1] as number) > (this.postingStarts[index] as number);
  }

  isPrefix(index: number): boolean {
    return this.keyIsPrefix[index] === 1;
  }

  postingsAt(index: number): Uint32Array {
    return this.postings.subarray(this.postingStarts[index], this.postingStarts[index + 1]);
  }

  /** Postings (see postingOf) for a standard key, or an empty array. */
  postingsForKey(key: string): Uint32Array {
    const index = this.keys.find(key);
    if (index < 0) return EMPTY;
    return this.postings.subarray(this.postingStarts[index], this.postingStarts[index + 1]);
  }

  /**
   * Postings reached through the loose key of `key`, each with the edit distance between `key`
   * and the closest standard key that led to it.
   */
  postingsForLooseKey(key: string): ReadonlyMap<number, number> {
    let cached = this.looseCache.get(key);
    if (cached === undefined) {
      if (this.looseCache.size >= LOOSE_CACHE_SIZE) this.looseCache.clear();
      cached = this.computeLoosePostings(key);
      this.looseCache.set(key, cached);
    }
    return cached;
  }

  private computeLoosePostings(key: string): Map<number, number> {
    const found = new Map<number, number>();
    const loose = looseKey(key);
    if (loose === "") return found;
    const index = this.looseKeys.find(loose);
    if (index < 0) return found;
    const bareQuery = withoutLeadingArticle(key) ?? key;
    const start = this.loosePostingStarts[index] as number;
    const end = this.loosePostingStarts[index + 1] as number;
    for (let position = start; position < end; position++) {
      const matched = this.keys.key(this.loosePostings[position] as number);
      const distance = editDistance(bareQuery, withoutLeadingArticle(matched) ?? matched);
      for (const posting of this.postingsForKey(matched)) {
        found.set(posting, Math.min(found.get(posting) ?? Infinity, distance));
      }
    }
    return found;
  }

  /** The candidate a posting stands for, unranked (score = importance). */
  candidate(posting: number): PlaceCandidate {
    const entity = posting >>> 1;
    const demonym = (posting & 1) === 1;
    if (entity < this.regionBase) return this.placeCandidate(entity);
    if (entity < this.countryBase) {
      const region = this.meta.regions[entity - this.regionBase] as RegionInfo;
      const admin1 = region.area ? (region.admin1Code ? this.region(region.admin1Code) : null) : region;
      return {
        kind: "region",
        name: region.name,
        country: region.country,
        admin1Code: admin1?.code ?? null,
        admin1: admin1?.name ?? null,
        latitude: null,
        longitude: null,
        centroid: region.centroid,
        population: region.population,
        featureCode: region.area ? "AREA" : "ADM1",
        geonameId: null,
        demonym: false,
        score: region.area ? AREA_SCORE : Math.log10(Math.max(region.population, 1)) + REGION_BONUS,
      };
    }
    const country = this.meta.countries[entity - this.countryBase] as CountryInfo;
    return {
      kind: "country",
      name: country.name,
      country: country.code,
      admin1Code: null,
      admin1: null,
      latitude: null,
      longitude: null,
      centroid: country.centroid,
      population: 0,
      featureCode: "PCLI",
      geonameId: null,
      demonym,
      // Population only breaks ties between countries sharing a name or demonym ("American").
      score: COUNTRY_SCORE + Math.log10(country.population + 1) / 10,
    };
  }

  private placeCandidate(place: number): PlaceCandidate {
    const regionIndex = this.placeRegions[place] as number;
    const region = regionIndex === NO_REGION ? undefined : this.meta.regions[regionIndex];
    const featureCode = this.meta.featureCodes[this.placeFeatures[place] as number] ?? "PPL";
    const population = this.populations[place] as number;
    const geonameId = this.geonameIds[place] as number;
    return {
      kind: "place",
      name: this.placeNames.slice(this.placeNameOffsets[place], this.placeNameOffsets[place + 1]),
      country: this.meta.countryCodes[this.placeCountries[place] as number] ?? "",
      admin1Code: region?.code ?? null,
      admin1: region?.name ?? null,
      latitude: (this.latitudes[place] as number) / COORDINATE_SCALE,
      longitude: (this.longitudes[place] as number) / COORDINATE_SCALE,
      centroid: null,
      population,
      featureCode,
      geonameId: geonameId > 0 ? geonameId : null,
      demonym: false,
      score: placeImportance(featureCode, population) + (this.placeCurated[place] === 1 ? CURATED_BONUS : 0),
    };
  }

  /**
   * Postings for a name with a penalty each: 0 through its standard key; then through the key
   * without a leading article or "the"; only when both find nothing, through the loose key.
   */
  private postingsForName(name: string, options: LookupOptions): Map<number, number> {
    const found = new Map<number, number>();
    const key = standardKey(stripPossessive(name));
    if (key === "") return found;
    for (const posting of this.postingsForKey(key)) found.set(posting, 0);
    // "Valle Department" is also Valle del Cauca, whose names ("Valle") lack the word: the name
    // without its region word stands for regions too, so the country hint can choose between them.
    const words = key.split(" ");
    if (words.length > 1 && REGION_WORDS.has(words[words.length - 1] as string)) {
      for (const posting of this.postingsForKey(words.slice(0, -1).join(" "))) {
        if (!found.has(posting) && this.kindOf(posting) === "region") found.set(posting, 0);
      }
    }
    const bare = withoutLeadingArticle(key) ?? (key.startsWith("the ") ? key.slice(4) : null);
    if (bare !== null) {
      for (const posting of this.postingsForKey(bare)) {
        if (!found.has(posting)) found.set(posting, STRIPPED_ARTICLE_PENALTY);
      }
    }
    let wanted = false;
    for (const posting of found.keys()) wanted ||= this.wanted(posting, options);
    if (!wanted && (options.loose ?? true)) {
      for (const [posting, distance] of this.postingsForLooseKey(key)) {
        if (!found.has(posting)) found.set(posting, LOOSE_PENALTY + LOOSE_EDIT_PENALTY * distance);
      }
    }
    return found;
  }

  /** The kind of entry a posting stands for, without building the candidate. */
  kindOf(posting: number): CandidateKind {
    const entity = posting >>> 1;
    return entity < this.regionBase ? "place" : entity < this.countryBase ? "region" : "country";
  }

  /**
   * Candidates for postings (penalty 0 for a plain array), unranked. With `limit`, only the
   * candidates that could rank among the best `limit` are built: a name like "San Miguel" has
   * hundreds of entries and running text needs the first few.
   */
  candidates(postings: ReadonlyMap<number, number> | Uint32Array, options: LookupOptions = {}): PlaceCandidate[] {
    let entries: [number, number][] = [];
    if (postings instanceof Uint32Array) {
      for (const posting of postings) if (this.wanted(posting, options)) entries.push([posting, 0]);
    } else {
      for (const entry of postings) if (this.wanted(entry[0], options)) entries.push(entry);
    }
    const keep = options.limit === undefined ? Infinity : options.limit + 2;
    if (entries.length > keep) {
      const hint = options.country ?? null;
      const scored = entries.map(([posting, penalty]) => ({ posting, penalty, score: this.quickScore(posting, hint) - penalty }));
      scored.sort((a, b) => b.score - a.score);
      entries = scored.slice(0, keep).map(({ posting, penalty }) => [posting, penalty]);
    }
    return entries.map(([posting, penalty]) => {
      const candidate = this.candidate(posting);
      return penalty === 0 ? candidate : { ...candidate, score: candidate.score - penalty };
    });
  }

  private wanted(posting: number, options: LookupOptions): boolean {
    if (options.demonyms !== true && (posting & 1) === 1) return false;
    return options.kinds === undefined || options.kinds.includes(this.kindOf(posting));
  }

  /** A candidate's score plus the country hint, from the arrays alone (no nearness, no seats). */
  private quickScore(posting: number, hint: string | null): number {
    const entity = posting >>> 1;
    if (entity >= this.regionBase) {
      const candidate = this.candidate(posting);
      return candidate.score + (hint !== null && candidate.country === hint ? COUNTRY_HINT_WEIGHT : 0);
    }
    const featureCode = this.meta.featureCodes[this.placeFeatures[entity] as number] ?? "PPL";
    let score = placeImportance(featureCode, this.populations[entity] as number);
    if (this.placeCurated[entity] === 1) score += CURATED_BONUS;
    if (hint !== null && this.meta.countryCodes[this.placeCountries[entity] as number] === hint) {
      score += COUNTRY_HINT_WEIGHT;
    }
    return score;
  }

  /**
   * Every kind of entry a name can stand for, ranked (rankCandidates). Matching folds case,
   * accents, punctuation and a leading Arabic article; when that finds nothing, the loose key
   * ("Deir al-Zour" ~ "Deir ez-Zor") is tried.
   */
  lookupName(name: string, options: LookupOptions = {}): PlaceCandidate[] {
    const postings = this.postingsForName(name, options);
    const ranked = rankCandidates(this.candidates(postings, options), options);
    return options.limit !== undefined ? ranked.slice(0, options.limit) : ranked;
  }

  /** Populated places of that name, best first. */
  lookupPlace(name: string, options: { country?: string | null; nearby?: Coordinates | null; limit?: number } = {}): PlaceCandidate[] {
    return this.lookupName(name, { ...options, kinds: ["place"] });
  }

  /** Admin1 regions of that name ("Salahuddin", "Kirkuk province"), best first. */
  lookupRegion(name: string, country?: string | null): PlaceCandidate[] {
    const words = standardKey(stripPossessive(name)).split(" ");
    while (words.length > 1 && REGION_WORDS.has(words[words.length - 1] as string)) words.pop();
    while (words.length > 1 && (REGION_WORDS.has(words[0] as string) || words[0] === "of" || words[0] === "the")) {
      words.shift();
    }
    return this.lookupName(words.join(" "), { country: country ?? null, kinds: ["region"] });
  }

  /**
   * The ISO alpha-2 code a country name, alternative spelling or demonym stands for
   * ("Syria", "Syrian", "U.S.", "Iraq's", "Salvadorans"), or null.
   */
  countryByName(text: string): string | null {
    const known = this.countryCache.get(text);
    if (known !== undefined) return known;
    const options: LookupOptions = { kinds: ["country"], demonyms: true, loose: false };
    const candidates = this.candidates(this.postingsForName(text, options), options);
    // A country's own name beats another country's demonym; then the larger country wins.
    candidates.sort((a, b) => Number(a.demonym) - Number(b.demonym) || b.score - a.score);
    const country = candidates[0]?.country ?? null;
    if (this.countryCache.size >= LOOSE_CACHE_SIZE) this.countryCache.clear();
    this.countryCache.set(text, country);
    return country;
  }

  /** The common English name of a country code ("IQ" -> "Iraq"), or null. */
  countryName(code: string): string | null {
    return this.country(code)?.name ?? null;
  }

  country(code: string): CountryInfo | null {
    const index = this.countryIndex.get(code.toUpperCase());
    return index === undefined ? null : (this.meta.countries[index] ?? null);
  }

  /** An admin1 region (or supplement area) by code ("IQ.18"), or null. */
  region(code: string): RegionInfo | null {
    const index = this.regionIndex.get(code);
    return index === undefined ? null : (this.meta.regions[index] ?? null);
  }
}

const EMPTY = new Uint32Array(0);
const LOOSE_CACHE_SIZE = 20_000;

/** Offsets from lengths: [0, l0, l0 + l1, ...]. */
function prefixSums(lengths: Uint8Array | Uint16Array): Uint32Array {
  const sums = new Uint32Array(lengths.length + 1);
  for (let index = 0; index < lengths.length; index++) {
    sums[index + 1] = (sums[index] as number) + (lengths[index] as number);
  }
  return sums;
}

/** Values from their differences to the previous value. */
function runningSums(deltas: Int32Array): Uint32Array {
  const values = new Uint32Array(deltas.length);
  let value = 0;
  for (let index = 0; index < deltas.length; index++) {
    value += deltas[index] as number;
    values[index] = value;
  }
  return values;
}

let cached: Gazetteer | null = null;

/** The gazetteer, read from data/gazetteer on first use and kept for the process. */
export function loadGazetteer(): Gazetteer {
  cached ??= new Gazetteer(readFileSync(DEFAULT_GAZETTEER_PATH));
  return cached;
}
