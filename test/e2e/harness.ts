// What the end-to-end tests share: running the real `sitrep` command as a child process, a
// throw-away folder per suite, and a read-only look into the SQLite file the command wrote.
// Every run pins TZ=UTC and points SITREP_DB at the suite's own database (STYLE.md, practice 8).
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A report stored in the database, as the `documents` table holds it. */
export interface StoredDocument {
  readonly id: string;
  readonly origin: string;
  readonly title: string | null;
  readonly published_date: string | null;
  readonly format: string;
  readonly text: string;
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Bytes written to the command's standard input, which is then closed. */
  readonly stdin?: string | Uint8Array;
  /** Extra environment variables, on top of TZ=UTC and SITREP_DB. */
  readonly env?: Readonly<Record<string, string>>;
}

/** A start-up through tsx takes about a second; a run that takes this long has hung. */
const RUN_TIMEOUT_MS = 30_000;

export class Workspace {
  readonly root: string;
  readonly databasePath: string;

  private constructor(root: string) {
    this.root = root;
    this.databasePath = join(root, "sitrep.db");
  }

  static async create(): Promise<Workspace> {
    return new Workspace(await mkdtemp(join(tmpdir(), "sitrep-e2e-")));
  }

  path(...parts: string[]): string {
    return join(this.root, ...parts);
  }

  /** Writes files named by paths relative to the workspace, creating their folders. */
  async write(files: Readonly<Record<string, string | Uint8Array>>): Promise<void> {
    for (const [relativePath, content] of Object.entries(files)) {
      const path = this.path(relativePath);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, content);
    }
  }

  /** `node bin/sitrep.js ARGS...` from the repository root, as a user would run it. */
  run(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(REPO_ROOT, "bin", "sitrep.js"), ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...options.env, TZ: "UTC", SITREP_DB: this.databasePath },
        stdio: ["pipe", "pipe", "pipe"],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`sitrep ${args.join(" ")} ran for more than ${RUN_TIMEOUT_MS} ms`));
      }, RUN_TIMEOUT_MS);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout: Buffer.concat(stdout).toString("utf8"), stderr: Buffer.concat(stderr).toString("utf8") });
      });
      // A command that does not read its input closes the pipe early; that is not a failure.
      child.stdin.on("error", () => undefined);
      child.stdin.end(options.stdin ?? "");
    });
  }

  /** Runs a command that must succeed and print JSON, and returns the parsed JSON. */
  async json<T>(args: readonly string[], options: RunOptions = {}): Promise<T> {
    const result = await this.run([...args, "--format", "json"], options);
    if (result.code !== 0) throw new Error(`sitrep ${args.join(" ")} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  }

  /** The documents table, opened read-only, ordered by origin. */
  storedDocuments(): StoredDocument[] {
    const database = new Database(this.databasePath, { readonly: true, fileMustExist: true });
    try {
      return database
        .prepare("SELECT id, origin, title, published_date, format, text FROM documents ORDER BY origin")
        .all() as StoredDocument[];
    } finally {
      database.close();
    }
  }

  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }
}

/** The lines of a command's standard error, without the empty one after the last newline. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(cell);
      cell = "";
    } else if (character === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else if (character !== "\r") cell += character;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Great-circle distance in kilometres, to check coordinates as the scorer does (within 25 km). */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const radians = (degrees: number): number => (degrees * Math.PI) / 180;
  const a =
    Math.sin(radians(lat2 - lat1) / 2) ** 2 + Math.cos(radians(lat1)) * Math.cos(radians(lat2)) * Math.sin(radians(lon2 - lon1) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
}
