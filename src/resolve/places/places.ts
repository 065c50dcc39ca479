// Place resolution over the gazetteer: finding place mentions in running text, and turning a
// place phrase ("Daquq", "northern Iraq", "Anbar province") into the domain Place record.
//
// Matching trades recall for precision. A wrong place puts an event on the wrong map and in the
// wrong country; a missed place leaves the event at country precision, which the extractor can
// still fill from the document's country. A sequence of up to six words is a candidate name when
// it starts with a capital (any word, in all-capitals text) and its standard key is in the
// gazetteer; then the context decides:
//  - words in not-places.txt (days, months, faiths, institutions, agencies) are never places
//    alone; nor are frequent function words ever the start of a name ("The", "Of");
//  - frequent English words ("Police", "Man", "Of", "Bay") and names made only of them ("Red
//    Cross") are places only after a locative word ("in Hit") or before a place word, and only
//    for a notable place (a capital, an admin seat, a town of 15,000 or more);
//  - given names and surnames ("Victoria", "Assad") are places alone only after a locative word,
//    before a place word ("Assad district"), or for a capital or a city of a million;
//  - in mixed-case text, a name inside a longer run of capitalised words ("Victoria Nuland",
//    "Washington Post", "Bashar al-Assad", "President Carter") is not a place, unless the
//    neighbour is a place word ("Mosul Dam", "Kirkuk Governor", "Northern Iraq"); short
//    all-capital words there are acronyms ("GAO", "ANA"), not places;
//  - in all-capitals text (wire copy of the 1980s) capitalisation says nothing: a word beside a
//    given name, a title or "RADIO" is part of a name ("ALFREDO CRISTIANI", "RADIO VENCEREMOS");
//  - last, the document's countries: strong names (countries, a locative cue, a place word, a
//    dateline) and medium ones (multi-word names, notable places) vote for their countries;
//    candidates are weighted by that vote, a medium name in a country the document is not about
//    is dropped (unless a capital), and a weak lone name is kept only for a place in one of the
//    document's countries ("MOLINA" in a Chilean report is Molina, Chile).
import type { GeoPrecision, Place } from "../../domain/records.ts";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../../nlp/calendar.ts";
import { ARABIC_ARTICLES_LEADING, isAllCapitals, standardKey, titleCase } from "./fold.ts";
import { loadGazetteer, rankCandidates, type Coordinates, type Gazetteer, type PlaceCandidate } from "./gazetteer.ts";

export interface PlaceMention {
  readonly start: number;
  readonly end: number;
  /** The text as written, without a trailing possessive ("Iraq's" -> "Iraq"). */
  readonly text: string;
  /** Ranked best first (rankCandidates); countries, regions and places mixed. */
  readonly candidates: PlaceCandidate[];
}

export interface MentionOptions {
  /** The document's country, when known: candidates there rank first. */
  readonly country?: string | null;
  /** Keep at most this many candidates per mention (default 10). */
  readonly limit?: number;
  /** Also report demonyms ("Iraqi", "Salvadoran") as country mentions. */
  readonly demonyms?: boolean;
  readonly gazetteer?: Gazetteer;
}

/** Longest name, in words, the matcher tries ("Santa Cruz de la Sierra"). */
const MAX_NAME_WORDS = 6;
/** A place is notable when it is a capital or an admin seat, or has this many people. */
const NOTABLE_POPULATION = 15_000;
const NOTABLE_FEATURES: ReadonlySet<string> = new Set(["PPLC", "PPLA", "PPLA2", "PPLG"]);
/** A person's name alone is a place without a cue only for a capital or a city this large. */
const MAJOR_POPULATION = 1_000_000;

/** Lower-case words allowed inside a multi-word name in mixed-case text. */
const NAME_PARTICLES: ReadonlySet<string> = new Set([
  ...ARABIC_ARTICLES_LEADING,
  "et",
  "de",
  "del",
  "della",
  "di",
  "da",
  "do",
  "dos",
  "das",
  "du",
  "des",
  "la",
  "las",
  "los",
  "le",
  "les",
  "of",
  "the",
  "and",
  "y",
  "e",
  "en",
  "sur",
  "upon",
  "on",
  "am",
  "im",
  "der",
  "den",
  "van",
  "von",
  "bin",
  "ibn",
  "bint",
  "um",
  "umm",
  "abu",
  "bani",
  "beni",
]);

/**
 * Frequent function words never start a name: skipping them without a look-up is most of the
 * matcher's speed on all-capitals text. (Arabic articles, "as", "at", "an", are not here.)
 */
const NEVER_STARTS: ReadonlySet<string> = new Set([
  "the",
  "of",
  "and",
  "to",
  "in",
  "a",
  "is",
  "that",
  "for",
  "it",
  "was",
  "with",
  "be",
  "by",
  "on",
  "not",
  "he",
  "i",
  "this",
  "are",
  "or",
  "his",
  "from",
  "which",
  "but",
  "have",
  "had",
  "they",
  "you",
  "were",
  "their",
  "one",
  "all",
  "we",
  "can",
  "her",
  "has",
  "there",
  "been",
  "if",
  "more",
  "when",
  "will",
  "would",
  "who",
  "so",
  "no",
  "she",
  "other",
  "its",
  "these",
  "what",
  "them",
  "than",
  "some",
  "him",
  "into",
  "only",
  "do",
  "up",
  "could",
  "our",
  "also",
  "any",
  "about",
  "after",
  "said",
  "over",
  "before",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "those",
  "did",
  "where",
  "while",
  "during",
  "since",
  "against",
  "between",
  "under",
  "because",
  "should",
  "being",
  "each",
  "both",
  "most",
  "such",
  "through",
  "out",
  "very",
  "then",
  "just",
  "my",
  "me",
  "your",
  "how",
  "why",
  "yesterday",
  "today",
  "tomorrow",
]);

