// A dataset's own low and high estimates of an event's deaths, kept with its origin: UCDP GED
// gives low, best and high for every event; best becomes the event's fatalities, and low and high
// its range (the assessment's fatalities_low and fatalities_high, as for an event several reports
// give different tolls for). Null for datasets that give one count.
import type { Kysely } from "kysely";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("event_origins").addColumn("fatalities_low", "integer").execute();
  await db.schema.alterTable("event_origins").addColumn("fatalities_high", "integer").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("event_origins").dropColumn("fatalities_high").execute();
  await db.schema.alterTable("event_origins").dropColumn("fatalities_low").execute();
}
