import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";
import { FIXTURE_FOLDER, PDF_PAGES, PDF_TITLE } from "../../test/fixtures/ingest/make-fixtures.ts";
import { convertPdf } from "./pdf.ts";

const fixture = (name: string): Promise<Buffer> => readFile(join(FIXTURE_FOLDER, name));

test("a two-page PDF gives each page's lines, pages joined by a newline, and the Info title", async () => {
  const result = await convertPdf(await fixture("text-layer.pdf"), "text-layer.pdf");
  assert.equal(result.ok, true);
  if (result.ok) {
    assert.equal(result.parts.text, PDF_PAGES.map((lines) => lines.join("\n")).join("\n"));
    assert.equal(result.parts.title, PDF_TITLE);
  }
});

test("the caller's buffer is left usable: pdf.js gets a copy", async () => {
  const bytes = await fixture("text-layer.pdf");
  await convertPdf(bytes, "text-layer.pdf");
  assert.equal(bytes.subarray(0, 5).toString("latin1"), "%PDF-");
});

test("a typeset ligature comes out as its letters", async () => {
  const result = await convertPdf(await fixture("ligature.pdf"), "ligature.pdf");
  assert.equal(result.ok, true);
  if (result.ok) {
    assert.equal(result.parts.text, "Government forces fired on the convoy.");
    assert.equal(result.parts.title, null);
  }
});

test("a PDF that only draws shapes has no text layer: PDF_NO_TEXT", async () => {
  const result = await convertPdf(await fixture("no-text-layer.pdf"), "scan.pdf");
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.equal(result.error.code, "PDF_NO_TEXT");
    assert.equal(result.error.input, "scan.pdf");
  }
});

test("a PDF header over garbage, or a truncated PDF: PDF_INVALID", async () => {
  const truncated = (await fixture("text-layer.pdf")).subarray(0, 40);
  for (const bytes of [await fixture("corrupt.pdf"), truncated]) {
    const result = await convertPdf(bytes, "broken.pdf");
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, "PDF_INVALID");
  }
});
