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

const CLAIM_CUE =
  /\b(?:claimed responsibility|claims? responsibility|claim(?:ed|s)? (?:the|this|that|an|a) (?:attack|bombing|ambush|assault|raid|killing|blast|explosion|strike|shooting|operation)|claimed by|took responsibility|takes? responsibility|claim of responsibility|said (?:it|they) (?:had )?(?:carried out|was behind|were behind)|said that it (?:had )?carried out)\b/iu;
const UNCLAIMED =
  /\b(?:(?:has|have|had) not been claimed|(?:was|were|is) not claimed|(?:went|goes|remains?|remained) unclaimed|no claim of responsibility)\b/iu;
const NEGATION_BEFORE = /\b(?:no(?:\s+[\p{L}-]+)?|not|nobody|no one|none|yet to|never|without)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
const ATTRIBUTION_CUE =
  /\b(?:blamed|blames|blame|attributed (?:the [\p{L}-]+ |it )?to|held [\p{L}\s-]{0,30}responsible|accused|believed to (?:have been carried out by|be the work of))\b/iu;
const DISPUTE_CUE = /\b(?:denied|denies|disputed|disputes|rejected|rejects|dismissed|fabricated)\b/iu;
const CONFIRM_CUE = /\b(?:confirmed|confirms)\b/iu;
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

/** The last few words before a cue, as the one who speaks: "The government", "Local officials". */
function subjectBefore(sentence: string, cueAt: number): string | null {
  const clause =
    sentence
      .slice(0, cueAt)
      .split(/[,;:—–()"“”]/u)
      .pop() ?? "";
  const words = clause
    .trim()
    .replace(/^(?:but|and|however|meanwhile|later|earlier)\s+/iu, "")
    .replace(/\s+(?:has|have|had|was|were|is|also|later|quickly|swiftly|publicly|on \p{L}+)$/iu, "")
    .split(/\s+/u)
    .filter(Boolean);
  const subject = words
    .slice(-5)
    .join(" ")
    .replace(/^(?:the|a|an)\s+/iu, "");
  return subject === "" ? null : subject;
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

    if (UNCLAIMED.test(sentence.text)) {
      record("unclaimed", null, null);
      continue;
    }
    const claim = CLAIM_CUE.exec(sentence.text);
    if (claim) {
      const cueAt = claim.index;
      if (NEGATION_BEFORE.test(sentence.text.slice(Math.max(0, cueAt - 40), cueAt))) {
        record("unclaimed", null, null);
      } else {
        const after = /claimed by/iu.test(claim[0]) ? groups.find((group) => group.start >= cueAt) : undefined;
        const before = [...groups].reverse().find((group) => group.start < cueAt);
        const claimant = (after ?? before ?? groups[0])?.canonical ?? null;
        if (claimant !== null || /responsibility/iu.test(claim[0])) {
          record("claimed", claimant, claimant, channelOf(sentence.text));
          claimed.add(event.id);
        }
      }
      continue;
    }
    const attribution = ATTRIBUTION_CUE.exec(sentence.text);
    if (attribution && groups.length > 0) {
      const group = groups.find((mention) => mention.start >= attribution.index) ?? groups[0];
      record("attributed", subjectBefore(sentence.text, attribution.index), group?.canonical ?? null);
      continue;
    }
    const dispute = DISPUTE_CUE.exec(sentence.text);
    if (dispute) {
      record("disputed", subjectBefore(sentence.text, dispute.index), groups[0]?.canonical ?? null);
      continue;
    }
    const confirmation = CONFIRM_CUE.exec(sentence.text);
    if (confirmation && !NEGATION_BEFORE.test(sentence.text.slice(Math.max(0, confirmation.index - 40), confirmation.index))) {
      record("confirmed", subjectBefore(sentence.text, confirmation.index), groups[0]?.canonical ?? null);
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
