// The HTTP API: a thin edge over the same services the CLI calls (records/, analyze/, jobs/).
// Requests are validated by the zod schemas in ./schemas.ts, which are also the OpenAPI 3.1
// document at /openapi.json. Every response, errors and static files included, carries the
// security headers below; errors are problem+json (./problems.ts).
//
// `createApp` builds the app without a socket, so tests call `app.request()`; ./server.ts
// listens on a port, and answers a kept answer (./cache.ts) before the app is reached.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import { RuleExtractor, type Extractor } from "../extract/extractor.ts";
import type { Store } from "../store/store.ts";
import { AnswerCache, cachedAnswers, DEFAULT_CACHE_LIMITS, type AnswerCacheLimits } from "./cache.ts";
import { errorResponse, problem, problemResponse } from "./problems.ts";
import { registerAnalysisRoutes } from "./routes-analysis.ts";
import { registerDocumentRoutes } from "./routes-documents.ts";
import { registerEventRoutes } from "./routes-events.ts";

export interface ApiOptions {
  readonly store: Store;
  /** Default: the rule extractor, as `sitrep ingest` uses. */
  readonly extractor?: Extractor;
  /** Largest request body, in bytes: larger is a 413 before the body is read. Default 16 MiB. */
  readonly maxBodyBytes?: number;
  /** Longest time a request may take before a 503 REQUEST_TIMEOUT. Default 30 s. */
  readonly requestTimeoutMs?: number;
  /** A built dashboard to serve at / (web/dist); nothing is served when absent or missing. */
  readonly staticRoot?: string | null;
  /** Answers of the event list, map and timeline kept while the database is unchanged (./cache.ts); null: none. */
  readonly cache?: AnswerCacheLimits | null;
}

export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Same origin only, no inline script, no plugins, no framing, no foreign images or styles: a
 * report shown in the dashboard can neither run script nor make the analyst's browser call
 * another host (research/reliability.md §5.6-5.7; MISP's and OWASP's CSP baselines).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export type ApiApp = OpenAPIHono;

/** The paths whose GET answers are kept while the database is unchanged (./cache.ts). */
export const CACHED_PATHS: ReadonlySet<string> = new Set(["/api/events", "/api/map", "/api/timeline"]);

export function createApp(options: ApiOptions): ApiApp {
  return createApi(options).app;
}

/** The app and its kept answers (null when `options.cache` is null), for a server to answer hits from. */
export function createApi(options: ApiOptions): { app: ApiApp; answers: AnswerCache | null } {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const app = new OpenAPIHono({
    // A request the schemas refuse: one problem naming every invalid parameter or field.
    defaultHook: (result, c) => {
      if (result.success) return;
      const errors = result.error.issues.map((issue) => ({
        path: issue.path.map(String).join(".") || "(body)",
        message: issue.message,
      }));
      const detail = errors.map((error) => `${error.path}: ${error.message}`).join("; ");
      return problemResponse(problem("REQUEST_INVALID", detail, c.req.path, errors));
    },
  });

  app.use("*", async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    // A route may set a stricter policy of its own (the HTML brief: no script at all).
    if (!c.res.headers.has("Content-Security-Policy")) c.res.headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  });
  app.use(
    "/api/*",
    timeout(requestTimeoutMs, () => new HTTPException(503, { message: "request timeout" })),
  );
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => problemResponse(problem("INPUT_TOO_LARGE", `the request body is larger than ${maxBodyBytes} bytes`, c.req.path)),
    }),
  );

  const cacheLimits = options.cache === undefined ? DEFAULT_CACHE_LIMITS : options.cache;
  const answers = cacheLimits === null ? null : new AnswerCache(cacheLimits);
  if (answers !== null) {
    const middleware = cachedAnswers(options.store, answers);
    for (const path of CACHED_PATHS) app.use(path, middleware);
  }

  const context = { store: options.store, extractor: options.extractor ?? new RuleExtractor(), maxBodyBytes };
  registerEventRoutes(app, context);
  registerDocumentRoutes(app, context);
  registerAnalysisRoutes(app, context);

  app.get("/api/health", (c) => c.json({ status: "ok" }));
  app.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "sitrep API",
      version: "0.1.0",
      description:
        "Sourced events, figures and briefs from reports on armed groups. Errors are application/problem+json with a stable `code` (docs/API.md).",
    },
  });

  const staticRoot = options.staticRoot ?? null;
  const index = staticRoot === null ? null : join(staticRoot, "index.html");
  if (staticRoot !== null && existsSync(staticRoot) && statSync(staticRoot).isDirectory()) {
    app.use("/*", async (c, next) => (c.req.path.startsWith("/api/") ? next() : serveStatic({ root: staticRoot })(c, next)));
  }

  app.notFound((c) => {
    // The dashboard routes its own paths: an unknown non-API path gets its page.
    if (c.req.method === "GET" && !c.req.path.startsWith("/api/") && index !== null && existsSync(index)) {
      return c.html(readFileSync(index, "utf8"));
    }
    return problemResponse(problem("ROUTE_NOT_FOUND", `no route answers ${c.req.method} ${c.req.path}`, c.req.path));
  });
  app.onError((error, c) => errorResponse(error, c));
  return { app, answers };
}
