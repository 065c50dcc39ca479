// The extraction seam. `RuleExtractor` is sitrep's built-in implementation; a model-based one (a
// local ONNX model, an LLM endpoint) would implement the same `Extractor` interface and return
// the same records, so the store, analysis and front doors do not change.
import { recordId } from "../domain/ids.ts";
import type { Actor, ActorKind, Extraction, Mention, MentionType, Statement } from "../domain/records.ts";
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
    // Offsets in a sentence's annotations are the sentence's; mentions point into the document.
    const mention = (mentionType: MentionType, span: { start: number; end: number }, text: string, canonical: string | null): void => {
      mentions.push({
        kind: "mention",
        documentId: context.documentId,
        mentionType,
        start: sentence.start + span.start,
        end: sentence.start + span.end,
        text,
        canonical,
      });
    };
    // The first reading of an actor is kept; a person's role fills in when a later mention gives one.
    const actor = (
      name: string,
      actorKind: ActorKind,
      country: string | null,
      role: string | null,
      aliases: readonly string[] = [],
    ): void => {
      const known = actors.get(name);
      if (known && !(known.role === null && role !== null) && aliases.every((alias) => known.aliases.includes(alias))) return;
      const merged = new Set([...(known?.aliases ?? []), ...aliases]);
      actors.set(name, {
        kind: "actor",
        canonicalName: name,
        aliases: [...merged],
        actorKind,
        country: known?.country ?? country,
        role: known?.role ?? role,
      });
    };
    for (const group of sentence.groups) {
      mention("armed_group", group, group.text, group.canonical);
      actor(group.canonical, "armed_group", group.country, null, group.text !== group.canonical ? [group.text] : []);
    }
    for (const force of sentence.forces) {
      mention("state_force", force, force.text, force.text);
      actor(force.text, "state_force", force.country, null);
    }
    for (const place of sentence.places) mention(place.precision === "country" ? "country" : "place", place, place.text, place.name);
    for (const person of sentence.people) {
      mention("person", person, person.name, person.name);
      actor(person.name, "person", null, person.role);
    }
    for (const organization of sentence.organizations) {
      mention("organization", organization, organization.name, organization.name);
      actor(organization.name, "organization", null, null);
    }
    for (const date of sentence.dates) mention("date", date, date.text, date.value ?? `${date.periodStart}/${date.periodEnd}`);
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