/** Words before a name that say it is a place. Two-word cues end in "of". */
const LOCATIVE_WORDS: ReadonlySet<string> = new Set([
  "in",
  "at",
  "near",
  "from",
  "outside",
  "around",
  "into",
  "toward",
  "towards",
  "across",
  "throughout",
  "inside",
  "within",
  "between",
  "via",
  "through",
  "nearby",
  "en",
]);
const LOCATIVE_NOUNS_BEFORE_OF: ReadonlySet<string> = new Set([
  "town",
  "city",
  "village",
  "villages",
  "province",
  "provinces",
  "governorate",
  "department",
  "region",
  "district",
  "municipality",
  "outskirts",
  "suburb",
  "suburbs",
  "capital",
  "area",
  "north",
  "south",
  "east",
  "west",
  "northeast",
  "northwest",
  "southeast",
  "southwest",
  "jurisdiction",
  "canton",
  "hamlet",
  "port",
  "state",
  "neighborhood",
  "neighbourhood",
  "vicinity",
]);

/** Words after a name that say it is a place ("Anbar province", "Sadr City district"). */
const PLACE_WORDS_AFTER: ReadonlySet<string> = new Set([
  "province",
  "governorate",
  "department",
  "region",
  "district",
  "subdistrict",
  "city",
  "town",
  "village",
  "camp",
  "area",
  "municipality",
  "county",
  "neighborhood",
  "neighbourhood",
  "suburb",
  "airport",
  "airbase",
  "base",
  "dam",
  "border",
  "crossing",
  "bridge",
  "road",
  "highway",
  "countryside",
  "desert",
  "valley",
  "river",
  "prison",
  "refinery",
  "canton",
  "jurisdiction",
  "hamlet",
  "outskirts",
  "mountains",
  "front",
  "checkpoint",
  "garrison",
  "airfield",
]);

/**
 * Capitalised words that may follow a one-word place in mixed-case text without making it part
 * of a longer proper name: place words, titles that take a place ("Kirkuk Governor"), days and
 * months ("in Mosul Monday").
 */
const NEIGHBOURS_AFTER: ReadonlySet<string> = new Set([
  ...PLACE_WORDS_AFTER,
  "operations",
  "command",
  "governor",
  "council",
  "police",
  "university",
  "hospital",
  "international",
  "air",
  "mosque",
  "stadium",
  "square",
  "street",
  "gate",
  "oil",
  "military",
  "provincial",
  "mayor",
  "security",
  "residents",
  ...WEEKDAY_NAMES,
  ...MONTH_NAMES,
]);

/** Capitalised words that may come before a place name ("Northern Iraq", "Camp Taji"). */
const NEIGHBOURS_BEFORE: ReadonlySet<string> = new Set([
  "northern",
  "southern",
  "eastern",
  "western",
  "central",
  "north",
  "south",
  "east",
  "west",
  "northeastern",
  "northwestern",
  "southeastern",
  "southwestern",
  "greater",
  "upper",
  "lower",
  "camp",
  "mount",
  "mt",
  "lake",
  "jebel",
  "jabal",
  "wadi",
  "old",
  "downtown",
  "rural",
  "province",
  "governorate",
  "city",
  "wilayat",
  "outer",
  "inner",
  "in",
  "at",
  "near",
  "from",
  "outside",
]);

/** In capitals text a name after one of these is a station or a paper ("RADIO VENCEREMOS"). */
const MEDIA_WORDS: ReadonlySet<string> = new Set(["radio", "television", "tv", "newspaper", "daily", "station", "channel", "network"]);

/** Titles: a capitalised word after one is a person's name, even at a sentence start. */
/**
 * Common Spanish and Portuguese given names. In capitals copy a place name right after one is a
 * surname ("MAURICIO COLORADO", "JUAN ANTONIO MARTINEZ"); the gazetteer's person list holds only
 * names that are also places, so it lacks most of these.
 */
const GIVEN_NAMES: ReadonlySet<string> = new Set(
  (
    "adolfo alberto alejandro alfonso alfredo alvaro andres angel antonio armando arturo augusto carlos cesar " +
    "daniel diego eduardo enrique ernesto fabio felipe fernando francisco gabriel gerardo gilberto " +
    "gonzalo guillermo gustavo hector hernan hugo ignacio jaime javier jesus joaquin jorge jose juan julio " +
    "leonel luis manuel marco mario martin mauricio miguel nelson oscar pablo pedro rafael ramiro ramon raul " +
    "ricardo roberto rodrigo rogelio ruben salvador santiago sergio tomas victor william ana carmen elena " +
    "gloria isabel maria marta patricia rosa silvia teresa"
  ).split(" "),
);

const TITLES: ReadonlySet<string> = new Set([
  "president",
  "gen",
  "general",
  "mr",
  "mrs",
  "ms",
  "dr",
  "sheikh",
  "shaikh",
  "col",
  "colonel",
  "lt",
  "maj",
  "major",
  "capt",
  "captain",
  "sgt",
  "sergeant",
  "minister",
  "king",
  "prince",
  "sen",
  "senator",
  "rep",
  "gov",
  "governor",
  "mayor",
  "pope",
  "imam",
  "ayatollah",
  "emir",
  "commander",
  "brig",
  "adm",
  "admiral",
  "judge",
  "father",
  "bishop",
  "saint",
  "st",
  "san",
  "santa",
  "don",
  "dona",
  "msgr",
  "monsignor",
  "cardinal",
  "lord",
  "sir",
  "lady",
  "queen",
  "premier",
  "chancellor",
]);

interface Token {
  readonly start: number;
  /** End of the word, before a possessive "'s". */
  readonly end: number;
  readonly capitalised: boolean;
  readonly allCapitals: boolean;
  readonly folded: string;
  readonly article: boolean;
}

/** standardKey for one word, with a fast path for plain ASCII letters and digits. */
function foldWord(word: string): string {
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    const plain = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    if (!plain) return standardKey(word);
  }
  return word.toLowerCase();
}

// Character classes for the tokenizer, filled lazily for non-ASCII code units.
const UNKNOWN = 0;
const OTHER = 1;
const LETTER = 2;
const UPPER = 3;
const MARK = 4;
const CHARACTER_CLASS = new Uint8Array(65536);
for (let code = 0; code < 128; code++) {
  CHARACTER_CLASS[code] = code >= 65 && code <= 90 ? UPPER : (code >= 97 && code <= 122) || (code >= 48 && code <= 57) ? LETTER : OTHER;
}

