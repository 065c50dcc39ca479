// Turns what the user typed (files, folders, `-`, URLs) into a flat list of sources, and reads one
// source's bytes under the size limit. This is the only ingest code that touches the file system,
// stdin or the network (through fetch.ts, the one fetcher); convert.ts works on bytes alone.
//
// Batch work reports per item (STYLE.md, practice 4): a missing path or an unreadable folder is
// one failed item in the list, never a throw that loses the other inputs.
import type { Dirent } from "node:fs";
import { open, readdir, realpath, stat, type FileHandle } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import type { SitrepError } from "../domain/errors.ts";
import { inputError } from "./errors.ts";
import { fetchUrl, type FetchOptions } from "./fetch.ts";
import { DEFAULT_MAX_BYTES } from "./limits.ts";

/** Extensions a folder walk picks up. A file named explicitly is read whatever its extension. */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set([".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf"]);

export interface FileSource {
  readonly kind: "file";
  /** The path as the user wrote it, joined with the path inside a walked folder. */
  readonly origin: string;
  /** Absolute path, used for reading. */
  readonly path: string;
}

export interface StdinSource {
  readonly kind: "stdin";
  readonly origin: "-";
}

export interface UrlSource {
  readonly kind: "url";
  /** The URL as the user wrote it; the URL finally fetched is on the read result. */
  readonly origin: string;
}

export type InputSource = FileSource | StdinSource | UrlSource;

export interface InputFailure {
  readonly kind: "failed";
  readonly origin: string;
  readonly error: SitrepError;
}

export type InputItem = InputSource | InputFailure;

export type ReadResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      /** For a URL: the URL the bytes came from after redirects, recorded as the Document's url. */
      readonly url?: string;
      /** A name whose extension tells the format when the bytes do not: the path, or one from the URL's Content-Type. */
      readonly fileName?: string;
    }
  | { readonly ok: false; readonly error: SitrepError };

/**
 * An argument with a scheme ("https://", "ftp://", "file://") is a URL, not a path: http and https
 * are fetched, and any other scheme fails as URL_INVALID rather than as a missing file.
 */
const URL_ARGUMENT = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * Expands CLI arguments into sources, in argument order; each folder is walked depth-first with
 * entries sorted by name (code-unit order, not locale order, so every machine lists the same
 * sequence). The same file or `-` named twice is listed once.
 */
export async function expandInputs(args: readonly string[]): Promise<InputItem[]> {
  const items: InputItem[] = [];
  const seenFiles = new Set<string>();
  const visitedFolders = new Set<string>();
  let stdinListed = false;
  const seenUrls = new Set<string>();

  const addFile = (origin: string, path: string): void => {
    if (seenFiles.has(path)) return;
    seenFiles.add(path);
    items.push({ kind: "file", origin, path });
  };

  for (const arg of args) {
    if (arg === "-") {
      if (!stdinListed) items.push({ kind: "stdin", origin: "-" });
      stdinListed = true;
      continue;
    }
    if (URL_ARGUMENT.test(arg)) {
      if (!seenUrls.has(arg)) items.push({ kind: "url", origin: arg });
      seenUrls.add(arg);
      continue;
    }
    if (arg === "") {
      // resolve("") is the working directory; walking it because of an empty argument would surprise.
      items.push(failure("", "INPUT_NOT_FOUND", "no such file or folder"));
      continue;
    }
    const path = resolve(arg);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(path)).isDirectory();
    } catch (cause) {
      items.push(failureFromFileSystem(arg, cause));
      continue;
    }
    if (isDirectory) {
      await walkFolder(path, arg, visitedFolders, items, addFile);
    } else {
      addFile(arg, path);
    }
  }
  return items;
}

/** A folder's own description (README, README.md, readme.txt), not a report. */
const README = /^readme(?:\.[^.]+)?$/i;

/**
 * Symbolic links to folders are not followed, as in `find` and ripgrep by default, so a link back
 * to a parent cannot loop. The set of visited real paths also stops a loop made by a bind mount.
 * Links to files are followed: they cannot loop.
 */
async function walkFolder(
  folder: string,
  origin: string,
  visitedFolders: Set<string>,
  items: InputItem[],
  addFile: (origin: string, path: string) => void,
): Promise<void> {
  let entries: Dirent[];
  try {
    const realFolder = await realpath(folder);
    if (visitedFolders.has(realFolder)) return;
    visitedFolders.add(realFolder);
    entries = await readdir(folder, { withFileTypes: true });
  } catch (cause) {
    items.push(failureFromFileSystem(origin, cause));
    return;
  }
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));

  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    // A folder's README describes the folder (a corpus's origin, a sample set's expected
    // findings); read as a report it would add whatever events its text describes. Named on the
    // command line, it is read like any file.
    if (README.test(entry.name)) continue;
    const entryPath = join(folder, entry.name);
    const entryOrigin = join(origin, entry.name);
    if (entry.isDirectory()) {
      await walkFolder(entryPath, entryOrigin, visitedFolders, items, addFile);
      continue;
    }
    if (!SUPPORTED_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    if (entry.isFile()) {
      addFile(entryOrigin, entryPath);
    } else if (entry.isSymbolicLink()) {
      try {
        if ((await stat(entryPath)).isFile()) addFile(entryOrigin, entryPath);
      } catch (cause) {
        // A dangling link named like a report is a report the user expected to be read.
        items.push(failureFromFileSystem(entryOrigin, cause));
      }
    }
    // Sockets, FIFOs and devices inside a folder are skipped: only named files are read from them.
  }
}

