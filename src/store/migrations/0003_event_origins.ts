// Where an imported event came from: the dataset (ACLED, UCDP GED, GTD, GDELT, a STIX bundle)
// and the id that dataset gave it (ACLED's event_id_cnty, GED's id, GTD's eventid, GDELT's
// GLOBALEVENTID, a STIX incident's id). The key is the dataset's own identity, so a re-import of
// the same file finds every row already there. An event may have several origins: sitrep's own
// export read back as ACLED CSV and as STIX keeps the event's id under both. original_type keeps
// the dataset's own classification where sitrep's ACLED type is a mapping of it (a GDELT CAMEO
// code, a GTD attack type, a UCDP type of violence), so nothing the dataset said is lost.
// Values copied from src/domain/taxonomy.ts as they stood (see 0001_core_tables.ts).
import { sql, type Kysely } from "kysely";

const IMPORT_DATASETS = ["acled", "ucdp", "gtd", "gdelt", "stix"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("event_origins")
    .addColumn("dataset", "text", (column) => column.notNull())
    .addColumn("external_id", "text", (column) => column.notNull())
    .addColumn("event_id", "text", (column) => column.notNull().references("events.id"))
    .addColumn("original_type", "text")
    .addPrimaryKeyConstraint("event_origins_primary_key", ["dataset", "external_id"])
    .addCheckConstraint("event_origins_dataset_check", sql`dataset in (${sql.join(IMPORT_DATASETS.map((value) => sql.lit(value)))})`)
    .execute();
  await db.schema.createIndex("event_origins_event_id_index").on("event_origins").column("event_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("event_origins").execute();
}
