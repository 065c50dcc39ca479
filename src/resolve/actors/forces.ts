// State forces named by the country they serve: "Iraqi security forces", "the Salvadoran army",
// "U.S. troops", "Coalition forces". ACLED codes these as "Military Forces of X" / "Police Forces
// of X"; sitrep keeps the report's wording and adds the country.
import { countryByName } from "../places/places.ts";
import { allMatches } from "../../nlp/patterns.ts";

export interface StateForceMention {
  readonly start: number;
  readonly end: number;
  /** As written, minus a leading article: "Iraqi security forces". */
  readonly text: string;
  readonly country: string | null;
  readonly branch: "military" | "police" | "security" | "coalition" | "intelligence";
}

const FORCE_NOUNS =
  "(?:national |federal |special |government |regime |security |armed |ground |counter[- ]?terrorism |counterterrorism |quick reaction |partner |coalition |elite |border |anti-terrorism )*(?:security forces|armed forces|forces|army|military|troops|soldiers|police(?:men)?|police force|guards?|national guard|air force|navy|marines|gendarmerie|commandos|service|authorities|counter[- ]?terrorism service|intelligence(?: services?)?|army units|battalions?|brigades?|units|patrols?)";

// A country word (name or demonym: one to three capitalised words, or "U.S."), matched with case,
// then the force noun after it, matched without case ("IRAQI SECURITY FORCES", "Iraqi security forces").
const COUNTRY_WORDS = /\b(?:U\.S\.|US|UK|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}|[A-Z]{3,}(?: [A-Z]{3,}){0,2})(?:['’]s)?(?=[ -])/g;
const FORCE_AFTER = new RegExp(`^[ -]+(?:-led )?(${FORCE_NOUNS})\\b`, "i");
/** Any force noun: most sentences hold none, and then no country word needs looking at. */
const ANY_FORCE = new RegExp(`\\b(?:${FORCE_NOUNS})\\b`, "i");
const COALITION = /\b(?:the )?(?:U\.S\.-led |US-led |international |global )?coalition(?: forces| aircraft| partners)?\b/gi;
const UNNAMED_NOUNS = "forces|troops|soldiers|units|officers";
const UNNAMED = new RegExp(`\\b(?:government|security|state|regime|army|police) (?:${UNNAMED_NOUNS})\\b`, "gi");
const UNNAMED_NOUN = new RegExp(UNNAMED_NOUNS);

function branchOf(noun: string): StateForceMention["branch"] {
  const lower = noun.toLowerCase();
  if (/police|gendarmerie/.test(lower)) return "police";
  if (/intelligence/.test(lower)) return "intelligence";
  if (/security|counter|authorities|service/.test(lower)) return "security";
  return "military";
}

export function findStateForces(text: string): StateForceMention[] {
  const found: StateForceMention[] = [];
  const overlaps = (start: number, end: number): boolean => found.some((m) => start < m.end && m.start < end);
  for (const match of ANY_FORCE.test(text) ? allMatches(COUNTRY_WORDS, text) : []) {
    // The run may hold more than the country ("Troops of the Salvadoran", "IRAQI SECURITY FORCES
    // KILLED"): try each span of its words as the country, with the force noun right after it.
    const base = match.index ?? 0;
    const words = allMatches(/[^ -]+/g, match[0]).map((word) => ({
      start: base + (word.index ?? 0),
      end: base + (word.index ?? 0) + word[0].length,
    }));
    // The force noun after each word, looked for once per word rather than once per span ending
    // there; most runs of capitalised words have none, and are done with here.
    const nouns = words.map((word) => FORCE_AFTER.exec(text.slice(word.end, word.end + 60)));
    if (nouns.every((noun) => noun === null)) continue;
    let added = false;
    for (let first = 0; first < words.length && !added; first++) {
      for (let last = words.length - 1; last >= first && !added; last--) {
        const firstWord = words[first];
        const lastWord = words[last];
        const noun = nouns[last];
        if (!firstWord || !lastWord || !noun) continue;
        const spanStart = firstWord.start;
        const spanEnd = lastWord.end;
        const country = countryByName(text.slice(spanStart, spanEnd).replace(/['’]s$/, ""));
        if (!country) continue;
        const end = spanEnd + noun[0].length;
        if (overlaps(spanStart, end)) continue;
        found.push({ start: spanStart, end, text: text.slice(spanStart, end), country, branch: branchOf(noun[1] ?? "") });
        added = true;
      }
    }
  }
  // Both patterns open with optional words, so the regex engine tries them at every position:
  // a sentence without their key word is not scanned at all.
  const lower = text.toLowerCase();
  if (lower.includes("coalition"))
    for (const match of allMatches(COALITION, text)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (overlaps(start, end)) continue;
      found.push({ start, end, text: match[0].replace(/^the /i, ""), country: null, branch: "coalition" });
    }
  if (UNNAMED_NOUN.test(lower))
    for (const match of allMatches(UNNAMED, text)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (overlaps(start, end)) continue;
      found.push({ start, end, text: match[0], country: null, branch: branchOf(match[0]) });
    }
  return found.sort((a, b) => a.start - b.start);
}
