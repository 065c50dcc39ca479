// Small synthetic records for the store's tests, written for them (no corpus text).
import { documentIdFromHash, recordId, sha256Hex } from "../domain/ids.ts";
import type { Actor, Document, Event, Evidence, Extraction, Figure, Mention, Statement } from "../domain/records.ts";

export function makeDocument(text: string, fields: Partial<Omit<Document, "kind" | "id" | "contentHash" | "text">> = {}): Document {
  const contentHash = sha256Hex(text);
  return {
    kind: "document",
    id: documentIdFromHash(contentHash),
    contentHash,
    title: null,
    publisher: null,
    url: null,
    publishedDate: null,
    language: "en",
    format: "text",
    origin: "test.txt",
    text,
    ...fields,
  };
}

/** The span of `phrase` in the document's text (its first occurrence). */
export function span(document: Document, phrase: string): Evidence {
  const start = document.text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" is not in ${document.id}`);
  return { documentId: document.id, start, end: start + phrase.length, text: phrase };
}

export function makeEvent(document: Document, evidence: string, fields: Partial<Omit<Event, "kind">> = {}): Event {
  const base: Omit<Event, "id"> = {
    kind: "event",
    documentId: document.id,
    eventType: "Battles",
    subEventType: null,
    eventDate: null,
    datePrecision: null,
    country: null,
    admin1: null,
    location: null,
    latitude: null,
    longitude: null,
    geoPrecision: null,
    actor1: null,
    actor2: null,
    perpetratorGroup: null,
    fatalities: null,
    status: "occurred",
    sources: [],
    evidence: [span(document, evidence)],
    ...fields,
  };
  return { id: fields.id ?? recordId("ev", [document.id, evidence]), ...base };
}

export function makeFigure(document: Document, evidence: string, fields: Partial<Omit<Figure, "kind">> = {}): Figure {
  const base: Omit<Figure, "id"> = {
    kind: "figure",
    documentId: document.id,
    measure: "attacks",
    group: null,
    country: null,
    periodStart: null,
    periodEnd: null,
    value: 1,
    qualifier: "exact",
    source: null,
    derived: false,
    unit: null,
    evidence: [span(document, evidence)],
    ...fields,
  };
  return { id: fields.id ?? recordId("fig", [document.id, evidence]), ...base };
}

export function makeStatement(document: Document, evidence: string, fields: Partial<Omit<Statement, "kind">> = {}): Statement {
  const base: Omit<Statement, "id"> = {
    kind: "statement",
    documentId: document.id,
    speaker: "a spokesman",
    speakerRole: null,
    cue: "said",
    statedOn: null,
    evidence: span(document, evidence),
    ...fields,
  };
  return { id: fields.id ?? recordId("st", [document.id, evidence]), ...base };
}

export function makeMention(document: Document, phrase: string, fields: Partial<Omit<Mention, "kind">> = {}): Mention {
  const { start, end, text } = span(document, phrase);
  return { kind: "mention", documentId: document.id, mentionType: "place", start, end, text, canonical: null, ...fields };
}

export function makeExtraction(fields: Partial<Extraction> = {}): Extraction {
  return {
    events: [],
    figures: [],
    mentions: [],
    statements: [],
    places: [],
    actors: [],
    referenceDate: null,
    referenceDateSource: "none",
    ...fields,
  };
}

export const ISLAMIC_STATE: Actor = {
  kind: "actor",
  canonicalName: "Islamic State",
  aliases: ["ISIL", "ISIS", "Daesh"],
  actorKind: "armed_group",
  country: null,
  role: null,
};

export const IRAQI_ARMY: Actor = {
  kind: "actor",
  canonicalName: "Iraqi Army",
  aliases: ["Iraqi military"],
  actorKind: "state_force",
  country: "IQ",
  role: null,
};
