// The tables every dialect shares. A migration is history: never edit it once released; add the
// next number instead. The value lists in the CHECK constraints are copied from
// src/domain/taxonomy.ts and records.ts as they stood, not imported, for the same reason.
import { sql, type Kysely } from "kysely";

function oneOf(column: string, values: readonly string[]) {
  return sql`${sql.ref(column)} in (${sql.join(values.map((value) => sql.lit(value)))})`;
}

const EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots", "Strategic developments"];
const EVENT_STATUSES = ["occurred", "attempted", "foiled", "claimed", "alleged"];
const DATE_PRECISIONS = ["day", "month", "year"];
const GEO_PRECISIONS = ["point", "town", "district", "region", "country"];
const DOCUMENT_FORMATS = ["text", "markdown", "html", "pdf"];
const REFERENCE_DATE_SOURCES = ["published", "dateline", "inferred", "none"];
const FIGURE_MEASURES = ["attacks", "claimed_attacks", "foiled_plots", "arrests", "fatalities", "fighters", "territory_share", "other"];
const FIGURE_QUALIFIERS = ["exact", "at_least", "at_most", "about", "projected"];
const MENTION_TYPES = ["armed_group", "state_force", "person", "organization", "place", "country", "date", "number"];
const ACTOR_KINDS = ["armed_group", "state_force", "person", "organization"];
const EVIDENCE_OWNER_KINDS = ["event", "figure", "statement"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("content_hash", "text", (column) => column.notNull().unique())
    .addColumn("title", "text")
    .addColumn("publisher", "text")
    .addColumn("url", "text")
    .addColumn("published_date", "text")
    .addColumn("language", "text", (column) => column.notNull())
    .addColumn("format", "text", (column) => column.notNull())
    .addColumn("origin", "text", (column) => column.notNull())
    .addColumn("text", "text", (column) => column.notNull())
    .addColumn("ingested_at", "text", (column) => column.notNull())
    .addColumn("reference_date", "text")
    .addColumn("reference_date_source", "text", (column) => column.notNull())
    .addCheckConstraint("documents_format_check", oneOf("format", DOCUMENT_FORMATS))
    .addCheckConstraint("documents_reference_date_source_check", oneOf("reference_date_source", REFERENCE_DATE_SOURCES))
    .execute();

  await db.schema
    .createTable("events")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
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
    .addCheckConstraint("events_event_type_check", oneOf("event_type", EVENT_TYPES))
    .addCheckConstraint("events_status_check", oneOf("status", EVENT_STATUSES))
    .addCheckConstraint("events_date_precision_check", oneOf("date_precision", DATE_PRECISIONS))
    .addCheckConstraint("events_geo_precision_check", oneOf("geo_precision", GEO_PRECISIONS))
    .addCheckConstraint("events_latitude_check", sql`latitude between -90 and 90`)
    .addCheckConstraint("events_longitude_check", sql`longitude between -180 and 180`)
    .addCheckConstraint("events_fatalities_check", sql`fatalities >= 0`)
    .execute();
  for (const column of ["event_date", "country", "perpetrator_group", "event_type", "actor1", "actor2", "document_id"]) {
    await db.schema.createIndex(`events_${column}_index`).on("events").column(column).execute();
  }

  await db.schema
    .createTable("event_documents")
    .addColumn("event_id", "text", (column) => column.notNull().references("events.id"))
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addPrimaryKeyConstraint("event_documents_primary_key", ["event_id", "document_id"])
    .execute();
  await db.schema.createIndex("event_documents_document_id_index").on("event_documents").column("document_id").execute();

  await db.schema
    .createTable("event_sources")
    .addColumn("event_id", "text", (column) => column.notNull())
    .addColumn("document_id", "text", (column) => column.notNull())
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("attribution", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("event_sources_primary_key", ["event_id", "document_id", "position"])
    .addForeignKeyConstraint("event_sources_event_document_foreign_key", ["event_id", "document_id"], "event_documents", [
      "event_id",
      "document_id",
    ])
    .execute();
  await db.schema.createIndex("event_sources_document_id_index").on("event_sources").column("document_id").execute();

  await db.schema
    .createTable("evidence")
    .addColumn("owner_kind", "text", (column) => column.notNull())
    .addColumn("owner_id", "text", (column) => column.notNull())
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addColumn("start_offset", "integer", (column) => column.notNull())
    .addColumn("end_offset", "integer", (column) => column.notNull())
    .addColumn("position", "integer", (column) => column.notNull())
    .addColumn("text", "text", (column) => column.notNull())
    .addPrimaryKeyConstraint("evidence_primary_key", ["owner_kind", "owner_id", "document_id", "start_offset", "end_offset"])
    .addCheckConstraint("evidence_owner_kind_check", oneOf("owner_kind", EVIDENCE_OWNER_KINDS))
    .addCheckConstraint("evidence_span_check", sql`start_offset >= 0 and end_offset >= start_offset`)
    .execute();
  await db.schema.createIndex("evidence_document_id_index").on("evidence").column("document_id").execute();

  await db.schema
    .createTable("figures")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addColumn("measure", "text", (column) => column.notNull())
    .addColumn("group_name", "text")
    .addColumn("country", "text")
    .addColumn("period_start", "text")
    .addColumn("period_end", "text")
    .addColumn("value", "double precision", (column) => column.notNull())
    .addColumn("qualifier", "text", (column) => column.notNull())
    .addColumn("source", "text")
    .addColumn("derived", "integer", (column) => column.notNull())
    .addColumn("unit", "text")
    .addCheckConstraint("figures_measure_check", oneOf("measure", FIGURE_MEASURES))
    .addCheckConstraint("figures_qualifier_check", oneOf("qualifier", FIGURE_QUALIFIERS))
    .addCheckConstraint("figures_derived_check", sql`derived in (0, 1)`)
    .execute();
  for (const column of ["group_name", "country", "measure", "document_id"]) {
    await db.schema.createIndex(`figures_${column}_index`).on("figures").column(column).execute();
  }

  await db.schema
    .createTable("statements")
    .addColumn("id", "text", (column) => column.primaryKey())
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addColumn("speaker", "text", (column) => column.notNull())
    .addColumn("speaker_role", "text")
    .addColumn("cue", "text", (column) => column.notNull())
    .addColumn("stated_on", "text")
    .execute();
  await db.schema.createIndex("statements_document_id_index").on("statements").column("document_id").execute();

  await db.schema
    .createTable("mentions")
    .addColumn("document_id", "text", (column) => column.notNull().references("documents.id"))
    .addColumn("mention_type", "text", (column) => column.notNull())
    .addColumn("start_offset", "integer", (column) => column.notNull())
    .addColumn("end_offset", "integer", (column) => column.notNull())
    .addColumn("text", "text", (column) => column.notNull())
    .addColumn("canonical", "text")
    .addPrimaryKeyConstraint("mentions_primary_key", ["document_id", "start_offset", "end_offset", "mention_type"])
    .addCheckConstraint("mentions_mention_type_check", oneOf("mention_type", MENTION_TYPES))
    .addCheckConstraint("mentions_span_check", sql`start_offset >= 0 and end_offset >= start_offset`)
    .execute();
  await db.schema.createIndex("mentions_canonical_index").on("mentions").column("canonical").execute();

  await db.schema
    .createTable("actors")
    .addColumn("canonical_name", "text", (column) => column.primaryKey())
    .addColumn("actor_kind", "text", (column) => column.notNull())
    .addColumn("country", "text")
    .addColumn("role", "text")
    .addCheckConstraint("actors_actor_kind_check", oneOf("actor_kind", ACTOR_KINDS))
    .execute();

  await db.schema
    .createTable("actor_aliases")
    .addColumn("alias_key", "text", (column) => column.notNull())
    .addColumn("alias", "text", (column) => column.notNull())
    .addColumn("canonical_name", "text", (column) => column.notNull().references("actors.canonical_name"))
    .addPrimaryKeyConstraint("actor_aliases_primary_key", ["alias_key", "canonical_name"])
    .execute();
  await db.schema.createIndex("actor_aliases_canonical_name_index").on("actor_aliases").column("canonical_name").execute();

  await db.schema
    .createTable("places")
    .addColumn("name", "text", (column) => column.notNull())
    .addColumn("country", "text", (column) => column.notNull())
    .addColumn("admin1", "text")
    .addColumn("latitude", "double precision")
    .addColumn("longitude", "double precision")
    .addColumn("geo_precision", "text", (column) => column.notNull())
    .addColumn("geonameid", "integer")
    .addCheckConstraint("places_geo_precision_check", oneOf("geo_precision", GEO_PRECISIONS))
    .execute();
  // A NULL admin1 would make every row distinct under a plain UNIQUE (NULLs never compare
  // equal, in SQLite and in PostgreSQL before 15), so the key folds it to ''.
  await db.schema
    .createIndex("places_key")
    .on("places")
    .unique()
    .expression(sql`name, country, coalesce(admin1, '')`)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "places",
    "actor_aliases",
    "actors",
    "mentions",
    "statements",
    "figures",
    "evidence",
    "event_sources",
    "event_documents",
    "events",
    "documents",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
