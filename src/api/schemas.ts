// The API's shapes, once: the zod schemas below validate requests and, through
// @hono/zod-openapi, are the OpenAPI 3.1 document served at /openapi.json. Field names are the
// wire vocabulary (src/domain/wire.ts, GOLD-FORMAT.md).
import { z } from "@hono/zod-openapi";
import { EVENT_STATUSES, EVENT_TYPES, FIGURE_MEASURES } from "../domain/taxonomy.ts";
import { isPartialDate } from "../store/dates.ts";
import { EVENT_SORTS } from "../store/event-pages.ts";

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** YYYY, YYYY-MM or YYYY-MM-DD, a day the calendar has. */
const partialDate = () =>
  z.string().regex(PARTIAL_DATE, "must be YYYY, YYYY-MM or YYYY-MM-DD").refine(isPartialDate, "must name a day that exists");

const date = (description: string) => partialDate().optional().openapi({ description, example: "2024-06" });

const country = z
  .string()
  .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
  .optional()
  .openapi({ description: "ISO 3166-1 alpha-2 country code, either case", example: "IQ" });

const group = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .openapi({ description: "armed group by any name or alias (IS, ISIS, Daesh...)", example: "ISIS" });

export const EventFilterQuery = z.object({
  group,
  country,
  admin1: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: "first-level administrative division, as stored", example: "Nineveh" }),
  type: z
    .enum(EVENT_TYPES as [string, ...string[]])
    .optional()
    .openapi({ description: "ACLED event type" }),
  status: z.enum(EVENT_STATUSES).optional().openapi({ description: "status of the event as reported" }),
  since: date("events on or after this date (partial dates overlap: 2024-06 keeps any day of June)"),
  until: date("events on or before this date, inclusive"),
  bbox: z
    .string()
    .optional()
    .openapi({ description: "west,south,east,north in degrees; only events with coordinates inside", example: "38,32,45,37.5" }),
  text: z.string().min(1).max(500).optional().openapi({ description: "full-text search over the reports of the event; words are ANDed" }),
  review: z.string().optional().openapi({
    description: 'review states kept: "all" or a comma list of unreviewed, accepted, edited, rejected (default: all but rejected)',
    example: "rejected",
  }),
});

