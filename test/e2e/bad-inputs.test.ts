// One ingest run over a good report and every kind of bad input a user meets: each bad input gets
// its own line and code, the good report still lands, and the command exits 1 saying how many
// failed (STYLE.md, practice 4).
import assert from "node:assert/strict";
import { copyFile, open } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { REPO_ROOT, Workspace, lines, type CliRun, type StoredDocument } from "./harness.ts";
import { TAL_AFAR_TXT } from "./reports.ts";

interface IngestResult {
  input: string;
  status: "ingested" | "unchanged" | "failed";
  document_id: string | null;
  error: { code: string; message: string } | null;
}

const FIFTY_MIB = 50 * 1024 * 1024;

/**
 * Bytes that are text in no encoding: a pseudo-random sequence (a fixed linear congruential
 * generator, so every run writes the same file) with NULs among them.
 */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 20250303;
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    bytes[index] = index % 97 === 0 ? 0 : state >>> 24;
  }
  return bytes;
}

/**
 * A French note in UTF-8 whose accents are valid except one byte: 0xE9 is "é" in Latin-1, and
 * followed by "(" it is no UTF-8 sequence at all.
 */
const LATIN_WITH_BAD_BYTE = Buffer.concat([
  Buffer.from("Le convoi a quitté Mossoul à l’aube et a rejoint la ville "),
  Buffer.from([0xe9, 0x28]),
  Buffer.from(" vers midi, selon un responsable de la sécurité.\n"),
]);

const SCRIPTS_ONLY_HTML = `<!doctype html>
<html><head><title></title><script>var headline = "only a script holds words";</script></head>
<body><script src="https://cdn.example/app.js"></script><script>document.body.innerHTML = "<p>drawn later</p>";</script></body></html>
`;

describe("one ingest run over a good report and every kind of bad input", () => {
  let workspace: Workspace;
  let run: CliRun;
  let results: IngestResult[];
  let documents: StoredDocument[];

  const resultFor = (name: string): IngestResult => {
    const found = results.find((result) => result.input.endsWith(name));
    assert.ok(found, `no result for ${name}`);
    return found;
  };

  before(async () => {
    workspace = await Workspace.create();
    await workspace.write({
      "inbox/good.txt": TAL_AFAR_TXT,
      "inbox/empty.txt": "",
      "inbox/noise.txt": noise(3000),
      "inbox/latin.txt": LATIN_WITH_BAD_BYTE,
      "inbox/scripts.html": SCRIPTS_ONLY_HTML,
    });
    // 50 MiB that cost nothing to write: a line of text, then a hole up to the size (a sparse file).
    await workspace.write({ "inbox/huge.txt": "A report that goes on and on.\n" });
    const huge = await open(workspace.path("inbox", "huge.txt"), "r+");
    await huge.truncate(FIFTY_MIB);
    await huge.close();
    // The committed fixture: a page drawn with no text operators, like a scan (make-fixtures.ts).
    await copyFile(join(REPO_ROOT, "test", "fixtures", "ingest", "no-text-layer.pdf"), workspace.path("inbox", "scan.pdf"));

    run = await workspace.run(["ingest", workspace.path("inbox"), workspace.path("inbox", "missing.txt"), "--format", "json"]);
    results = JSON.parse(run.stdout) as IngestResult[];
    documents = workspace.storedDocuments();
  });

  after(async () => {
    await workspace.remove();
  });

  test("exits 1 and says how many inputs failed", () => {
    assert.equal(run.code, 1, run.stderr);
    assert.match(lines(run.stderr).at(-1) ?? "", /^2 ingested, 0 unchanged, 6 failed\b/);
    assert.equal(results.length, 8, "one result per input");
  });

  test("the good report is ingested", () => {
    const good = resultFor("good.txt");
    assert.equal(good.status, "ingested");
    assert.ok(documents.some((document) => document.id === good.document_id));
  });

  const expectedFailures: readonly [string, string][] = [
    ["empty.txt", "INPUT_EMPTY"],
    ["noise.txt", "INPUT_BINARY"],
    ["huge.txt", "INPUT_TOO_LARGE"],
    ["scripts.html", "HTML_NO_TEXT"],
    ["scan.pdf", "PDF_NO_TEXT"],
    ["missing.txt", "INPUT_NOT_FOUND"],
  ];

  for (const [name, code] of expectedFailures) {
    test(`${name} fails with ${code}, on a line of its own`, () => {
      const result = resultFor(name);
      assert.equal(result.status, "failed");
      assert.equal(result.error?.code, code);
      assert.equal(result.document_id, null);
      const mentions = lines(run.stderr).filter((line) => line.includes(name));
      assert.equal(mentions.length, 1, `stderr should name ${name} once:\n${run.stderr}`);
      assert.match(mentions[0] ?? "", new RegExp(`failed \\[${code}\\]`));
    });
  }

  test("the 50 MiB file is refused by its size, before it is read", () => {
    // "is N bytes" comes from the size check on the open file; a refusal after reading would say
    // "holds more bytes than allowed" (src/ingest/inputs.ts).
    assert.match(resultFor("huge.txt").error?.message ?? "", new RegExp(`is ${FIFTY_MIB} bytes; the limit is 16777216 bytes`));
  });

  test("text with one invalid UTF-8 byte is ingested, the bad byte replaced and the accents kept", () => {
    // src/ingest/decode.ts: mostly valid UTF-8 with a damaged sequence reads as UTF-8 with U+FFFD;
    // ENCODING_INVALID is only for input more than 1 character in 20 undecodable.
    const latin = resultFor("latin.txt");
    assert.equal(latin.status, "ingested", JSON.stringify(latin.error));
    const stored = documents.find((document) => document.id === latin.document_id);
    assert.ok(stored);
    assert.ok(stored.text.includes("Le convoi a quitté Mossoul à l’aube"), stored.text);
    assert.ok(stored.text.includes("la ville \uFFFD( vers midi"), stored.text);
    assert.ok(stored.text.includes("sécurité"));
  });

  test("the database holds exactly the two documents that were ingested", () => {
    assert.deepEqual(
      documents.map((document) => document.origin.split("/").at(-1)),
      ["good.txt", "latin.txt"],
    );
  });

  test("a lower SITREP_MAX_INPUT_BYTES refuses a report over it", async () => {
    const second = await workspace.run(["ingest", workspace.path("inbox", "good.txt"), "--format", "json"], {
      env: { SITREP_MAX_INPUT_BYTES: "100" },
    });
    assert.equal(second.code, 1);
    const [result] = JSON.parse(second.stdout) as IngestResult[];
    assert.equal(result?.error?.code, "INPUT_TOO_LARGE");
    assert.match(lines(second.stderr).at(-1) ?? "", /^0 ingested, 0 unchanged, 1 failed\b/);
  });
});
