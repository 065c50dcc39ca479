// Claims and confirmation: what each report asserts about who did it. Pure: a report's text and
// its events in, assertions per event out; the store keeps them with the event's part, so a merge
// gathers every report's assertions into one history and an unmerge gives them back.
//
// Read from the report's sentences (docs/ARCHITECTURE.md, ADR-14):
// - claimed: "X claimed responsibility", "claimed by X", "X said it carried out"; the claimant is
//   the armed group named next to the cue, the channel the outlet named after "by/on/in its ..."
//   (Amaq news agency, a Telegram channel, a radio station);
// - unclaimed: the same cues negated ("no group has claimed", "was not claimed");
// - attributed: officials or others blaming a group ("blamed", "attributed to", "held ...
//   responsible", "accused");
// - confirmed / disputed: "confirmed", and "denied", "disputed", "rejected" about the event or claim;
// - reported: every report is itself an assertion that the event happened, by its publisher.
// Dates: GTD's claim fields and the trackers date a claim by when it was published; a report is
// dated by its publication, so an assertion takes the report's date, unless the sentence places
// it relative to the event ("the same day", "the next day", "two days later").
import type { Assertion, AssertionKind } from "../../domain/incidents.ts";
import type { Evidence, PartialDate } from "../../domain/records.ts";
import { splitSentences } from "../../nlp/sentences.ts";
import { findGroupMentions } from "../actors/actors.ts";

export interface ClaimInputEvent {
  readonly id: string;
  readonly eventDate: PartialDate | null;
  readonly perpetratorGroup: string | null;
  readonly claimedStatus: boolean;
  /** Start offsets of the event's evidence in the report. */
  readonly evidenceStarts: readonly number[];
}

export interface ClaimInput {
  readonly documentId: string;
  readonly text: string;
  readonly publisher: string | null;
  /** Published date, else the report's reference date. */
  readonly reportedOn: PartialDate | null;
  readonly events: readonly ClaimInputEvent[];
}

const EVENT_NOUNS = "attacks?|bombings?|ambush(?:es)?|assaults?|raids?|killings?|blasts?|explosions?|strikes?|shootings?|operations?";
const CLAIM_CUE = new RegExp(
  `\\b(?:claimed responsibility|claims? responsibility|claim(?:ed|s)? (?:the|this|that|these|those|an|a) (?:${EVENT_NOUNS})|claimed by|took responsibility|takes? responsibility|claim of responsibility|said (?:it|they) (?:had )?(?:carried out|was behind|were behind)|said that it (?:had )?carried out)\\b`,
  "iu",
);
// "38 attacks claimed by IS": a count of claims, not a claim of this event.
const AGGREGATE_BEFORE = new RegExp(`\\b(?:${EVENT_NOUNS}|incidents)\\s+$`, "iu");
const UNCLAIMED =
  /\b(?:(?:has|have|had) not been claimed|(?:was|were|is) not claimed|(?:went|goes|remains?|remained) unclaimed|no (?:immediate )?claim of responsibility)\b/iu;
const NEGATION_BEFORE = /\b(?:no(?:\s+[\p{L}-]+)?|not|nobody|no one|none|yet to|never|without)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const ATTRIBUTION_CUE =
  /\b(?:blamed|blames|blame|attributed (?:the [\p{L}-]+ |it )?to|held [\p{L}\s-]{0,30}responsible|accused|believed to (?:have been carried out by|be the work of))\b/iu;
// Verbs only: "its disputed status", "the disputed territories" are not disputes.
const DISPUTE_CUE =
  /\b(?:denied|denies|(?:disputed|disputes|rejected|rejects|dismissed|dismisses) (?:the|that|this|these|a|an|any|its|their|reports?|claims?)\b)/iu;
