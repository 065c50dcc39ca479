// Places for the extractor: gazetteer mentions reduced to their best reading, plus descriptive
// regions ("northern Iraq"), which are regions without coordinates, never a false exact point.
import { createRequire } from "node:module";
import type { GeoPrecision } from "../domain/records.ts";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../nlp/calendar.ts";
import { isAllCapitals } from "../resolve/places/fold.ts";
import type { PlaceCandidate } from "../resolve/places/gazetteer.ts";
import { countryByName, findPlaceMentions, lookupPlace, precisionOf } from "../resolve/places/places.ts";
import { allMatches } from "../nlp/patterns.ts";

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
  /** A village or quarter the gazetteer lacks, named by its kind ("the town of X"): the most precise place told. */
  readonly local?: boolean;
  /**
   * A quarter or village told only by description ("the surrounding hamlets", "the most densely
   * populated neighborhoods"): a place of its own, which keeps its incident apart from others,
   * with no name to record.
   */
  readonly unnamed?: boolean;
}

/**
 * "extradited to", "deported to", "fled to": the country after it is where someone went, not where
 * the report is set. Only for countries: "rebels returned to Goma and killed six" happened there.
 */
export const DESTINATION_BEFORE =
  /\b(?:extradited|deported|exiled|expelled|sent|flown|fled|airlifted|evacuated)\s+(?:back\s+|home\s+)?to\s+(?:the\s+)?$/i;

/** GeoNames feature codes of a capital, an admin seat or a seat of government. */
export const NOTABLE_CODES: ReadonlySet<string> = new Set(["PPLC", "PPLA", "PPLG"]);

/** A capital or a city of half a million: never a quarter's or a village's namesake. */
export function isMajorCity(place: PlaceMention): boolean {
  return place.precision === "town" && (place.capital || place.population >= 500_000);
}

const DIRECTION =
  /\b((?:north|south|east|west|central|northern|southern|eastern|western|north[- ]?eastern|north[- ]?western|south[- ]?eastern|south[- ]?western|northeast|northwest|southeast|southwest|upper|lower)(?:ern)?)\s+$/i;

