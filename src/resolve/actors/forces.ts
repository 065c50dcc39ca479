// State forces named by the country they serve: "Iraqi security forces", "the Salvadoran army",
// "U.S. troops", "Coalition forces". ACLED codes these as "Military Forces of X" / "Police Forces
// of X"; sitrep keeps the report's wording and adds the country.
import { countryByName } from "../places/places.ts";

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

// A country word (name or demonym, one to three capitalised words, or "U.S."), then the force noun.
const FORCE_PATTERN = new RegExp(
  `\\b((?:U\\.S\\.|US|UK|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}|[A-Z]{3,}(?: [A-Z]{3,}){0,2})(?:['’]s)?)[ -]+(?:-led )?(${FORCE_NOUNS})\\b`,
  "giu",
);
const COALITION = /\b(?:the )?(?:U\.S\.-led |US-led |international |global )?coalition(?: forces| aircraft| partners)?\b/giu;
const UNNAMED = /\b(?:government|security|state|regime|army|police) (?:forces|troops|soldiers|units|officers)\b/giu;

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
  for (const match of text.matchAll(FORCE_PATTERN)) {
    const countryWord = (match[1] ?? "").replace(/['’]s$/u, "");
    const country = countryByName(countryWord);
    if (!country) continue;
    const start = match.index ?? 0;
    const end = start + match[0].length;
    found.push({ start, end, text: match[0], country, branch: branchOf(match[2] ?? "") });
  }
  for (const match of text.matchAll(COALITION)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    found.push({ start, end, text: match[0].replace(/^the /iu, ""), country: null, branch: "coalition" });
  }
  for (const match of text.matchAll(UNNAMED)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    if (overlaps(start, end)) continue;
    found.push({ start, end, text: match[0], country: null, branch: branchOf(match[0]) });
  }
  return found.sort((a, b) => a.start - b.start);
}
