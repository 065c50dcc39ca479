// What sitrep says about an incident beyond its fields: who asserted what about it (claims,
// attributions, confirmations), how reliable its sources are and how far it is believed. The
// grading follows the NATO Admiralty system (STANAG 2511 / AJP-2.1): a source's reliability is a
// letter A-F, a piece of information's credibility a number 1-6, kept apart so that a reliable
// source passing on an unconfirmed report is visible as such. The rules that fill these records
// are in src/resolve/incidents/ and docs/ARCHITECTURE.md (ADR-14).
import type { Evidence, PartialDate } from "./records.ts";

/** A: completely reliable ... E: unreliable, F: reliability cannot be judged. */
export const RELIABILITY_GRADES = ["A", "B", "C", "D", "E", "F"] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];

/** 1: confirmed by other sources, 2: probably true, 3: possibly true, 4: doubtful, 5: improbable, 6: cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export const CREDIBILITY_WORDS: Readonly<Record<Credibility, string>> = {
  1: "confirmed by other sources",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "truth cannot be judged",
};

export const RELIABILITY_WORDS: Readonly<Record<ReliabilityGrade, string>> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
};

/**
 * What kind of body a source is: a news agency, a publisher (newspaper, site, broadcaster), a
 * government or military official, a monitoring group (observatory, tracker, UN), the armed
 * group's own channels (its claims), or anyone else (residents, witnesses, unnamed sources).
 */
export const SOURCE_KINDS = ["agency", "publisher", "official", "monitor", "group_channel", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
  readonly kind: "source";
  /** As first written. */
  readonly name: string;
  readonly sourceKind: SourceKind;
  /** The default of its kind, or the user's grade where one was given. */
  readonly grade: ReliabilityGrade;
  readonly gradeSet: "default" | "user";
  /** Documents that name it as publisher or attribution. */
  readonly documents: number;
}

/**
 * One step of an incident's history: a report of it, a claim of responsibility, an attribution
 * by officials, an explicit confirmation or dispute, or a statement that nobody had claimed it.
 */
export const ASSERTION_KINDS = ["reported", "claimed", "attributed", "confirmed", "disputed", "unclaimed"] as const;
export type AssertionKind = (typeof ASSERTION_KINDS)[number];

export interface Assertion {
  readonly kind: "assertion";
  readonly assertionKind: AssertionKind;
  /** Who asserts: the claiming group, the official or outlet as written. */
  readonly by: string | null;
  /** The group held responsible (claimed, attributed, disputed), canonical where known. */
  readonly group: string | null;
  /** Where it was said: "Amaq news agency", "Telegram channel". */
  readonly channel: string | null;
  /** When: the report's date unless the sentence dates it relative to the event ("the next day"). */
  readonly assertedOn: PartialDate | null;
  readonly documentId: string;
  readonly evidence: Evidence | null;
}

export interface ClaimSummary {
  /** The first claim: earliest date, then earliest report. */
  readonly by: string | null;
  readonly channel: string | null;
  readonly claimedOn: PartialDate | null;
  /** Whole days from the event to the claim, where both are days. */
  readonly daysAfterEvent: number | null;
  /** Distinct groups that claimed it (competing claims show as several). */
  readonly claimants: readonly string[];
}

export interface EventAssessment {
  /** Documents that report the event. */
  readonly reports: number;
  /** Independent sources among them: distinct publishers; a report without one counts alone. */
  readonly corroboration: number;
  /** The best reliability among the event's sources. */
  readonly reliability: ReliabilityGrade;
  readonly credibility: Credibility;
  /** UCDP-style range over the reports' death tolls; `fatalities` on the event is the best. */
  readonly fatalitiesLow: number | null;
  readonly fatalitiesHigh: number | null;
  /** The toll the perpetrator's own claim gave, kept out of low/best/high when others report one. */
  readonly fatalitiesClaimed: number | null;
  readonly claim: ClaimSummary | null;
}

export interface FigureAssessment {
  /** Documents from distinct publishers that report the same value for the same measure, group and period. */
  readonly corroboration: number;
  readonly reliability: ReliabilityGrade;
  readonly credibility: Credibility;
}
