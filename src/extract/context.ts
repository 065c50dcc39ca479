// Everything the rules need about one report, computed once: sentences, the reference date,
// and per-sentence annotations (groups, state forces, places, dates, numbers, attributions).
import type { PartialDate } from "../domain/records.ts";
import { MONTH_NAMES } from "../nlp/calendar.ts";
import { findDateline, findDates, findReportPeriod, findUndatedDatesInParts, inferReferenceDate, type DateMention } from "../nlp/dates.ts";
import { findNumbers, type NumberMention } from "../nlp/numbers.ts";
import { isMostlyCapitals, splitSentences, type Sentence } from "../nlp/sentences.ts";
import { scanWords, type Word } from "../nlp/word-scan.ts";
import { findGroupMentions, type GroupMention } from "../resolve/actors/actors.ts";
import { standardKey } from "../resolve/places/fold.ts";
import { lookupPlace } from "../resolve/places/places.ts";
import { findStateForces, type StateForceMention } from "../resolve/actors/forces.ts";
import {
  countryOfDateline,
  DESTINATION_BEFORE,
  findLocalPlaces,
  findPlaces,
  isMajorCity,
  NOTABLE_CODES,
  type PlaceMention,
} from "./places.ts";
import { findAttributions, type Attribution } from "./attribution.ts";
import { DENIED_ROLE_SOURCE } from "./triggers.ts";
import { findOrganizations, findPeople, type OrganizationMention, type PersonMention } from "./entities.ts";

/** A date written with its month ("December 2", "2 Dec"), as opposed to a weekday or "yesterday". */
const CALENDAR_DAY_TEXT = new RegExp(
  String.raw`\b(?:${MONTH_NAMES.map((name) => name.slice(0, 3)).join("|")})[a-z]*\.?\b|\d{1,2}[/.-]\d{1,2}`,
  "i",
);
export interface AnnotatedSentence extends Sentence {
  readonly lower: string;
  readonly groups: readonly GroupMention[];
  readonly forces: readonly StateForceMention[];
  readonly places: readonly PlaceMention[];
  readonly dates: readonly DateMention[];
  readonly numbers: readonly NumberMention[];
  readonly attributions: readonly Attribution[];
  readonly people: readonly PersonMention[];
  readonly organizations: readonly OrganizationMention[];
}

export interface DocumentContext {
  readonly documentId: string;
  readonly text: string;
  readonly allCapitals: boolean;
  readonly referenceDate: PartialDate | null;
  readonly referenceDateSource: "published" | "dateline" | "inferred" | "none";
  /** Country the report is mainly about: the dateline's, or the one its places name most. */
  readonly mainCountry: string | null;
  /** Every country the report names as such (not by a demonym), plus the dateline's. */
  readonly documentCountries: ReadonlySet<string>;
  /** The armed group the report names most often. */
  readonly mainGroup: string | null;
  /** The period a periodic report covers ("this quarter" in a quarterly report), when it says. */
  readonly reportPeriod: { readonly periodStart: string; readonly periodEnd: string } | null;
  /**
   * The period a periodic report says it covers ("the report covers the period October 1 to
   * December 31, 2019"), named with its cue: what its undated incidents are dated to.
   */
  readonly coveredPeriod: { readonly periodStart: string; readonly periodEnd: string } | null;
  /** The town of the dateline ("LIMA, 16 JAN 90 (EFE) --"), when there is one. */
  readonly datelinePlace: PlaceMention | null;
  readonly sentences: readonly AnnotatedSentence[];
}

export interface ExtractInput {
  readonly documentId: string;
  readonly text: string;
  readonly publishedDate: PartialDate | null;
  readonly title?: string | null;
}