function classOf(code: number): number {
  let kind = CHARACTER_CLASS[code] as number;
  if (kind === UNKNOWN) {
    const character = String.fromCharCode(code);
    kind = /\p{Lu}|\p{Lt}/u.test(character) ? UPPER : /[\p{L}\p{N}]/u.test(character) ? LETTER : /\p{M}/u.test(character) ? MARK : OTHER;
    CHARACTER_CLASS[code] = kind;
  }
  return kind;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x02bc;
}

/**
 * Words: letters and digits (with combining marks), and apostrophes inside ("Ma'arrat"). A
 * trailing possessive "'s" is left out of the word ("Iraq's" -> "Iraq").
 */
function tokenize(text: string, capitalsMode: boolean): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let index = 0;
  while (index < length) {
    const kind = classOf(text.charCodeAt(index));
    if (kind !== LETTER && kind !== UPPER) {
      index++;
      continue;
    }
    const start = index;
    let allUpper = kind === UPPER;
    let letters = 1;
    index++;
    while (index < length) {
      const code = text.charCodeAt(index);
      const next = classOf(code);
      if (next === LETTER || next === UPPER || next === MARK) {
        if (next === LETTER && !(code >= 48 && code <= 57)) allUpper = false;
        letters++;
        index++;
      } else if (isApostrophe(code) && index + 1 < length) {
        const after = classOf(text.charCodeAt(index + 1));
        if (after !== LETTER && after !== UPPER) break;
        index++;
      } else {
        break;
      }
    }
    let end = index;
    // "Iraq's" and "Iraq’s": the possessive is not part of the name.
    if (end - start > 3 && isApostrophe(text.charCodeAt(end - 2))) {
      const last = text.charCodeAt(end - 1);
      if (last === 115 || last === 83) end -= 2;
    }
    const word = text.slice(start, end);
    const capitalised = kind === UPPER;
    // Lower-case words are only compared with the cue and particle lists, which are plain ASCII.
    const folded = capitalised || capitalsMode ? foldWord(word) : word;
    tokens.push({
      start,
      end,
      capitalised,
      allCapitals: capitalised && allUpper && letters > 1,
      folded,
      article: folded.length <= 3 && ARABIC_ARTICLES_LEADING.has(folded),
    });
  }
  return tokens;
}