/** Place mentions in a text, each with its best reading. Offsets are into `text`. */
export function findPlaces(text: string, options: { country?: string | null; allCapitals?: boolean } = {}): PlaceMention[] {
  const found: PlaceMention[] = [];
  const mentions = findPlaceMentions(text, { country: options.country ?? null, limit: 10 });
  // Where the text names a country, or its people ("Salvadoran"), for capitalOverHint: read only
  // when a name needs it (a report with a dateline and a small namesake), not for every report.
  let named: { country: string; at: number }[] | null = null;
  const namings = (): readonly { country: string; at: number }[] => (named ??= countryNamings(text, mentions));
  for (const mention of mentions) {
    // "UN experts", "the AU force": in ordinary copy a word of two or three capitals is an acronym.
    if (options.allCapitals === false && /^[A-Z]{2,3}$/.test(mention.text) && mention.candidates[0]?.kind === "place") continue;
    // A country's own name ("EL SALVADOR") is the country, whatever town shares it.
    const folded = mention.text.toLowerCase().replace(/[^a-z]/g, "");
    // "in Kaduna state", "Mandera county", "Niger State": the region, not its seat or a country.
    const regionNamed = REGION_WORD_AFTER.test(text.slice(mention.end, mention.end + 16))
      ? mention.candidates.find((c) => c.kind === "region")
      : undefined;
    // "in Boni, Mali", "Solhan, Burkina Faso": the country set after the name says which one it is;
    // with no place of that name in it, the name is a village of that country the gazetteer lacks.
    // (Not a country itself, nor a town the name after the comma is the region of: "Atlanta, Georgia".)
    const apposedName = mention.candidates[0]?.kind === "country" ? null : apposedCountry(text, mention.end);
    const apposed =
      apposedName !== null &&
      mention.candidates.some(
        (candidate) =>
          candidate.admin1 !== null &&
          text
            .slice(mention.end, mention.end + 40)
            .toLowerCase()
            .includes(`, ${candidate.admin1.toLowerCase()}`),
      )
        ? null
        : apposedName;
    if (apposed !== null && !mention.candidates.some((c) => c.country === apposed)) {
      found.push(localPlace(text, mention.start, mention.end, mention.text, apposed));
      continue;
    }
    const inApposed = apposed === null ? undefined : mention.candidates.find((c) => c.country === apposed);
    const best =
      inApposed ??
      regionNamed ??
      mention.candidates.find((c) => c.kind === "country" && c.name.toLowerCase().replace(/[^a-z]/g, "") === folded) ??
      capitalOverHint(text, mention, folded, options.country ?? null, namings) ??
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
 * "MADRID, 19 NOV 89 -- the Salvadoran government ... the Jesuits were buried in San Salvador":
 * the country hint (the dateline's) ranks a Spanish hamlet that shares the name first, but the
 * capital of a country named close by (or whose people are), by that very name, is the reading,
 * unless the hinted place is itself of some size. Not a capital of a country named only far off
 * ("Berlin" and "Victoria" in a Salvadoran report are Salvadoran towns), nor a name that says it
 * is local: "the port of San Jose", "Havana, Fla.", "Berlin, Usulutan department".
 */
function capitalOverHint(
  text: string,
  mention: { readonly start: number; readonly end: number; readonly candidates: readonly PlaceCandidate[] },
  folded: string,
  hint: string | null,
  namings: () => readonly { readonly country: string; readonly at: number }[],
): PlaceCandidate | null {
  const first = mention.candidates[0];
  if (!hint || !first || first.country !== hint || first.kind !== "place") return null;
  if (NOTABLE_CODES.has(first.featureCode) || first.population >= SIZEABLE_TOWN) return null;
  if (
    /\b(?:port|town|village|city|municipality|hamlet)\s+of\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, mention.start - 24), mention.start))
  )
    return null;
  if (
    /^(?:\s*,\s*(?:[A-Z][a-z]{1,4}\.|[\p{L}]+(?:\s+[\p{L}]+)?\s+(?:department|province|state)\b)|\s+(?:department|province)\b)/iu.test(
      text.slice(mention.end, mention.end + 40),
    )
  )
    return null;
  return (
    mention.candidates.find(
      (candidate) =>
        candidate.featureCode === "PPLC" &&
        candidate.country !== hint &&
        candidate.name.toLowerCase().replace(/[^a-z]/g, "") === folded &&
        namings().some((naming) => naming.country === candidate.country && Math.abs(naming.at - mention.start) <= NAMED_NEARBY),
    ) ?? null
  );
}

/** Where a text names a country, or its people ("Salvadoran"); not a religious order ("a Dominican priest"). */
function countryNamings(
  text: string,
  mentions: readonly { start: number; candidates: readonly PlaceCandidate[] }[],
): { country: string; at: number }[] {
  const found = mentions.flatMap((mention) =>
    mention.candidates[0]?.kind === "country" && mention.candidates[0].country
      ? [{ country: mention.candidates[0].country, at: mention.start }]
      : [],
  );
  for (const match of allMatches(
    /\b[A-Za-z]+(?:an|ese|ish|i)\b(?!\s+(?:priests?|friars?|nuns?|fathers?|brothers?|sisters?|order)\b)/gi,
    text,
  )) {
    const country = countryOfDemonym(match[0]);
    if (country !== null) found.push({ country, at: match.index });
  }
  return found;
}

/** How close (characters) a country must be named to let its capital take a name: about a sentence. */
const NAMED_NEARBY = 250;

