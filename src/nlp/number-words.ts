// English cardinal numbers written in words or digits, and the words that qualify them
// ("at least", "nearly"). Shared by the number recogniser and the date recogniser, which needs
// counts for "eleven days later" and "the first five months of 2025".
import { type Word, lowerAt, numericValue } from "./word-scan.ts";

export type Qualifier = "exact" | "at_least" | "at_most" | "about";

const UNITS: ReadonlyMap<string, number> = new Map([
  ["zero", 0],
  ["one", 1],
  ["two", 2],
  ["three", 3],
  ["four", 4],
  ["five", 5],
  ["six", 6],
  ["seven", 7],
  ["eight", 8],
  ["nine", 9],
  ["ten", 10],
  ["eleven", 11],
  ["twelve", 12],
  ["thirteen", 13],
  ["fourteen", 14],
  ["fifteen", 15],
  ["sixteen", 16],
  ["seventeen", 17],
  ["eighteen", 18],
  ["nineteen", 19],
]);

const TENS: ReadonlyMap<string, number> = new Map([
  ["twenty", 20],
  ["thirty", 30],
  ["forty", 40],
  ["fifty", 50],
  ["sixty", 60],
  ["seventy", 70],
  ["eighty", 80],
  ["ninety", 90],
]);

/** Multipliers that follow a number: "3 million", "two thousand", "1.2 billion". */
const SCALES: ReadonlyMap<string, number> = new Map([
  ["hundred", 100],
  ["thousand", 1_000],
  ["million", 1_000_000],
  ["billion", 1_000_000_000],
  ["trillion", 1_000_000_000_000],
  ["bn", 1_000_000_000],
  ["mln", 1_000_000],
]);

/** Denominators of fractions written in words: "one-third", "two-thirds", "a quarter". */
export const FRACTION_DENOMINATORS: ReadonlyMap<string, { readonly denominator: number; readonly plural: boolean }> = new Map([
  ["half", { denominator: 2, plural: false }],
  ["halves", { denominator: 2, plural: true }],
  ["third", { denominator: 3, plural: false }],
  ["thirds", { denominator: 3, plural: true }],
  ["quarter", { denominator: 4, plural: false }],
  ["quarters", { denominator: 4, plural: true }],
  ["fourth", { denominator: 4, plural: false }],
  ["fourths", { denominator: 4, plural: true }],
  ["fifth", { denominator: 5, plural: false }],
  ["fifths", { denominator: 5, plural: true }],
  ["sixth", { denominator: 6, plural: false }],
  ["sixths", { denominator: 6, plural: true }],
  ["seventh", { denominator: 7, plural: false }],
  ["sevenths", { denominator: 7, plural: true }],
  ["eighth", { denominator: 8, plural: false }],
  ["eighths", { denominator: 8, plural: true }],
  ["ninth", { denominator: 9, plural: false }],
  ["ninths", { denominator: 9, plural: true }],
  ["tenth", { denominator: 10, plural: false }],
  ["tenths", { denominator: 10, plural: true }],
]);

/** "one" … "nineteen", "twenty" … "ninety". */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([...UNITS.keys(), ...TENS.keys()]);

export function isNumberWord(lower: string): boolean {
  return NUMBER_WORDS.has(lower);
}

export interface CardinalRead {
  readonly value: number;
  /** Index of the first word after the number. */
  readonly end: number;
  /** Written in words ("twenty-one") rather than digits. */
  readonly inWords: boolean;
  /** The multiplier the number ends with ("two million" → 1e6, "two dozen" → 12); 1 when none. */
  readonly scale: number;
}

/** "and a half" after a number: "one and a half", "two and a half million". */
function readAndAHalf(words: readonly Word[], index: number): number {
  return lowerAt(words, index) === "and" && lowerAt(words, index + 1) === "a" && lowerAt(words, index + 2) === "half" ? index + 3 : -1;
}

/** Applies trailing multipliers ("million", "dozen") to a value read so far. */
function applyScales(words: readonly Word[], index: number, value: number, inWords: boolean): CardinalRead {
  let end = index;
  let total = value;
  let scale = 1;
  for (;;) {
    const lower = lowerAt(words, end);
    const multiplier = lower === "dozen" ? 12 : SCALES.get(lower);
    if (multiplier === undefined || multiplier <= scale) break;
    total *= multiplier;
    scale = multiplier;
    end++;
  }
  return { value: total, end, inWords, scale };
}