/** The characters between two tokens allow them to belong to one name. */
function joinable(text: string, left: Token, right: Token): boolean {
  const gap = right.start - left.end;
  if (gap === 0) return false;
  if (gap === 1) {
    const character = text[left.end];
    if (character === " " || character === "-" || character === "\u2010" || character === "\u2011") return true;
    if (character === "\n") return true;
    // "U.S." and "St. Louis": a period after an abbreviation.
    if (character === ".") return left.end - left.start <= 2;
    return character === "`" || character === "‘" || character === "'" || character === "ʿ";
  }
  if (gap > 3) return false;
  const between = text.slice(left.end, right.start);
  if (/^\. $/.test(between)) return left.end - left.start <= 3;
  return /^(?:[ \t]{1,2}|[ \t]?\n[ \t]?|[ \t]?[-‐‑][ \t]?|-[`‘'ʿ]|[ \t][`‘'ʿ])$/.test(between);
}

/** A token starts a sentence: nothing before it, or a full stop, a paragraph or a colon. */
function sentenceInitial(text: string, tokens: readonly Token[], index: number): boolean {
  if (index === 0) return true;
  const previous = tokens[index - 1] as Token;
  const between = text.slice(previous.end, (tokens[index] as Token).start);
  if (/[!?;:]|\n\s*\n/.test(between)) return true;
  if (between.includes(".")) return !TITLES.has(previous.folded) && previous.end - previous.start > 1;
  // A dash that opens the text after a dateline ("SAN SALVADOR, 12 JAN 90 -- POLICE ...").
  return /[—–]\s*$|--\s*$/.test(between);
}

/** A quick mode test: is the text written in capitals throughout (1980s wire copy)? */
function mostlyCapitals(text: string): boolean {
  let upper = 0;
  let lower = 0;
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if (code >= 65 && code <= 90) upper++;
    else if (code >= 97 && code <= 122) lower++;
  }
  return upper > 20 && lower < upper * 0.1;
}

function isNotable(candidate: PlaceCandidate): boolean {
  if (candidate.kind !== "place") return true;
  return candidate.population >= NOTABLE_POPULATION || NOTABLE_FEATURES.has(candidate.featureCode);
}

function isMajor(candidate: PlaceCandidate): boolean {
  if (candidate.kind !== "place") return true;
  return candidate.featureCode === "PPLC" || candidate.population >= MAJOR_POPULATION;
}

/** A name the matcher accepted, before the document's countries are known. */
interface Pending {
  readonly first: number;
  readonly last: number;
  readonly candidates: PlaceCandidate[];
  readonly evidence: Evidence;
  readonly regionFirst: boolean;
  readonly capitals: boolean;
}

/**
 * How sure the context makes a name a place. Strong: a country, a locative cue, a place word
 * after it, a dateline. Medium: a multi-word name, a notable place capitalised mid-sentence, a
 * capital or a city of a million in capitals text. Weak: any other lone name. Strong names fix
 * the document's countries; a medium name stays when one of its candidates is in them (or a
 * capital, or when nothing is strong); a weak one only for a place in the document's countries.
 */
type Evidence = "strong" | "medium" | "weak";

/**
 * Weight of the document's countries in ranking, in placeImportance's units: a place in the
 * country the document is most about counts as a ten-thousandfold population, others in
 * proportion to their vote. Below an explicit country hint (100); enough for "Molina" in a
 * Chilean report, not for "Lima, Ohio" in a Peruvian one that also names the U.S.
 */
const DOCUMENT_COUNTRY_WEIGHT = 4;
/** A country with at least this share of the leading country's vote is one the document is about. */
const FOCUS_SHARE = 0.5;

class MentionFinder {
  private readonly tokens: Token[];
  private readonly capitalsMode: boolean;
  /** Index of the last token of the last accepted mention, for lists ("Mosul, Tikrit and Hit"). */
  private lastMentionEnd = -10;

  constructor(
    private readonly text: string,
    private readonly gazetteer: Gazetteer,
    private readonly options: MentionOptions,
  ) {
    this.capitalsMode = mostlyCapitals(text);
    this.tokens = tokenize(text, this.capitalsMode);
  }

  run(): PlaceMention[] {
    const tokens = this.tokens;
    const pending: Pending[] = [];
    let index = 0;
    while (index < tokens.length) {
      const token = tokens[index] as Token;
      if ((!token.capitalised && !this.capitalsMode && !token.article) || NEVER_STARTS.has(token.folded) || isDigit(token)) {
        index++;
        continue;
      }
      const match = this.longestMatch(index);
      const judged = match === null ? null : this.judge(match);
      if (match === null || judged === null) {
        index++;
        continue;
      }
      pending.push(judged);
      this.lastMentionEnd = judged.last;
      index = judged.last + 1;
    }
    return this.resolve(pending);
  }

  /**
   * The document's countries by vote: every strong or medium name votes for the countries of its
   * candidates, a name with one possible country with its whole vote, an ambiguous one split
   * among its countries ("Jiquilisco" says El Salvador; "La Paz" says little). Candidates are
   * then weighted by their country's share of the vote, and names too weak to stand alone are
   * kept only in a country the document is about.
   */
  private resolve(pending: readonly Pending[]): PlaceMention[] {
    const hint = this.options.country ?? null;
    const votes = new Map<string, number>();
    for (const item of pending) {
      if (item.evidence === "weak") continue;
      const countries = new Set(item.candidates.map((candidate) => candidate.country));
      const share = (item.evidence === "strong" ? 2 : 1) / countries.size;
      for (const country of countries) votes.set(country, (votes.get(country) ?? 0) + share);
    }
    let most = 0;
    for (const count of votes.values()) most = Math.max(most, count);
    if (hint !== null) {
      most = Math.max(most, 1);
      votes.set(hint, most);
    }
    const shareOf = (country: string): number => (most > 0 ? (votes.get(country) ?? 0) / most : 0);
    const rerank = (candidates: PlaceCandidate[]): PlaceCandidate[] => {
      if (most === 0 || candidates.length < 2) return candidates;
      return candidates
        .map((candidate) => {
          const share = shareOf(candidate.country);
          return share === 0 ? candidate : { ...candidate, score: candidate.score + DOCUMENT_COUNTRY_WEIGHT * share };
        })
        .sort((a, b) => b.score - a.score || b.population - a.population);
    };

    // Strong names stay; medium ones when their country is one the document is about; weak ones
    // only for a candidate in the country of a name that stayed.
    const kept = new Map<Pending, PlaceCandidate[]>();
    const focus = new Set<string>(hint === null ? [] : [hint]);
    for (const item of pending) {
      if (item.evidence !== "strong") continue;
      const candidates = rerank(item.candidates);
      kept.set(item, candidates);
      focus.add((candidates[0] as PlaceCandidate).country);
    }
    for (const item of pending) {
      if (item.evidence !== "medium") continue;
      const candidates = rerank(item.candidates);
      const top = candidates[0] as PlaceCandidate;
      const supported =
        focus.size === 0 ||
        focus.has(top.country) ||
        shareOf(top.country) >= FOCUS_SHARE ||
        top.kind === "country" ||
        top.featureCode === "PPLC";
      if (supported) kept.set(item, candidates);
    }
    const focusAll = new Set(focus);
    for (const candidates of kept.values()) focusAll.add((candidates[0] as PlaceCandidate).country);
    for (const item of pending) {
      if (item.evidence !== "weak") continue;
      const inDocument = item.candidates.filter((candidate) => focusAll.has(candidate.country) && (!item.capitals || isNotable(candidate)));
      if (inDocument.length > 0) kept.set(item, rerank(inDocument));
    }

    const mentions: PlaceMention[] = [];
    const limit = this.options.limit ?? 10;
    for (const item of pending) {
      let candidates = kept.get(item);
      if (candidates === undefined) continue;
      if (!this.options.demonyms) candidates = candidates.filter((candidate) => !candidate.demonym);
      if (candidates.length === 0) continue;
      if (item.regionFirst) {
        candidates = [...candidates.filter((c) => c.kind === "region"), ...candidates.filter((c) => c.kind !== "region")];
      }
      const start = (this.tokens[item.first] as Token).start;
      let end = (this.tokens[item.last] as Token).end;
      // "U.S.": the abbreviation's last period is part of it.
      if (end - (this.tokens[item.last] as Token).start === 1 && this.text[end] === ".") end++;
      mentions.push({ start, end, text: this.text.slice(start, end), candidates: candidates.slice(0, limit) });
    }
    return mentions;
  }

  /** The longest gazetteer name starting at `first` (or after an article there). */
  private longestMatch(first: number): {
    first: number;
    last: number;
    contentFirst: number;
    postings: ReadonlyMap<number, number> | Uint32Array;
    loose: boolean;
  } | null {
    const tokens = this.tokens;
    const article = (tokens[first] as Token).article;
    if (article) {
      const after = tokens[first + 1];
      if (after === undefined || !joinable(this.text, tokens[first] as Token, after)) return null;
      if (!this.capitalsMode && !after.capitalised) return null;
      if (NEVER_STARTS.has(after.folded)) return null;
    }
    const found = this.exactFrom(first, first) ?? (article ? this.exactFrom(first, first + 1) : null);
    if (found !== null) return found;
    return this.capitalsMode ? null : this.looseFrom(first, article ? first + 1 : first);
  }

  /** Whether token `index` may continue a name after token `index - 1`. */
  private continues(index: number): boolean {
    const tokens = this.tokens;
    const next = tokens[index];
    if (next === undefined || !joinable(this.text, tokens[index - 1] as Token, next)) return false;
    return this.capitalsMode || next.capitalised || NAME_PARTICLES.has(next.folded);
  }

  /** How far a name starting at `contentFirst` could reach, at most `maxWords` words. */
  private reachFrom(contentFirst: number, maxWords: number): number {
    let reach = contentFirst;
    while (reach - contentFirst + 1 < maxWords && this.continues(reach + 1)) reach++;
    return reach;
  }

  /**
   * The longest name starting at `contentFirst`, extended word by word while the words so far
   * are the start of some name; in mixed-case text a name ends on a capitalised word.
   */
  private exactFrom(first: number, contentFirst: number): ReturnType<MentionFinder["longestMatch"]> {
    const tokens = this.tokens;
    const gazetteer = this.gazetteer;
    let key = (tokens[contentFirst] as Token).folded;
    let index = gazetteer.keyIndex(key);
    let best = -1;
    let bestIndex = -1;
    let shorterIndex = -1;
    let last = contentFirst;
    for (;;) {
      if (index < 0) break;
      if (gazetteer.isName(index) && (this.capitalsMode || (tokens[last] as Token).capitalised)) {
        shorterIndex = best === last - 1 ? bestIndex : -1;
        best = last;
        bestIndex = index;
      }
      if (!gazetteer.isPrefix(index) || last - contentFirst + 1 >= MAX_NAME_WORDS || !this.continues(last + 1)) break;
      last++;
      key = `${key} ${(tokens[last] as Token).folded}`;
      index = gazetteer.keyIndex(key);
    }
    if (best < 0) return null;
    const postings = gazetteer.postingsAt(bestIndex);
    // "Valle Department" is Honduras's region by that exact name, and Colombia's Valle del Cauca
    // too (its names lack the word): the regions the name stands for without the region word
    // join the candidates, so that the report's country can choose.
    if (shorterIndex >= 0 && best > contentFirst && REGION_WORDS_AFTER.has((tokens[best] as Token).folded)) {
      const regions = [...gazetteer.postingsAt(shorterIndex)].filter(
        (posting) => gazetteer.kindOf(posting) === "region" && !postings.includes(posting),
      );
      if (regions.length > 0)
        return { first, last: best, contentFirst, postings: Uint32Array.from([...postings, ...regions]), loose: false };
    }
    return { first, last: best, contentFirst, postings, loose: false };
  }

  /**
   * The loose key catches romanisations GeoNames lacks ("Qayyara"), in mixed-case text, for a
   * word or two of at least five letters that no word list claims; accept() keeps only notable
   * places from it.
   */
  private looseFrom(first: number, contentFirst: number): ReturnType<MentionFinder["longestMatch"]> {
    const tokens = this.tokens;
    const head = tokens[contentFirst] as Token;
    const gazetteer = this.gazetteer;
    if (gazetteer.commonWords.has(head.folded) || gazetteer.personNames.has(head.folded)) return null;
    if (gazetteer.notPlaces.has(head.folded) || head.allCapitals) return null;
    const reach = this.reachFrom(contentFirst, 2);
    const keys = [head.folded];
    if (reach > contentFirst) keys.push(`${head.folded} ${(tokens[reach] as Token).folded}`);
    for (let last = contentFirst + keys.length - 1; last >= contentFirst; last--) {
      if (!(tokens[last] as Token).capitalised) continue;
      const key = keys[last - contentFirst] as string;
      if (key.length < 5) continue;
      const postings = gazetteer.postingsForLooseKey(key);
      if (postings.size > 0) return { first, last, contentFirst, postings, loose: true };
    }
    return null;
  }

  /** What the context makes of the name at tokens first..last: a pending mention, or null. */
  private judge(match: NonNullable<ReturnType<MentionFinder["longestMatch"]>>): Pending | null {
    const { contentFirst, postings, loose } = match;
    let { first, last } = match;
    const tokens = this.tokens;
    const text = this.text;
    const gazetteer = this.gazetteer;
    // An article outside the name ("AT TEJUTLA", "AN ANTIOQUIA") is not part of the mention;
    // a hyphenated one ("al-Hol") is.
    if (contentFirst > first && text[(tokens[first] as Token).end] !== "-") first = contentFirst;
    const single = last === contentFirst;
    const word = (tokens[contentFirst] as Token).folded;
    const firstToken = tokens[first] as Token;
    const lastToken = tokens[last] as Token;
    const mixed = !this.capitalsMode;
    if (single && first === contentFirst && firstToken.article) return null;

    const previous = first > 0 && joinable(text, tokens[first - 1] as Token, firstToken) ? tokens[first - 1] : undefined;
    const next = last + 1 < tokens.length && joinable(text, lastToken, tokens[last + 1] as Token) ? tokens[last + 1] : undefined;
    const cue = this.locativeCue(first);
    const placeWordAfter = next !== undefined && PLACE_WORDS_AFTER.has(next.folded);
    const initial = sentenceInitial(text, tokens, first);
    const leftRun =
      mixed &&
      previous !== undefined &&
      previous.capitalised &&
      !NEIGHBOURS_BEFORE.has(previous.folded) &&
      (!sentenceInitial(text, tokens, first - 1) || TITLES.has(previous.folded));
    const rightRun =
      mixed &&
      next !== undefined &&
      next.capitalised &&
      !NEIGHBOURS_AFTER.has(next.folded) &&
      !(next.allCapitals && next.end - next.start <= 4);
    const common = single && gazetteer.commonWords.has(word);
    const person = single && gazetteer.personNames.has(word);
    const acronym = mixed && single && firstToken.allCapitals && lastToken.end - (tokens[contentFirst] as Token).start <= 4;
    const short = single && word.length < (mixed ? 3 : 4);
    const plainWords = !single && this.allCommonWords(contentFirst, last);
    // In capitals text a name beside a given name or a title is part of a person's name
    // ("ALFREDO CRISTIANI", "GENERAL ZAPATA", "ZAPATA GARCIA").
    // "ALFONSO DE LIMA", "Alfonso de Lima": a surname with its particle after a given name.
    const beforeParticle =
      previous !== undefined && SURNAME_PARTICLES.has(previous.folded) && first >= 2 ? (tokens[first - 2] as Token) : undefined;
    const besidePerson =
      (beforeParticle !== undefined &&
        joinable(text, beforeParticle, previous as Token) &&
        beforeParticle.capitalised &&
        gazetteer.personNames.has(beforeParticle.folded)) ||
      (!mixed &&
        ((previous !== undefined &&
          (gazetteer.personNames.has(previous.folded) ||
            GIVEN_NAMES.has(previous.folded) ||
            TITLES.has(previous.folded) ||
            MEDIA_WORDS.has(previous.folded))) ||
          (next !== undefined && gazetteer.personNames.has(next.folded))));

    // What the context allows, decided once for all candidates of this name.
    let placePolicy: "none" | "major" | "notable" | "all";
    if (leftRun || rightRun) placePolicy = "none";
    else if (single && gazetteer.notPlaces.has(word)) placePolicy = "none";
    else if (single && besidePerson) placePolicy = "none";
    else if (single && common) placePolicy = cue && mixed ? "notable" : "none";
    else if (short) placePolicy = cue ? "notable" : mixed ? "major" : "none";
    else if (single && this.isDemonym(postings)) placePolicy = "none";
    else if (plainWords) placePolicy = cue || placeWordAfter ? "notable" : "none";
    else if (single && person) placePolicy = cue || placeWordAfter ? "all" : "major";
    else if (acronym) placePolicy = "none";
    else placePolicy = "all";
    if (loose && placePolicy === "all") placePolicy = "notable";
    const ambiguousCountry = common || person;
    // "Jordan Peterson", "Chad Smith"; and in capitals text "US" is the pronoun unless "IN US".
    const countryAllowed = !(ambiguousCountry && (leftRun || rightRun)) && !(ambiguousCountry && !mixed && !cue);
    // Demonyms ("Iraqi") tell the document's country; they are reported only when asked for.
    const demonymAllowed = !leftRun && !(common && !mixed);
    if (placePolicy === "none" && !countryAllowed && !demonymAllowed) return null;

    const limit = this.options.limit ?? 10;
    const kinds: PlaceCandidate["kind"][] = placePolicy === "none" ? ["country"] : ["place", "region", "country"];
    const built = gazetteer.candidates(postings, {
      country: this.options.country ?? null,
      demonyms: demonymAllowed,
      kinds,
      limit: limit + 4,
    });
    const candidates = built.filter((candidate) => {
      if (candidate.kind === "country") return candidate.demonym ? demonymAllowed : countryAllowed;
      if (placePolicy === "major") return isMajor(candidate);
      if (placePolicy === "notable") return isNotable(candidate);
      return placePolicy === "all";
    });
    if (candidates.length === 0) return null;
    const ranked = rankCandidates(candidates, { country: this.options.country ?? null });
    const top = ranked[0] as PlaceCandidate;

    // "Anbar province": the region word belongs to the mention, and the region comes first.
    const regionFirst = placeWordAfter && next !== undefined && REGION_WORDS_AFTER.has(next.folded);
    if (regionFirst && ranked.some((candidate) => candidate.kind === "region")) last++;

    let evidence: Evidence;
    if (top.kind === "country" || cue || placeWordAfter || this.isDateline(first, last)) evidence = "strong";
    else if (loose) evidence = "weak";
    else if (!single) evidence = "medium";
    else if (mixed) evidence = !initial && isNotable(top) ? "medium" : "weak";
    else evidence = top.kind === "place" && isMajor(top) ? "medium" : "weak";
    return { first, last, candidates: ranked, evidence, regionFirst, capitals: !mixed };
  }

  /** A dateline: the name opens a line and a comma, a parenthesis or a dash follows it. */
  private isDateline(first: number, last: number): boolean {
    const start = (this.tokens[first] as Token).start;
    // Only blanks between the line's start and the name; read back to the first other character
    // (not the whole line: a text with no line break would be read whole for every name).
    for (let index = start - 1; index >= 0; index--) {
      const character = this.text[index] as string;
      if (character === "\n") break;
      if (!/\s/.test(character)) return false;
    }
    return /^\s*(?:,|\(|--|—|–)/.test(this.text.slice((this.tokens[last] as Token).end, (this.tokens[last] as Token).end + 4));
  }

  /** "Canadian" is Canada's demonym before it is a town in Texas. */
  private isDemonym(postings: ReadonlyMap<number, number> | Uint32Array): boolean {
    if (postings instanceof Uint32Array) {
      for (const posting of postings) if ((posting & 1) === 1) return true;
      return false;
    }
    for (const posting of postings.keys()) if ((posting & 1) === 1) return true;
    return false;
  }

  private allCommonWords(first: number, last: number): boolean {
    for (let index = first; index <= last; index++) {
      const word = (this.tokens[index] as Token).folded;
      if (!this.gazetteer.commonWords.has(word) && !NAME_PARTICLES.has(word) && !LOCATIVE_WORDS.has(word)) return false;
    }
    return true;
  }

  /**
   * A word before the name says it is a place: "in", "near", "the town of", "south of"; in
   * mixed-case text also a list that continues an accepted place ("Mosul, Tikrit and Hit").
   */
  private locativeCue(first: number): boolean {
    const tokens = this.tokens;
    if (first === 0) return false;
    const previous = tokens[first - 1] as Token;
    const gap = this.text.slice(previous.end, (tokens[first] as Token).start);
    if (/[.;:!?()]/.test(gap)) return false;
    if (LOCATIVE_WORDS.has(previous.folded)) return true;
    if (previous.folded === "of" && first >= 2 && LOCATIVE_NOUNS_BEFORE_OF.has((tokens[first - 2] as Token).folded)) {
      return true;
    }
    if (this.capitalsMode) return false;
    if (this.lastMentionEnd === first - 1 && gap.includes(",")) return true;
    if ((previous.folded === "and" || previous.folded === "or") && this.lastMentionEnd >= first - 3) return true;
    return false;
  }
}

function isDigit(token: Token): boolean {
  const code = token.folded.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/** The particles of Spanish, Portuguese and Dutch surnames ("de Lima", "dos Santos", "van Dijk"). */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set(["de", "del", "da", "do", "dos", "das", "van", "von"]);

const REGION_WORDS_AFTER: ReadonlySet<string> = new Set(["province", "governorate", "department", "region"]);

/**
 * Place names in running text, in order, each with its ranked candidates. Capitalised (or, in
 * all-capitals text, any) sequences of up to six words are looked up by their standard key;
 * the context rules at the top of this file decide which candidates survive.
 */
export function findPlaceMentions(text: string, options: MentionOptions = {}): PlaceMention[] {
  const gazetteer = options.gazetteer ?? loadGazetteer();
  return new MentionFinder(text, gazetteer, options).run();
}

// ---------------------------------------------------------------- phrases

const DIRECTIONS: Readonly<Record<string, number>> = {
  north: 0,
  northern: 0,
  northeast: 45,
  "north-east": 45,
  northeastern: 45,
  "north-eastern": 45,
  east: 90,
  eastern: 90,
  southeast: 135,
  "south-east": 135,
  southeastern: 135,
  "south-eastern": 135,
  south: 180,
  southern: 180,
  southwest: 225,
  "south-west": 225,
  southwestern: 225,
  "south-western": 225,
  west: 270,
  western: 270,
  northwest: 315,
  "north-west": 315,
  northwestern: 315,
  "north-western": 315,
  central: -1,
};
const DIRECTION_PATTERN = Object.keys(DIRECTIONS).join("|");
const KM_PER_MILE = 1.609344;
/** Beyond this a "N km west of X" offset is more likely a misreading than a location. */
const MAX_OFFSET_KM = 250;

const OFFSET_PHRASE = new RegExp(
  `^(?:about |some |around |approximately |nearly |roughly )?(\\d+(?:\\.\\d+)?)[ -]?(km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|mi)\\.? \\(?[^)]*\\)? ?(${DIRECTION_PATTERN}) of (.+)$`,
  "i",
);
const SIMPLE_OFFSET_PHRASE = new RegExp(
  `^(?:about |some |around |approximately |nearly |roughly )?(\\d+(?:\\.\\d+)?)[ -]?(km|kms|kilometers|kilometres|kilometer|kilometre|miles|mile|mi)\\.? (${DIRECTION_PATTERN}) of (.+)$`,
  "i",
);
const DIRECTION_OF_PHRASE = new RegExp(`^(?:just |the )?(${DIRECTION_PATTERN}) of (.+)$`, "i");
const DIRECTIONAL_PHRASE = new RegExp(`^(?:the )?(?:far[ -])?(${DIRECTION_PATTERN}) (.+)$`, "i");
const NEAR_PHRASE =
  /^(?:near|outside|around|close to|the outskirts of|outskirts of|on the outskirts of|the vicinity of|the area of|the suburbs of|suburbs of)\s+(.+)$/i;
const REGION_SUFFIX_PHRASE = /^(.+?)\s+(province|governorate|department|region|state|oblast)$/i;
const REGION_PREFIX_PHRASE = /^(?:the\s+)?(province|governorate|department|region|state)\s+of\s+(.+)$/i;
const TOWN_PREFIX_PHRASE = /^(?:the\s+)?(?:city|town|village|hamlet|municipality|port|district|canton)\s+of\s+(.+)$/i;
const TOWN_SUFFIX_PHRASE = /^(.+?)\s+(?:city|town|village|district|camp|area|municipality|canton)$/i;

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** The point `distance` km from `origin` on `bearing` degrees (spherical Earth). */
function offsetPoint(origin: Coordinates, distance: number, bearing: number): Coordinates {
  const radians = Math.PI / 180;
  const angular = distance / 6371;
  const latitude = origin.latitude * radians;
  const longitude = origin.longitude * radians;
  const heading = bearing * radians;
  const newLatitude = Math.asin(Math.sin(latitude) * Math.cos(angular) + Math.cos(latitude) * Math.sin(angular) * Math.cos(heading));
  const newLongitude =
    longitude +
    Math.atan2(Math.sin(heading) * Math.sin(angular) * Math.cos(latitude), Math.cos(angular) - Math.sin(latitude) * Math.sin(newLatitude));
  return { latitude: newLatitude / radians, longitude: ((newLongitude / radians + 540) % 360) - 180 };
}

/** How precisely a gazetteer entry locates something: a section of a city is a district. */
export function precisionOf(candidate: PlaceCandidate): GeoPrecision {
  switch (candidate.kind) {
    case "country":
      return "country";
    case "region":
      return "region";
    case "place":
      if (candidate.featureCode === "PPLX") return "district";
      return candidate.featureCode.startsWith("PPL") || candidate.featureCode === "STLMT" ? "town" : "point";
  }
}

function placeOf(candidate: PlaceCandidate, name: string, precision?: GeoPrecision): Place {
  const geoPrecision = precision ?? precisionOf(candidate);
  const pointed = geoPrecision !== "region" && geoPrecision !== "country";
  return {
    kind: "place",
    name,
    country: candidate.country,
    admin1: candidate.kind === "country" ? null : candidate.admin1,
    latitude: pointed && candidate.latitude !== null ? round4(candidate.latitude) : null,
    longitude: pointed && candidate.longitude !== null ? round4(candidate.longitude) : null,
    geoPrecision: pointed && candidate.latitude === null ? "region" : geoPrecision,
    geonameId: pointed ? candidate.geonameId : null,
  };
}

/** "SAN PEDRO SULA" -> "San Pedro Sula"; other text as written, tidied. */
function displayName(phrase: string): string {
  const tidy = phrase.replace(/\s+/g, " ").trim();
  return isAllCapitals(tidy) ? titleCase(tidy) : tidy;
}

function best(
  gazetteer: Gazetteer,
  name: string,
  countryHint: string | null,
  kinds?: readonly PlaceCandidate["kind"][],
): PlaceCandidate | null {
  const options = kinds ? { country: countryHint, kinds, limit: 1 } : { country: countryHint, limit: 1 };
  return gazetteer.lookupName(name, options)[0] ?? null;
}

/**
 * The Place a phrase names, or null when the gazetteer knows no such place.
 *
 * - a town or city ("Daquq", "the town of Molina", "SAN PEDRO SULA") -> "town", its point;
 *   a city district ("Sadr City") -> "district"; a base, dam or mountain -> "point";
 * - an admin1 region ("Anbar", "Salahuddin province") or a named area ("Iraqi Kurdistan") ->
 *   "region", no coordinates;
 * - a country ("Iraq", "the United States") -> "country", no coordinates;
 * - a direction and a country or region ("northern Iraq", "eastern Deir ez-Zor province") ->
 *   "region", no coordinates: a point there would be invented;
 * - a direction and a town ("southern Baghdad", "near Kirkuk", "south of Mosul") -> the town's
 *   point, "district" precision: the place is in or by the town, not at its centre;
 * - "30 km south of Kirkuk" -> the point that far on that bearing, "district" precision.
 *
 * The Place's name is the phrase as written (title-cased when written in capitals), so that an
 * event shows what its report said; geonameId identifies the gazetteer entry.
 */
export function resolvePlacePhrase(
  phrase: string,
  countryHint: string | null = null,
  gazetteer: Gazetteer = loadGazetteer(),
): Place | null {
  let text = phrase
    .replace(/\s+/g, " ")
    .replace(/^[\s"“'‘(]+|[\s"”'’).,;:]+$/g, "")
    .replace(/^the /i, "")
    .trim();
  if (text === "") return null;
  const name = displayName(text);
  let hint = countryHint;

  // "Mosul, Iraq" and "Iraq's Anbar province": the country is the hint.
  const comma = text.lastIndexOf(",");
  if (comma > 0) {
    const country = gazetteer.countryByName(text.slice(comma + 1));
    if (country !== null) {
      hint = country;
      text = text.slice(0, comma).trim();
    }
  }
  const possessive = /^(.+?)['’]s (.+)$/.exec(text);
  if (possessive) {
    const country = gazetteer.countryByName(possessive[1] as string);
    if (country !== null) {
      hint = country;
      text = possessive[2] as string;
    }
  }

  // A name that is itself in the gazetteer wins over reading it as a pattern ("North Carolina",
  // "West Bank", "Eastern Ghouta").
  const exact = gazetteer.lookupName(text, { country: hint, limit: 1, loose: false })[0];
  if (exact) return placeOf(exact, name);

  const offset = SIMPLE_OFFSET_PHRASE.exec(text) ?? OFFSET_PHRASE.exec(text);
  if (offset) {
    const [, amount, unit, direction, rest] = offset;
    const town = best(gazetteer, rest as string, hint, ["place"]);
    const bearing = DIRECTIONS[(direction as string).toLowerCase()];
    if (town && town.latitude !== null && town.longitude !== null && bearing !== undefined && bearing >= 0) {
      const kilometres = Number(amount) * (/^mi/i.test(unit as string) ? KM_PER_MILE : 1);
      const point =
        kilometres <= MAX_OFFSET_KM
          ? offsetPoint({ latitude: town.latitude, longitude: town.longitude }, kilometres, bearing)
          : { latitude: town.latitude, longitude: town.longitude };
      return { ...placeOf(town, name, "district"), latitude: round4(point.latitude), longitude: round4(point.longitude) };
    }
    return relative(gazetteer, rest as string, hint, name);
  }

  const directionOf = DIRECTION_OF_PHRASE.exec(text);
  if (directionOf) return relative(gazetteer, directionOf[2] as string, hint, name);
  const near = NEAR_PHRASE.exec(text);
  if (near) return relative(gazetteer, near[1] as string, hint, name);
  const directional = DIRECTIONAL_PHRASE.exec(text);
  if (directional) {
    const target = directional[2] as string;
    const place = relative(gazetteer, target, hint, name);
    if (place !== null) return place;
  }

  const regionPrefix = REGION_PREFIX_PHRASE.exec(text);
  const regionSuffix = REGION_SUFFIX_PHRASE.exec(text);
  const regionName = regionPrefix?.[2] ?? regionSuffix?.[1];
  if (regionName !== undefined) {
    const region = gazetteer.lookupRegion(regionName, hint)[0];
    if (region) return placeOf(region, name);
  }
  const townPrefix = TOWN_PREFIX_PHRASE.exec(text);
  const townSuffix = TOWN_SUFFIX_PHRASE.exec(text);
  const whole = best(gazetteer, text, hint);
  if (whole) return placeOf(whole, name);
  const townName = townPrefix?.[1] ?? townSuffix?.[1];
  if (townName !== undefined) {
    const town = best(gazetteer, townName, hint, ["place"]) ?? best(gazetteer, townName, hint);
    if (town) return placeOf(town, name);
  }
  return null;
}

/**
 * A place described relative to another ("northern Iraq", "near Kirkuk", "south of Mosul"):
 * a country or region stays a region without a point; a town keeps its point at "district"
 * precision.
 */
function relative(gazetteer: Gazetteer, target: string, hint: string | null, name: string): Place | null {
  const inner = resolvePlacePhrase(target, hint, gazetteer);
  if (inner === null) return null;
  if (inner.geoPrecision === "country" || inner.geoPrecision === "region") {
    return { ...inner, name, geoPrecision: "region", latitude: null, longitude: null, geonameId: null };
  }
  return { ...inner, name, geoPrecision: "district" };
}

// Conveniences over the process-wide gazetteer, for callers that hold none.

/** Populated places of that name, best first (Gazetteer.lookupPlace). */
export function lookupPlace(
  name: string,
  options: { country?: string | null; nearby?: Coordinates | null; limit?: number } = {},
): PlaceCandidate[] {
  return loadGazetteer().lookupPlace(name, options);
}

/** Admin1 regions (and named areas) of that name, best first (Gazetteer.lookupRegion). */
export function lookupRegion(name: string, country?: string | null): PlaceCandidate[] {
  return loadGazetteer().lookupRegion(name, country);
}

/** ISO alpha-2 for a country name, spelling or demonym ("Syria", "Syrian", "U.S."), or null. */
export function countryByName(text: string): string | null {
  return loadGazetteer().countryByName(text);
}

/** The common English name of a country code ("IQ" -> "Iraq"), or null. */
export function countryName(code: string): string | null {
  return loadGazetteer().countryName(code);
}
