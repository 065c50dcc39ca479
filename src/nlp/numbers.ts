// Quantities in report text: "34,573", "1.2 million", "twenty-one", "at least a dozen",
// "around one-third", "between 14,000 and 18,000", "dozens", "40 percent".
//
// Decisions:
// - A percentage keeps the number as written: "40%" is value 40 with isPercent (not 0.4).
// - A fraction is a share: "one-third" is 0.333 (three decimals), "two-thirds" 0.667.
// - A range is one mention: value = low, qualifier at_least, and high is the upper bound (the
//   caller may record it as a second, at_most figure). "between 1 and 2 million" scales both ends.
// - Vague amounts carry a conventional value, vague: true and qualifier about: "a few" and
//   "several" 3, "a handful" 5, "dozens" 24, "scores of" 40, "hundreds" 200, "thousands" 2000,
//   "tens of thousands" 20,000, "hundreds of thousands" 200,000, "millions" 2,000,000.
//   "a number of" gives nothing.
// - "more than 20" is at_least 20 and "fewer than 20" at_most 20: the report's number is kept.
//   "as many as" is at_most; "just over", "just under", "nearly", "almost" are about.
// - Not counts, and left out unless asked for (`keepNonCounts`): years, the numbers inside dates
//   and durations that the date recogniser claims ("7 FEB 90", "eleven days later"), clock times
//   ("10:30", "AT 2100"), ordinals ("20TH"), codes and model names ("AK-47", "M-16", "UH-1H",
//   "No. 5", "Resolution 2254"), footnote markers, and the pronoun "one" ("one of the", "one such").
// - A mention's span includes its qualifier words ("at least a dozen"), so it can be shown as evidence.
import { isBareYear, scanDateExpressions } from "./date-grammar.ts";
import {
  type CardinalRead,
  FRACTION_DENOMINATORS,
  NUMBER_WORDS,
  type Qualifier,
  isNumberWord,
  qualifierAfter,
  qualifierBefore,
  readCardinal,
} from "./number-words.ts";
import { type Word, lowerAt, scanWords } from "./word-scan.ts";

export type { Qualifier } from "./number-words.ts";

/** What a number measures, judged from the words around it. */
export type NumberDimension = "count" | "fraction" | "percent" | "money" | "duration" | "age" | "length" | "area" | "mass";

/** Why a number is not a count (only set on mentions returned with `keepNonCounts`). */
export type NonCountReason = "year" | "date" | "time" | "ordinal" | "identifier" | "pronoun";

export interface NumberMention {
  /** UTF-16 offsets into the text; the span includes qualifier words ("at least a dozen"). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The number; the low end of a range; the conventional value of a vague amount. */
  readonly value: number;
  readonly qualifier: Qualifier;
  /** Set for ranges ("between 14,000 and 18,000", "two or three"). */
  readonly low?: number;
  readonly high?: number;
  /** "dozens", "hundreds", "several", "a few": an order of magnitude, not a count. */
  readonly vague: boolean;
  readonly isFraction: boolean;
  readonly isPercent: boolean;
  readonly dimension: NumberDimension;
  /** Null for a quantity; the reason otherwise (see `keepNonCounts`). */
  readonly nonCount: NonCountReason | null;
}

export interface FindNumbersOptions {
  /** Also return years, dates, times, ordinals, codes and the pronoun "one", with `nonCount` set. */
  readonly keepNonCounts?: boolean;
  /** The text's words from scanWords, when the caller has them already. */
  readonly words?: readonly Word[];
}

interface Quantity {
  readonly value: number;
  readonly end: number;
  readonly vague: boolean;
  readonly isFraction: boolean;
  /** The multiplier the number ends with ("million"), for sharing across a range. */
  readonly scale: number;
}

/** "a number of" and the like: the phrase is skipped whole. */
interface Skip {
  readonly skip: number;
}

const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ["dozens", 24],
  ["hundreds", 200],
  ["thousands", 2_000],
  ["millions", 2_000_000],
  ["billions", 2_000_000_000],
]);

const MULTIPLIERS: ReadonlyMap<string, number> = new Map([
  ["dozen", 12],
  ["hundred", 100],
  ["thousand", 1_000],
  ["million", 1_000_000],
]);

const ORDINAL_SUFFIXES: ReadonlySet<string> = new Set(["st", "nd", "rd", "th"]);