/**
 * Reads a cardinal number starting at `index`: digits ("34,573", "7.7 million"), words ("twenty-one",
 * "one hundred and five", "FIVE"), "a hundred", "a dozen", "two dozen", "two and a half million".
 * Ordinals ("third", "20th") are not cardinals and give null; so does "a" alone.
 */
export function readCardinal(words: readonly Word[], index: number): CardinalRead | null {
  const first = words[index];
  if (first === undefined) return null;
  if (first.kind === "number") {
    const value = numericValue(first);
    if (!Number.isFinite(value)) return null;
    return applyScales(words, index + 1, value, false);
  }
  if (first.kind !== "word") return null;

  // "a hundred", "a dozen": "a"/"an" counts as one only before a multiplier.
  if (first.lower === "a" || first.lower === "an") {
    const next = lowerAt(words, index + 1);
    if (next === "dozen" || (SCALES.has(next) && next !== "bn" && next !== "mln")) {
      return applyScales(words, index + 1, 1, true);
    }
    return null;
  }

  let total = 0;
  let current = 0;
  let last: "none" | "unit" | "teen" | "ten" | "hundred" | "scale" = "none";
  let position = index;
  let consumed = index;
  let trailingScale = 1;
  for (;;) {
    const word = words[position];
    if (word === undefined) break;
    if (word.kind === "symbol") {
      // "twenty-one": a hyphen joined on both sides between a ten and a unit.
      const next = words[position + 1];
      if (word.text === "-" && last === "ten" && word.joined && next?.joined === true) {
        const unit = UNITS.get(next.lower);
        if (unit !== undefined && unit > 0 && unit < 10) {
          current += unit;
          last = "unit";
          position += 2;
          consumed = position;
          continue;
        }
      }
      break;
    }
    const lower = word.lower;
    const unit = UNITS.get(lower);
    if (unit !== undefined) {
      if (last === "unit" || last === "teen" || (last === "ten" && unit >= 10)) break;
      current += unit;
      last = unit >= 10 ? "teen" : "unit";
      trailingScale = 1;
    } else if (TENS.has(lower)) {
      if (last === "unit" || last === "teen" || last === "ten") break;
      current += TENS.get(lower) ?? 0;
      last = "ten";
      trailingScale = 1;
    } else if (lower === "hundred") {
      if (last === "none" || last === "hundred") break;
      current = (current === 0 ? 1 : current) * 100;
      last = "hundred";
      trailingScale = 100;
    } else if (lower === "thousand" || lower === "million" || lower === "billion" || lower === "trillion") {
      if (last === "none") break;
      total += (current === 0 ? 1 : current) * (SCALES.get(lower) ?? 1);
      current = 0;
      last = "scale";
      trailingScale = SCALES.get(lower) ?? 1;
    } else if (lower === "and") {
      // "one hundred and five", "two thousand and twelve": only after a multiplier.
      const next = lowerAt(words, position + 1);
      if ((last === "hundred" || last === "scale") && (UNITS.has(next) || TENS.has(next))) {
        position++;
        continue;
      }
      const half = readAndAHalf(words, position);
      if (half > 0 && (last === "unit" || last === "teen" || last === "ten")) {
        current += 0.5;
        position = half;
        consumed = position;
        last = "unit";
        continue;
      }
      break;
    } else {
      break;
    }
    position++;
    consumed = position;
  }
  if (consumed === index) return null;
  const value = total + current;
  // A trailing "dozen" multiplies the whole ("two dozen"); larger multipliers were taken above.
  if (lowerAt(words, consumed) === "dozen") return applyScales(words, consumed, value, true);
  return { value, end: consumed, inWords: true, scale: trailingScale };
}

