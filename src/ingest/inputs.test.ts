import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, open, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { expandInputs, fileNameForUrl, readSource, type InputItem } from "./inputs.ts";
import { DEFAULT_MAX_BYTES } from "./limits.ts";

let root: string;

before(async () => {
  root = await mkdtemp(join(tmpdir(), "sitrep-inputs-"));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

function origins(items: readonly InputItem[]): string[] {
  return items.map((item) => `${item.kind}:${item.origin}`);
}

describe("expandInputs", () => {
  test("walks a folder of mixed files recursively, in sorted order, supported extensions only", async () => {
    const folder = join(root, "walk");
    await mkdir(join(folder, "b-reports", "2025"), { recursive: true });
    await mkdir(join(folder, ".git"), { recursive: true });
    await mkdir(join(folder, "node_modules", "pkg"), { recursive: true });
    const files: Record<string, string> = {
      "z-last.txt": "last",
      "a-first.md": "# first",
      "Capital.HTML": "<p>upper-case extension</p>",
      "notes.docx": "not supported",
      "image.png": "not supported",
      README: "no extension",
      ".hidden.txt": "hidden file",
      "b-reports/2025/03.pdf": "%PDF-",
      "b-reports/2025/01.htm": "<p>x</p>",
      "b-reports/summary.markdown": "summary",
      "b-reports/plain.text": "plain",
      "b-reports/README.md": "what the folder holds: not a report",
      "readme.txt": "not a report either",
      ".git/config.txt": "hidden folder",
      "node_modules/pkg/readme.md": "dependency",
    };
    for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);

    const items = await expandInputs([folder]);

    assert.deepEqual(origins(items), [
      `file:${folder}/Capital.HTML`,
      `file:${folder}/a-first.md`,
      `file:${folder}/b-reports/2025/01.htm`,
      `file:${folder}/b-reports/2025/03.pdf`,
      `file:${folder}/b-reports/plain.text`,
      `file:${folder}/b-reports/summary.markdown`,
      `file:${folder}/z-last.txt`,
    ]);
    // The same walk again gives the same list: order does not depend on the file system.
    assert.deepEqual(origins(await expandInputs([folder])), origins(items));
  });

  test("a path that does not exist is a failed item, and the other inputs still come through", async () => {
    const present = join(root, "present.txt");
    await writeFile(present, "present");
    const missing = join(root, "no-such-report.txt");

    const items = await expandInputs([missing, present]);

    assert.equal(items.length, 2);
    const [failed, found] = items;
    assert.equal(failed?.kind, "failed");
    if (failed?.kind === "failed") {
      assert.equal(failed.error.code, "INPUT_NOT_FOUND");
      assert.equal(failed.origin, missing);
      assert.match(failed.error.message, /no-such-report\.txt/);
    }
    assert.deepEqual(found, { kind: "file", origin: present, path: present });
  });

  test("an empty argument is not taken to mean the working folder", async () => {
    const [item] = await expandInputs([""]);
    assert.equal(item?.kind, "failed");
    if (item?.kind === "failed") assert.equal(item.error.code, "INPUT_NOT_FOUND");
  });

  test("a symbolic link back to a parent folder cannot make the walk loop", async () => {
    const folder = join(root, "loop");
    await mkdir(join(folder, "inner"), { recursive: true });
    await writeFile(join(folder, "inner", "report.txt"), "report");
    await symlink(folder, join(folder, "inner", "back-to-top"));
    await symlink(join(folder, "inner", "report.txt"), join(folder, "linked-report.txt"));
    await symlink(join(folder, "gone.txt"), join(folder, "dangling.txt"));

    const items = await expandInputs([folder]);

    assert.deepEqual(origins(items), [
      `failed:${folder}/dangling.txt`,
      `file:${folder}/inner/report.txt`,
      `file:${folder}/linked-report.txt`,
    ]);
  });

  test("`-` is stdin, listed once; a file named twice is listed once", async () => {
    const file = join(root, "twice.txt");
    await writeFile(file, "twice");

    const items = await expandInputs(["-", file, "-", file]);

    assert.deepEqual(items, [
      { kind: "stdin", origin: "-" },
      { kind: "file", origin: file, path: file },
    ]);
  });

  test("a file named explicitly is listed whatever its extension; the content decides later", async () => {
    const file = join(root, "dispatch.log");
    await writeFile(file, "text");
    assert.deepEqual(await expandInputs([file]), [{ kind: "file", origin: file, path: file }]);
  });

  test("an argument with a scheme is a URL source, listed once, never looked up as a path", async () => {
    const items = await expandInputs([
      "https://example.org/a.html",
      "HTTP://example.org/b",
      "https://example.org/a.html",
      "ftp://example.org/c",
    ]);
    assert.deepEqual(items, [
      { kind: "url", origin: "https://example.org/a.html" },
      { kind: "url", origin: "HTTP://example.org/b" },
      { kind: "url", origin: "ftp://example.org/c" },
    ]);
  });
});

describe("readSource", () => {
  test("reads a file's bytes", async () => {
    const file = join(root, "read-me.txt");
    await writeFile(file, "Four soldiers were killed.");

    const result = await readSource({ kind: "file", origin: file, path: file });

    assert.equal(result.ok, true);
    if (result.ok) assert.equal(Buffer.from(result.bytes).toString("utf8"), "Four soldiers were killed.");
  });

  test("a 50 MB file fails with INPUT_TOO_LARGE from its size alone, before it is read", async () => {
    const file = join(root, "huge.txt");
    const line = Buffer.from("Line of a very long report that nobody should have to read in full.\n");
    const chunk = Buffer.alloc(1024 * 1024, line);
    const handle = await open(file, "w");
    for (let written = 0; written < 50; written += 1) await handle.write(chunk);
    await handle.close();

    const result = await readSource({ kind: "file", origin: file, path: file });

    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, "INPUT_TOO_LARGE");
      // The size in the message comes from stat; the reading loop would say "holds more bytes than allowed".
      assert.match(result.error.message, new RegExp(`is ${50 * 1024 * 1024} bytes; the limit is ${DEFAULT_MAX_BYTES} bytes`));
    }
  });

  test("a file exactly at the limit is read; one byte more is refused", async () => {
    const file = join(root, "at-limit.txt");
    await writeFile(file, "x".repeat(64));

    const atLimit = await readSource({ kind: "file", origin: file, path: file }, 64);
    const overLimit = await readSource({ kind: "file", origin: file, path: file }, 63);

    assert.equal(atLimit.ok, true);
    assert.equal(overLimit.ok, false);
    if (!overLimit.ok) assert.equal(overLimit.error.code, "INPUT_TOO_LARGE");
  });

  test(
    "a file with no size to check (a device, a pipe) stops being read one byte past the limit",
    { skip: !existsSync("/dev/zero") },
    async () => {
      const result = await readSource({ kind: "file", origin: "/dev/zero", path: "/dev/zero" }, 4096);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.error.code, "INPUT_TOO_LARGE");
        assert.match(result.error.message, /holds more bytes than allowed/);
      }
    },
  );

  test("stdin past the limit stops being read and fails with INPUT_TOO_LARGE", async () => {
    let chunksPulled = 0;
    let closed = false;
    async function* endlessStdin(): AsyncGenerator<Uint8Array> {
      try {
        for (;;) {
          chunksPulled += 1;
          yield new Uint8Array(1024).fill(0x61);
        }
      } finally {
        closed = true;
      }
    }

    const result = await readSource({ kind: "stdin", origin: "-" }, 10 * 1024, { stdin: endlessStdin() });

    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.code, "INPUT_TOO_LARGE");
      assert.match(result.error.message, /^stdin:/);
    }
    assert.equal(chunksPulled, 11);
    assert.equal(closed, true);
  });

  test("stdin within the limit is read whole", async () => {
    async function* stdin(): AsyncGenerator<Uint8Array> {
      yield Buffer.from("Militants ");
      yield Buffer.from("attacked.");
    }
    const result = await readSource({ kind: "stdin", origin: "-" }, DEFAULT_MAX_BYTES, { stdin: stdin() });
    assert.equal(result.ok, true);
    if (result.ok) assert.equal(Buffer.from(result.bytes).toString("utf8"), "Militants attacked.");
  });

  test("a file deleted after it was listed fails with INPUT_NOT_FOUND, without a throw", async () => {
    const file = join(root, "deleted.txt");
    const result = await readSource({ kind: "file", origin: file, path: file });
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, "INPUT_NOT_FOUND");
  });
});

describe("readSource: URLs", () => {
  test("a URL with another scheme fails as URL_INVALID, and a loopback URL as URL_BLOCKED, without a throw", async () => {
    const ftp = await readSource({ kind: "url", origin: "ftp://example.org/report.txt" });
    assert.equal(ftp.ok ? null : ftp.error.code, "URL_INVALID");
    const loopback = await readSource({ kind: "url", origin: "http://127.0.0.1:9/report.txt" });
    assert.equal(loopback.ok ? null : loopback.error.code, "URL_BLOCKED");
  });

  test("the Content-Type breaks a tie on format before the URL's own extension", () => {
    assert.equal(fileNameForUrl("https://example.org/report", "text/html; charset=utf-8"), "document.html");
    assert.equal(fileNameForUrl("https://example.org/download.php?id=3", "application/pdf"), "document.pdf");
    assert.equal(fileNameForUrl("https://example.org/files/brief.pdf", "application/octet-stream"), "/files/brief.pdf");
    assert.equal(fileNameForUrl("https://example.org/notes.md", null), "/notes.md");
  });
});
