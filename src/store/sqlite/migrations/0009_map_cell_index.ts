// The map's regions (events without coordinates: event_cells rows whose cell is NULL) and a
// viewport's fine cells, read through an index on the cell instead of a scan of every row of
// event_cells (0007): the regions of a filter cost a scan of the whole summary (17 ms for 60,000
// rows on the 1,000,000-event bench database) although most filters have few or none.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("event_cells_cell_index").ifNotExists().on("event_cells").columns(["cell_x", "cell_y"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("event_cells_cell_index").ifExists().execute();
}