// Words before a number that bound it. "More than 20" is recorded as at_least 20 (the report's
// own number), not 21. "As many as" states an upper bound, so at_most; "just over" and
// "just under" are approximations, so about.
const QUALIFIER_CUES: readonly (readonly [readonly string[], Qualifier])[] = (
  [
    [["no", "fewer", "than"], "at_least"],
    [["no", "less", "than"], "at_least"],
    [["not", "less", "than"], "at_least"],
    [["not", "fewer", "than"], "at_least"],
    [["in", "excess", "of"], "at_least"],
    [["a", "minimum", "of"], "at_least"],
    [["as", "few", "as"], "at_least"],
    [["at", "least"], "at_least"],
    [["more", "than"], "at_least"],
    [["upwards", "of"], "at_least"],
    [["upward", "of"], "at_least"],
    [["over"], "at_least"],
    [["no", "more", "than"], "at_most"],
    [["not", "more", "than"], "at_most"],
    [["a", "maximum", "of"], "at_most"],
    [["at", "the", "most"], "at_most"],
    [["at", "most"], "at_most"],
    [["up", "to"], "at_most"],
    [["fewer", "than"], "at_most"],
    [["less", "than"], "at_most"],
    [["as", "many", "as"], "at_most"],
    [["as", "much", "as"], "at_most"],
    [["under"], "at_most"],
    [["more", "or", "less"], "about"],
    [["just", "over"], "about"],
    [["just", "under"], "about"],
    [["close", "to"], "about"],
    [["an", "estimated"], "about"],
    [["some", "estimated"], "about"],
    [["about"], "about"],
    [["around"], "about"],
    [["approximately"], "about"],
    [["approx"], "about"],
    [["nearly"], "about"],
    [["almost"], "about"],
    [["some"], "about"],
    [["roughly"], "about"],
    [["estimated"], "about"],
    [["circa"], "about"],
    [["an", "approximate"], "about"],
    [["approximate"], "about"],
  ] as const
)
  .slice()
  .sort((left, right) => right[0].length - left[0].length);

/** The cues grouped by their last word, longest first, so a lookup checks only a few. */
const CUES_BY_LAST_WORD: ReadonlyMap<string, readonly (readonly [readonly string[], Qualifier])[]> = (() => {
  const byLastWord = new Map<string, (readonly [readonly string[], Qualifier])[]>();
  for (const entry of QUALIFIER_CUES) {
    const lastWord = entry[0][entry[0].length - 1] ?? "";
    const list = byLastWord.get(lastWord) ?? [];
    list.push(entry);
    byLastWord.set(lastWord, list);
  }
  return byLastWord;
})();

export interface QualifierCue {
  readonly qualifier: Qualifier;
  /** Index of the cue's first word. */
  readonly start: number;
}

/** The qualifier cue that ends just before `index` ("at least" before "a dozen"), if any. */
export function qualifierBefore(words: readonly Word[], index: number): QualifierCue | null {
  let end = index - 1;
  // "approx. 20": an abbreviation's full stop.
  if (words[end]?.text === "." && lowerAt(words, end - 1) === "approx") end--;
  const lastWord = words[end];
  if (lastWord === undefined || lastWord.kind !== "word") return null;
  const cues = CUES_BY_LAST_WORD.get(lastWord.lower);
  if (cues === undefined) return null;
  for (const [cue, qualifier] of cues) {
    const start = end - cue.length + 1;
    if (start < 0) continue;
    let matches = true;
    for (let offset = 0; offset < cue.length - 1; offset++) {
      const word = words[start + offset];
      if (word === undefined || word.kind !== "word" || word.lower !== cue[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) return { qualifier, start };
  }
  return null;
}

/** Words after a number that bound it: "20 or more", "20 or so", "20-odd", "20+". */
export function qualifierAfter(words: readonly Word[], index: number): { qualifier: Qualifier; end: number } | null {
  const first = words[index];
  if (first === undefined) return null;
  if (first.text === "+" && first.joined) return { qualifier: "at_least", end: index + 1 };
  if (first.text === "-" && first.joined && lowerAt(words, index + 1) === "odd" && words[index + 1]?.joined === true) {
    return { qualifier: "about", end: index + 2 };
  }
  if (first.lower === "odd") return { qualifier: "about", end: index + 1 };
  if (first.lower === "plus") return { qualifier: "at_least", end: index + 1 };
  if (first.lower === "or") {
    const next = lowerAt(words, index + 1);
    if (next === "more" || next === "above" || next === "over") return { qualifier: "at_least", end: index + 2 };
    if (next === "so" || next === "thereabouts") return { qualifier: "about", end: index + 2 };
    if (next === "fewer" || next === "less" || next === "below") return { qualifier: "at_most", end: index + 2 };
  }
  return null;
}
