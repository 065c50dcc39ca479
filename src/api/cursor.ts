// Opaque page cursors: the position a page ended at, as base64url JSON. Opaque to clients (they
// pass back `next_cursor` as it came), checked when read, so a damaged or edited cursor is a 400
// and never reaches SQL.
import { SitrepError } from "../domain/errors.ts";
import type { DocumentPosition, EventPosition, EventSort } from "../store/store.ts";

function encode(value: unknown): string {
  return Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
}

function decode(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

function invalid(): SitrepError {
  return new SitrepError("USAGE", "cursor is not a cursor this API returned (pass next_cursor back unchanged)");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function encodeEventCursor(sort: EventSort, position: EventPosition): string {
  return encode({ sort, value: position.value, id: position.id });
}

/** The position a cursor holds; a cursor from a listing sorted otherwise is refused. */
export function decodeEventCursor(cursor: string, sort: EventSort): EventPosition {
  const value = decode(cursor);
  if (!isRecord(value) || typeof value.id !== "string") throw invalid();
  if (value.sort !== sort) throw new SitrepError("USAGE", `cursor belongs to a listing sorted by ${String(value.sort)}, not ${sort}`);
  const position = value.value;
  const numeric = sort.endsWith("fatalities");
  if (position === null) return { value: null, id: value.id };
  if (numeric && typeof position === "number" && Number.isSafeInteger(position)) return { value: position, id: value.id };
  if (!numeric && typeof position === "string") return { value: position, id: value.id };
  throw invalid();
}

export function encodeDocumentCursor(position: DocumentPosition): string {
  return encode({ ingested_at: position.ingestedAt, id: position.id });
}

export function decodeDocumentCursor(cursor: string): DocumentPosition {
  const value = decode(cursor);
  if (!isRecord(value) || typeof value.id !== "string" || typeof value.ingested_at !== "string") throw invalid();
  return { ingestedAt: value.ingested_at, id: value.id };
}
