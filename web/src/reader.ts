// The document reader. A report is shown as the plain text sitrep extracted from it (GET
// /api/documents/{id}: `text` and evidence spans), built from text nodes and <mark> elements:
// whatever HTML, script or remote reference the original article carried never reaches the page.
import type { DocumentDetail } from "./api.ts";
import { h, type Child } from "./dom.ts";

interface Span {
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

export function renderDocument(document: DocumentDetail, eventId: string | null): HTMLElement {
  const text = document.text;
  const children: Child[] = [];
  let at = 0;
  for (const span of highlightSpans(document, eventId)) {
    if (span.start > at) children.push(text.slice(at, span.start));
    children.push(
      h(
        "mark",
        {
          class: span.current ? "evidence current" : "evidence",
          title: span.current ? "evidence for this event" : `evidence for ${span.owner}`,
        },
        text.slice(span.start, span.end),
      ),
    );
    at = span.end;
  }
  children.push(text.slice(at));
  return h(
    "article",
    { class: "reader", "data-document-id": document.id },
    h("h3", {}, documentName(document)),
    h(
      "p",
      { class: "meta" },
      [document.publisher, document.published_date, document.format, document.origin]
        .filter((part) => part !== null && part !== "")
        .join(" · "),
    ),
    // The address as text, never a link: a report's URL may be javascript: or a tracker.
    document.url === null ? null : h("p", { class: "meta url" }, document.url),
    h("div", { class: "reader-text" }, ...children),
  );
}