/** The country named right after a place and a comma ("Boni, Mali"), or null. */
function apposedCountry(text: string, end: number): string | null {
  const following = text.slice(end, end + 60);
  const words = /^,[ \t]*(?:the[ \t]+)?([A-Z][\p{L}'’.-]*(?:[ \t]+[A-Z][\p{L}'’.-]*){0,2})/u.exec(following);
  if (!words?.[1]) return null;
  const parts = words[1].split(/[ \t]+/);
  for (let count = parts.length; count >= 1; count--) {
    const name = parts.slice(0, count).join(" ").replace(/[.,]$/, "");
    const country = countryByName(name);
    // A name, not a demonym ("Kabul, Afghan officials said").
    if (country === null || demonymOf(country)?.toLowerCase() === name.toLowerCase()) continue;
    // The country must end the phrase ("in Boni, Mali, on Sunday", "Solhan, Burkina Faso."): not
    // a list ("in Mali, Niger and Burkina Faso") nor the subject of what follows ("in Kabul,
    // Pakistan closed its border", "in Mogadishu, Kenya said").
    const rest = following.slice(following.indexOf(name) + name.length);
    return APPOSITION_END.test(rest) ? country : null;
  }
  return null;
}

/** After a country set off after a place: the end of the phrase. */
export const APPOSITION_END =
  /^(?:\s*[.;:)]|\s*$|,\s+(?:on|in|at|last|this|the|after|before|when|where|while|killing|wounding|leaving|according|officials|police|witnesses|residents)\b|\s+(?:on|in|at|last|this|yesterday|today|tonight|overnight|early|late)\b)/;

/** After a name: the kind of region it names. */
const REGION_WORD_AFTER = /^\s+(?:state|province|county|governorate|department|region)\b/i;

/** A town this large in the hinted country keeps its name from a foreign capital's. */
const SIZEABLE_TOWN = 20_000;

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

