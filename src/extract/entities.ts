// People with their roles, and organisations, named in a sentence: "Defense Minister Murhaf Abu
// Qasra", "Ahmed al-Sharaa, the country's new Islamist leader", "SITE Intelligence Group",
// "PRESIDENT ALFREDO CRISTIANI". Titles and organisation words are the cues; capitalisation alone
// is not trusted (sentence starts, headlines and capitals copy all defeat it).
import { allMatches } from "../nlp/patterns.ts";

export interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  /** The role as written: "Defense Minister", "the country's new Islamist leader". */
  readonly role: string | null;
}

export interface OrganizationMention {
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

// Titles that precede a person's name. Longest first, so "Defense Minister" wins over "Minister".
const TITLES = [
  "Prime Minister",
  "Defense Minister",
  "Defence Minister",
  "Interior Minister",
  "Foreign Minister",
  "Justice Minister",
  "Vice President",
  "Deputy Prime Minister",
  "Secretary of State",
  "Secretary General",
  "Secretary-General",
  "Maj. Gen.",
  "Major General",
  "Brig. Gen.",
  "Brigadier General",
  "Lt. Gen.",
  "Lieutenant General",
  "Lt. Col.",
  "Lieutenant Colonel",
  "President",
  "Minister",
  "Governor",
  "Mayor",
  "General",
  "Gen.",
  "Colonel",
  "Col.",
  "Major",
  "Maj.",
  "Captain",
  "Capt.",
  "Lieutenant",
  "Lt.",
  "Sergeant",
  "Sgt.",
  "Commander",
  "Senator",
  "Sen.",
  "Ambassador",
  "Judge",
  "Magistrate",
  "Father",
  "Archbishop",
  "Bishop",
  "Sheikh",
  "Emir",
  "King",
  "Prince",
  "Spokesman",
  "Spokeswoman",
  "Spokesperson",
  "Chief",
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const TITLE_ALTERNATION = TITLES.map(escape).join("|");
// A name: two to four capitalised words, allowing particles (al-, bin, de, van) and initials.
const NAME = String.raw`(?:[A-Z][\p{L}'’\-]+|[A-Z]\.)(?:\s+(?:(?:al|el|bin|ibn|abu|de|del|da|van|von|la|le)[\s\-]+)?(?:[A-Z][\p{L}'’\-]+|[A-Z]\.)){1,3}`;
const TITLED_PERSON = new RegExp(`\\b(${TITLE_ALTERNATION})\\s+(${NAME})`, "gu");
const TITLED_PERSON_CAPITALS = new RegExp(
  `\\b(${TITLE_ALTERNATION.toUpperCase()})\\s+((?:[A-Z][A-Z'’\\-]+)(?:\\s+[A-Z][A-Z'’\\-]+){1,3})`,
  "gu",
);
// "Ahmed al-Sharaa, the country's new Islamist leader,": an appositive role after a name.
const APPOSITIVE_ROLE = new RegExp(
  `(${NAME}),\\s+((?:the|a|an)\\s+(?:[\\p{L}'’\\-]+\\s+){0,5}(?:leader|minister|president|commander|chief|spokes(?:man|woman|person)|head|director|governor|mayor|official|founder|emir|secretary|general|officer|ambassador|envoy))\\b`,
  "gu",
);

const ORGANIZATION_WORDS =
  "Group|Committee|Commission|Ministry|Agency|Service|Services|Council|Office|Organization|Organisation|Institute|University|Command|Center|Centre|Party|Association|Federation|Union|Observatory|Network|Foundation|Bank|Company|Corporation|Court|Tribunal|Assembly|Congress|Parliament|Department|Bureau|Authority|Red Cross|Red Crescent|Nations|Watch|International";
const ORGANIZATION = new RegExp(
  `\\b((?:[A-Z][\\p{L}'’\\-]+|[A-Z]{2,})(?:\\s+(?:of|for|and|the|on)?\\s*(?:[A-Z][\\p{L}'’\\-]+|[A-Z]{2,})){0,5}\\s+(?:${ORGANIZATION_WORDS})(?:\\s+(?:for|of|on)\\s+(?:the\\s+)?[A-Z][\\p{L}'’\\-]+(?:\\s+(?:and\\s+)?[A-Z][\\p{L}'’\\-]+){0,3})?)\\b`,
  "gu",
);
// Whether a sentence holds an organisation's head word at all: most do not, and ORGANIZATION,
// tried from every capitalised word with up to five more after it, is then not run (it was the
// costliest expression of a profile of extraction).
const ORGANIZATION_HEAD = new RegExp(`\\b(?:${ORGANIZATION_WORDS})\\b`);
const NEWS_AGENCIES = /\b(Reuters|Agence France-Presse|AFP|Associated Press|EFE|Xinhua|Anadolu|BBC|CNN|Al Jazeera|SANA|INA|IRNA)\b/g;

const CAPITALS_STOP = new Set(
  "SAID SAYS TOLD REPORTED STATED ANNOUNCED TODAY YESTERDAY TONIGHT WAS WERE IS HAS HAD HAVE WHO WHICH THAT AND OR OF IN ON AT TO FOR WITH BY FROM THE A AN AS ALSO WILL WOULD HAS ASKED CALLED".split(
    " ",
  ),
);

const NOT_NAME_START = /^(?:The|A|An|In|On|At|Of|And|But|According|However|Meanwhile|This|That|These|Those)\b/;

export function findPeople(sentence: string, options: { allCapitals?: boolean } = {}): PersonMention[] {
  const found: PersonMention[] = [];
  const pattern = options.allCapitals ? TITLED_PERSON_CAPITALS : TITLED_PERSON;
  for (const match of allMatches(pattern, sentence)) {
    let name = (match[2] ?? "").trim();
    // In capitals copy the name runs on into the sentence ("ALFREDO CRISTIANI SAID TODAY").
    if (options.allCapitals) {
      const words = name.split(/\s+/);
      const stop = words.findIndex((word, index) => index > 0 && CAPITALS_STOP.has(word));
      name = (stop > 0 ? words.slice(0, stop) : words).slice(0, 3).join(" ");
      if (name.split(/\s+/).length < 2) continue;
    }
    const start = (match.index ?? 0) + match[0].length - (match[2] ?? "").length;
    found.push({ start, end: start + name.length, name, role: match[1] ?? null });
  }
  if (!options.allCapitals) {
    for (const match of allMatches(APPOSITIVE_ROLE, sentence)) {
      const name = (match[1] ?? "").trim();
      if (NOT_NAME_START.test(name)) continue;
      const start = match.index ?? 0;
      if (found.some((person) => person.start <= start && start < person.end)) continue;
      found.push({ start, end: start + name.length, name, role: match[2] ?? null });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export function findOrganizations(sentence: string): OrganizationMention[] {
  const found: OrganizationMention[] = [];
  const add = (start: number, name: string): void => {
    const end = start + name.length;
    if (found.some((org) => start < org.end && org.start < end)) return;
    found.push({ start, end, name });
  };
  for (const match of ORGANIZATION_HEAD.test(sentence) ? allMatches(ORGANIZATION, sentence) : []) {
    let name = match[1] ?? "";
    let start = match.index ?? 0;
    // "According to SITE Intelligence Group": drop a sentence-initial word that is not part of the name.
    const lead = /^(?:The|According|In|On|At|By|For|From|With)\s+(?:to\s+)?/.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      start += lead[0].length;
    }
    if (name.split(/\s+/).length < 2) continue;
    add(start, name);
  }
  for (const match of allMatches(NEWS_AGENCIES, sentence)) add(match.index ?? 0, match[1] ?? "");
  return found.sort((a, b) => a.start - b.start);
}
