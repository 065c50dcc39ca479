import assert from "node:assert/strict";
import { test } from "node:test";
import { convertMarkdown } from "./markdown.ts";
import { normaliseText } from "./text.ts";

// As convertSource does: the converter's text, then the shared normalisation.
const textOf = (markdown: string): string => normaliseText(convertMarkdown(markdown).text);

test("headings lose their marks; the first level-1 heading is the title", () => {
  const parts = convertMarkdown("## Background\n\n# Raid on the depot #\n\nText.\n\n# Second top heading");
  assert.equal(parts.title, "Raid on the depot");
  assert.equal(parts.text, "Background\n\nRaid on the depot\n\nText.\n\nSecond top heading");
});

test("a setext heading counts as a level-1 heading; its underline goes", () => {
  const parts = convertMarkdown("Raid on the depot\n=================\n\nText.");
  assert.equal(parts.title, "Raid on the depot");
  assert.equal(parts.text, "Raid on the depot\n\nText.");
});

test("emphasis, strikethrough and code spans keep their words; snake_case is not emphasis", () => {
  assert.equal(
    textOf("**Four** soldiers were *killed*, __two__ _wounded_, ~~six~~ seven missing; see `casualty_count` and file_name_v2."),
    "Four soldiers were killed, two wounded, six seven missing; see casualty_count and file_name_v2.",
  );
});

test("links keep their text, images go, autolinks keep the address", () => {
  assert.equal(
    textOf('Said [the governor](https://gov.example/a_(b) "title") and [the army][army]. ![photo](p.jpg) See <https://example.org/x>.'),
    "Said the governor and the army.  See https://example.org/x.",
  );
});

test("code fences go but their content stays verbatim, markup included", () => {
  assert.equal(textOf("Before\n\n~~~\n**not emphasis** [not](a link)\n~~~\n\nAfter"), "Before\n\n**not emphasis** [not](a link)\n\nAfter");
});

test("lists, block quotes and task boxes lose their markers", () => {
  assert.equal(
    textOf("- one\n* two\n+ three\n1. four\n2) five\n- [x] six\n> quoted\n> > nested"),
    "one\ntwo\nthree\nfour\nfive\nsix\nquoted\nnested",
  );
});

test("backslash escapes give the literal character", () => {
  assert.equal(textOf("\\*not emphasis\\* and 5 \\_ 6 \\# \\[x\\]"), "*not emphasis* and 5 _ 6 # [x]");
});

test("raw HTML: tags go, script and style content goes with them, comments go", () => {
  assert.equal(
    textOf("Shelling <b>hit</b> the market.<script>alert(1)</script><!-- note -->\n<style>p{}</style>"),
    "Shelling hit the market.",
  );
});

test("front matter gives the date and, failing a heading, the title; it is not text", () => {
  const parts = convertMarkdown("---\ntitle: 'Roundup: week 18'\ndate: \"2025-05-02T09:00:00+03:00\"\ntags: [a, b]\n---\nBody text.");
  assert.equal(parts.title, "Roundup: week 18");
  assert.equal(parts.publishedDate, "2025-05-02");
  assert.equal(parts.text, "Body text.");
});

test("a thematic break is not front matter when it does not open the file", () => {
  const parts = convertMarkdown("Intro.\n\n---\ndate: 2025-01-01\n---\n");
  assert.equal(parts.publishedDate, null);
  assert.match(parts.text, /date: 2025-01-01/);
});
