// Errors carry a stable code and the stage they come from (STYLE.md, practice 5). The CLI prints
// the message and the code; an HTTP status is chosen only at the API edge.
export type ErrorCategory = "ingest" | "extract" | "resolve" | "store" | "interop" | "config" | "cli" | "api";

export const ERROR_CODES = {
  INPUT_NOT_FOUND: { category: "ingest", summary: "the path does not exist" },
  INPUT_UNREADABLE: { category: "ingest", summary: "the file could not be read" },
  INPUT_EMPTY: { category: "ingest", summary: "the input holds no text" },
  INPUT_BINARY: { category: "ingest", summary: "the input is binary, not a supported document" },
  INPUT_TOO_LARGE: { category: "ingest", summary: "the input is larger than the limit" },
  INPUT_UNSUPPORTED: { category: "ingest", summary: "the format is not supported" },
  ENCODING_INVALID: { category: "ingest", summary: "the text could not be decoded" },
  HTML_NO_TEXT: { category: "ingest", summary: "the HTML page holds no readable text" },
  PDF_NO_TEXT: { category: "ingest", summary: "the PDF has no text layer" },
  PDF_INVALID: { category: "ingest", summary: "the PDF could not be parsed" },
  URL_INVALID: { category: "ingest", summary: "the URL is not an http or https URL sitrep can fetch" },
  URL_BLOCKED: { category: "ingest", summary: "the URL leads to a loopback, private or other non-public address" },
  FETCH_FAILED: { category: "ingest", summary: "the URL could not be fetched" },
  FETCH_TIMEOUT: { category: "ingest", summary: "fetching the URL took longer than allowed" },
  FEED_INVALID: { category: "ingest", summary: "the feed is not well-formed RSS 2.0 or Atom" },
  FEED_DOCTYPE_REFUSED: { category: "ingest", summary: "the feed declares a DTD or entities, which are refused" },
  FETCH_TOO_MANY_REDIRECTS: { category: "ingest", summary: "the URL redirected more times than allowed" },
  EXTRACT_FAILED: { category: "extract", summary: "extraction failed on this document" },
  IMPORT_FORMAT_INVALID: { category: "interop", summary: "the file is not in the dataset's format" },
  IMPORT_ROW_INVALID: { category: "interop", summary: "a row of an imported file could not be read" },
  STORE_WRITE_FAILED: { category: "store", summary: "the database write failed" },
  STORE_OPEN_FAILED: { category: "store", summary: "the database could not be opened" },
  RECORD_NOT_FOUND: { category: "store", summary: "no record has that id" },
  GROUP_UNKNOWN: { category: "store", summary: "no event, figure or alias in the registry names that group" },
  CONFIG_INVALID: { category: "config", summary: "a setting is invalid" },
  USAGE: { category: "cli", summary: "the command line is invalid" },
  REQUEST_INVALID: { category: "api", summary: "a parameter or the body of the request is invalid" },
  ROUTE_NOT_FOUND: { category: "api", summary: "no route answers this method and path" },
  REQUEST_TIMEOUT: { category: "api", summary: "the request took longer than allowed" },
  INTERNAL_ERROR: { category: "api", summary: "the server failed to answer" },
} as const satisfies Record<string, { category: ErrorCategory; summary: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  /** The input the error is about (a path, a URL, an id), when there is one. */
  readonly input: string | undefined;

  constructor(code: ErrorCode, message: string, options: { input?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "SitrepError";
    this.code = code;
    this.category = ERROR_CODES[code].category;
    this.input = options.input;
  }
}

export function isSitrepError(value: unknown): value is SitrepError {
  return value instanceof SitrepError;
}
