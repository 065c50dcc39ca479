// `sitrep export`: events (and, for JSON Lines, figures) from the store in an outside format,
// written through `write` so that the CLI can stream to a file or to stdout.
import type { Actor, Event } from "../domain/records.ts";
import type { EventFilter, Store } from "../store/store.ts";
import { acledHeader, eventToAcledRecord } from "./acled.ts";
import { eventsToGeoJson } from "./geojson.ts";
import { eventToJsonLine, figureToJsonLine } from "./jsonl.ts";
import { eventsToStixBundle, type StixDocument, type TlpLevel } from "./stix.ts";

export const EXPORT_FORMATS = ["acled-csv", "geojson", "stix", "jsonl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportFilter = Pick<EventFilter, "group" | "country" | "since" | "until">;

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly filter: ExportFilter;
  /** STIX only: the TLP level every object is marked with. */
  readonly tlp?: TlpLevel;
  /** STIX only: created/modified of the objects. */
  readonly now: Date;
  readonly write: (text: string) => Promise<void>;
}

export interface ExportSummary {
  readonly events: number;
  readonly figures: number;
}

async function documentsOf(store: Store, events: readonly Event[]): Promise<StixDocument[]> {
  const ids = new Set(events.flatMap((event) => [event.documentId, ...event.evidence.map((span) => span.documentId)]));
  const documents: StixDocument[] = [];
  for (const id of [...ids].sort()) {
    const stored = await store.getDocument(id);
    if (stored !== null) documents.push(stored.document);
  }
  return documents;
}

async function actorsOf(store: Store, events: readonly Event[]): Promise<Actor[]> {
  const names = new Set(events.flatMap((event) => [event.actor1, event.actor2, event.perpetratorGroup]).filter((name) => name !== null));
  const actors: Actor[] = [];
  for (const name of [...names].sort()) {
    const actor = await store.findActor(name);
    if (actor !== null && actor.canonicalName === name) actors.push(actor);
  }
  return actors;
}

export async function exportEvents(store: Store, options: ExportOptions): Promise<ExportSummary> {
  const events = await store.findEvents(options.filter);
  const { write } = options;
  switch (options.format) {
    case "acled-csv": {
      // An event imported from ACLED goes back out under its ACLED id.
      const origins = await store.eventOrigins(events.map((event) => event.id));
      await write(acledHeader());
      for (const event of events) {
        const acledId = origins.get(event.id)?.find((origin) => origin.dataset === "acled" && !origin.externalId.startsWith("ev_"));
        await write(eventToAcledRecord(event, acledId?.externalId ?? null));
      }
      return { events: events.length, figures: 0 };
    }
    case "geojson":
      await write(JSON.stringify(eventsToGeoJson(events)) + "\n");
      return { events: events.length, figures: 0 };
    case "jsonl": {
      for (const event of events) await write(eventToJsonLine(event));
      const figures = await store.findFigures(options.filter);
      for (const figure of figures) await write(figureToJsonLine(figure));
      return { events: events.length, figures: figures.length };
    }
    case "stix": {
      const bundle = eventsToStixBundle({
        events,
        documents: await documentsOf(store, events),
        actors: await actorsOf(store, events),
        tlp: options.tlp ?? "clear",
        now: options.now,
      });
      await write(JSON.stringify(bundle, null, 2) + "\n");
      return { events: events.length, figures: 0 };
    }
  }
}
