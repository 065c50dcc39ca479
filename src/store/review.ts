// The store side of reviewing extracted events (migrations/0007_event_review.ts): the latest
// decision per event, the history of edits, and the one SQL condition every listing and count
// uses to leave rejected events out. KyselyStore (./store.ts) delegates to these functions.
import { sql, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Event } from "../domain/records.ts";
import { SitrepError } from "../domain/errors.ts";
import type { EventCount } from "./store.ts";
import type { Database, EventRow } from "./schema.ts";

export const REVIEW_STATUSES = ["accepted", "edited", "rejected"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A review status, or "unreviewed" for an event nobody has decided on. */
export const REVIEW_STATES = ["unreviewed", ...REVIEW_STATUSES] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/** What listings, counts and analysis read when no review filter is given: all but rejected. */
export const DEFAULT_REVIEW_STATES: readonly ReviewState[] = ["unreviewed", "accepted", "edited"];

export interface EventReview {
  readonly eventId: string;
  readonly status: ReviewStatus;
  readonly reviewer: string;
  /** ISO 8601 UTC timestamp. */
  readonly reviewedAt: string;
  readonly note: string | null;
}

/** The fields an analyst may correct. Identity, document and evidence are the extraction's. */
export const EDITABLE_FIELDS = [
  "eventType",
  "subEventType",
  "eventDate",
  "datePrecision",
  "country",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geoPrecision",
  "actor1",
  "actor2",
  "perpetratorGroup",
  "fatalities",
  "status",
] as const satisfies readonly (keyof Event)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type EventChanges = Partial<Pick<Event, EditableField>>;

const FIELD_COLUMNS = {
  eventType: "event_type",
  subEventType: "sub_event_type",
  eventDate: "event_date",
  datePrecision: "date_precision",
  country: "country",
  admin1: "admin1",
  location: "location",
  latitude: "latitude",
  longitude: "longitude",
  geoPrecision: "geo_precision",
  actor1: "actor1",
  actor2: "actor2",
  perpetratorGroup: "perpetrator_group",
  fatalities: "fatalities",
  status: "status",
} as const satisfies Record<EditableField, keyof EventRow>;

export interface FieldChange {
  readonly field: EditableField;
  readonly from: string | number | null;
  readonly to: string | number | null;
}

export interface EventEdit {
  readonly revision: number;
  readonly editor: string;
  readonly editedAt: string;
  readonly note: string | null;
  readonly changes: readonly FieldChange[];
}

export interface ReviewBy {
  readonly reviewer: string;
  readonly note?: string | null;
}

function isEditableField(value: string): value is EditableField {
  return Object.hasOwn(FIELD_COLUMNS, value);
}

function reviewStatusOf(value: string): ReviewStatus {
  const found = REVIEW_STATUSES.find((status) => status === value);
  if (found === undefined) throw new Error(`unexpected value "${value}" in column event_reviews.review_status`);
  return found;
}

function parseValue(json: string): string | number | null {
  const value: unknown = JSON.parse(json);
  return typeof value === "string" || typeof value === "number" ? value : null;
}

/**
 * The condition keeping events whose review state is in `states`, on the id column given; null
 * when every state is kept. Reviewed events are few (a person decided on each), so the
 * subqueries stay small whatever the number of events.
 */
export function reviewCondition(states: readonly ReviewState[], idColumn: RawBuilder<unknown>): RawBuilder<SqlBool> | null {
  const kept = new Set(states);
  if (REVIEW_STATES.every((state) => kept.has(state))) return null;
  const excluded = REVIEW_STATUSES.filter((status) => !kept.has(status));
  const included = REVIEW_STATUSES.filter((status) => kept.has(status));
  const list = (statuses: readonly ReviewStatus[]) => sql.join(statuses.map((status) => sql.lit(status)));
  if (kept.has("unreviewed")) {
    return sql<SqlBool>`${idColumn} not in (select event_id from event_reviews where review_status in (${list(excluded)}))`;
  }
  if (included.length === 0) return sql<SqlBool>`${idColumn} not in (select event_id from event_reviews)`;
  return sql<SqlBool>`${idColumn} in (select event_id from event_reviews where review_status in (${list(included)}))`;
}

/** The reviewed states `states` leaves out, when it keeps unreviewed events (the rollup's case). */
export function excludedStatuses(states: readonly ReviewState[]): ReviewStatus[] {
  return REVIEW_STATUSES.filter((status) => !states.includes(status));
}

/** Counts less the counts of the same periods and keys in `minus` (events the rollup holds but the filter leaves out). */
export function subtractCounts(counts: readonly EventCount[], minus: readonly EventCount[]): EventCount[] {
  if (minus.length === 0) return [...counts];
  const key = (count: EventCount): string => JSON.stringify([count.period, ...count.keys]);
  const removed = new Map(minus.map((count) => [key(count), count]));
  return counts.flatMap((count) => {
    const less = removed.get(key(count));
    if (less === undefined) return [count];
    const events = count.events - less.events;
    return events > 0 ? [{ ...count, events, fatalities: count.fatalities - less.fatalities }] : [];
  });
}

export async function hasReviewedStatus(db: Kysely<Database>, statuses: readonly ReviewStatus[]): Promise<boolean> {
  if (statuses.length === 0) return false;
  const row = await db.selectFrom("event_reviews").select("event_id").where("review_status", "in", statuses).executeTakeFirst();
  return row !== undefined;
}

async function writeReview(
  db: Kysely<Database>,
  eventId: string,
  status: ReviewStatus,
  by: ReviewBy,
  reviewedAt: string,
): Promise<EventReview> {
  const row = { event_id: eventId, review_status: status, reviewer: by.reviewer, reviewed_at: reviewedAt, note: by.note ?? null };
  await db
    .insertInto("event_reviews")
    .values(row)
    .onConflict((conflict) =>
      conflict.column("event_id").doUpdateSet({ review_status: status, reviewer: row.reviewer, reviewed_at: reviewedAt, note: row.note }),
    )
    .execute();
  return { eventId, status, reviewer: row.reviewer, reviewedAt, note: row.note };
}

async function eventExists(db: Kysely<Database>, id: string): Promise<boolean> {
  return (await db.selectFrom("events").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

function writeFailed(what: string, error: unknown): SitrepError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SitrepError("STORE_WRITE_FAILED", `could not save ${what}: ${reason}`, { cause: error });
}

/** Accepts or rejects an event; null when no event has that id. */
export async function decideEvent(
  db: Kysely<Database>,
  id: string,
  status: "accepted" | "rejected",
  by: ReviewBy,
  now: Date,
): Promise<EventReview | null> {
  try {
    return await db.transaction().execute(async (transaction) => {
      if (!(await eventExists(transaction, id))) return null;
      return writeReview(transaction, id, status, by, now.toISOString());
    });
  } catch (error) {
    throw writeFailed(`the review of event ${id}`, error);
  }
}

export interface EditResult {
  readonly review: EventReview;
  /** The fields that changed; empty when every value given was the stored one. */
  readonly edit: EventEdit | null;
}

/**
 * Applies `changes` to the stored event and records, in the same transaction, one history row
 * per changed field and the review status "edited". Null when no event has that id. The event
 * keeps its id (ids come from the extraction's content, ADR-9): a later report of the same
 * event links to the corrected record instead of recreating the extracted one.
 */
export async function editEvent(
  db: Kysely<Database>,
  id: string,
  changes: EventChanges,
  by: ReviewBy,
  now: Date,
): Promise<EditResult | null> {
  const editedAt = now.toISOString();
  try {
    return await db.transaction().execute(async (transaction) => {
      const row = await transaction.selectFrom("events").selectAll().where("id", "=", id).executeTakeFirst();
      if (row === undefined) return null;
      const changed: FieldChange[] = [];
      for (const [field, value] of Object.entries(changes)) {
        if (!isEditableField(field) || value === undefined) continue;
        const column = FIELD_COLUMNS[field];
        const from = row[column];
        const to: string | number | null = value;
        if (from === to) continue;
        changed.push({ field, from, to });
      }
      let edit: EventEdit | null = null;
      if (changed.length > 0) {
        const assignments = changed.map((change) => sql`${sql.ref(FIELD_COLUMNS[change.field])} = ${change.to}`);
        await sql`update events set ${sql.join(assignments)} where id = ${id}`.execute(transaction);
        const last = await transaction
          .selectFrom("event_edits")
          .select((select) => select.fn.max("revision").as("revision"))
          .where("event_id", "=", id)
          .executeTakeFirst();
        const revision = Number(last?.revision ?? 0) + 1;
        await transaction
          .insertInto("event_edits")
          .values(
            changed.map((change) => ({
              event_id: id,
              revision,
              field: change.field,
              old_value: JSON.stringify(change.from),
              new_value: JSON.stringify(change.to),
              editor: by.reviewer,
              edited_at: editedAt,
              note: by.note ?? null,
            })),
          )
          .execute();
        edit = { revision, editor: by.reviewer, editedAt, note: by.note ?? null, changes: changed };
      }
      const review = await writeReview(transaction, id, "edited", by, editedAt);
      return { review, edit };
    });
  } catch (error) {
    throw writeFailed(`the edit of event ${id}`, error);
  }
}

export async function eventReviews(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, EventReview>> {
  const reviews = new Map<string, EventReview>();
  for (let index = 0; index < ids.length; index += 200) {
    const rows = await db
      .selectFrom("event_reviews")
      .selectAll()
      .where("event_id", "in", ids.slice(index, index + 200))
      .execute();
    for (const row of rows) {
      reviews.set(row.event_id, {
        eventId: row.event_id,
        status: reviewStatusOf(row.review_status),
        reviewer: row.reviewer,
        reviewedAt: row.reviewed_at,
        note: row.note,
      });
    }
  }
  return reviews;
}

/** Oldest edit first. */
export async function eventEdits(db: Kysely<Database>, id: string): Promise<EventEdit[]> {
  const rows = await db.selectFrom("event_edits").selectAll().where("event_id", "=", id).orderBy("revision").orderBy("field").execute();
  const edits = new Map<number, { revision: number; editor: string; editedAt: string; note: string | null; changes: FieldChange[] }>();
  for (const row of rows) {
    if (!isEditableField(row.field)) continue;
    const edit = edits.get(row.revision) ?? {
      revision: row.revision,
      editor: row.editor,
      editedAt: row.edited_at,
      note: row.note,
      changes: [],
    };
    edit.changes.push({ field: row.field, from: parseValue(row.old_value), to: parseValue(row.new_value) });
    edits.set(row.revision, edit);
  }
  return [...edits.values()];
}
