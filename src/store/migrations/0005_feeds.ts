// Feeds a user follows (`sitrep feeds add`), with what polling them needs to remember: the
// validators of the last answer (ETag, Last-Modified: RFC 9110 §8.8) for conditional requests,
// the cursor (the ids of the items already stored, a JSON array), and the state of failures
// (how many in a row, the last code and message, and when the next attempt may be made).
// Plain columns in every dialect: the cursor is JSON text, timestamps ISO 8601 UTC text.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("feeds")
    .addColumn("url", "text", (column) => column.primaryKey())
    .addColumn("name", "text")
    .addColumn("added_at", "text", (column) => column.notNull())
    .addColumn("etag", "text")
    .addColumn("last_modified", "text")
    .addColumn("cursor", "text", (column) => column.notNull().defaultTo("[]"))
    .addColumn("last_polled_at", "text")
    .addColumn("last_status", "text")
    .addColumn("last_error_code", "text")
    .addColumn("last_error", "text")
    .addColumn("failures", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "text")
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("feeds").execute();
}
