// /api/events: the filtered list (keyset pages), one event with its sources and history, and the
// review actions. The map and timeline aggregates share the same filter (./routes-analysis.ts).
import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "@hono/zod-openapi";
import { eventToWire } from "../domain/wire.ts";
import type { Extractor } from "../extract/extractor.ts";
import { decideEvent, editEvent, editToWire, eventDetailToWire, eventFilter, reviewToWire, showEvent } from "../records/service.ts";
import type { Event } from "../domain/records.ts";
import type { Store } from "../store/store.ts";
import { decodeEventCursor, encodeEventCursor } from "./cursor.ts";
import * as schemas from "./schemas.ts";

export interface RouteContext {
  readonly store: Store;
  readonly extractor: Extractor;
  readonly maxBodyBytes: number;
}

export const problemResponses = {
  400: { description: "invalid parameters (code REQUEST_INVALID)", content: { "application/problem+json": { schema: schemas.Problem } } },
};

export const notFoundResponse = {
  404: {
    description: "no record has that id (code RECORD_NOT_FOUND)",
    content: { "application/problem+json": { schema: schemas.Problem } },
  },
};

export const tooLargeResponse = {
  413: {
    description: "the body is larger than the limit (code INPUT_TOO_LARGE)",
    content: { "application/problem+json": { schema: schemas.Problem } },
  },
};

/** The events with their review state, in the wire vocabulary. */
export async function eventsToWire(store: Store, events: readonly Event[]): Promise<z.infer<typeof schemas.Event>[]> {
  const reviews = await store.eventReviews(events.map((event) => event.id));
  return events.map((event) => ({ ...eventToWire(event), review: reviewToWire(reviews.get(event.id)) }));
}

const listEvents = createRoute({
  method: "get",
  path: "/api/events",
  tags: ["events"],
  summary: "Events matching the filters, a page at a time",
  description:
    "Rejected events are left out unless `review` asks for them. Pages follow `next_cursor`; the order is stable (sort value, then id), so walking every page returns each event exactly once.",
  request: { query: schemas.EventListQuery },
  responses: {
    200: { description: "a page of events", content: { "application/json": { schema: schemas.EventPage } } },
    ...problemResponses,
  },
});

const getEvent = createRoute({
  method: "get",
  path: "/api/events/{id}",
  tags: ["events"],
  summary: "One event: fields, sources, evidence, review and edit history",
  request: { params: schemas.IdParam },
  responses: {
    200: { description: "the event", content: { "application/json": { schema: schemas.EventDetail } } },
    ...notFoundResponse,
  },
});

const reviewBody = { content: { "application/json": { schema: schemas.ReviewBody } }, required: false } as const;

const acceptEvent = createRoute({
  method: "post",
  path: "/api/events/{id}/accept",
  tags: ["review"],
  summary: "Accept an extracted event as correct",
  request: { params: schemas.IdParam, body: reviewBody },
  responses: {
    200: { description: "the review recorded", content: { "application/json": { schema: schemas.ReviewResult } } },
    ...problemResponses,
    ...notFoundResponse,
    ...tooLargeResponse,
  },
});

const rejectEvent = createRoute({
  method: "post",
  path: "/api/events/{id}/reject",
  tags: ["review"],
  summary: "Reject an extracted event: it leaves analysis and default listings, and stays visible with review=rejected",
  request: { params: schemas.IdParam, body: reviewBody },
  responses: {
    200: { description: "the review recorded", content: { "application/json": { schema: schemas.ReviewResult } } },
    ...problemResponses,
    ...notFoundResponse,
    ...tooLargeResponse,
  },
});

const patchEvent = createRoute({
  method: "patch",
  path: "/api/events/{id}",
  tags: ["review"],
  summary: "Correct an event's fields; each change is recorded with who and when",
  request: { params: schemas.IdParam, body: { content: { "application/json": { schema: schemas.EditBody } }, required: true } },
  responses: {
    200: { description: "the edit recorded", content: { "application/json": { schema: schemas.ReviewResult } } },
    ...problemResponses,
    ...notFoundResponse,
    ...tooLargeResponse,
  },
});

/** Accept and reject need no body: without a JSON one, the decision is the default reviewer's. */
const DEFAULT_REVIEW: z.infer<typeof schemas.ReviewBody> = { reviewer: "analyst", note: null };

export function registerEventRoutes(app: OpenAPIHono, { store }: RouteContext): void {
  app.openapi(listEvents, async (c) => {
    const query = c.req.valid("query");
    const filter = eventFilter(query);
    const after = query.cursor === undefined ? undefined : decodeEventCursor(query.cursor, query.sort);
    const page = await store.pageEvents(filter, { sort: query.sort, limit: query.limit, after });
    return c.json(
      {
        events: await eventsToWire(store, page.events),
        next_cursor: page.next === null ? null : encodeEventCursor(query.sort, page.next),
      },
      200,
    );
  });

  app.openapi(getEvent, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(eventDetailToWire(await showEvent(store, id)), 200);
  });

  for (const [route, status] of [
    [acceptEvent, "accepted"],
    [rejectEvent, "rejected"],
  ] as const) {
    app.openapi(route, async (c) => {
      const { id } = c.req.valid("param");
      // Media types are case-insensitive (RFC 9110 §8.3.1): "APPLICATION/JSON" is JSON too.
      const body = c.req.header("content-type")?.toLowerCase().includes("application/json") ? c.req.valid("json") : DEFAULT_REVIEW;
      const review = await decideEvent(store, id, status, { reviewer: body.reviewer, note: body.note ?? null });
      return c.json({ event_id: id, review: reviewToWire(review), edit: null }, 200);
    });
  }

  app.openapi(patchEvent, async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const result = await editEvent(store, id, body.changes, { reviewer: body.reviewer, note: body.note ?? null });
    return c.json({ event_id: id, review: reviewToWire(result.review), edit: result.edit === null ? null : editToWire(result.edit) }, 200);
  });
}
