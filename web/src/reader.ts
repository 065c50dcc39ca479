// The document reader. A report is shown as the plain text sitrep extracted from it (GET
// /api/documents/{id}: `text` and evidence spans), built from text nodes and <mark> elements:
// whatever HTML, script or remote reference the original article carried never reaches the page.
import type { DocumentDetail } from "./api.ts";
import { h, type Child } from "./dom.ts";
import { documentName, highlightSpans } from "./spans.ts";

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
