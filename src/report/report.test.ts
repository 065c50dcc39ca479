// The renderers over a small brief built from records written for this test: escaping, the
// self-contained HTML, and the same citation numbers in both formats.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { analyzeEvents } from "../analyze/brief.ts";
import { makeDocument, makeEvent, makeFigure } from "../store/test-fixtures.ts";
import { escapeHtml, niceMax, renderHtml } from "./html.ts";
import { escapeMarkdown, renderMarkdown } from "./markdown.ts";

const text =
  "The <b>monitor</b> counted 6 claimed attacks by the Red Hand in Chad in January-March 2030, against 18 in the same months of 2029. " +
  "Gunmen of the Red Hand killed 3 guards at [Abeche](http://example.invalid) on 10 February 2030. " +
  "Officials warned that the Red Hand is recruiting in the camps.";
const document = makeDocument(text, { publisher: "Example <Wire>" });
const [first, second, third] = text.split(/(?<=\.) /);

const input: Parameters<typeof analyzeEvents>[0] = {
  group: "Red Hand",
  countries: ["TD"],
  asOf: "2030-04-30",
  pivot: null,
  pivotLabel: null,
  events: [
    makeEvent(document, second ?? "", {
      eventType: "Violence against civilians",
      eventDate: "2030-02-10",
      country: "TD",
      location: "Abeche",
      fatalities: 3,
      perpetratorGroup: "Red Hand",
    }),
  ],
  figures: [
    makeFigure(document, first ?? "", {
      id: "fig_now",
      measure: "claimed_attacks",
      group: "Red Hand",
      country: "TD",
      periodStart: "2030-01-01",
      periodEnd: "2030-03-31",
      value: 6,
      source: "The <b>monitor</b>",
    }),
    makeFigure(document, first ?? "", {
      id: "fig_before",
      measure: "claimed_attacks",
      group: "Red Hand",
      country: "TD",
      periodStart: "2029-01-01",
      periodEnd: "2029-03-31",
      value: 18,
      source: "The <b>monitor</b>",
    }),
  ],
  sentences: [{ documentId: document.id, text: third ?? "", documentDate: "2030-04-01", namesGroup: true, speakers: [] }],
  documents: new Map([[document.id, { publisher: "Example <Wire>", title: "A *title*", publishedDate: "2030-04-01" }]]),
};

describe("escaping", () => {
  it("HTML escapes the five special characters", () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
  it("Markdown escapes links, emphasis, HTML and pipes, and joins lines", () => {
    assert.equal(escapeMarkdown("[a](b) *c* <d> e|f\ng"), "\\[a\\](b) \\*c\\* \\<d\\> e\\|f g");
  });
  it("axis maxima are 1, 2 or 5 times a power of ten", () => {
    assert.equal(niceMax(0), 1);
    assert.equal(niceMax(3), 5);
    assert.equal(niceMax(61), 100);
    assert.equal(niceMax(125), 200);
  });
});

describe("renderers", () => {
  const brief = analyzeEvents(input);
  const markdown = renderMarkdown(brief);
  const html = renderHtml(brief);

  it("Markdown: no raw link or tag from a document gets through", () => {
    assert.doesNotMatch(markdown, /(?<!\\)\[Abeche(?<!\\)\]/);
    assert.doesNotMatch(markdown, /(?<!\\)<b>/);
    assert.match(markdown, /\\\[Abeche\\\]\(http:\/\/example.invalid\)/);
  });

  it("HTML: text is escaped, and the page is self-contained", () => {
    assert.doesNotMatch(html, /<b>monitor<\/b>/);
    assert.match(html, /The &lt;b&gt;monitor&lt;\/b&gt;/);
    assert.match(html, /Example &lt;Wire&gt;/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|src=|url\(/i);
    // The only "http" is the SVG namespace and the escaped text of the report.
    for (const match of html.matchAll(/http:\/\/[^\s"<&]+/g)) {
      assert.ok(["http://www.w3.org/2000/svg", "http://example.invalid)"].includes(match[0]), match[0]);
    }
  });

  it("both formats number the evidence the same way", () => {
    const markdownEvidence = [...markdown.matchAll(/^(\d+)\. doc_[0-9a-f]+: “(.*)”$/gm)].map(
      (match) => `${match[1]} ${match[2]?.slice(0, 20)}`,
    );
    const htmlEvidence = [...html.matchAll(/<li id="ev-(\d+)"><code>doc_[0-9a-f]+<\/code>: “(.*)”<\/li>/g)].map(
      (match) => `${match[1]} ${match[2]?.slice(0, 20)}`,
    );
    assert.ok(markdownEvidence.length >= 3);
    assert.equal(markdownEvidence.length, htmlEvidence.length);
    assert.deepEqual(
      markdownEvidence.map((entry) => entry.split(" ")[0]),
      htmlEvidence.map((entry) => entry.split(" ")[0]),
    );
  });

  it("the charts show the month with the event and the comparison bars", () => {
    assert.match(html, /<title>2030-02 Chad: 1<\/title>/);
    assert.match(html, /Chad, January–March 2029/);
    assert.match(markdown, /\| 2030-02 \| 1 \| 1 \|/);
    assert.match(markdown, /6 in January–March 2030 against 18 in the same period a year earlier \(−67%\)/);
  });
});
