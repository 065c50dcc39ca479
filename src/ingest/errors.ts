// Every ingest error names its input the same way, so that a batch's failures read alike whatever
// stage of reading or conversion they come from.
import { SitrepError, type ErrorCode } from "../domain/errors.ts";

/** The input as messages name it: `-` is "stdin", and an empty argument is said to be one. */
export function inputName(origin: string): string {
  return origin === "-" ? "stdin" : origin === "" ? "(empty path)" : origin;
}

/** A SitrepError about one input: "<input>: <detail>", with the origin kept on the error. */
export function inputError(code: ErrorCode, origin: string, detail: string, cause?: unknown): SitrepError {
  return new SitrepError(code, `${inputName(origin)}: ${detail}`, { input: origin, cause });
}