/** The country of a demonym ("Salvadoran" -> "SV"), or null when the word is not one. */
export function countryOfDemonym(word: string): string | null {
  const country = countryByName(word);
  if (!country) return null;
  // A country's own name ("Chile") is not a demonym; "Chilean" is.
  return countryByName(word.replace(/(?:an|ian|ean|ese|ish|i)$/i, "")) === country && word.length < 5 ? null : country;
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

// Words that introduce a place by its kind: "the small town of X", "the X neighborhood", "a district
// known as X". Villages and city quarters are often missing from the gazetteer, and a report names
// them this way; the kind word vouches for the name even in all-capitals copy.
/** "town|village" -> "town|Town|TOWN|village|Village|VILLAGE". */
function anyCase(alternation: string): string {
  return alternation
    .split("|")
    .flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()])
    .join("|");
}
const KIND_WORDS = anyCase(
  "towns?|townships?|villages?|hamlets?|cantons?|neighbou?rhoods?|districts?|subdistricts?|sub-districts?|municipality|municipalities|settlements?|suburbs?|barrios?|quarters?|locality",
);
const NAME_WORD = String.raw`(?:[A-Z][\p{L}'’\-]+|[A-Z][A-Z'’\-]+)`;
const NAME_PART = String.raw`(?:de|del|la|las|los|el|da|do|al)`;
const LOCAL_NAME = String.raw`(${NAME_WORD}(?:\s+(?:${NAME_PART}\s+)?${NAME_WORD}){0,2})`;
const KIND_LEAD = anyCase("the|in|at|of");
const KIND_ADJECTIVE = anyCase("small|tiny|remote|nearby|rural|poor");
const KNOWN_AS = anyCase("area|sector|zone|known as|called");
/** Whether a text holds a kind word or a "known as" phrase at all (case-insensitive). */
const ANY_KIND_WORD = new RegExp(String.raw`\b(?:${KIND_WORDS}|${KNOWN_AS})\b`, "i");
// Names are matched case-sensitively (a capital starts each word); the words around them in any case.
// "\b": "the headquarters of the Workers Union" names no quarter.
const KIND_OF_NAME = new RegExp(String.raw`\b(?:(?:${KIND_ADJECTIVE})\s+)?(?:${KIND_WORDS})\s+(?:of|OF)\s+${LOCAL_NAME}`, "gu");
// "San Salvador's Sacamil neighborhood": a city's quarter named after its possessive.
const NAME_THEN_KIND = new RegExp(String.raw`(?:\b(?:${KIND_LEAD})|['’][sS])\s+${LOCAL_NAME}\s+(?:${KIND_WORDS})\b`, "gu");
// "in the Escalon and San Benito neighborhoods": two names before one plural kind word.
const PLURAL_KINDS = anyCase("neighborhoods|neighbourhoods|districts|villages|towns|hamlets|cantons|suburbs|barrios|quarters|settlements");
const ONE_NAME = String.raw`${NAME_WORD}(?:\s+(?:${NAME_PART}\s+)?${NAME_WORD}){0,2}`;
/** "... and Jadiriya": one more name after "and". */
const AND_NAME_NEXT = new RegExp(String.raw`^\s*(?:,\s*)?(?:and|AND)\s+${NAME_WORD}(?:\s+${NAME_WORD})?`, "u");
const PLURAL_KIND_WORD = new RegExp(String.raw`\b(?:${PLURAL_KINDS})\b`);
const FIRST_OF_TWO = new RegExp(
  String.raw`\b(?:${KIND_LEAD})\s+${LOCAL_NAME}\s+(?:and|AND)\s+(?=${ONE_NAME}\s+(?:${PLURAL_KINDS})\b)`,
  "gu",
);
const SECOND_OF_TWO = new RegExp(
  String.raw`(?<=\b(?:${KIND_LEAD})\s+${ONE_NAME}(?<!-)\s+)(?:and|AND)\s+${LOCAL_NAME}\s+(?:${PLURAL_KINDS})\b`,
  "gu",
);
// "In Paucarbambilla, a locality in Huanuco": a name set off by an appositive that says its kind.
const NAME_COMMA_KIND = new RegExp(
  String.raw`\b(?:${KIND_LEAD})\s+${LOCAL_NAME},\s+(?:a|an|A|AN)\s+(?:(?:${KIND_ADJECTIVE})\s+)?(?:${KIND_WORDS})\b`,
  "gu",
);
// "in Comasagua, about 28 km southwest of San Salvador", "in El Tomate, Canaletes municipality,
// Cordoba department", "near Savana de Torres, Santander": a name after a locative word, set off by
// an appositive that says where it lies. This is how reports name a place too small to be known.
const DIRECTION_WORD = anyCase(
  "north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west|northern|southern|eastern|western",
);
// "near Ali Ndume, Borno State senator": a role after the province makes the name a person's.
const ROLE_NOUN = anyCase(
  "senator|governor|lawmaker|legislator|official|officials|commissioner|chairman|spokesman|spokeswoman|police|commander|chief|representative|deputy|mayor|minister",
);
/** "X, Borno state's governor", "X, Borno State senator": the appositive gives a person's role. */
const ROLE_AFTER = new RegExp(String.raw`^(?:\s+(?:state|province|department|county))?(?:['’]s\b|\s+(?:${ROLE_NOUN})\b)`, "i");
const WHERE_LEAD = anyCase("in|at|near|outside");
const ENCLOSING_KIND = anyCase("municipality|department|province|district|canton|state|region|governorate|county");
const WHERE_TAIL = String.raw`(?:(?:(?:${anyCase("about|some|approximately|located|just|roughly")})\s+)*(?:\d+(?:[.,]\d+)?\s*(?:${anyCase(
  "km|kms|kilometers|kilometres|miles",
)})\s+)?(?:(?:${anyCase("to the")})\s+)?(?:${DIRECTION_WORD})\s+(?:(?:${anyCase("part|outskirts")})\s+)?(?:${anyCase("of|from")})\b|(?:${anyCase(
  "on|in",
)})\s+(?:${anyCase("the")})\s+(?:${anyCase("outskirts|edge")})\s+(?:${anyCase("of")})\b|(?:(?:${anyCase("near|in")})\s+)?${NAME_WORD}(?:\s+(?:${NAME_PART}\s+)?${NAME_WORD}){0,2}\s+(?:${ENCLOSING_KIND})\b(?!['’][sS]|\s+(?:${ROLE_NOUN})\b))`;
const NAME_COMMA_WHERE = new RegExp(
  String.raw`\b(?:${WHERE_LEAD})\s+${LOCAL_NAME}(?:\s+(?:${ENCLOSING_KIND}))?,\s+(?=${WHERE_TAIL})`,
  "gu",
);
/** "in NAME, " before a known region or town: the name lies in that place ("near Savana de Torres, Santander"). */
const NAME_COMMA = new RegExp(String.raw`\b(?:${WHERE_LEAD})\s+${LOCAL_NAME},\s+`, "gu");
const KNOWN_AS_NAME = new RegExp(
  String.raw`\b(?:${KIND_WORDS}|${KNOWN_AS})\s+(?:[^,.;]{0,40}\s)?(?:known as|called|KNOWN AS|CALLED)\s+${LOCAL_NAME}`,
  "gu",
);
const NOT_A_PLACE_START = new RegExp(
  String.raw`^(?:${[...MONTH_NAMES, ...WEEKDAY_NAMES].join("|")}|ramadan|eid|christmas|easter|operations?|mr|mrs|ms|dr|president|governor|general|colonel|minister)$`,
  "i",
);
const SITE_WORD =
  /^(?:university|hospital|school|college|academy|airport|hotel|club|church|cathedral|mosque|market|stadium|base|barracks|camp|prison|jail|company|bank|station|office|ministry|embassy|factory|plant|refinery|mine|bridge|dam|palace|square)$/i;
