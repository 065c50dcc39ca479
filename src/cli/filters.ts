// Checks on the record filters every listing command shares (--since, --until, --country), so a
// bad value is a usage error with one message wherever it is typed.
import { SitrepError } from "../domain/errors.ts";
import { boundsOutOfOrder, isPartialDate } from "../store/dates.ts";

export interface RecordFilterOptions {
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly country?: string | undefined;
}

export function checkFilters(options: RecordFilterOptions): void {
  for (const [flag, value] of [
    ["--since", options.since],
    ["--until", options.until],
  ] as const) {
    if (value !== undefined && !isPartialDate(value)) {
      throw new SitrepError("USAGE", `${flag} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
    }
  }
  if (boundsOutOfOrder(options.since, options.until) !== null) {
    throw new SitrepError("USAGE", `--since (${options.since}) is after --until (${options.until}): no date lies between`);
  }
  if (options.country !== undefined && !/^[A-Za-z]{2}$/.test(options.country)) {
    throw new SitrepError("USAGE", `--country must be an ISO 3166-1 alpha-2 code such as IQ (got "${options.country}")`);
  }
}
