import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, test } from "node:test";
import type { ErrorCode } from "../domain/errors.ts";
import type { Document } from "../domain/records.ts";
import {
  ARABIC_TEXT,
  FIXTURE_FOLDER,
  INVALID_UTF8_PREFIX,
  INVALID_UTF8_SUFFIX,
  PDF_PAGES,
  PDF_TITLE,
  REPORT_TEXT,
  UTF16_TEXT,
  WINDOWS_1252_TEXT,
} from "../../test/fixtures/ingest/make-fixtures.ts";
import { convertSource, type ConvertResult } from "./convert.ts";

async function convertFixture(name: string): Promise<ConvertResult> {
  const path = join(FIXTURE_FOLDER, name);
  return convertSource(await readFile(path), { origin: path, fileName: path });
}

async function documentOf(name: string): Promise<Document> {
  const result = await convertFixture(name);
  if (!result.ok) assert.fail(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.document;
}

async function errorCodeOf(bytes: Uint8Array, fileName?: string, maxBytes?: number): Promise<ErrorCode> {
  const result = await convertSource(bytes, {
    origin: "input",
    ...(fileName === undefined ? {} : { fileName }),
    ...(maxBytes === undefined ? {} : { maxBytes }),
  });
  if (result.ok) assert.fail(`expected a failure, got a ${result.document.format} document`);
  return result.error.code;
}

describe("convertSource: each format", () => {
  test("plain text keeps its words, with \\n line endings and a content-derived id", async () => {
    const document = await documentOf("report.txt");
    assert.equal(document.kind, "document");
    assert.equal(document.format, "text");
    assert.equal(document.text, REPORT_TEXT.replace(/\r\n/g, "\n"));
    assert.equal(document.language, "en");
    assert.equal(document.publishedDate, null);
    assert.match(document.contentHash, /^[0-9a-f]{64}$/);
    assert.equal(document.id, `doc_${document.contentHash.slice(0, 16)}`);
    assert.equal(document.origin, join(FIXTURE_FOLDER, "report.txt"));
  });

  test("the same words give the same id whatever the line endings, BOM or source", async () => {
    const fromFile = await documentOf("report.txt");
    const withBom = await convertSource(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(REPORT_TEXT.replace(/\r\n/g, "\n") + "\n\n")]),
      {
        origin: "-",
      },
    );
    assert.equal(withBom.ok, true);
    if (withBom.ok) {
      assert.equal(withBom.document.id, fromFile.id);
      assert.equal(withBom.document.origin, "-");
    }
  });

  test("markdown loses its markup and takes its title and date from the heading and front matter", async () => {
    const document = await documentOf("report.md");
    assert.equal(document.format, "markdown");
    assert.equal(document.title, "Weekly security roundup: northern districts");
    assert.equal(document.publishedDate, "2025-05-02");
    assert.match(document.text, /^Weekly security roundup: northern districts\n/);
    assert.match(document.text, /Militia fighters clashed with police near Dara Kalay on Tuesday, according to the district governor\./);
    assert.match(document.text, /Reported figures: 2 wounded, 1 detained/);
    for (const markup of ["**", "](", "![", "```", "map of the area", "tiles.example", "# ", "---", "editor's note", "date: 2025"]) {
      assert.ok(!document.text.includes(markup), `markdown text still holds ${JSON.stringify(markup)}`);
    }
  });

  test("HTML gives the article's text and its metadata", async () => {
    const document = await documentOf("article.html");
    assert.equal(document.format, "html");
    assert.equal(document.title, "Militants claim attack on border post");
    assert.equal(document.publisher, "The Daily Ledger");
    assert.equal(document.url, "https://ledger.example/world/border-post-attack");
    assert.equal(document.publishedDate, "2025-04-17");
    assert.equal(document.language, "en");
  });

  test("a fetched document records the URL it came from, for any format, over the page's canonical link", async () => {
    const url = "https://mirror.example/2025/04/post.html";
    const html = await convertSource(await readFile(join(FIXTURE_FOLDER, "article.html")), { origin: "https://short.example/x", url });
    assert.equal(html.ok ? html.document.url : null, url);
    const text = await convertSource(Buffer.from("Gunmen attacked a village on Monday."), { origin: "https://short.example/y", url });
    assert.equal(text.ok ? text.document.url : null, url);
    assert.equal(text.ok ? text.document.origin : null, "https://short.example/y");
  });

  test("a PDF with a text layer gives its pages' text, joined by newlines, and its title", async () => {
    const document = await documentOf("text-layer.pdf");
    assert.equal(document.format, "pdf");
    assert.equal(document.text, PDF_PAGES.map((lines) => lines.join("\n")).join("\n"));
    assert.equal(document.title, PDF_TITLE);
    assert.equal(document.publishedDate, null);
  });
});