/** Words before a number that make it a label, not a quantity: "No. 5", "Resolution 2254", "Route 1". */
const IDENTIFIER_LEADS: ReadonlySet<string> = new Set([
  "no",
  "nos",
  "number",
  "resolution",
  "route",
  "highway",
  "road",
  "article",
  "section",
  "chapter",
  "page",
  "paragraph",
  "room",
  "flight",
  "kilometer",
  "kilometre",
  "km",
  "exit",
  "gate",
  "platform",
  "line",
  "tel",
  "phone",
  "fax",
  "case",
  "decree",
  "law",
  "p",
  "pp",
]);

/** After "one", words that make it a pronoun or a determiner of a phrase, not a count. */
const PRONOUN_ONE_NEXT: ReadonlySet<string> = new Set([
  "of",
  "such",
  "another",
  "who",
  "whom",
  "whose",
  "which",
  "that",
  "day",
  "time",
  "way",
  "hand",
  "side",
  "point",
  "must",
  "can",
  "could",
  "should",
  "would",
  "might",
  "may",
  "will",
  "shall",
  "is",
  "was",
  "has",
  "had",
  "does",
  "did",
  "thing",
  "by",
  "after",
]);

const PRONOUN_ONE_PREVIOUS: ReadonlySet<string> = new Set([
  "the",
  "no",
  "any",
  "every",
  "each",
  "this",
  "that",
  "which",
  "only",
  "another",
  "such",
  "someone",
  "anyone",
  "last",
]);

const DURATION_WORDS: ReadonlySet<string> = new Set([
  "second",
  "seconds",
  "minute",
  "minutes",
  "mins",
  "hour",
  "hours",
  "hrs",
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
  "decade",
  "decades",
]);

const LENGTH_WORDS: ReadonlySet<string> = new Set([
  "km",
  "kms",
  "kilometer",
  "kilometers",
  "kilometre",
  "kilometres",
  "mile",
  "miles",
  "meter",
  "meters",
  "metre",
  "metres",
  "feet",
  "foot",
  "ft",
  "yard",
  "yards",
  "cm",
  "mm",
]);

const AREA_WORDS: ReadonlySet<string> = new Set(["hectare", "hectares", "acre", "acres", "sq"]);

const MASS_WORDS: ReadonlySet<string> = new Set([
  "kg",
  "kgs",
  "kilogram",
  "kilograms",
  "kilo",
  "kilos",
  "ton",
  "tons",
  "tonne",
  "tonnes",
  "pound",
  "pounds",
  "lb",
  "lbs",
  "gram",
  "grams",
]);

const CURRENCY_WORDS: ReadonlySet<string> = new Set([
  "dollar",
  "dollars",
  "euro",
  "euros",
  "peso",
  "pesos",
  "dinar",
  "dinars",
  "lira",
  "liras",
  "rial",
  "rials",
  "riyal",
  "riyals",
  "yuan",
  "colon",
  "colones",
  "soles",
  "intis",
  "usd",
  "eur",
]);

const CURRENCY_SIGNS: ReadonlySet<string> = new Set(["$", "€", "£"]);

/** Joined letters allowed right after digits: units ("5km"), not codes ("1H"). */
const JOINED_UNITS: ReadonlySet<string> = new Set(["km", "kms", "kg", "kgs", "m", "mm", "cm", "ft", "lb", "lbs", "bn", "mln"]);

function isJoinedSymbol(words: readonly Word[], index: number, text: string): boolean {
  const word = words[index];
  return word !== undefined && word.text === text && word.joined;
}