const CONFIRM_CUE = /\b(?:confirmed|confirms)\b/iu;
// "was blamed on", "blamed on IS", "the death was confirmed": no one is named as speaking.
const PASSIVE = /^(?:blamed on|attributed to)\b/iu;
const PASSIVE_BEFORE = /\b(?:was|were|been|is|are|be|being)\s+(?:\p{L}+ly\s+)?$/iu;
const CHANNEL =
  /\b(?:by|on|in|through|via|from|over)\s+(?:its|their|the group's|the militants'|an?|the)\s+((?:[\p{Lu}][\p{L}'’-]*\s+){0,3}(?:news agency|agency|Telegram channel|channel|radio station|station|outlet|newspaper|weekly|website|media office))/u;
const NAMED_CHANNEL = /\b(A'?maq(?: news agency)?|Nashir|al-Naba|Radio Andalus|Telegram)\b/u;
const SAME_DAY = /\b(?:the same (?:day|night|evening)|hours later|later (?:that|the same) (?:day|night)|within hours)\b/iu;
const NEXT_DAY = /\b(?:the (?:next|following) day|a day later|the day after)\b/iu;
const DAYS_LATER = /\b(two|three|four|five|six|seven|\d+) days later\b/iu;
const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/** A day plus whole days, on the proleptic Gregorian calendar; null for a coarser date. */
export function addDays(day: PartialDate, days: number): PartialDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const time = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from one day to another; null unless both are days. */
export function daysBetween(from: PartialDate | null, to: PartialDate | null): number | null {
  if (from === null || to === null || !/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) return null;
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function assertedOn(sentence: string, eventDate: PartialDate | null, reportedOn: PartialDate | null): PartialDate | null {
  if (eventDate !== null) {
    if (SAME_DAY.test(sentence)) return addDays(eventDate, 0) ?? reportedOn;
    if (NEXT_DAY.test(sentence)) return addDays(eventDate, 1) ?? reportedOn;
    const later = DAYS_LATER.exec(sentence)?.[1]?.toLowerCase();
    if (later !== undefined) return addDays(eventDate, NUMBER_WORDS[later] ?? Number(later)) ?? reportedOn;
  }
  return reportedOn;
}

// Words that end a subject without belonging to it: "the ministry later", "officials routinely".
const TRAILING = /\s+(?:has|have|had|also|later|instead|again|then|on \p{L}+|\p{L}+ly)$/iu;
// An aside between the subject and its verb: "SANA, citing a military source, confirmed".
const ASIDE = /^(?:citing|quoting|according to|who|which)\b/iu;
const NOT_A_SUBJECT = /^(?:that|while|when|after|before|in|on|at|by|this|one of)\b|\b(?:was|were|is|are|had|has|have|did|came|said)\b/iu;

/** Who speaks before a cue: the nearest clause that reads as a noun phrase ("The government"). */
function subjectBefore(sentence: string, cueAt: number): string | null {
  const clauses = sentence.slice(0, cueAt).split(/[,;:—–()"“”]/u);
  for (let index = clauses.length - 1; index >= 0; index -= 1) {
    let clause = (clauses[index] ?? "").trim().replace(/^(?:but|and|however|meanwhile|later|earlier)\s+/iu, "");
    for (let before = ""; before !== clause;) {
      before = clause;
      clause = clause.replace(TRAILING, "");
    }
    if (clause === "" || /^\p{Ll}+ly$/u.test(clause) || ASIDE.test(clause)) continue;
    const subject = clause
      .split(/\s+/u)
      .slice(-5)
      .join(" ")
      .replace(/^(?:the|a|an)\s+/iu, "");
    return NOT_A_SUBJECT.test(subject) ? null : subject;
  }
  return null;
}

/** A name in capitals just before a claim: "A little-known group, Saraya Ansar al-Sunna, later claimed". */
function namedClaimant(sentence: string, cueAt: number): string | null {
  let before = sentence.slice(0, cueAt).replace(/[\s,]+$/u, "");
  for (let previous = ""; previous !== before;) {
    previous = before;
    before = before.replace(TRAILING, "").replace(/[\s,]+$/u, "");
  }
  const name = /((?:\p{Lu}[\p{L}'’-]*|al-\p{Lu}[\p{L}'’-]*)(?:\s+(?:\p{Lu}[\p{L}'’-]*|al-\p{Lu}[\p{L}'’-]*|of|the|al|bin)){0,5})$/u.exec(
    before,
  )?.[1];
  if (name === undefined || name === name.toUpperCase()) return null;
  return name;
}

function channelOf(sentence: string): string | null {
  const named = NAMED_CHANNEL.exec(sentence)?.[1];
  const phrase = CHANNEL.exec(sentence)?.[1]?.trim();
  if (phrase !== undefined && (named === undefined || phrase.includes(named))) return phrase;
  return named ?? phrase ?? null;
}

/** The event a sentence speaks of: the nearest whose evidence starts at or before it, else the first. */
function nearestEvent(events: readonly ClaimInputEvent[], sentenceStart: number): ClaimInputEvent | undefined {
  let best: { event: ClaimInputEvent; distance: number } | undefined;
  for (const event of events) {
    for (const start of event.evidenceStarts) {
      if (start > sentenceStart) continue;
      const distance = sentenceStart - start;
      if (best === undefined || distance < best.distance) best = { event, distance };
    }
  }
  return best?.event ?? events[0];
}

/** Assertions per event id, in the report's order. */
export function findAssertions(input: ClaimInput): Map<string, Assertion[]> {
  const byEvent = new Map<string, Assertion[]>(input.events.map((event) => [event.id, []]));
  const add = (eventId: string, assertion: Omit<Assertion, "kind" | "documentId">): void => {
    byEvent.get(eventId)?.push({ kind: "assertion", documentId: input.documentId, ...assertion });
  };
  for (const event of input.events) {
    add(event.id, {
      assertionKind: "reported",
      by: input.publisher,
      group: null,
      channel: null,
      assertedOn: input.reportedOn,
      evidence: null,
    });
  }
  if (input.events.length === 0) return byEvent;
  const claimed = new Set<string>();
  for (const sentence of splitSentences(input.text)) {
    const event = nearestEvent(input.events, sentence.start);
    if (event === undefined) continue;
    const evidence: Evidence = { documentId: input.documentId, start: sentence.start, end: sentence.end, text: sentence.text };
    const groups = findGroupMentions(sentence.text);
    const date = assertedOn(sentence.text, event.eventDate, input.reportedOn);
    const record = (assertionKind: AssertionKind, by: string | null, group: string | null, channel: string | null = null): void =>
      add(event.id, { assertionKind, by, group, channel, assertedOn: date, evidence });

    const claim = CLAIM_CUE.exec(sentence.text);
    const cueAt = claim?.index ?? 0;
    const negated = claim !== null && NEGATION_BEFORE.test(sentence.text.slice(Math.max(0, cueAt - 40), cueAt));
    if (UNCLAIMED.test(sentence.text) || negated) record("unclaimed", null, null);
    else if (claim !== null && !AGGREGATE_BEFORE.test(sentence.text.slice(Math.max(0, cueAt - 30), cueAt))) {
      // The claimant: a registry group or a capitalised name just before the cue ("IS claimed",
      // "Saraya Ansar al-Sunna later claimed"), or the group after "claimed by".
      const claimedBy = /claimed by/iu.test(claim[0]);
      const before = claimedBy
        ? undefined
        : [...groups]
            .reverse()
            .find((group) => group.end <= cueAt && cueAt - group.end <= 60 && !/[;.]/u.test(sentence.text.slice(group.end, cueAt)));
      const named = claimedBy || before !== undefined ? null : namedClaimant(sentence.text, cueAt);
      const after = claimedBy ? groups.find((group) => group.start >= cueAt) : undefined;
      const claimant = before?.canonical ?? named ?? after?.canonical ?? null;
      if (claimant !== null || /responsibility/iu.test(claim[0])) {
        record("claimed", claimant, claimant, channelOf(sentence.text));
        claimed.add(event.id);
      }
    }
    const attribution = ATTRIBUTION_CUE.exec(sentence.text);
    const blamed = attribution === null ? undefined : groups.find((mention) => mention.start >= attribution.index);
    if (attribution !== null && blamed !== undefined) {
      const passive = PASSIVE.test(attribution[0]) || PASSIVE_BEFORE.test(sentence.text.slice(0, attribution.index));
      record("attributed", passive ? null : subjectBefore(sentence.text, attribution.index), blamed.canonical);
    }
    const dispute = DISPUTE_CUE.exec(sentence.text);
    if (dispute !== null) {
      const passive = PASSIVE_BEFORE.test(sentence.text.slice(0, dispute.index));
      record("disputed", passive ? null : subjectBefore(sentence.text, dispute.index), groups[0]?.canonical ?? null);
    }
    const confirmation = CONFIRM_CUE.exec(sentence.text);
    if (confirmation !== null && !NEGATION_BEFORE.test(sentence.text.slice(Math.max(0, confirmation.index - 40), confirmation.index))) {
      const passive = PASSIVE_BEFORE.test(sentence.text.slice(0, confirmation.index));
      record("confirmed", passive ? null : subjectBefore(sentence.text, confirmation.index), groups[0]?.canonical ?? null);
    }
  }
  // The extractor marks an event "claimed" when the report is the claim itself; keep that as a
  // claim when no sentence above said so in words sitrep reads.
  for (const event of input.events) {
    if (event.claimedStatus && !claimed.has(event.id) && event.perpetratorGroup !== null) {
      add(event.id, {
        assertionKind: "claimed",
        by: event.perpetratorGroup,
        group: event.perpetratorGroup,
        channel: null,
        assertedOn: input.reportedOn,
        evidence: null,
      });
    }
  }
  return byEvent;
}
