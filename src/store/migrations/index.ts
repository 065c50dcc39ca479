// Migrations are registered in code, not discovered on disk, so that they travel with the module
// graph (tsx, a bundle) and their order is visible here. Each number belongs either to this
// folder (every dialect runs it) or to each dialect's own folder (./sqlite/migrations/, later
// ./postgres/migrations/), which then must all provide that number.
import type { Migration, MigrationProvider } from "kysely";
import * as coreTables from "./0001_core_tables.ts";
import * as eventOrigins from "./0003_event_origins.ts";
import * as eventActorIndexes from "./0005_event_actor_indexes.ts";
import * as feeds from "./0005_feeds.ts";
import * as incidents from "./0006_incidents.ts";
import * as eventReview from "./0007_event_review.ts";
import * as eventStatusIndex from "./0008_event_status_index.ts";
import * as redundantEventIndexes from "./0010_redundant_event_indexes.ts";
import * as originDeathEstimates from "./0012_origin_death_estimates.ts";

export const CORE_MIGRATIONS: Readonly<Record<string, Migration>> = {
  "0001_core_tables": coreTables,
  "0003_event_origins": eventOrigins,
  "0005_event_actor_indexes": eventActorIndexes,
  "0005_feeds": feeds,
  "0006_incidents": incidents,
  "0007_event_review": eventReview,
  "0008_event_status_index": eventStatusIndex,
  "0010_redundant_event_indexes": redundantEventIndexes,
  "0012_origin_death_estimates": originDeathEstimates,
};

export class StoreMigrationProvider implements MigrationProvider {
  readonly #migrations: Record<string, Migration>;

  constructor(dialectMigrations: Readonly<Record<string, Migration>>) {
    const clash = Object.keys(dialectMigrations).find((name) => Object.hasOwn(CORE_MIGRATIONS, name));
    if (clash !== undefined) throw new Error(`migration ${clash} is registered twice`);
    this.#migrations = { ...CORE_MIGRATIONS, ...dialectMigrations };
  }

  async getMigrations(): Promise<Record<string, Migration>> {
    return this.#migrations;
  }
}