// "the San Jose neighborhood", "NEAR THE SANTA ISABEL NEIGHBORHOOD": a quarter named after a saint or
// a city elsewhere. Not "the Baghdad neighbourhood of Karrada", where the city encloses the quarter.
// Nor "in a Bogota suburb", "two La Paz neighborhoods": a quarter of that city.
const QUARTER_NEXT = /^\s+(?:neighbou?rhood|barrio|colonia|suburb)\b/i;
/** "... neighborhood of western San Salvador": what may stand between the quarter word and its city. */
const QUARTER_OF = /^\s+\w+\s+of\s+(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western|downtown)\s+)?$/i;
const QUARTER_BEFORE = /^\s+(?:neighbou?rhoods?|districts?|suburbs?|quarters?|barrios?)\s+of\s+(?:the\s+)?$/i;
const QUARTERS_OF_AND = /^\s+(?:neighbou?rhoods|districts|suburbs|quarters|barrios)\s+of\s+[^,.;]{1,40}?,?\s+and\s+$/i;
const QUARTER_WORD_NEXT = /^\s+(?:neighbou?rhood|barrio|colonia|suburb|district|quarter)\s+of\b/i;
const QUARTER_LEAD = /\b(?:the|in|at|near|of)\s+$/i;

/**
 * A gazetteer town that is the name of a city quarter, to be read as a local place of the report's
 * country: "the San Jose neighborhood" when San Jose is abroad, and a quarter's namesake in another
 * province of the city that holds it ("the Baghdad neighbourhood of Karrada", "the Santa Barbara
 * neighborhood of Medellin"). The city itself is never dropped: "the Kennedy district of Bogota",
 * "the Beirut suburb".
 */
function namesQuarter(place: PlaceMention, sentence: AnnotatedSentence, documentCountries: ReadonlySet<string>): boolean {
  const text = sentence.text;
  if (place.precision !== "town") return false;
  const abroad = (other: PlaceMention): boolean => other.country === null || !documentCountries.has(other.country);
  // "the Baghdad neighbourhood of Karrada": a namesake of the quarter in another province is not it.
  // Only a larger town holds a quarter ("the Kennedy district of Bogota" does not make Bogota a quarter).
  const city = sentence.places.find(
    (other) =>
      other.end < place.start &&
      other.precision === "town" &&
      other.population > place.population &&
      QUARTER_BEFORE.test(text.slice(other.end, place.start)),
  );
  // A capital or a city of half a million is never a quarter ("the Paris neighborhood of Barranquilla").
  if (city) return !isMajorCity(place) && (city.admin1 !== place.admin1 || city.country !== place.country);
  if (!QUARTER_NEXT.test(text.slice(place.end, place.end + 20))) return false;
  if (!QUARTER_LEAD.test(text.slice(Math.max(0, place.start - 8), place.start))) return false;
  // "the San Jose neighborhood of western San Salvador": the town named after "of" holds the quarter
  // when it is the larger, or the one in the report's country.
  if (/^\s+\w+\s+of\b/i.test(text.slice(place.end, place.end + 24))) {
    const enclosing = sentence.places.find((other) => other.start > place.end && QUARTER_OF.test(text.slice(place.end, other.start)));
    if (!enclosing || abroad(enclosing)) return false;
    if (!abroad(place) && enclosing.population <= place.population) return false;
    return abroad(place) || enclosing.admin1 !== place.admin1;
  }
  // "the Beirut suburb": a city of the report's country named before a quarter word is that city.
  return abroad(place);
}

/**
 * A quarter read by its kind, placed in the town the sentence says holds it ("the Baghdad
 * neighbourhood of Karrada", "the Chapinero neighborhood of northern Bogota", "San Salvador's
 * Sacamil neighborhood"): the town's province and point, the nearest the report allows.
 */
