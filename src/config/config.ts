// One validated, typed configuration, built once at start-up (STYLE.md, practice 6). Every
// setting is documented where it is declared; a bad value stops the command with one message
// naming every bad setting.
import { resolve } from "node:path";
import { SitrepError } from "../domain/errors.ts";

export interface Config {
  /** The embedded database file. `--db` beats `SITREP_DB`, which beats `./sitrep.db`. */
  readonly databasePath: string;
  /** Largest input accepted by ingest, in bytes. `SITREP_MAX_INPUT_BYTES`; default 16 MiB. */
  readonly maxInputBytes: number;
}

const DEFAULT_MAX_INPUT_BYTES = 16 * 1024 * 1024;

export function loadConfig(options: { db?: string | undefined } = {}, env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const databasePath = resolve(options.db ?? env.SITREP_DB ?? "sitrep.db");
  let maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
  if (env.SITREP_MAX_INPUT_BYTES !== undefined) {
    const parsed = Number(env.SITREP_MAX_INPUT_BYTES);
    if (!Number.isInteger(parsed) || parsed <= 0)
      problems.push(`SITREP_MAX_INPUT_BYTES must be a positive integer (got "${env.SITREP_MAX_INPUT_BYTES}")`);
    else maxInputBytes = parsed;
  }
  if (options.db !== undefined && options.db.trim() === "") problems.push("--db must name a file");
  if (problems.length > 0) throw new SitrepError("CONFIG_INVALID", `invalid configuration: ${problems.join("; ")}`);
  return { databasePath, maxInputBytes };
}
