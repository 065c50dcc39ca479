// A large synthetic event database for the benchmarks, written through the real Store (so it has
// the real schema, indexes and rollup): `total` events, 1,000 per generated document, over six
// years, three countries, seventeen provinces and 211 towns. With `coordinates`, each town has a
// fixed point inside Iraq and Syria and lies in one country and province (without, the three are
// drawn independently, as the analysis bench always had them), and every tenth event is known
// only to its province (no point, geo_precision "region"), as extraction leaves regions (ADR-6).
import { performance } from "node:perf_hooks";
import { documentIdFromHash, recordId, sha256Hex } from "../src/domain/ids.ts";
import type { Document, Event, Extraction } from "../src/domain/records.ts";
import { openStore } from "../src/store/store.ts";

export const GROUP = "Bench Group";
const PER_DOCUMENT = 1000;
const COUNTRIES = ["SY", "IQ", "TR"];
const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"] as const;

function day(index: number): string {
  // Spread over 2020-01-01 .. 2025-12-31 (2191 days), deterministically.
  return new Date(Date.UTC(2020, 0, 1) + ((index * 7919) % 2191) * 86_400_000).toISOString().slice(0, 10);
}

/** A fixed point per town in the box 32-37.5 N, 38-46 E. */
function townPoint(town: number): { latitude: number; longitude: number } {
  return { latitude: 32 + ((town * 37) % 550) / 100, longitude: 38 + ((town * 53) % 800) / 100 };
}

export async function generateEvents(path: string, total: number, options: { coordinates: boolean }): Promise<void> {
  const store = await openStore({ path });
  const started = performance.now();
  for (let first = 0; first < total; first += PER_DOCUMENT) {
    const text = `Generated report ${first}. ${GROUP} fighters attacked a checkpoint.`;
    const contentHash = sha256Hex(text);
    const document: Document = {
      kind: "document",
      id: documentIdFromHash(contentHash),
      contentHash,
      title: `generated ${first}`,
      publisher: "bench",
      url: null,
      publishedDate: "2026-01-01",
      language: "en",
      format: "text",
      origin: `bench-${first}`,
      text,
    };
    const evidence = [{ documentId: document.id, start: text.indexOf(GROUP), end: text.length, text: text.slice(text.indexOf(GROUP)) }];
    const events: Event[] = [];
    for (let index = first; index < Math.min(total, first + PER_DOCUMENT); index++) {
      const eventType = TYPES[index % TYPES.length] ?? "Battles";
      const town = index % 211;
      const placed = options.coordinates && index % 10 !== 9;
      const point = placed ? townPoint(town) : null;
      events.push({
        kind: "event",
        id: recordId("ev", [document.id, String(index)]),
        documentId: document.id,
        eventType,
        subEventType: eventType === "Strategic developments" ? (index % 8 === 3 ? "Arrests" : "Disrupted weapons use") : null,
        eventDate: day(index),
        datePrecision: "day",
        // With coordinates a town lies in one country and one province, as real places do.
        country: COUNTRIES[(options.coordinates ? town : index) % COUNTRIES.length] ?? null,
        admin1: `Province ${(options.coordinates ? town : index) % 17}`,
        location: options.coordinates && !placed ? null : `Town ${town}`,
        latitude: point?.latitude ?? null,
        longitude: point?.longitude ?? null,
        geoPrecision: options.coordinates ? (placed ? "town" : "region") : null,
        actor1: GROUP,
        actor2: null,
        perpetratorGroup: GROUP,
        fatalities: index % 5,
        status: eventType === "Strategic developments" ? "foiled" : "occurred",
        sources: ["bench"],
        evidence,
      });
    }
    const extraction: Extraction = {
      events,
      figures: [],
      mentions: [],
      statements: [],
      actors: [],
      places: [],
      referenceDate: "2026-01-01",
      referenceDateSource: "published",
    };
    await store.saveDocument(document, extraction);
  }
  await store.close();
  console.log(`generated ${total} events in ${((performance.now() - started) / 1000).toFixed(1)} s into ${path}`);
}