function inCity(quarter: PlaceMention, places: readonly PlaceMention[], text: string): PlaceMention {
  if (quarter.admin1 !== null) return quarter;
  const city = places.find(
    (place) =>
      place.precision === "town" &&
      place.country === quarter.country &&
      (place.end <= quarter.start
        ? QUARTER_BEFORE.test(text.slice(place.end, quarter.start)) ||
          /^['’]s\s+$/i.test(text.slice(place.end, quarter.start)) ||
          // "the Baghdad neighborhoods of Husseiniyah and Yarmouk": the second quarter too.
          QUARTERS_OF_AND.test(text.slice(place.end, quarter.start))
        : QUARTER_OF.test(text.slice(quarter.end, place.start))),
  );
  if (!city) return quarter;
  return { ...quarter, admin1: city.admin1, admin1Name: city.admin1Name, latitude: city.latitude, longitude: city.longitude };
}

/**
 * The country of a story's own dateline ("[TEXT] PEREIRA --"), when the words are a town the
 * gazetteer reads whole: a well-known one, or one in the broadcaster's country. Not "Hamas --", not
 * "Police --".
 */
function storyDatelineCountry(story: string, broadcaster: string | null): string | null {
  const town = lookupPlace(story, { limit: 1 })[0];
  if (!town || town.kind !== "place" || standardKey(town.name) !== standardKey(story)) return null;
  const notable = NOTABLE_CODES.has(town.featureCode) || town.population >= 100_000;
  return notable || town.country === (broadcaster ? countryOfDateline(broadcaster) : null) ? town.country : null;
}

/** Right after a group's name: it denies a role ("The Taliban denied involvement in the blast"). */
const GROUP_DENIES_ROLE = new RegExp(String.raw`^\s+(?:has\s+|have\s+|had\s+)?${DENIED_ROLE_SOURCE}`, "i");

/**
 * Before a date given in universal time beside a local hour: "AT 2230 [0230 GMT ON". Only that
 * form: "at 0900 GMT on Saturday" alone dates the incident, and stays.
 */
const UNIVERSAL_TIME_BEFORE = /\d{3,4}\s*[[(]\s*\d{1,2}:?\d{2}\s*(?:GMT|UTC)\b[\s,]*(?:on\s+)?$/i;

/** Before a place that is part of the name of a treaty, or of a battle remembered. */
const HISTORIC_NAME_BEFORE =
  /(?:\b(?:treaty|accords?|protocol)|\b(?:commemorat\w*|anniversary|celebrat\w*|memorial|monument|museum|heroes)\s+(?:of\s+)?(?:the\s+)?(?:battle|siege))\s+of\s+(?:the\s+)?$/i;

/** Before a place that says where a person comes from, not where anything happened. */
const PERSON_ORIGIN_BEFORE =
  /(?:,\s*\d{1,3},\s*(?:from|of)|\b\d{1,3}-year-old\s+(?:[a-z]+\s+)?from|\ba native of|\bborn in(?:\s+the\s+(?:state|city|town|province|department)\s+of)?|\b(?:is|are|was|were|comes?|came)\s+(?:originally\s+)?from)\s+(?:the\s+)?$/i;

/**
 * The report in parts for reading its dates with no reference date: its sentences, except that a
 * sentence that does not end in a full stop, a question or an exclamation mark (a headline, a
 * line of a cover page, a wrapped line of a PDF) is read with the next, as a date may run across
 * such a break ("a report covering January 1 to\nMarch 31, 2024"). A sentence read alone brings
 * the words already scanned for it.
 */
function undatedParts(
  text: string,
  sentences: readonly Sentence[],
  sentenceWords: readonly (readonly Word[])[],
): { text: string; start: number; words: readonly Word[] }[] {
  const parts: { text: string; start: number; words: readonly Word[] }[] = [];
  let first = 0;
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index] as Sentence;
    if (index + 1 < sentences.length && (!ENDS_SENTENCE.test(sentence.text) || MONTH_ABBREVIATION_END.test(sentence.text))) continue;
    const start = (sentences[first] as Sentence).start;
    if (first === index) {
      parts.push({ text: sentence.text, start, words: sentenceWords[index] ?? scanWords(sentence.text) });
    } else {
      const joined = text.slice(start, sentence.end);
      parts.push({ text: joined, start, words: scanWords(joined) });
    }
    first = index + 1;
  }
  return parts;
}

const ENDS_SENTENCE = /[.!?]["'”’)\]]*\s*$/;
// ("... on 12 Sept.\n2024": the full stop of a month's abbreviation ends no date.)
const MONTH_ABBREVIATION_END = /\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.\s*$/i;

export function buildContext(input: ExtractInput): DocumentContext {
  const text = input.text;
  const allCapitals = isMostlyCapitals(text);
  const dateline = findDateline(text);
  // The whole text's dates read without a reference date, for the report's own date and period,
  // sentence by sentence, so that the reading with the reference date below, and the numbers,
  // reuse each sentence's words.
  const split = splitSentences(text);
  const sentenceWords = split.map((sentence) => scanWords(sentence.text));
  const undated = findUndatedDatesInParts(undatedParts(text, split, sentenceWords));
  let referenceDate: PartialDate | null = null;
  let referenceDateSource: DocumentContext["referenceDateSource"] = "none";
  if (input.publishedDate) {
    referenceDate = input.publishedDate;
    referenceDateSource = "published";
  } else if (dateline?.date) {
    referenceDate = dateline.date;
    referenceDateSource = "dateline";
  } else {
    // Never today's date: an undated report is dated by what it says (../shared/eval/README.md).
    const inferred = inferReferenceDate(text, undated);
    if (inferred) {
      referenceDate = inferred;
      referenceDateSource = "inferred";
    }
  }

  // Places are matched once over the whole text, with the dateline's country as a hint, then
  // handed to the sentence that holds them.
  // "BOGOTA, 11 NOV 89 (RADIO CADENA NACIONAL) -- [TEXT] PEREIRA --": the story was filed from the
  // place of its own dateline, when that is a known place.
  const storyCountry = dateline?.story ? storyDatelineCountry(dateline.story.place, dateline.place) : null;
  const datelineCountry = storyCountry ?? (dateline?.place ? countryOfDateline(dateline.place) : null);
  // The dateline ("LIMA, 16 JAN 90 (EFE) --") says where and when the report was filed, not where
  // and when its events happened, so its place and date are not read as the first sentence's.
  const bodyStart = (storyCountry !== null ? dateline?.story?.end : dateline?.end) ?? 0;
  const foundPlaces = findPlaces(text, { country: datelineCountry, allCapitals }).sort((a, b) => a.start - b.start);
  const allPlaces = foundPlaces.filter((place) => place.start >= bodyStart);
  // Where the report was filed: the lead's incident is there unless the lead names another place.
  // The last town before the body: a story's own dateline inside the broadcaster's ("BOGOTA ... --
  // [TEXT] PEREIRA --") is where it was filed.
  const datelinePlace =
    foundPlaces.findLast((place) => place.start < bodyStart && (place.precision === "town" || place.precision === "district")) ?? null;
  // Quarterly reports say "this quarter" of the quarter they cover, not the one they appeared in.
  const reportPeriod = findReportPeriod(text, { mentions: undated });
  const coveredPeriod = reportPeriod === null ? null : findReportPeriod(text, { cuedOnly: true, mentions: undated });
  const sentences: AnnotatedSentence[] = [];
  let placeCursor = 0;
  let anchorDate: string | null = referenceDate;
  const countryVotes = new Map<string, number>();
  const largestPlace = new Map<string, number>();
  const groupTheatres: string[] = [];
  for (let index = 0; index < split.length; index++) {
    const sentence = split[index] as Sentence;
    const words = sentenceWords[index];
    // Nothing a report tells can start after the report: a date resolved past the reference date
    // is a misreading ("two years after" counted forward) or a plan, and is dropped.
    const dates = findDates(sentence.text, { referenceDate, anchorDate, reportPeriod }, words)
      .filter(
        (date) =>
          sentence.start + date.start >= bodyStart &&
          !(referenceDate && date.periodStart !== null && date.periodStart > referenceDate) &&
          // "AT 2230 [0230 GMT ON 12 JANUARY]": the day in universal time beside a local hour,
          // which is the next day for a night-time incident west of Greenwich.
          !UNIVERSAL_TIME_BEFORE.test(sentence.text.slice(Math.max(0, date.start - 30), date.start)),
      )
      // An inferred reference date is the latest day the report mentions, not the day it was
      // written: "on Saturday" or "yesterday" counted from it would be a day made up. The day
      // stays unknown (the incident takes the inferred year). A calendar day without its year
      // ("on December 2") keeps the day; only its year came from the reference.
      .map((date) =>
        referenceDateSource === "inferred" &&
        date.resolution === "reference" &&
        date.kind === "point" &&
        date.value?.length === 10 &&
        !CALENDAR_DAY_TEXT.test(date.text)
          ? { ...date, value: null }
          : date,
      );
    for (const date of dates) {
      // Relative expressions ("eleven days later") count from the last day-precise date.
      if (date.kind === "point" && date.value && date.value.length === 10) anchorDate = date.value;
    }
    // Places come sorted by offset, so one forward pass hands each to its sentence.
    const places: PlaceMention[] = [];
    for (; placeCursor < allPlaces.length; placeCursor++) {
      const place = allPlaces[placeCursor];
      if (place === undefined || place.start >= sentence.end) break;
      if (place.start >= sentence.start && place.end <= sentence.end) {
        places.push({ ...place, start: place.start - sentence.start, end: place.end - sentence.start });
      }
    }
    const forces = findStateForces(sentence.text);
    // "Al Qaeda-linked JNIM": the group named as a patron qualifies the one that acts, and is not
    // itself an actor of the sentence (an "Islamic State-affiliated cell" is still Islamic State's).
    const named = findGroupMentions(sentence.text, { allCapitals });
    const groups = named.filter(
      (group) =>
        !(
          /^[-\s](?:linked|affiliated|allied|aligned|backed|inspired|loyal)\b/i.test(sentence.text.slice(group.end, group.end + 12)) &&
          named.some((other) => other.start > group.end && other.start - group.end <= 25)
        ) &&
        // "The Taliban denied involvement in the blast": a group that denies a role is not its actor.
        !GROUP_DENIES_ROLE.test(sentence.text.slice(group.end, group.end + 60)),
    );
    // A place inside an actor's name ("Farabundo Marti", "Iraqi Kurdistan Regional Guard") is not
    // where anything happened.
    const freePlaces = places.filter(
      (place) =>
        // "the corner of Sarmiento and Florida", "Bolivar Avenue": streets named after places.
        !/\b(?:corner of|corner|streets?|avenues?|calle|avenida|boulevard|road)\s+(?:and\s+)?$/i.test(
          sentence.text.slice(Math.max(0, place.start - 12), place.start),
        ) &&
        !/^\s+(?:streets?|avenues?|boulevards?|roads?)\b/i.test(sentence.text.slice(place.end, place.end + 12)) &&
        // "the corner of Sarmiento and San Martin streets": the first of two streets named together.
        !/^\s+and\s+(?:[\p{L}'’.-]+\s+){1,3}(?:streets|avenues|roads)\b/iu.test(sentence.text.slice(place.end, place.end + 50)) &&
        // "Jose Maria Martinez, 55, from Spain", "a native of Cali": where a person comes from.
        !PERSON_ORIGIN_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 30), place.start)) &&
        // "armed men broke into Monzon's residence": a person's, whatever town shares the name.
        !/^['’]s\s+(?:residence|home|house|wife|husband|family|son|daughter|brother|sister|bodyguards?|car|farm)\b/i.test(
          sentence.text.slice(place.end, place.end + 16),
        ) &&
        // "the commemoration of the Battle of Tarapaca", "the Treaty of Rio": a name of the past
        // (not "the battle of Mosul" told as news, which is where it was fought).
        !HISTORIC_NAME_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 70), place.start)) &&
        !groups.some((g) => place.start < g.end && g.start < place.end) &&
        !forces.some((f) => place.start < f.end && f.start < place.end && place.precision !== "country"),
    );
    for (const place of freePlaces) {
      // "the Paris neighborhood of Barranquilla": a quarter's name says nothing of the country. The
      // city after "of" holds it when that is a major city, or the larger of two smaller towns;
      // otherwise the name before is the city ("the Beirut suburb of Dahiyeh": Beirut votes).
      if (QUARTER_WORD_NEXT.test(sentence.text.slice(place.end, place.end + 20))) {
        const holder = freePlaces.find((other) => other.start > place.end && other.start - place.end <= 40);
        if (holder && (isMajorCity(holder) || (!isMajorCity(place) && holder.population > place.population))) continue;
      }
      // "extradited to the United States": the country someone was sent to is not where the report is set.
      if (place.precision === "country" && DESTINATION_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 40), place.start)))
        continue;
      // "U.S. forces" says nothing about where a report is set; "in Syria" does.
      const locative =
        place.precision !== "country" ||
        /\b(?:in|inside|across|throughout|near|at|into|within|to)\s+(?:the\s+)?$/i.test(
          sentence.text.slice(Math.max(0, place.start - 15), place.start),
        );
      // A small place abroad counts half, and nothing in capitals copy, where it is as often a
      // surname ("ROBERTO NAVAS") or an acronym as a place.
      const abroad =
        (place.precision === "town" || place.precision === "district") &&
        datelineCountry &&
        place.country !== datelineCountry &&
        !place.notable;
      // The filing town named again in the body ("the commission's branch in San Jose") says
      // where the report came from, which the dateline has counted already.
      const filing = datelinePlace !== null && place.name === datelinePlace.name && place.precision !== "country";
      const weight = filing ? 0 : abroad ? (allCapitals ? 0 : 0.5) : 1;
      if (place.country && locative) {
        countryVotes.set(place.country, (countryVotes.get(place.country) ?? 0) + weight);
        largestPlace.set(place.country, Math.max(largestPlace.get(place.country) ?? 0, place.population));
      }
    }
    // "CLANDESTINE, 29 NOV 89 (RADIO VENCEREMOS) -- ... the FMLN ...": a report is set where the
    // armed groups it names fight, as well as where its places are (counted below).
    for (const group of groups) if (group.country) groupTheatres.push(group.country);
    sentences.push({
      ...sentence,
      // Line breaks read as spaces (one for one, so offsets hold): wire copy wrapped at 70
      // columns splits "set\nfire to" or "took large\nquantities of", which the rules write
      // with a space.
      lower: sentence.text.toLowerCase().replace(/[\r\n\t]/g, " "),
      groups,
      forces,
      places: freePlaces,
      dates,
      numbers: findNumbers(sentence.text, { words }),
      attributions: findAttributions(sentence.text),
      people: findPeople(sentence.text, { allCapitals }),
      organizations: findOrganizations(sentence.text),
    });
  }

  // The country the report is about: where its places are, with the dateline's country counted
  // twice (a wire report is filed from the country it covers; a press release from Tampa is not).
  if (datelineCountry) countryVotes.set(datelineCountry, (countryVotes.get(datelineCountry) ?? 0) + 2);
  // The groups' theatres: a quarter called Escalon is not the Californian town, and a report filed
  // in San Jose that keeps naming the FMLN is about El Salvador (the dateline still counts twice).
  // In capitals copy, where a small town's reading is as likely a namesake or a surname, each
  // mention of a group counts as much as a place; in ordinary copy, where places read reliably, the
  // groups decide only when no place does ("ISWAP fighters killed 20 soldiers in Diffa ... ISWAP
  // claimed it": Niger, where it happened).
  if (allCapitals || countryVotes.size === 0)
    for (const country of groupTheatres) countryVotes.set(country, (countryVotes.get(country) ?? 0) + 1);
  let mainCountry: string | null = null;
  let best = 0;
  for (const [country, votes] of countryVotes) {
    // A tie goes to the country of the larger place ("Kennedy ... Bogota": Colombia, not the
    // United States of a town called Kennedy).
    if (votes > best || (votes === best && (largestPlace.get(country) ?? 0) > (mainCountry ? (largestPlace.get(mainCountry) ?? 0) : 0))) {
      best = votes;
      mainCountry = country;
    }
  }

  const documentCountries = new Set<string>();
  if (datelineCountry) documentCountries.add(datelineCountry);
  // A country named as a place ("in Peru", "Peru's army" aside) is one the report is about; one
  // used as an adjective ("the U.S. embassy", "U.S. officials") is not.
  for (const sentence of sentences)
    for (const place of sentence.places) {
      if (place.precision !== "country" || !place.country) continue;
      if (DESTINATION_BEFORE.test(sentence.text.slice(Math.max(0, place.start - 40), place.start))) continue;
      const locative = /\b(?:in|inside|to|from|into|across|throughout|within|of|near|at|and|or|toward|towards)\s+(?:the\s+)?$/i.test(
        sentence.text.slice(Math.max(0, place.start - 15), place.start),
      );
      const adjective =
        /^\s+[A-Za-z]/.test(sentence.text.slice(place.end, place.end + 3)) &&
        !/^\s+(?:and|or|in|on|at|to|is|was|has|had|have|said|says)\b/i.test(sentence.text.slice(place.end, place.end + 8));
      if (locative || !adjective) documentCountries.add(place.country);
    }
  if (mainCountry) documentCountries.add(mainCountry);

  // A small place abroad is more often a misreading (a surname, a word in capitals) than a real
  // place: it stays only when it is notable or its country is named in the same sentence.
  const localized = sentences.map((sentence) => {
    const places = sentence.places
      .filter(
        (place) =>
          documentCountries.size === 0 ||
          place.precision === "country" ||
          place.notable ||
          (place.country !== null && documentCountries.has(place.country)),
      )
      .filter((place) => !namesQuarter(place, sentence, documentCountries));
    // A village or a city quarter the gazetteer lacks, named by its kind ("the town of X"), is in
    // the country of the other places of the sentence, or the report's.
    const sentenceCountry =
      places.find((place) => place.precision !== "country" && place.country && documentCountries.has(place.country))?.country ??
      mainCountry;
    // A name left out above (a namesake abroad) may still be a quarter or village named by its kind.
    // So may a well-known town abroad: "in La Laguna, Chalatenango department" is no Spanish city.
    const abroad = (place: PlaceMention): boolean =>
      (place.precision === "town" || place.precision === "region") &&
      documentCountries.size > 0 &&
      (place.country === null || !documentCountries.has(place.country));
    // A capital or a city of half a million gives way only to a longer name ("the town of San Jose
    // Guayabal"): "the Roma neighborhood of Mexico City" names no village called Mexico City.
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
    const local = findLocalPlaces(sentence.text, sentenceCountry, [
      ...places.filter((place) => !abroad(place)),
      ...sentence.groups,
      ...sentence.forces,
      // "opened fire at Babagana Zulum, Borno state's governor": a person, not a village.
      ...sentence.people,
      ...sentence.organizations,
    ])
      .filter(
        (quarter) =>
          !places.some(
            (place) =>
              abroad(place) && isMajorCity(place) && overlaps(place, quarter) && quarter.end - quarter.start <= place.end - place.start,
          ),
      )
      .map((quarter) => inCity(quarter, places, sentence.text));
    if (local.length > 0) {
      const kept = places.filter((place) => !local.some((quarter) => overlaps(quarter, place)));
      return { ...sentence, places: [...kept, ...local].sort((a, b) => a.start - b.start) };
    }
    return places.length === sentence.places.length ? sentence : { ...sentence, places };
  });

  const groupVotes = new Map<string, number>();
  for (const sentence of sentences)
    for (const group of sentence.groups) groupVotes.set(group.canonical, (groupVotes.get(group.canonical) ?? 0) + 1);
  let mainGroup: string | null = null;
  let groupBest = 0;
  for (const [group, votes] of groupVotes) {
    if (votes > groupBest) {
      groupBest = votes;
      mainGroup = group;
    }
  }

  return {
    documentId: input.documentId,
    text,
    allCapitals,
    referenceDate,
    referenceDateSource,
    mainCountry,
    documentCountries,
    mainGroup,
    reportPeriod,
    coveredPeriod,
    datelinePlace,
    sentences: localized,
  };
}
