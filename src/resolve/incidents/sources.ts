// Source reliability (Admiralty A-F) and information credibility (1-6) for events and figures.
// Pure: names and grades in, grades and numbers out (docs/ARCHITECTURE.md, ADR-14).
//
// A source is a publisher (documents.publisher) or an attribution as written ("the defence
// ministry", "SOHR", "Amaq"). Its kind is read from its name, and each kind has a default grade
// that a user may override (`sitrep sources grade NAME B`):
//   agency B (wire services verify before they file), monitor B (observatories, trackers, the UN:
//   their business is counting), publisher C and official C (usually right on the fact, partial on
//   numbers and blame), group_channel D (a group's claims are the record of the claim, not of the
//   facts: tolls are inflated), other F (residents, witnesses, unnamed sources: cannot be judged).
import { RELIABILITY_GRADES, type Credibility, type ReliabilityGrade, type SourceKind } from "../../domain/incidents.ts";
import { canonicalGroup, registryKey } from "../actors/actors.ts";

export const DEFAULT_GRADES: Readonly<Record<SourceKind, ReliabilityGrade>> = {
  agency: "B",
  monitor: "B",
  publisher: "C",
  official: "C",
  group_channel: "D",
  other: "F",
};

// Checked in this order: "Amaq news agency" is the group's channel before it is an agency.
const GROUP_CHANNEL =
  /\b(?:a'?maq|nashir|al-?naba|radio andalus|shahada|telegram|rumiyah|dabiq|the group|the militants|jihadist channels?)\b/iu;
const MONITOR =
  /\b(?:observatory|monitor|monitoring|sohr|site intelligence|acled|airwars|institute for the study of war|isw|human rights watch|amnesty|united nations|un|ocha|unama|crisis group|analysts?|researchers?|tracker)\b/iu;
const AGENCY = /\b(?:reuters|afp|agence france-presse|associated press|ap|anadolu|xinhua|dpa|efe|ansa|press agency|news agency|wire)\b/iu;
const OFFICIAL =
  /\b(?:ministry|minister|army|military|police|officials?|officers?|governor|government|spokes(?:man|woman|person)|command|centcom|coalition|forces|troops|authorities|directorate|security|cell|president|mayor|commander|interior|defen[cs]e|state media|health|pentagon|embassy|prosecutors?)\b/iu;

// Listings grade the same few hundred names over and over; the regexes and the registry lookup
// are worth remembering (bounded, so a stream of odd attributions cannot grow it without end).
const KINDS = new Map<string, SourceKind>();
const KINDS_LIMIT = 10_000;

/** The kind of a source from its name; `asPublisher` for a document's publisher field. */
export function classifySource(name: string, asPublisher = false): SourceKind {
  const key = `${asPublisher ? "p" : "a"}${name}`;
  const known = KINDS.get(key);
  if (known !== undefined) return known;
  const kind = kindOf(name, asPublisher);
  if (KINDS.size >= KINDS_LIMIT) KINDS.clear();
  KINDS.set(key, kind);
  return kind;
}

function kindOf(name: string, asPublisher: boolean): SourceKind {
  if (GROUP_CHANNEL.test(name) || canonicalGroup(name) !== null) return "group_channel";
  if (MONITOR.test(name)) return "monitor";
  if (AGENCY.test(name)) return "agency";
  if (OFFICIAL.test(name)) return "official";
  return asPublisher ? "publisher" : "other";
}

/** The key a source is stored and overridden under: case, accents and punctuation folded. */
export function sourceKey(name: string): string {
  return registryKey(name).replace(/^(?:the|a|an) /u, "");
}

export function isReliabilityGrade(value: string): value is ReliabilityGrade {
  return (RELIABILITY_GRADES as readonly string[]).includes(value);
}

/** A is best. */
export function bestGrade(grades: readonly ReliabilityGrade[]): ReliabilityGrade {
  return grades.reduce<ReliabilityGrade>((best, grade) => (grade < best ? grade : best), "F");
}

export interface GradedSource {
  readonly name: string;
  readonly asPublisher: boolean;
}

/** User overrides by source key. */
export type GradeOverrides = ReadonlyMap<string, ReliabilityGrade>;

export function gradeOf(source: GradedSource, overrides: GradeOverrides): ReliabilityGrade {
  return overrides.get(sourceKey(source.name)) ?? DEFAULT_GRADES[classifySource(source.name, source.asPublisher)];
}

/**
 * A report's account comes from the group itself when what it attributes the event to is an
 * armed group or a group's channel ("Islamic State said", "Amaq reported") and nothing else.
 */
export function isClaimantAccount(attributions: readonly string[]): boolean {
  const named = attributions.filter((attribution) => classifySource(attribution) !== "other" || canonicalGroup(attribution) !== null);
  return named.length > 0 && named.every((attribution) => classifySource(attribution) === "group_channel");
}

/** One report of an event or figure: its publisher and the attributions it gives. */
export interface ReportSources {
  readonly documentId: string;
  readonly publisher: string | null;
  readonly attributions: readonly string[];
}

/**
 * A report's reliability: the best grade among its publisher and the sources it attributes the
 * information to (a wire story quoting a ministry is as good as the better of the two).
 */
export function reportGrade(report: ReportSources, overrides: GradeOverrides): ReliabilityGrade {
  return bestGrade([
    ...(report.publisher === null ? [] : [gradeOf({ name: report.publisher, asPublisher: true }, overrides)]),
    ...report.attributions.map((name) => gradeOf({ name, asPublisher: false }, overrides)),
  ]);
}

/**
 * Independent sources: reports are grouped by publisher (folded); a report without a publisher
 * stands alone. Each group keeps its best report grade.
 */
export function independentSources(reports: readonly ReportSources[], overrides: GradeOverrides): ReliabilityGrade[] {
  const byKey = new Map<string, ReliabilityGrade>();
  for (const report of reports) {
    const key = report.publisher === null ? `document:${report.documentId}` : sourceKey(report.publisher);
    const grade = reportGrade(report, overrides);
    const known = byKey.get(key);
    byKey.set(key, known === undefined ? grade : bestGrade([known, grade]));
  }
  return [...byKey.values()];
}

const SINGLE_SOURCE: Readonly<Record<ReliabilityGrade, Credibility>> = { A: 2, B: 2, C: 3, D: 4, E: 5, F: 6 };
const TRUSTED: ReadonlySet<ReliabilityGrade> = new Set(["A", "B", "C"]);

/**
 * Credibility from independent sources and their grades (Admiralty 1-6):
 *   1 confirmed:       two or more independent sources, at least two of them graded A-C;
 *   2 probably true:   two or more, one graded A-C; or a single source graded A or B;
 *   3 possibly true:   a single source graded C; or two or more sources none graded A-C;
 *   4 doubtful:        a single source graded D;
 *   5 improbable:      a single source graded E;
 *   6 cannot be judged: a single source graded F, or none.
 */
export function credibilityOf(sources: readonly ReliabilityGrade[]): Credibility {
  const trusted = sources.filter((grade) => TRUSTED.has(grade)).length;
  if (sources.length >= 2) return trusted >= 2 ? 1 : trusted === 1 ? 2 : 3;
  const [only] = sources;
  return only === undefined ? 6 : SINGLE_SOURCE[only];
}
