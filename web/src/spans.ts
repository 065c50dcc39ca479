// What the document reader marks, and what it calls a report: pure, without the DOM (tested in
// test/web/reader.test.ts).
import type { DocumentDetail } from "./api.ts";

export interface Span {
  readonly start: number;
  readonly end: number;
  readonly current: boolean;
  readonly owner: string;
}

/** Non-overlapping spans in text order; the selected event's spans win over others. */
export function highlightSpans(document: DocumentDetail, eventId: string | null): Span[] {
  const spans = document.evidence
    .filter((span) => span.end > span.start && span.start >= 0 && span.end <= document.text.length)
    .map((span) => ({ start: span.start, end: span.end, current: span.owner_id === eventId, owner: span.owner_id }))
    .sort((a, b) => Number(b.current) - Number(a.current) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of spans) {
    if (kept.some((other) => span.start < other.end && other.start < span.end)) continue;
    kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A report's name: its title, else the file or page it came from (a sample's file name). */
export function documentName(document: { readonly title: string | null; readonly origin: string; readonly id: string }): string {
  if (document.title !== null && document.title !== "") return document.title;
  const last = document.origin.split(/[\\/]/).pop() ?? "";
  return last === "" ? document.id : last;
}
