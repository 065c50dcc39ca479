// One incident, many reports (docs/ARCHITECTURE.md, ADR-14). `events` keeps one row per incident,
// so every reader (listings, the monthly rollup, analysis, exports) counts incidents; what each
// report said is kept beside it, so that a merge can be explained and undone:
// - event_parts: each extracted event as its report gave it (its own id for life, its fields),
//   and the incident (events.id) it belongs to now. A part's links (event_documents,
//   event_sources, evidence) are those of its document under the incident's id.
// - event_separations: pairs of parts a user said are different incidents (`sitrep unmerge`),
//   honoured by every later merge.
// - event_assertions: what a report asserts about the part's incident (claimed, attributed,
//   confirmed, disputed, unclaimed), in the report's order; that the report reported it is the
//   part itself.
// - source_grades: a user's Admiralty grade for a source, by folded name; without a row the
//   default of the source's kind applies.
// Existing events made by extraction get one part each (imports are the dataset's own records
// and are not merged); they merge when a later ingest touches their day.
import { sql, type Kysely } from "kysely";

const EVENT_COLUMNS = [
  "event_type",
  "sub_event_type",
  "event_date",
  "date_precision",
  "country",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "actor1",
  "actor2",
  "perpetrator_group",
  "fatalities",
  "status",
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("event_parts")
    .addColumn("part_id", "text", (column) => column.primaryKey())
    .addColumn("incident_id", "text", (column) => column.notNull().references("events.id"))
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addColumn("reported_on", "text")
    .addColumn("claimant_account", "integer", (column) => column.notNull().defaultTo(0))
    .addColumn("event_type", "text", (column) => column.notNull())
    .addColumn("sub_event_type", "text")
    .addColumn("event_date", "text")
    .addColumn("date_precision", "text")
    .addColumn("country", "text")
    .addColumn("admin1", "text")
    .addColumn("location", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("geo_precision", "text")
    .addColumn("actor1", "text")
    .addColumn("actor2", "text")
    .addColumn("perpetrator_group", "text")
    .addColumn("fatalities", "integer")
    .addColumn("status", "text", (column) => column.notNull())
    .execute();
  await db.schema.createIndex("event_parts_incident_id_index").on("event_parts").column("incident_id").execute();
  // Parts can match only within one day, type and country: the block a new report re-clusters.
  await db.schema.createIndex("event_parts_block_index").on("event_parts").columns(["event_date", "event_type", "country"]).execute();

  await db.schema
    .createTable("event_separations")
    .addColumn("part_id", "text", (column) => column.notNull().references("event_parts.part_id"))
    .addColumn("other_part_id", "text", (column) => column.notNull().references("event_parts.part_id"))
    .addColumn("decided_at", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("event_separations_primary_key", ["part_id", "other_part_id"])
    .addCheckConstraint("event_separations_order_check", sql`part_id < other_part_id`)
    .execute();
  await db.schema.createIndex("event_separations_other_part_id_index").on("event_separations").column("other_part_id").execute();

  await db.schema
    .createTable("event_assertions")
    .addColumn("part_id", "text", (column) => column.notNull().references("event_parts.part_id"))
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("assertion_kind", "text", (column) => column.notNull())
    .addColumn("asserted_by", "text")
    .addColumn("group_name", "text")
    .addColumn("channel", "text")
    .addColumn("asserted_on", "text")
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addColumn("evidence_start", "integer")
    .addColumn("evidence_end", "integer")
    .addColumn("evidence_text", "text")
    .addPrimaryKeyConstraint("event_assertions_primary_key", ["part_id", "position"])
    .addCheckConstraint(
      "event_assertions_kind_check",
      sql`assertion_kind in ('reported', 'claimed', 'attributed', 'confirmed', 'disputed', 'unclaimed')`,
    )
    .execute();

  await db.schema
    .createTable("source_grades")
    .addColumn("source_key", "text", (column) => column.primaryKey())
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("grade", "text", (column) => column.notNull())
    .addCheckConstraint("source_grades_grade_check", sql`grade in ('A', 'B', 'C', 'D', 'E', 'F')`)
    .execute();

  const columns = sql.raw(EVENT_COLUMNS.join(", "));
  const selected = sql.raw(EVENT_COLUMNS.map((column) => `events.${column}`).join(", "));
  await sql`insert into event_parts (part_id, incident_id, document_id, reported_on, claimant_account, ${columns})
    select events.id, events.id, events.document_id, coalesce(documents.published_date, documents.reference_date), 0, ${selected}
    from events join documents on documents.id = events.document_id
    where events.id not in (select event_id from event_origins)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["source_grades", "event_assertions", "event_separations", "event_parts"]) {
    await db.schema.dropTable(table).execute();
  }
}
