// JSON Lines (https://jsonlines.org): one record per line in the wire vocabulary (GOLD-FORMAT.md
// field names), with a `kind` field so that events and figures can share one file.
import type { Event, Figure } from "../domain/records.ts";
import { eventToWire, figureToWire } from "../domain/wire.ts";

export function eventToJsonLine(event: Event): string {
  return JSON.stringify({ kind: "event", ...eventToWire(event) }) + "\n";
}

export function figureToJsonLine(figure: Figure): string {
  return JSON.stringify({ kind: "figure", ...figureToWire(figure) }) + "\n";
}