function roundShare(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function vagueQuantity(value: number, end: number): Quantity {
  return { value, end, vague: true, isFraction: false, scale: 1 };
}

function fractionQuantity(value: number, end: number): Quantity {
  return { value: roundShare(value), end, vague: false, isFraction: true, scale: 1 };
}

/** "dozens", "hundreds of thousands", "several hundred", "a few", "a handful", "scores of". */
function readVague(words: readonly Word[], index: number): Quantity | Skip | null {
  const lower = lowerAt(words, index);
  const plural = VAGUE_PLURALS.get(lower);
  if (plural !== undefined) {
    // "hundreds of thousands", "tens of thousands" (below)
    const next = lowerAt(words, index + 2);
    if (lowerAt(words, index + 1) === "of" && (next === "thousands" || next === "millions") && plural < 1_000_000) {
      return vagueQuantity(plural * (next === "thousands" ? 1_000 : 1_000_000), index + 3);
    }
    return vagueQuantity(plural, index + 1);
  }
  if (lower === "tens" && lowerAt(words, index + 1) === "of") {
    const next = lowerAt(words, index + 2);
    if (next === "thousands") return vagueQuantity(20_000, index + 3);
    if (next === "millions") return vagueQuantity(20_000_000, index + 3);
    return null;
  }
  if (lower === "scores" && lowerAt(words, index + 1) === "of") return vagueQuantity(40, index + 1);
  let position = index;
  if (lower === "a") {
    const next = lowerAt(words, index + 1);
    if (next === "number" && lowerAt(words, index + 2) === "of") return { skip: index + 3 };
    if (next === "handful") return vagueQuantity(5, index + 2);
    if (next === "couple") return vagueQuantity(2, index + 2);
    if (next !== "few") return null;
    position = index + 1;
  } else if (lower !== "several") {
    return null;
  }
  const multiplier = MULTIPLIERS.get(lowerAt(words, position + 1));
  if (multiplier !== undefined) return vagueQuantity(3 * multiplier, position + 2);
  const next = words[position + 1];
  // "several" alone, before a noun or "of"; not "a few." ending a clause.
  if (next === undefined || next.kind !== "word") return null;
  return vagueQuantity(3, position + 1);
}

/** "one-third", "a third of", "two-thirds", "three quarters", "half", "half a dozen", "a quarter". */
function readFraction(words: readonly Word[], index: number, cardinal: CardinalRead | null): Quantity | null {
  const lower = lowerAt(words, index);
  if (lower === "half") {
    const previous = lowerAt(words, index - 1);
    if (previous === "first" || previous === "second" || previous === "latter" || previous === "and") return null;
    if (isJoinedSymbol(words, index + 1, "-")) return null;
    if (lowerAt(words, index + 1) === "a" || lowerAt(words, index + 1) === "an") {
      const multiplier = MULTIPLIERS.get(lowerAt(words, index + 2));
      if (multiplier !== undefined) {
        // "half a dozen" is six things, not a share.
        return { value: multiplier / 2, end: index + 3, vague: false, isFraction: false, scale: multiplier };
      }
    }
    return fractionQuantity(0.5, index + 1);
  }
  let numerator: number;
  let position: number;
  if (lower === "a" || lower === "an") {
    numerator = 1;
    position = index + 1;
  } else {
    if (cardinal === null || cardinal.scale !== 1 || !Number.isInteger(cardinal.value) || cardinal.value < 1) return null;
    numerator = cardinal.value;
    position = cardinal.end;
  }
  const hyphenated = isJoinedSymbol(words, position, "-") && words[position + 1]?.joined === true;
  const denominatorIndex = hyphenated ? position + 1 : position;
  const denominator = FRACTION_DENOMINATORS.get(lowerAt(words, denominatorIndex));
  if (denominator === undefined) return null;
  if (denominator.plural !== numerator > 1) return null;
  if (numerator >= denominator.denominator && denominator.denominator !== 2) return null;
  // "a third attack" is an ordinal; "a third of", "one-third", "a quarter" are shares.
  if (!hyphenated && numerator === 1 && denominator.denominator !== 2 && denominator.denominator !== 4) {
    const next = words[denominatorIndex + 1];
    if (next !== undefined && next.kind === "word" && next.lower !== "of") return null;
  }
  return fractionQuantity(numerator / denominator.denominator, denominatorIndex + 1);
}

function readQuantity(words: readonly Word[], index: number): Quantity | Skip | null {
  const lower = lowerAt(words, index);
  if (words[index]?.kind === "word") {
    const vague = readVague(words, index);
    if (vague !== null) return vague;
  }
  const cardinal = lower === "a" || lower === "an" || lower === "half" ? null : readCardinal(words, index);
  const fraction = readFraction(words, index, cardinal);
  if (fraction !== null) return fraction;
  if (lower === "a" && lowerAt(words, index + 1) === "score" && lowerAt(words, index + 2) === "of") {
    return { value: 20, end: index + 2, vague: false, isFraction: false, scale: 20 };
  }
  if (lower === "dozen") return { value: 12, end: index + 1, vague: false, isFraction: false, scale: 12 };
  const read = cardinal ?? (lower === "a" || lower === "an" ? readCardinal(words, index) : null);
  if (read === null) return null;
  return { value: read.value, end: read.end, vague: false, isFraction: false, scale: read.scale };
}

/** "1. THAT THE …": a one- or two-digit item number that opens a line or follows a colon. */
function isListMarker(text: string, words: readonly Word[], index: number): boolean {
  const word = words[index] as Word;
  const stop = words[index + 1];
  const next = words[index + 2];
  if (word.text.length > 2 || stop?.text !== "." || !stop.joined || next === undefined || next.joined || next.kind !== "word") {
    return false;
  }
  const previous = words[index - 1];
  return previous === undefined || previous.text === ":" || text.slice(previous.end, word.start).includes("\n");
}

/** Why the number at `index` (ending before `end`) is not a quantity, or null when it is one. */
function nonCountReason(text: string, words: readonly Word[], index: number, end: number): NonCountReason | null {
  const word = words[index] as Word;
  const previous = words[index - 1];
  const after = words[end];
  if (word.kind === "number") {
    if (after?.joined === true && after.kind === "word") {
      if (ORDINAL_SUFFIXES.has(after.lower)) return "ordinal";
      if (!JOINED_UNITS.has(after.lower) && after.lower !== "s") return "identifier";
    }
    if (previous !== undefined && word.joined) {
      // "F16", "Q2": letters glued to the digits.
      if (previous.kind === "word") return "identifier";
      // "AK-47", "M-16", "UH-1H", "COVID-19"
      if (
        (previous.text === "-" || previous.text === "–" || previous.text === "/") &&
        words[index - 2]?.kind === "word" &&
        previous.joined
      ) {
        return "identifier";
      }
      // "ISIS.12", "said.”3": a footnote marker glued to the end of a sentence.
      if ((previous.text === "." || previous.text === "”" || previous.text === ")") && previous.joined) {
        if (words[index - 2]?.kind === "word") return "identifier";
      }
    }
    if (previous?.text === "#") return "identifier";
    if (isListMarker(text, words, index)) return "identifier";
    // "9/11", "24/7": numbers joined by a slash are a name or a rate, not a count.
    if (after?.text === "/" && after.joined && words[end + 1]?.kind === "number" && words[end + 1]?.joined) {
      return "identifier";
    }
    if (previous?.text === "/" && word.joined && previous.joined && words[index - 2]?.kind === "number") return "identifier";
    const lead = previous?.text === "." ? lowerAt(words, index - 2) : (previous?.lower ?? "");
    if (IDENTIFIER_LEADS.has(lead) && qualifierBefore(words, index) === null) return "identifier";
    return null;
  }
  // "at least one of the attackers" counts; "one of the attackers" does not.
  if (word.lower === "one" && end === index + 1 && qualifierBefore(words, index) === null) {
    const next = words[index + 1];
    // "one-sided", "one-off", "one-time": adjectives, not counts.
    if (next?.text === "-" && next.joined) return "pronoun";
    if (next !== undefined && next.kind === "word" && PRONOUN_ONE_NEXT.has(next.lower)) return "pronoun";
    if (previous !== undefined && PRONOUN_ONE_PREVIOUS.has(previous.lower)) return "pronoun";
  }
  return null;
}

interface RangeEnd {
  readonly high: number;
  readonly end: number;
  /** The multiplier the upper end finishes with ("2 million"), shared with the lower end. */
  readonly scale: number;
}

/** "14,000-18,000", "14,000 to 18,000", "two or three", and "and" after "between". */
function readRangeEnd(
  text: string,
  words: readonly Word[],
  first: Quantity,
  betweenBefore: boolean,
  dateWords: Uint8Array,
): RangeEnd | null {
  if (first.vague || first.isFraction) return null;
  const connector = words[first.end];
  if (connector === undefined) return null;
  const lower = connector.lower;
  const accepted =
    lower === "-" ||
    lower === "–" ||
    lower === "to" ||
    (lower === "or" && !qualifierAfter(words, first.end)) ||
    (lower === "and" && betweenBefore);
  if (!accepted) return null;
  const secondIndex = first.end + 1;
  if (secondIndex >= words.length || dateWords[secondIndex] !== 0) return null;
  const second = readQuantity(words, secondIndex);
  if (second === null || "skip" in second || second.vague || second.isFraction) return null;
  if (nonCountReason(text, words, secondIndex, second.end) !== null) return null;
  return second.value > first.value ? { high: second.value, end: second.end, scale: second.scale } : null;
}

/** "%", "percent", "per cent", "pct" right after a number. */
function readPercent(words: readonly Word[], index: number): number {
  const lower = lowerAt(words, index);
  if (lower === "%" || lower === "percent" || lower === "pct") return index + 1;
  if (lower === "per" && lowerAt(words, index + 1) === "cent") return index + 2;
  return -1;
}

/** What the number measures, from the unit after it ("24-day", "25-YEAR-OLD", "20 KM", "25 kilograms"). */
function dimensionAfter(words: readonly Word[], index: number): NumberDimension | null {
  const unitIndex = isJoinedSymbol(words, index, "-") ? index + 1 : index;
  const unit = lowerAt(words, unitIndex);
  if (unit === "") return null;
  if (DURATION_WORDS.has(unit)) {
    const next = lowerAt(words, unitIndex + 1);
    const afterHyphen = isJoinedSymbol(words, unitIndex + 1, "-") ? lowerAt(words, unitIndex + 2) : "";
    if (next === "old" || afterHyphen === "old") return "age";
    return "duration";
  }
  if (unit === "square" || unit === "sq") return "area";
  if (LENGTH_WORDS.has(unit) || (unit === "m" && words[unitIndex]?.joined === true)) {
    // "km2", "km²"
    const next = words[unitIndex + 1];
    if (next?.joined === true && (next.text === "2" || next.text === "²")) return "area";
    return "length";
  }
  if (AREA_WORDS.has(unit)) return "area";
  if (MASS_WORDS.has(unit)) return "mass";
  if (CURRENCY_WORDS.has(unit)) return "money";
  return null;
}

/** "Maria Lopez, 32, was released": a small number set off by commas after a name. */
function isAppositiveAge(words: readonly Word[], start: number, end: number, value: number): boolean {
  if (words[start]?.kind !== "number" || !Number.isInteger(value) || value > 110 || end !== start + 1) return false;
  const name = words[start - 2];
  const firstLetter = name?.text.charCodeAt(0) ?? 0;
  return (
    words[start - 1]?.text === "," &&
    words[end]?.text === "," &&
    name?.kind === "word" &&
    firstLetter >= 65 &&
    firstLetter <= 90 &&
    words[end + 1]?.kind !== "number"
  );
}

function currencyBefore(words: readonly Word[], index: number): number {
  const previous = words[index - 1];
  if (previous === undefined || !CURRENCY_SIGNS.has(previous.text)) return -1;
  // "US$ 5"
  return lowerAt(words, index - 2) === "us" && previous.joined ? index - 2 : index - 1;
}

type MentionFields = Omit<NumberMention, "start" | "end" | "text">;

interface Read {
  readonly startWord: number;
  readonly endWord: number;
  readonly mention: MentionFields;
}

/** The quantity starting at `index` with its qualifiers, range, percent sign and unit. */
function readMention(text: string, words: readonly Word[], index: number, dateWords: Uint8Array, guards: boolean): Read | Skip | null {
  const quantity = readQuantity(words, index);
  if (quantity === null || "skip" in quantity) return quantity;
  const reason = guards ? nonCountReason(text, words, index, quantity.end) : null;
  let value = quantity.value;
  let startWord = index;
  let end = quantity.end;
  // Digits followed by joined "s" ("the 20s") are not a quantity of anything.
  if (reason === null && words[index]?.kind === "number" && lowerAt(words, end) === "s" && words[end]?.joined) {
    return null;
  }

  const betweenBefore = lowerAt(words, index - 1) === "between";
  const range = readRangeEnd(text, words, quantity, betweenBefore, dateWords);
  let high: number | undefined;
  if (reason === null && range !== null) {
    high = range.high;
    end = range.end;
    // "between 1 and 2 million": the multiplier belongs to both ends.
    if (range.scale > 1 && quantity.scale === 1 && value < range.scale) value *= range.scale;
    if (betweenBefore || lowerAt(words, index - 1) === "from") startWord = index - 1;
  }

  let isPercent = false;
  const percentEnd = readPercent(words, end);
  if (percentEnd > 0) {
    isPercent = true;
    end = percentEnd;
  }

  const currencyStart = currencyBefore(words, startWord);
  let dimension: NumberDimension | null;
  if (isPercent) dimension = "percent";
  else if (quantity.isFraction) dimension = "fraction";
  else if (currencyStart >= 0) {
    dimension = "money";
    startWord = currencyStart;
  } else {
    dimension = dimensionAfter(words, end);
    const lead = lowerAt(words, startWord - 1);
    if (dimension === null && (lead === "aged" || lead === "age" || isAppositiveAge(words, startWord, end, value))) {
      dimension = "age";
    }
  }

  let qualifier: Qualifier = quantity.vague ? "about" : high !== undefined ? "at_least" : "exact";
  const before = qualifierBefore(words, startWord);
  if (before !== null) {
    qualifier = before.qualifier;
    startWord = before.start;
  }
  const after = qualifierAfter(words, end);
  if (after !== null && high === undefined) {
    qualifier = after.qualifier;
    end = after.end;
  }

  const mention: MentionFields = {
    value,
    qualifier,
    low: high === undefined ? undefined : value,
    high,
    vague: quantity.vague,
    isFraction: quantity.isFraction,
    isPercent,
    dimension: dimension ?? "count",
    nonCount: reason,
  };
  if (reason !== null) {
    // A code's range ("pp. 10–12") is a code too: skip both ends.
    return { startWord: index, endWord: reason === "identifier" && range !== null ? range.end : quantity.end, mention };
  }
  return { startWord, endWord: end, mention };
}

const START_WORDS: ReadonlySet<string> = new Set([
  "a",
  "an",
  "half",
  "dozen",
  "dozens",
  "scores",
  "hundreds",
  "thousands",
  "tens",
  "millions",
  "billions",
  "several",
  ...NUMBER_WORDS,
]);

function mayStartNumber(word: Word): boolean {
  return word.kind === "number" || START_WORDS.has(word.lower);
}

/** 1 for words inside a date expression, 2 inside a clock time; 0 elsewhere. */
function markDateWords(words: readonly Word[]): Uint8Array {
  const marks = new Uint8Array(words.length);
  for (const match of scanDateExpressions(words)) {
    marks.fill(match.expression.type === "time" ? 2 : 1, match.startWord, match.endWord);
  }
  return marks;
}

function locate(text: string, words: readonly Word[], startWord: number, endWord: number, fields: MentionFields): NumberMention {
  const start = (words[startWord] as Word).start;
  const end = (words[endWord - 1] as Word).end;
  const mention: NumberMention = {
    start,
    end,
    text: text.slice(start, end),
    value: fields.value,
    qualifier: fields.qualifier,
    vague: fields.vague,
    isFraction: fields.isFraction,
    isPercent: fields.isPercent,
    dimension: fields.dimension,
    nonCount: fields.nonCount,
  };
  // low and high appear only on ranges, so that a plain number's object has no undefined keys.
  return fields.high === undefined ? mention : { ...mention, low: fields.low, high: fields.high };
}

/** Every quantity in the text, left to right. See the decisions at the top of this file. */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMention[] {
  const words = options.words ?? scanWords(text);
  const marks = markDateWords(words);
  const keep = options.keepNonCounts === true;
  const mentions: NumberMention[] = [];
  let index = 0;
  while (index < words.length) {
    const word = words[index] as Word;
    if (!mayStartNumber(word)) {
      index++;
      continue;
    }
    if (marks[index] !== 0) {
      if (keep && (word.kind === "number" || isNumberWord(word.lower))) {
        const cardinal = readCardinal(words, index);
        if (cardinal !== null) {
          const reason: NonCountReason = marks[index] === 2 ? "time" : isBareYear(words, index) ? "year" : "date";
          mentions.push(
            locate(text, words, index, index + 1, {
              value: cardinal.value,
              qualifier: "exact",
              vague: false,
              isFraction: false,
              isPercent: false,
              dimension: "count",
              nonCount: reason,
            }),
          );
        }
      }
      index++;
      continue;
    }
    const read = readMention(text, words, index, marks, true);
    if (read === null) {
      index++;
      continue;
    }
    if ("skip" in read) {
      index = read.skip;
      continue;
    }
    if (read.mention.nonCount === null || keep) mentions.push(locate(text, words, read.startWord, read.endWord, read.mention));
    index = Math.max(read.endWord, index + 1);
  }
  return mentions;
}

/**
 * The number a short text states, or null: "34,573", "1.2 million", "one hundred and five",
 * "a dozen", "half a dozen", "one-third" (0.333), "40%" (40), "at least 12" (12), "dozens" (24).
 * The whole text must be the number (a final full stop aside); "20th", "third" and "7 FEB 90" give null.
 * A range gives its low end.
 */
export function parseNumber(text: string): number | null {
  const words = scanWords(text);
  let last = words.length;
  while (last > 0 && (words[last - 1]?.text === "." || words[last - 1]?.text === ",")) last--;
  if (last === 0) return null;
  const bounded = words.slice(0, last);
  const noDates = new Uint8Array(bounded.length);
  for (let index = 0; index < Math.min(bounded.length, 4); index++) {
    const read = readMention(text, bounded, index, noDates, false);
    if (read === null || "skip" in read) continue;
    if (read.startWord === 0 && read.endWord === bounded.length) return read.mention.value;
  }
  return null;
}