/** Faiths and peoples: "the Christian and Muslim villages" says who lives there, not what they are called. */
const COMMUNITY_WORD =
  /^(?:sunni|shiite|shia|shi'ite|alawite|druze|yazidi|christian|muslim|catholic|protestant|jewish|hindu|buddhist|kurdish|kurd|arab|turkmen|fulani|hausa|igbo|yoruba|tuareg|tutsi|hutu|pashtun|hazara|tajik|uzbek|baluch|somali|amhara|oromo|tigrayan|rohingya|indigenous|black|white|bedouin|berber|coptic)$/i;
/** Adjectives of peoples and places ("Dagestani", "Kurdish", "Nigerian"): never a village's one-word name. */
const COMMUNITY_SUFFIX = /^[a-z'’-]+(?:ish|ian|ese|ani)$/i;
/** Words that describe a place rather than name it: "THE SURROUNDING HAMLETS", "VARIOUS NEIGHBORHOODS". */
const DESCRIPTIVE_WORD = /^(?:surrounding|nearby|neighbou?ring|outlying|adjacent|various|most|some|these|those|such)$/i;
/** Words that end a name: "OF X IN Y" names X. */
const NOT_IN_A_NAME =
  /^(?:in|on|at|and|or|of|near|with|by|from|was|were|is|to|when|while|where|whose|who|which|that|their|his|her|its|as|after|before|during|because|but|for|since|until|under|over)$/i;
const NOT_A_LOCAL_NAME =
  /^(?:the|a|an|near|into|onto|toward|towards|this|that|its|his|her|their|our|same|said|which|where|whose|each|every|one|two|three|four|five|six|seven|eight|nine|ten|northern|southern|eastern|western|central|north-?eastern|north-?western|south-?eastern|south-?western|poor|rich|wealthy|upper|lower|new|old|several|many|other|another|guerrilla|army|police|military|government|rebel|national|federal|capital|border|rural|urban|state|city|country)$/i;

/** A span already read (a gazetteer place, a group, a force); for a place, what it is and where. */
type KnownSpan = { readonly start: number; readonly end: number } & Partial<
  Pick<PlaceMention, "precision" | "country" | "admin1" | "admin1Name">
>;
const KIND_THEN_COMMA = new RegExp(String.raw`^(?:\s+(?:${KIND_WORDS}))?,\s+`);
const ENCLOSING_KIND_AFTER = new RegExp(String.raw`^\s+(?:${ENCLOSING_KIND})\b`);
const TRAILING_KIND = new RegExp(String.raw`^(?:${ENCLOSING_KIND}|${anyCase("farm|hill|estate|ranch|hacienda")})$`);

/**
 * Places a report names by their kind ("the small town of Tolu", "the Olaya neighborhood") that
 * the gazetteer does not hold, placed in `country`. No coordinates: the name is all there is.
 * Spans already covered by `known` are left alone.
 */
export function findLocalPlaces(text: string, country: string | null, known: readonly KnownSpan[]): PlaceMention[] {
  if (!country) return [];
  const found: PlaceMention[] = [];
  // The province the appositive names ("San Francisco Javier, Usulutan department") holds the place.
  // So does a town the appositive calls a municipality ("Mulalo, Yumbo municipality").
  const enclosingAt = (position: number): KnownSpan | undefined =>
    known.find(
      (place) =>
        place.start >= position &&
        place.start - position <= 60 &&
        place.admin1 &&
        place.country === country &&
        (place.precision === "region" ||
          (place.precision === "town" && (place.start === position || ENCLOSING_KIND_AFTER.test(text.slice(place.end, place.end + 16))))),
    );
  // Most sentences hold neither a kind word nor a comma after a locative word: skip their scans.
  const kindWord = ANY_KIND_WORD.test(text);
  const comma = text.includes(",");
  // The two-name patterns need a plural kind word and an "and"; most sentences have neither.
  const pluralKind = kindWord && PLURAL_KIND_WORD.test(text) && /\band\b/i.test(text);
  for (const pattern of [
    KIND_OF_NAME,
    NAME_THEN_KIND,
    FIRST_OF_TWO,
    SECOND_OF_TWO,
    KNOWN_AS_NAME,
    NAME_COMMA_KIND,
    NAME_COMMA_WHERE,
    NAME_COMMA,
  ]) {
    if (pattern === NAME_COMMA_WHERE || pattern === NAME_COMMA ? !comma : !kindWord) continue;
    if ((pattern === FIRST_OF_TWO || pattern === SECOND_OF_TWO) && !pluralKind) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const raw = match[1] ?? "";
      // "near Savana de Torres, Santander": only a known region or town of the country after the
      // comma says where ("in Miami, Florida" is no village of a report about Colombia).
      const after = match.index + match[0].length;
      if (
        pattern === NAME_COMMA &&
        !known.some(
          (place) =>
            place.start === after &&
            place.country === country &&
            (place.precision === "region" || place.precision === "town") &&
            // "Babagana Zulum, Borno state's governor": a possessive makes the appositive a person's role.
            !ROLE_AFTER.test(text.slice(place.end, place.end + 30)),
        )
      )
        continue;
      let region = pattern === NAME_COMMA || pattern === NAME_COMMA_WHERE ? enclosingAt(after) : undefined;
      // A name stops at a word that cannot be part of it ("OF X IN Y": the name is X).
      let words = raw.split(/\s+/);
      // "in San Salvador's Sacamil neighborhood": the quarter's name follows its city's possessive.
      const owner = words.findLastIndex((word) => /['’][sS]$/.test(word));
      if (owner >= 0) words = words.slice(owner + 1);
      // "the exclusive La Mascota neighborhood": words that describe the quarter are not its name.
      while (
        words.length > 1 &&
        /^(?:the|exclusive|residential|wealthy|affluent|working-class|middle-class|industrial|commercial|downtown)$/i.test(words[0] ?? "")
      )
        words.shift();
      const stop = words.findIndex((word, index) => index > 0 && NOT_IN_A_NAME.test(word));
      // "the army's actions in the neighborhoods": a kind word after the stop names nothing before it.
      if (stop > 0 && (pattern === NAME_THEN_KIND || pattern === FIRST_OF_TWO || pattern === SECOND_OF_TWO)) continue;
      // "the Sunni and Shiite neighborhoods", "the Kurdish villages": who lives there, not a name.
      if (words.length === 1 && (COMMUNITY_WORD.test(words[0] ?? "") || COMMUNITY_SUFFIX.test(words[0] ?? ""))) continue;
      const nameWords = stop > 0 ? words.slice(0, stop) : words;
      // "near Rio Blanco municipality, Tolima": the kind word after the name is not part of it.
      if (nameWords.length > 1 && TRAILING_KIND.test(nameWords[nameWords.length - 1] ?? "")) nameWords.pop();
      // "SHOT AT NEAR THE TOWN OF X": neither a preposition nor an article opens or ends a name.
      if (nameWords.length === 0 || NOT_A_LOCAL_NAME.test(nameWords[0] ?? "") || /^(?:the|a|an)$/i.test(nameWords.at(-1) ?? "")) continue;
      // "killed in December, east of Kandahar", "in Operation Hadin Kai, north of Maiduguri", "at
      // Abdullahi Bayero University, Kano": a time, an operation or a site, not a village.
      if (NOT_A_PLACE_START.test(nameWords[0] ?? "") || SITE_WORD.test(nameWords.at(-1) ?? "")) continue;
      const unnamed = DESCRIPTIVE_WORD.test(nameWords[0] ?? "");
      // "the Guatemalan town of X": a demonym describes the town, it does not name it.
      if (nameWords.length === 1 && countryOfDemonym(nameWords[0] ?? "") !== null) continue;
      if (nameWords.length === 1 && (nameWords[0] ?? "").length < 4) continue;
      const name = nameWords.join(" ");
      // "IN HIGH- AND MIDDLE-CLASS NEIGHBORHOODS": half of a compound word names nothing.
      if (/-$/.test(name)) continue;
      const start = match.index + match[0].indexOf(raw) + raw.indexOf(nameWords[0] ?? "");
      const end = start + name.length;
      if (known.some((place) => start < place.end && place.start < end)) continue;
      if (found.some((place) => start < place.end && place.start < end)) continue;
      // "in the town of Rio Negro, Antioquia department": a province right after the comma holds it.
      const afterName = region ? null : KIND_THEN_COMMA.exec(text.slice(end));
      if (afterName) {
        const province = enclosingAt(end + afterName[0].length);
        if (province?.start === end + afterName[0].length && province.precision === "region") region = province;
      }
      // "the neighbourhoods of Karrada and Jadiriya": the second name after "and" is one more place.
      const more = AND_NAME_NEXT.exec(text.slice(end));
      if (more && /s$/i.test(/(\w+)\s+(?:of|OF)\s/.exec(match[0])?.[1] ?? "")) {
        // "the towns of Jocoro and Guadalupe were attacked": the second name ends where the first would.
        const words2 = more[0].replace(/^\s*(?:,\s*)?(?:and|AND)\s+/, "").split(/\s+/);
        const cut = words2.findIndex((word, index) => index > 0 && NOT_IN_A_NAME.test(word));
        const name2 = (cut > 0 ? words2.slice(0, cut) : words2).join(" ");
        const start2 = end + more[0].length - name2.length;
        if (
          !NOT_A_LOCAL_NAME.test(name2.split(/\s+/)[0] ?? "") &&
          !known.some((place) => start2 < place.end && place.start < start2 + name2.length)
        )
          found.push(localPlace(text, start2, start2 + name2.length, name2, country, region));
      }
      const place = localPlace(text, start, end, name, country, region);
      found.push(unnamed ? { ...place, unnamed: true } : place);
    }
  }
  return found;
}

function localPlace(text: string, start: number, end: number, name: string, country: string, region?: KnownSpan): PlaceMention {
  return {
    start,
    end,
    text: text.slice(start, end),
    // As written in ordinary copy ("Dasht-e-Barchi"); capitals copy is put in title case.
    name: isAllCapitals(name) ? titleCaseName(name) : name,
    country: region?.country ?? country,
    admin1: region?.admin1 ?? null,
    admin1Name: region?.admin1Name ?? null,
    latitude: null,
    longitude: null,
    precision: "town",
    population: 0,
    notable: true,
    capital: false,
    geonameId: null,
    local: true,
  };
}

function titleCaseName(name: string): string {
  return name
    .toLowerCase()
    .split(/\s+/)
    .map((word, index) =>
      index > 0 && /^(?:de|del|la|las|los|el|da|do|al)$/.test(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(" ");
}
