// Which spans the document reader highlights (web/src/reader.ts): the open event's evidence wins
// over an overlapping span of another record, spans stay in text order, bad offsets are dropped.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";
import type { DocumentDetail } from "../../web/src/api.ts";
import { documentName, highlightSpans } from "../../web/src/spans.ts";

const TEXT = "Gunmen attacked a checkpoint near Kirkuk. Two soldiers were killed. Police arrested three men.";

function report(evidence: DocumentDetail["evidence"]): DocumentDetail {
  return {
    id: "doc_1",
    title: null,
    publisher: null,
    url: null,
    published_date: null,
    origin: "/data/reports/kirkuk-checkpoint.txt",
    language: "en",
    format: "text",
    ingested_at: "2025-01-01T00:00:00Z",
    reference_date: null,
    text: TEXT,
    evidence,
    event_ids: [],
  };
}

const span = (owner: string, start: number, end: number) => ({
  owner_kind: "event" as const,
  owner_id: owner,
  start,
  end,
  text: TEXT.slice(start, end),
});

describe("document reader highlights", () => {
  it("keeps the open event's span where it overlaps another's, in text order", () => {
    const spans = highlightSpans(report([span("ev_b", 68, 94), span("ev_other", 0, 67), span("ev_a", 42, 67)]), "ev_a");
    assert.deepEqual(
      spans.map((kept) => [kept.owner, kept.current]),
      [
        ["ev_a", true],
        ["ev_b", false],
      ],
    );
  });

  it("drops spans outside the text", () => {
    assert.deepEqual(highlightSpans(report([span("ev_a", 90, 400), span("ev_a", 5, 5)]), "ev_a"), []);
  });

  it("names an untitled report by its file", () => {
    assert.equal(documentName(report([])), "kirkuk-checkpoint.txt");
  });
});