const limit = (fallback: number, max: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(max)
    .default(fallback)
    .openapi({ description: `page size, 1-${max}`, example: fallback });

export const EventListQuery = EventFilterQuery.extend({
  sort: z.enum(EVENT_SORTS).default("-date").openapi({ description: "date or fatalities; a leading - sorts descending; ties by id" }),
  limit: limit(50, 500),
  cursor: z.string().max(2000).optional().openapi({ description: "the `next_cursor` of the previous page (opaque)" }),
});

export const MapQuery = EventFilterQuery.extend({
  zoom: z.coerce
    .number()
    .int()
    .min(0)
    .max(18)
    .default(5)
    .openapi({ description: "web map zoom level: cells are 1/8 of a 256-px tile wide" }),
});

export const TimelineQuery = EventFilterQuery.extend({
  interval: z.enum(["week", "month"]).default("month").openapi({ description: "ISO 8601 weeks or calendar months" }),
});

export const FigureQuery = z.object({
  group,
  country,
  measure: z.enum(FIGURE_MEASURES).optional(),
  since: date("figures whose period ends on or after this date"),
  until: date("figures whose period starts on or before this date"),
  limit: limit(100, 1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const PlaceQuery = z.object({
  name: z.string().min(1).max(200).optional().openapi({ description: "a place name, case and diacritics ignored" }),
  country,
  limit: limit(100, 1000),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ActorQuery = z.object({
  name: z.string().min(1).max(200).optional().openapi({ description: "one actor by canonical name or alias" }),
});

export const SeriesQuery = z.object({
  group,
  by: z.string().default("month").openapi({
    description: "an interval (week, month, year) and dimensions (group, country, admin1, type, status)",
    example: "month,country",
  }),
  region: z.string().optional().openapi({ description: "comma-separated country names or ISO codes", example: "SY,IQ" }),
  since: date("from this date"),
  until: date("up to this date, inclusive"),
  of: z.enum(["events", "figures"]).default("events"),
});

export const BriefQuery = z.object({
  group: z.string().min(1).max(200).openapi({ description: "armed group (any alias)", example: "ISIS" }),
  region: z
    .string()
    .optional()
    .openapi({ description: "comma-separated country names or ISO codes (default: every country in the group's records)" }),
  as_of: date("write the brief as of this date (default: the latest date in the data)"),
  pivot: z.string().max(100).optional().openapi({ description: "compare before and after this date, or the date of this event id" }),
  format: z.enum(["md", "html"]).default("md"),
});

export const DocumentListQuery = z.object({
  limit: limit(50, 500),
  cursor: z.string().max(2000).optional(),
});

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "id", in: "path" }, example: "ev_0123456789abcdef" }),
});

export const Problem = z
  .object({
    type: z.string().openapi({ example: "urn:sitrep:error:record_not_found" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: "stable error code (docs/API.md)", example: "RECORD_NOT_FOUND" }),
    instance: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const Evidence = z
  .object({ document_id: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() })
  .openapi("Evidence");

export const Review = z
  .object({
    status: z.enum(["unreviewed", "accepted", "edited", "rejected"]),
    reviewer: z.string().nullable(),
    reviewed_at: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi("Review");

const Value = z.union([z.string(), z.number(), z.null()]);

export const Edit = z
  .object({
    revision: z.number().int(),
    editor: z.string(),
    edited_at: z.string(),
    note: z.string().nullable(),
    changes: z.array(z.object({ field: z.string(), from: Value, to: Value })),
  })
  .openapi("Edit");

export const Event = z
  .object({
    id: z.string(),
    document_id: z.string(),
    event_type: z.string(),
    sub_event_type: z.string().nullable(),
    date: z.string().nullable(),
    date_precision: z.string().nullable(),
    country: z.string().nullable(),
    admin1: z.string().nullable(),
    location: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    geo_precision: z.string().nullable(),
    actor1: z.string().nullable(),
    actor2: z.string().nullable(),
    perpetrator_group: z.string().nullable(),
    fatalities: z.number().int().nullable(),
    status: z.string(),
    sources: z.array(z.string()),
    evidence: z.array(Evidence),
    review: Review,
  })
  .openapi("Event");

const DocumentReference = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    published_date: z.string().nullable(),
    origin: z.string(),
  })
  .openapi("DocumentReference");

export const EventDetail = Event.extend({
  documents: z.array(DocumentReference),
  edits: z.array(Edit),
  origins: z.array(
    z.object({
      dataset: z.string(),
      external_id: z.string(),
      original_type: z.string().nullable(),
      fatalities_low: z.number().int().nullable(),
      fatalities_high: z.number().int().nullable(),
    }),
  ),
}).openapi("EventDetail");

export const EventPage = z
  .object({
    events: z.array(Event),
    next_cursor: z.string().nullable().openapi({ description: "pass as `cursor` for the next page; null at the end" }),
  })
  .openapi("EventPage");

export const ReviewBody = z
  .object({
    reviewer: z.string().min(1).max(200).default("analyst").openapi({ description: "who decided", example: "j.doe" }),
    note: z.string().max(2000).nullable().optional(),
  })
  .openapi("ReviewBody");

const nullableText = z.string().max(500).nullable().optional();

export const EditBody = ReviewBody.extend({
  changes: z
    .object({
      event_type: z.enum(EVENT_TYPES as [string, ...string[]]).optional(),
      sub_event_type: nullableText,
      date: partialDate().nullable().optional(),
      country: z
        .string()
        .regex(/^[A-Za-z]{2}$/, "must be an ISO 3166-1 alpha-2 code")
        .nullable()
        .optional(),
      admin1: nullableText,
      location: nullableText,
      lat: z.number().min(-90).max(90).nullable().optional(),
      lon: z.number().min(-180).max(180).nullable().optional(),
      geo_precision: z.enum(["point", "town", "district", "region", "country"]).nullable().optional(),
      actor1: nullableText,
      actor2: nullableText,
      perpetrator_group: nullableText,
      fatalities: z.number().int().min(0).nullable().optional(),
      status: z.enum(EVENT_STATUSES).optional(),
    })
    .strict()
    .refine((changes) => Object.keys(changes).length > 0, "must change at least one field"),
}).openapi("EditBody");

export const ReviewResult = z.object({ event_id: z.string(), review: Review, edit: Edit.nullable() }).openapi("ReviewResult");

export const Figure = z
  .object({
    id: z.string(),
    document_id: z.string(),
    measure: z.string(),
    group: z.string().nullable(),
    country: z.string().nullable(),
    period_start: z.string().nullable(),
    period_end: z.string().nullable(),
    value: z.number(),
    qualifier: z.string(),
    source: z.string().nullable(),
    derived: z.boolean(),
    unit: z.string().nullable(),
    evidence: z.array(Evidence),
  })
  .openapi("Figure");

export const Actor = z
  .object({ name: z.string(), kind: z.string(), country: z.string().nullable(), role: z.string().nullable(), aliases: z.array(z.string()) })
  .openapi("Actor");

export const Place = z
  .object({
    name: z.string(),
    country: z.string(),
    admin1: z.string().nullable(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    geo_precision: z.string(),
    geonameid: z.number().int().nullable(),
  })
  .openapi("Place");

export const DocumentSummary = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    published_date: z.string().nullable(),
    language: z.string(),
    format: z.string(),
    origin: z.string(),
    ingested_at: z.string(),
    events: z.number().int(),
  })
  .openapi("DocumentSummary");

export const DocumentPage = z.object({ documents: z.array(DocumentSummary), next_cursor: z.string().nullable() }).openapi("DocumentPage");

export const DocumentDetail = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    publisher: z.string().nullable(),
    url: z.string().nullable(),
    published_date: z.string().nullable(),
    language: z.string(),
    format: z.string(),
    origin: z.string(),
    ingested_at: z.string(),
    reference_date: z.string().nullable(),
    text: z.string(),
    evidence: z.array(
      z.object({
        owner_kind: z.enum(["event", "figure", "statement"]),
        owner_id: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        text: z.string(),
      }),
    ),
    event_ids: z.array(z.string()),
  })
  .openapi("DocumentDetail");

