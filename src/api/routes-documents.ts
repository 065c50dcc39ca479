// /api/documents: upload a report (multipart or the raw bytes with their content type), post a
// text, list documents newest first, read one with its text and every evidence span in it. An
// upload goes through the same ingest as `sitrep ingest` (jobs/ingest.ts): same conversion,
// extraction, size limit and error codes.
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { SitrepError } from "../domain/errors.ts";
import { ingestBytes, type ByteSource, type IngestItemResult } from "../jobs/ingest.ts";
import { registryActors } from "../resolve/actors/actors.ts";
import { decodeDocumentCursor, encodeDocumentCursor } from "./cursor.ts";
import { notFoundResponse, problemResponses, tooLargeResponse, type RouteContext } from "./routes-events.ts";
import * as schemas from "./schemas.ts";

/** File names the converter reads the format from, for a body whose bytes do not tell it. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  "text/plain": ".txt",
  "text/markdown": ".md",
  "text/html": ".html",
  "application/xhtml+xml": ".html",
  "application/pdf": ".pdf",
};

const ingestFailures = {
  415: {
    description: "not a supported document (INPUT_UNSUPPORTED, INPUT_BINARY)",
    content: { "application/problem+json": { schema: schemas.Problem } },
  },
  422: {
    description: "the document holds no readable text (INPUT_EMPTY, HTML_NO_TEXT, PDF_NO_TEXT...)",
    content: { "application/problem+json": { schema: schemas.Problem } },
  },
};

const ingested = {
  200: { description: "already stored (same content): nothing changed", content: { "application/json": { schema: schemas.IngestResult } } },
  201: { description: "stored, with what was extracted", content: { "application/json": { schema: schemas.IngestResult } } },
};

const binary = z.any().openapi({ type: "string", format: "binary" });

const uploadDocument = createRoute({
  method: "post",
  path: "/api/documents",
  tags: ["documents"],
  summary: "Upload a report: multipart/form-data with a `file` field, or the raw bytes with their Content-Type",
  request: {
    query: z.object({
      filename: z
        .string()
        .max(255)
        .optional()
        .openapi({ description: "the file's name, for a raw body (its extension helps tell the format)" }),
    }),
    body: {
      required: false,
      content: {
        "multipart/form-data": { schema: z.object({ file: binary }) },
        "text/plain": { schema: binary },
        "text/html": { schema: binary },
        "text/markdown": { schema: binary },
        "application/pdf": { schema: binary },
      },
    },
  },
  responses: { ...ingested, ...problemResponses, ...tooLargeResponse, ...ingestFailures },
});

const postText = createRoute({
  method: "post",
  path: "/api/documents/text",
  tags: ["documents"],
  summary: "Post a report's text, with its title, URL and publication date when known",
  request: { body: { required: true, content: { "application/json": { schema: schemas.TextBody } } } },
  responses: { ...ingested, ...problemResponses, ...tooLargeResponse, ...ingestFailures },
});

const listDocuments = createRoute({
  method: "get",
  path: "/api/documents",
  tags: ["documents"],
  summary: "Documents, newest first, a page at a time",
  request: { query: schemas.DocumentListQuery },
  responses: {
    200: { description: "a page of documents", content: { "application/json": { schema: schemas.DocumentPage } } },
    ...problemResponses,
  },
});

const getDocument = createRoute({
  method: "get",
  path: "/api/documents/{id}",
  tags: ["documents"],
  summary: "One document: its text and every evidence span in it (events, figures, statements)",
  request: { params: schemas.IdParam },
  responses: {
    200: { description: "the document", content: { "application/json": { schema: schemas.DocumentDetail } } },
    ...notFoundResponse,
  },
});

function resultBody(result: IngestItemResult): z.infer<typeof schemas.IngestResult> {
  if (result.status === "failed" || result.documentId === null) {
    const error = result.error ?? { code: "INTERNAL_ERROR" as const, message: "ingest failed" };
    throw new SitrepError(error.code, error.message, { input: result.origin });
  }
  return { status: result.status, document_id: result.documentId, title: result.title, events: result.events, figures: result.figures };
}

export function registerDocumentRoutes(app: OpenAPIHono, { store, extractor, maxBodyBytes }: RouteContext): void {
  // The alias registry goes into the store before the first document, as `sitrep ingest` does.
  let registry: Promise<void> | null = null;
  const ingest = async (source: ByteSource): Promise<IngestItemResult> => {
    registry ??= store.saveActors(registryActors());
    await registry;
    return ingestBytes(source, { store, extractor, maxInputBytes: maxBodyBytes });
  };

  app.openapi(uploadDocument, async (c) => {
    const contentType = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    const { filename } = c.req.valid("query");
    if (contentType === "multipart/form-data") {
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) throw new SitrepError("USAGE", "the multipart body must hold the report in a field named file");
      const name = file.name === "" ? "upload" : file.name;
      const body = resultBody(await ingest({ origin: `upload:${name}`, bytes: new Uint8Array(await file.arrayBuffer()), fileName: name }));
      return body.status === "ingested" ? c.json(body, 201) : c.json(body, 200);
    }
    if (contentType === "" || contentType === "application/x-www-form-urlencoded") {
      throw new SitrepError("USAGE", "send the report as multipart/form-data (field file) or as its bytes with their Content-Type");
    }
    const name = filename ?? `upload${EXTENSIONS[contentType] ?? ""}`;
    const body = resultBody(await ingest({ origin: `upload:${name}`, bytes: new Uint8Array(await c.req.arrayBuffer()), fileName: name }));
    return body.status === "ingested" ? c.json(body, 201) : c.json(body, 200);
  });

  app.openapi(postText, async (c) => {
    const body = c.req.valid("json");
    const result = await ingest({
      origin: body.url ?? `text:${body.title ?? "untitled"}`,
      bytes: new TextEncoder().encode(body.text),
      fileName: "posted.txt",
      url: body.url,
      title: body.title,
      publishedDate: body.published_date,
    });
    const ingestedBody = resultBody(result);
    return ingestedBody.status === "ingested" ? c.json(ingestedBody, 201) : c.json(ingestedBody, 200);
  });

  app.openapi(listDocuments, async (c) => {
    const query = c.req.valid("query");
    const page = await store.listDocuments(query.limit, query.cursor === undefined ? undefined : decodeDocumentCursor(query.cursor));
    return c.json(
      {
        documents: page.documents.map((document) => ({
          id: document.id,
          title: document.title,
          publisher: document.publisher,
          url: document.url,
          published_date: document.publishedDate,
          language: document.language,
          format: document.format,
          origin: document.origin,
          ingested_at: document.ingestedAt,
          events: document.events,
        })),
        next_cursor: page.next === null ? null : encodeDocumentCursor(page.next),
      },
      200,
    );
  });

  app.openapi(getDocument, async (c) => {
    const { id } = c.req.valid("param");
    const stored = await store.getDocument(id);
    if (stored === null) throw new SitrepError("RECORD_NOT_FOUND", `no document has the id "${id}"`, { input: id });
    const { document } = stored;
    const evidence = await store.documentEvidence(id);
    return c.json(
      {
        id: document.id,
        title: document.title,
        publisher: document.publisher,
        url: document.url,
        published_date: document.publishedDate,
        language: document.language,
        format: document.format,
        origin: document.origin,
        ingested_at: stored.ingestedAt,
        reference_date: stored.referenceDate,
        text: document.text,
        evidence: evidence.map((span) => ({
          owner_kind: span.ownerKind,
          owner_id: span.ownerId,
          start: span.start,
          end: span.end,
          text: span.text,
        })),
        event_ids: await store.documentEventIds(id),
      },
      200,
    );
  });
}
