// The extraction seam. `RuleExtractor` is sitrep's built-in implementation; a model-based one (a
// local ONNX model, an LLM endpoint) would implement the same `Extractor` interface and return
// the same records, so the store, analysis and front doors do not change.
import { recordId } from "../domain/ids.ts";
import type { Actor, Extraction, Mention, Statement } from "../domain/records.ts";
import { buildContext, type DocumentContext, type ExtractInput } from "./context.ts";
import { extractEvents } from "./events.ts";
import { extractFigures } from "./figures.ts";

export type { ExtractInput } from "./context.ts";

export interface Extractor {
  readonly name: string;
  extract(input: ExtractInput): Extraction;
}

function statementsOf(context: DocumentContext): Statement[] {
  const statements: Statement[] = [];
  for (const sentence of context.sentences) {
    for (const attribution of sentence.attributions) {
      const statedOn = sentence.dates.find((date) => date.value && date.kind === "point")?.value ?? null;
      statements.push({
        kind: "statement",
        id: recordId("st", [context.documentId, sentence.start, attribution.start, attribution.source]),
        documentId: context.documentId,
        speaker: attribution.source,
        // "Defense Minister Murhaf Abu Qasra told Reuters": the role the sentence gives the speaker.
        speakerRole: sentence.people.find((person) => attribution.source.includes(person.name))?.role ?? null,
        cue: attribution.cue,
        statedOn: attribution.cue === "according to" ? null : statedOn,
        evidence: { documentId: context.documentId, start: sentence.start, end: sentence.end, text: sentence.text },
      });
    }
  }
  return statements;
}

function mentionsOf(context: DocumentContext): { mentions: Mention[]; actors: Actor[] } {
  const mentions: Mention[] = [];
  const actors = new Map<string, Actor>();
  for (const sentence of context.sentences) {
    const base = sentence.start;
    for (const group of sentence.groups) {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType: "armed_group",
        start: base + group.start,
        end: base + group.end,
        text: group.text,
        canonical: group.canonical,
      });
      const known = actors.get(group.canonical);
      const aliases = new Set(known?.aliases ?? []);
      if (group.text !== group.canonical) aliases.add(group.text);
      actors.set(group.canonical, {
        kind: "actor",
        canonicalName: group.canonical,
        aliases: [...aliases],
        actorKind: "armed_group",
        country: group.country,
        role: null,
      });
    }
    for (const force of sentence.forces) {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType: "state_force",
        start: base + force.start,
        end: base + force.end,
        text: force.text,
        canonical: force.text,
      });
      if (!actors.has(force.text))
        actors.set(force.text, {
          kind: "actor",
          canonicalName: force.text,
          aliases: [],
          actorKind: "state_force",
          country: force.country,
          role: null,
        });
    }
    for (const place of sentence.places) {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType: place.precision === "country" ? "country" : "place",
        start: base + place.start,
        end: base + place.end,
        text: place.text,
        canonical: place.name,
      });
    }
    for (const person of sentence.people) {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType: "person",
        start: base + person.start,
        end: base + person.end,
        text: person.name,
        canonical: person.name,
      });
      const known = actors.get(person.name);
      if (!known || (known.role === null && person.role !== null)) {
        actors.set(person.name, {
          kind: "actor",
          canonicalName: person.name,
          aliases: [],
          actorKind: "person",
          country: null,
          role: person.role,
        });
      }
    }
    for (const organization of sentence.organizations) {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType: "organization",
        start: base + organization.start,
        end: base + organization.end,
        text: organization.name,
        canonical: organization.name,
      });
      if (!actors.has(organization.name))
        actors.set(organization.name, {
          kind: "actor",
          canonicalName: organization.name,
          aliases: [],
          actorKind: "organization",
          country: null,
          role: null,
        });
    }
    for (const date of sentence.dates) {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType: "date",
        start: base + date.start,
        end: base + date.end,
        text: date.text,
        canonical: date.value ?? `${date.periodStart}/${date.periodEnd}`,
      });
    }
  }
  return { mentions, actors: [...actors.values()] };
}

export class RuleExtractor implements Extractor {
  readonly name = "rules";

  extract(input: ExtractInput): Extraction {
    const context = buildContext(input);
    const { mentions, actors } = mentionsOf(context);
    const { events, places } = extractEvents(context);
    return {
      events,
      places,
      figures: extractFigures(context),
      mentions,
      statements: statementsOf(context),
      actors,
      referenceDate: context.referenceDate,
      referenceDateSource: context.referenceDateSource,
    };
  }
}
