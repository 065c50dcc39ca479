// Armed groups by name, through an alias registry (data/lexicons/armed-groups.json), and state
// forces by the country they serve ("Iraqi security forces", "Salvadoran army").
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Actor } from "../../domain/records.ts";

export interface ArmedGroupEntry {
  readonly canonical: string;
  readonly aliases: readonly string[];
  readonly acronyms: readonly string[];
  readonly country: string | null;
}

export interface GroupMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly canonical: string;
  readonly country: string | null;
}

interface Registry {
  readonly entries: readonly ArmedGroupEntry[];
  readonly byFolded: ReadonlyMap<string, ArmedGroupEntry>;
  readonly byAcronym: ReadonlyMap<string, ArmedGroupEntry>;
  readonly namePattern: RegExp;
  readonly acronymPattern: RegExp;
}

const REGISTRY_PATH = fileURLToPath(new URL("../../../data/lexicons/armed-groups.json", import.meta.url));

/** The registry's matching key: accents, case and punctuation folded (apostrophes kept). */
export function registryKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9']+/g, " ")
    .trim();
}

function escapeForPattern(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern that matches a name with any spacing or hyphenation between its words. */
function flexibleName(name: string): string {
  return registryKey(name)
    .split(" ")
    .map((word) => escapeForPattern(word).replace(/'/g, "['’]?"))
    .join("[\\s\\-]+");
}

let cached: Registry | null = null;

/** The registry file is data a user may edit: a malformed entry is named, not silently used. */
function parseRegistry(value: unknown, path: string): { groups: ArmedGroupEntry[] } {
  const groups = (value as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) throw new Error(`${path}: expected an object with a "groups" array`);
  const strings = (list: unknown): list is string[] => Array.isArray(list) && list.every((item) => typeof item === "string");
  groups.forEach((group: unknown, index) => {
    const entry = group as Partial<Record<keyof ArmedGroupEntry, unknown>>;
    if (
      typeof entry.canonical !== "string" ||
      !strings(entry.aliases) ||
      !strings(entry.acronyms) ||
      !(entry.country === null || typeof entry.country === "string")
    ) {
      throw new Error(
        `${path}: group ${index} needs canonical (string), aliases and acronyms (string arrays) and country (string or null)`,
      );
    }
  });
  return { groups: groups as ArmedGroupEntry[] };
}

export function loadRegistry(path: string = REGISTRY_PATH): Registry {
  if (cached && path === REGISTRY_PATH) return cached;
  const raw = parseRegistry(JSON.parse(readFileSync(path, "utf8")), path);
  const byFolded = new Map<string, ArmedGroupEntry>();
  const byAcronym = new Map<string, ArmedGroupEntry>();
  for (const entry of raw.groups) {
    for (const name of [entry.canonical, ...entry.aliases]) byFolded.set(registryKey(name).replace(/^the /, ""), entry);
    for (const acronym of entry.acronyms) byAcronym.set(acronym, entry);
  }
  const names = [...byFolded.keys()].sort((a, b) => b.length - a.length).map(flexibleName);
  const acronyms = [...byAcronym.keys()].sort((a, b) => b.length - a.length).map(escapeForPattern);
  const registry: Registry = {
    entries: raw.groups,
    byFolded,
    byAcronym,
    // Names are matched on accent-folded text, so the pattern is plain ASCII.
    namePattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join("|")})(?![\\p{L}\\p{N}])`, "giu"),
    acronymPattern: new RegExp(`(?<![\\p{L}\\p{N}\\-])(?:${acronyms.join("|")})(?![\\p{L}\\p{N}])`, "gu"),
  };
  if (path === REGISTRY_PATH) cached = registry;
  return registry;
}

/** Removes accents without changing string length, so offsets still point into the original. */
function foldAccentsSameLength(text: string): string {
  // Most reports are plain ASCII: nothing to fold.
  if (!/[^\x00-\x7f]/.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

/**
 * Armed-group names in a text. Acronyms that are also English words in capitals ("IS") are not
 * trusted in all-capitals text.
 */
export function findGroupMentions(text: string, options: { allCapitals?: boolean } = {}): GroupMention[] {
  const registry = loadRegistry();
  const folded = foldAccentsSameLength(text);
  const found: GroupMention[] = [];
  registry.namePattern.lastIndex = 0;
  for (let match = registry.namePattern.exec(folded); match; match = registry.namePattern.exec(folded)) {
    const entry = registry.byFolded.get(registryKey(match[0]).replace(/^the /, ""));
    if (!entry) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      text: text.slice(match.index, match.index + match[0].length),
      canonical: entry.canonical,
      country: entry.country,
    });
  }
  registry.acronymPattern.lastIndex = 0;
  for (let match = registry.acronymPattern.exec(text); match; match = registry.acronymPattern.exec(text)) {
    const entry = registry.byAcronym.get(match[0]);
    if (!entry) continue;
    if (options.allCapitals && isEnglishWord(match[0])) continue;
    // "IS" in running text is a group only when not followed by a verb-like word pattern of "is".
    if (match[0] === "IS" && /^\s+(?:a|an|the|not|to|also|being|expected|likely)\b/.test(text.slice(match.index + 2, match.index + 16)))
      continue;
    const start = match.index;
    const end = start + match[0].length;
    if (found.some((mention) => mention.start <= start && end <= mention.end)) continue;
    found.push({ start, end, text: match[0], canonical: entry.canonical, country: entry.country });
  }
  return found.sort((a, b) => a.start - b.start);
}

const ENGLISH_WORD_ACRONYMS = new Set(["IS", "AQ", "LET", "JEM", "ERP", "ADF"]);
function isEnglishWord(acronym: string): boolean {
  return ENGLISH_WORD_ACRONYMS.has(acronym.toUpperCase());
}

export function canonicalGroup(name: string): string | null {
  const registry = loadRegistry();
  const entry = registry.byFolded.get(registryKey(name).replace(/^the /, "")) ?? registry.byAcronym.get(name.trim());
  return entry?.canonical ?? null;
}

/** The registry as Actor records, for the store's alias table. */
export function registryActors(): Actor[] {
  return loadRegistry().entries.map((entry) => ({
    kind: "actor",
    canonicalName: entry.canonical,
    aliases: [...entry.aliases, ...entry.acronyms],
    actorKind: "armed_group",
    country: entry.country,
    role: null,
  }));
}