/**
 * Reads a source's bytes, refusing more than `maxBytes`. A regular file's size is checked before
 * any byte is read; reading then stops one byte past the limit in any case, because a file can
 * grow after the check and a pipe or stdin has no size to check.
 */
export async function readSource(
  source: InputSource,
  maxBytes: number = DEFAULT_MAX_BYTES,
  options: { readonly stdin?: AsyncIterable<Uint8Array>; readonly fetch?: FetchOptions } = {},
): Promise<ReadResult> {
  switch (source.kind) {
    case "file": {
      const read = await readFileSource(source, maxBytes);
      return read.ok ? { ...read, fileName: source.path } : read;
    }
    case "stdin":
      return readStream(options.stdin ?? process.stdin, source.origin, maxBytes);
    case "url": {
      // The same limit as a file: a page is no more trusted than a file someone sent.
      const fetched = await fetchUrl(source.origin, { ...options.fetch, maxBytes });
      if (!fetched.ok) return { ok: false, error: fetched.error };
      return { ok: true, bytes: fetched.bytes, url: fetched.finalUrl, fileName: fileNameForUrl(fetched.finalUrl, fetched.contentType) };
    }
  }
}

/**
 * The converter sniffs the bytes first; this only breaks a tie. A declared HTML or PDF type wins
 * over the path ("/report" serves HTML; "/download.php" a PDF), else the path's own extension.
 */
const CONTENT_TYPE_EXTENSIONS: Readonly<Record<string, string>> = {
  "text/html": ".html",
  "application/xhtml+xml": ".html",
  "application/pdf": ".pdf",
  "text/markdown": ".md",
  "text/plain": ".txt",
};

export function fileNameForUrl(url: string, contentType: string | null): string {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const extension = CONTENT_TYPE_EXTENSIONS[mediaType];
  if (extension !== undefined) return `document${extension}`;
  return new URL(url).pathname;
}

const READ_CHUNK_BYTES = 1024 * 1024;

async function readFileSource(source: FileSource, maxBytes: number): Promise<ReadResult> {
  let handle: FileHandle;
  try {
    handle = await open(source.path, "r");
  } catch (cause) {
    return { ok: false, error: failureFromFileSystem(source.origin, cause).error };
  }
  try {
    // fstat on the open handle, not stat on the path: the file checked is the file read.
    const info = await handle.stat();
    if (info.isDirectory()) {
      return { ok: false, error: inputError("INPUT_UNREADABLE", source.origin, "is a folder, not a file") };
    }
    if (info.isFile() && info.size > maxBytes) {
      return { ok: false, error: tooLarge(source.origin, `is ${info.size} bytes`, maxBytes) };
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(Math.min(READ_CHUNK_BYTES, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) {
        return { ok: false, error: tooLarge(source.origin, "holds more bytes than allowed", maxBytes) };
      }
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (cause) {
    return { ok: false, error: failureFromFileSystem(source.origin, cause).error };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

async function readStream(stream: AsyncIterable<Uint8Array>, origin: string, maxBytes: number): Promise<ReadResult> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += chunk.byteLength;
      // Leaving the loop ends the iteration, which destroys a Node stream: nothing more is read.
      if (total > maxBytes) return { ok: false, error: tooLarge(origin, "holds more bytes than allowed", maxBytes) };
      chunks.push(chunk);
    }
  } catch (cause) {
    return { ok: false, error: inputError("INPUT_UNREADABLE", origin, "could not be read", cause) };
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

function tooLarge(origin: string, detail: string, maxBytes: number): SitrepError {
  return inputError("INPUT_TOO_LARGE", origin, `${detail}; the limit is ${maxBytes} bytes`);
}

function failure(origin: string, code: "INPUT_NOT_FOUND" | "INPUT_UNREADABLE", detail: string): InputFailure {
  return { kind: "failed", origin, error: inputError(code, origin, detail) };
}

function failureFromFileSystem(origin: string, cause: unknown): InputFailure {
  const code = errnoCode(cause);
  if (code === "ENOENT" || code === "ENOTDIR") {
    return { kind: "failed", origin, error: inputError("INPUT_NOT_FOUND", origin, "no such file or folder", cause) };
  }
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : `could not be read (${code ?? "error"})`;
  return { kind: "failed", origin, error: inputError("INPUT_UNREADABLE", origin, reason, cause) };
}

function errnoCode(cause: unknown): string | undefined {
  if (typeof cause === "object" && cause !== null && "code" in cause && typeof cause.code === "string") {
    return cause.code;
  }
  return undefined;
}
