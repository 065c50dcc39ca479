// Errors as RFC 9457 problem details (application/problem+json): the SitrepError code is the
// stable part a client branches on (`code`, and `type` as a URN built from it), the HTTP status
// is chosen here and only here (STYLE.md, practice 5).
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ERROR_CODES, isSitrepError, type ErrorCode } from "../domain/errors.ts";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance: string;
  /** For REQUEST_INVALID: each invalid parameter or body field and what is wrong with it. */
  errors?: { path: string; message: string }[];
}

const STATUS: Readonly<Record<ErrorCode, number>> = {
  INPUT_NOT_FOUND: 400,
  INPUT_UNREADABLE: 400,
  INPUT_EMPTY: 422,
  INPUT_BINARY: 415,
  INPUT_TOO_LARGE: 413,
  INPUT_UNSUPPORTED: 415,
  ENCODING_INVALID: 422,
  HTML_NO_TEXT: 422,
  PDF_NO_TEXT: 422,
  PDF_INVALID: 422,
  URL_INVALID: 400,
  URL_BLOCKED: 400,
  FETCH_FAILED: 502,
  FETCH_TIMEOUT: 504,
  FEED_INVALID: 422,
  FEED_DOCTYPE_REFUSED: 422,
  FETCH_TOO_MANY_REDIRECTS: 502,
  EXTRACT_FAILED: 500,
  IMPORT_FORMAT_INVALID: 422,
  IMPORT_ROW_INVALID: 422,
  STORE_WRITE_FAILED: 500,
  STORE_OPEN_FAILED: 500,
  RECORD_NOT_FOUND: 404,
  GROUP_UNKNOWN: 404,
  CONFIG_INVALID: 500,
  USAGE: 400,
  REQUEST_INVALID: 400,
  ROUTE_NOT_FOUND: 404,
  REQUEST_TIMEOUT: 503,
  INTERNAL_ERROR: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function problem(code: ErrorCode, detail: string, instance: string, errors?: Problem["errors"]): Problem {
  return {
    type: `urn:sitrep:error:${code.toLowerCase()}`,
    title: ERROR_CODES[code].summary,
    status: STATUS[code],
    detail,
    code,
    instance,
    ...(errors === undefined ? {} : { errors }),
  };
}

export function problemResponse(body: Problem): Response {
  return new Response(JSON.stringify(body), { status: body.status, headers: { "Content-Type": PROBLEM_CONTENT_TYPE } });
}

/** The response for anything a handler or middleware threw. */
export function errorResponse(error: unknown, c: Context): Response {
  const path = c.req.path;
  if (isSitrepError(error)) {
    // Services speak of the command line's "usage"; to an API client it is the request.
    const code = error.code === "USAGE" ? "REQUEST_INVALID" : error.code;
    return problemResponse(problem(code, error.message, path));
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) return problemResponse(problem("INPUT_TOO_LARGE", "the request body is larger than the limit", path));
    if (error.status === 503 || error.status === 504) {
      return problemResponse(problem("REQUEST_TIMEOUT", "the request took longer than the server's time limit", path));
    }
    // The OpenAPI validator refuses a body of another media type than the route declares.
    if (error.status === 415) {
      return problemResponse(problem("INPUT_UNSUPPORTED", "the request's Content-Type is not one this route reads", path));
    }
    if (error.status >= 400 && error.status < 500) {
      return problemResponse(problem("REQUEST_INVALID", error.message || "the request is malformed", path));
    }
  }
  // Anything else is a bug or a failing database: the details stay in the server's log.
  console.error(error);
  return problemResponse(problem("INTERNAL_ERROR", "the server failed to answer this request", path));
}