export const TextBody = z
  .object({
    text: z.string().min(1).openapi({ description: "the report's plain text" }),
    title: z.string().max(500).optional(),
    url: z.string().url().max(2000).optional(),
    published_date: partialDate().optional(),
  })
  .openapi("TextBody");

export const IngestResult = z
  .object({
    status: z.enum(["ingested", "unchanged"]),
    document_id: z.string(),
    title: z.string().nullable(),
    events: z.number().int(),
    figures: z.number().int(),
  })
  .openapi("IngestResult");

const TypeCounts = z.record(z.string(), z.number().int());

export const MapResult = z
  .object({
    zoom: z.number().int(),
    cell_degrees: z.number(),
    cells: z.array(
      z.object({
        lat: z.number(),
        lon: z.number(),
        events: z.number().int(),
        fatalities: z.number().int(),
        by_type: TypeCounts,
        approximate: z.number().int().openapi({ description: "events whose coordinates stand for a region or country, not a place" }),
        event_id: z.string().nullable().openapi({ description: "the event, when the cell holds exactly one" }),
      }),
    ),
    regions: z.array(
      z.object({
        country: z.string().nullable(),
        admin1: z.string().nullable(),
        events: z.number().int(),
        fatalities: z.number().int(),
        by_type: TypeCounts,
        approximate: z.literal(true),
      }),
    ),
  })
  .openapi("MapResult");

export const TimelineResult = z
  .object({
    interval: z.enum(["week", "month"]),
    periods: z.array(z.string()),
    types: z.array(z.string()),
    rows: z.array(z.object({ period: z.string(), type: z.string(), events: z.number().int(), fatalities: z.number().int() })),
    undated: z.number().int().openapi({ description: "events whose date is coarser than the interval" }),
    total: z.number().int(),
    figures: z.array(
      z.object({ period: z.string(), measure: z.string(), qualifier: z.string(), value: z.number(), figure_ids: z.array(z.string()) }),
    ),
  })
  .openapi("TimelineResult");
