// Folding turns a place name into the key it is looked up by. The build and the runtime share
// these functions, so a name written in data/gazetteer and a name read in a report fold alike.
//
// Two keys:
//  - the standard key: lower case, accents and apostrophes removed, every other non-alphanumeric
//    character a space ("Deir ez-Zor" -> "deir ez zor", "BOGOTÁ" -> "bogota"). Matching of
//    running text uses it, so that a mention is only what the gazetteer spells.
//  - the loose key: the standard key without Arabic articles anywhere and with the letters that
//    romanisations of Arabic, Kurdish and Persian swap for one another merged (o/u, e/i, q/k,
//    doubled letters, a final -h). "Deir al-Zour", "Dayr az Zawr" and "Deir ez-Zor" share one.
//    It is only a fallback: for looking up a phrase, and for notable places in running text.

/** Letters that NFKD leaves alone but that have a plain Latin reading. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŋ: "n",
  ĸ: "k",
  ſ: "s",
  ə: "e",
  ɛ: "e",
  ɔ: "o",
  ƒ: "f",
};

// Apostrophes and the ayn/hamza marks of romanised Arabic join the letters on either side:
// "Ma'arrat" and "Maarrat", "Ta‘izz" and "Taizz" are one name.
const JOINING_MARKS = /['’‘`´ʻʼʽʾʿˈ]/g;
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_KEY_CHARACTER = /[^a-z0-9]+/g;
const ASCII_PLAIN = /^[A-Za-z0-9 ]*$/;

/** The standard key of a name or a span of text; "" when nothing alphanumeric is left. */
export function standardKey(text: string): string {
  if (ASCII_PLAIN.test(text)) {
    return text.toLowerCase().replace(/ +/g, " ").trim();
  }
  let folded = text.normalize("NFKD").replace(COMBINING_MARKS, "").toLowerCase();
  if (/[^\x00-\x7f]/.test(folded)) {
    let mapped = "";
    for (const character of folded) mapped += SPECIAL_LETTERS[character] ?? character;
    folded = mapped;
  }
  return folded.replace(JOINING_MARKS, "").replace(NOT_KEY_CHARACTER, " ").trim();
}

/**
 * Arabic definite articles as romanised before a sun or moon letter ("al-", "ad-", "ar-", "as-",
 * "ash-", "at-", "az-", and the "el-"/"ed-"/"es-"/"ez-" spellings). The standard key keeps them
 * ("El Salvador" stays "el salvador"); withoutLeadingArticle gives a name's second spelling
 * without the one in front.
 */
export const ARABIC_ARTICLES_LEADING: ReadonlySet<string> = new Set([
  "al",
  "el",
  "ad",
  "adh",
  "ar",
  "as",
  "ash",
  "at",
  "ath",
  "az",
  "an",
  "ed",
  "er",
  "es",
  "ez",
]);

/** Articles the loose key drops wherever they stand: the leading ones, "et" and "ul". */
const ARABIC_ARTICLES: ReadonlySet<string> = new Set([...ARABIC_ARTICLES_LEADING, "et", "ul"]);

/** The standard key without a leading Arabic article ("al hawijah" -> "hawijah"), or null. */
export function withoutLeadingArticle(key: string): string | null {
  const space = key.indexOf(" ");
  if (space <= 0) return null;
  return ARABIC_ARTICLES_LEADING.has(key.slice(0, space)) ? key.slice(space + 1) : null;
}

/**
 * One word's loose form, in a single pass: kh -> k, q -> k, ph -> f; ou, au, aw, ow, oo, o -> u;
 * ay, ai, ei, ey, ee, ie, e, y -> i; doubled letters once; then, in words over three letters, a
 * final -ah/-ih/-uh loses its h and a final i becomes a ("Hasakeh" ~ "Hasakah" ~ "Hasaka").
 */
function looseToken(token: string): string {
  let out = "";
  let last = "";
  const length = token.length;
  for (let index = 0; index < length; index++) {
    const character = token[index] as string;
    const next = index + 1 < length ? (token[index + 1] as string) : "";
    let emitted: string;
    if (character === "k" && next === "h") {
      emitted = "k";
      index++;
    } else if (character === "q") {
      emitted = "k";
    } else if (character === "p" && next === "h") {
      emitted = "f";
      index++;
    } else if (
      (character === "o" && (next === "u" || next === "w" || next === "o")) ||
      (character === "a" && (next === "u" || next === "w"))
    ) {
      emitted = "u";
      index++;
    } else if (character === "o") {
      emitted = "u";
    } else if (
      (character === "a" && (next === "y" || next === "i")) ||
      (character === "e" && (next === "i" || next === "y" || next === "e")) ||
      (character === "i" && next === "e")
    ) {
      emitted = "i";
      index++;
    } else if (character === "e" || character === "y") {
      emitted = "i";
    } else {
      emitted = character;
    }
    if (emitted !== last) out += emitted;
    last = emitted;
  }
  if (out.length > 3) {
    const final = out[out.length - 1];
    const beforeFinal = out[out.length - 2];
    if (final === "h" && (beforeFinal === "a" || beforeFinal === "i" || beforeFinal === "u")) out = out.slice(0, -1);
    if (out.endsWith("i")) out = `${out.slice(0, -1)}a`;
  }
  return out;
}

/** The loose key of a standard key (see the note at the top of this file). */
export function looseKey(key: string): string {
  const tokens = key.split(" ").filter((token) => token !== "" && !ARABIC_ARTICLES.has(token));
  return tokens.map(looseToken).join(" ");
}

/** True when the text has letters and none of them is lower case ("SAN SALVADOR"). */
export function isAllCapitals(text: string): boolean {
  return /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "SAN PEDRO SULA" -> "San Pedro Sula"; keeps short particles ("de", "al") in lower case. */
export function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s\-'’(])(\p{L})(\p{L}*)/gu, (whole, before: string, first: string, rest: string) => {
    const word = first + rest;
    if (before !== "" && TITLE_PARTICLES.has(word)) return before + word;
    return before + first.toUpperCase() + rest;
  });
}

const TITLE_PARTICLES: ReadonlySet<string> = new Set([
  "de",
  "del",
  "la",
  "las",
  "los",
  "el",
  "al",
  "ad",
  "ar",
  "as",
  "ash",
  "at",
  "az",
  "ez",
  "of",
  "y",
  "da",
  "do",
  "dos",
  "das",
  "di",
]);