describe("convertSource: encodings", () => {
  test("windows-1252 text keeps its accented names and curly quotes", async () => {
    const result = await convertFixture("windows-1252.txt");
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.encoding, "windows-1252");
      assert.equal(result.document.text, WINDOWS_1252_TEXT);
      assert.match(result.document.text, /François Mbaïtoloum, José Núñez, Björn Åström and Zoë Lefèvre/);
    }
  });

  test("UTF-16LE with a BOM is decoded, Arabic script included", async () => {
    const result = await convertFixture("utf16le-bom.txt");
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.encoding, "utf-16le");
      assert.equal(result.document.text, UTF16_TEXT.trim());
    }
  });

  test("invalid UTF-8 (0xC3 0x28) inside Latin text still ingests, read as windows-1252", async () => {
    const result = await convertFixture("invalid-utf8.txt");
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.encoding, "windows-1252");
      assert.equal(result.document.text, `${INVALID_UTF8_PREFIX}\u00C3(${INVALID_UTF8_SUFFIX}`.trim());
    }
  });

  test("an HTML page's declared charset is used when its bytes are not UTF-8", async () => {
    const result = await convertFixture("windows-1256.html");
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.encoding, "windows-1256");
      assert.equal(result.document.text, `${ARABIC_TEXT}\n${ARABIC_TEXT}`);
      assert.equal(result.document.language, "ar");
    }
  });
});

describe("convertSource: bad inputs give a coded failure, never a throw", () => {
  const cases: readonly { name: string; fixture: string; code: ErrorCode }[] = [
    { name: "an empty file", fixture: "empty.txt", code: "INPUT_EMPTY" },
    { name: "random bytes", fixture: "random-bytes.bin", code: "INPUT_BINARY" },
    { name: "HTML with scripts and nothing else", fixture: "scripts-only.html", code: "HTML_NO_TEXT" },
    { name: "a PDF with no text layer", fixture: "no-text-layer.pdf", code: "PDF_NO_TEXT" },
    { name: "a corrupt PDF", fixture: "corrupt.pdf", code: "PDF_INVALID" },
  ];
  for (const { name, fixture, code } of cases) {
    test(`${name}: ${code}`, async () => {
      const result = await convertFixture(fixture);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.error.code, code);
        assert.equal(result.error.category, "ingest");
        assert.equal(result.error.input, join(FIXTURE_FOLDER, fixture));
        assert.ok(result.error.message.includes(fixture), "the message names the input");
      }
    });
  }

  test("whitespace only: INPUT_EMPTY", async () => {
    assert.equal(await errorCodeOf(Buffer.from(" \r\n\t \n\u00A0\n")), "INPUT_EMPTY");
  });

  test("random bytes named .txt are still binary: the content decides", async () => {
    const bytes = await readFile(join(FIXTURE_FOLDER, "random-bytes.bin"));
    assert.equal(await errorCodeOf(bytes, "report.txt"), "INPUT_BINARY");
  });

  test("a ZIP (a .docx) is binary, and the message says what it looks like", async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml")]);
    const result = await convertSource(zip, { origin: "brief.docx", fileName: "brief.docx" });
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, "INPUT_BINARY");
      assert.match(result.error.message, /ZIP archive/);
    }
  });

  test("bytes over maxBytes: INPUT_TOO_LARGE, before any decoding", async () => {
    assert.equal(await errorCodeOf(Buffer.from("x".repeat(101)), "a.txt", 100), "INPUT_TOO_LARGE");
  });

  test("a .pdf without a PDF header: PDF_INVALID", async () => {
    assert.equal(await errorCodeOf(Buffer.from("Attack report, plain text"), "report.pdf"), "PDF_INVALID");
  });

  test("markdown that is all markup: INPUT_EMPTY", async () => {
    assert.equal(await errorCodeOf(Buffer.from("---\ndate: 2025-01-01\n---\n\n![photo](x.png)\n\n---\n"), "empty.md"), "INPUT_EMPTY");
  });

  test("an HTML fragment with an empty body: HTML_NO_TEXT", async () => {
    assert.equal(await errorCodeOf(Buffer.from("<html><body><div> </div><img src=x></body></html>")), "HTML_NO_TEXT");
  });
});

describe("convertSource: format sniffing, content first", () => {
  test("HTML sent on stdin with no file name is read as HTML", async () => {
    const result = await convertSource(Buffer.from("<!doctype html><title>T</title><p>Shelling hit the market.</p>"), { origin: "-" });
    assert.equal(result.ok, true);
    if (result.ok) {
      assert.equal(result.document.format, "html");
      assert.equal(result.document.text, "Shelling hit the market.");
    }
  });

  test("a .txt file that is really an HTML page is read as HTML", async () => {
    const result = await convertSource(Buffer.from("\n  <html><body><p>Shelling hit the market.</p><script>x()</script></body></html>"), {
      origin: "saved.txt",
      fileName: "saved.txt",
    });
    assert.equal(result.ok && result.document.format, "html");
  });

  test("a .txt file that merely opens with <p> stays text; without a name it is HTML", async () => {
    const bytes = Buffer.from("<p> is how the wire service marks paragraphs.");
    const named = await convertSource(bytes, { origin: "wire.txt", fileName: "wire.txt" });
    const unnamed = await convertSource(bytes, { origin: "-" });
    assert.equal(named.ok && named.document.format, "text");
    assert.equal(unnamed.ok && unnamed.document.format, "html");
  });

  test("a PDF is recognised by its header whatever its name", async () => {
    const bytes = await readFile(join(FIXTURE_FOLDER, "text-layer.pdf"));
    const result = await convertSource(bytes, { origin: "download.bin", fileName: "download.bin" });
    assert.equal(result.ok && result.document.format, "pdf");
  });

  test("markdown is known by its extension only: on stdin it is text", async () => {
    const result = await convertSource(Buffer.from("# Heading\n\nBody."), { origin: "-" });
    assert.equal(result.ok && result.document.format, "text");
  });
});
