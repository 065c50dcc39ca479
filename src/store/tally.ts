// Tallies of events (Store.tallyEvents) counted over whole months from the monthly rollup, with
// only the months that a date bound cuts read from the events. A month no bound cuts (no filter
// bound, window or as-of day starts inside it) is one block: every event dated in it, to the day
// or to the month, passes or fails each date test alike, so the rollup's counts for the month
// stand for its events. What the rollup cannot hold is read from the events: months cut by a
// bound, year-only dates, and conditions on single events (ids, places).
// docs/ARCHITECTURE.md, ADR "Briefs count whole months from the rollup".
import type { Event } from "../domain/records.ts";
import { matchesCondition, type DayWindow, type EventClause, type EventCondition } from "./conditions.ts";
import type { CountFilter, EventTally, TallyKey, TallyRow } from "./store.ts";

/** A rollup row as the tally reads it: grouping values and its counts. */
export interface RollupTallyRow {
  readonly month: string | null;
  readonly country: string | null;
  readonly event_type: string;
  readonly sub_event_type: string | null;
  readonly status: string;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly events: number;
  readonly fatalities: number;
  readonly known_tolls: number;
}

const clauseServed = (clause: EventClause): boolean => clause.ids === undefined;

/** Whether the rollup can answer a condition: nothing about single events (ids) or places. */
export function rollupServesCondition(condition: EventCondition): boolean {
  return condition.placeNotIn === undefined && (condition.anyOf ?? []).every(clauseServed);
}

/** Whether tallyEvents can count this from the rollup plus the cut months' events. */
export function rollupServes(filter: CountFilter, conditions: readonly EventCondition[], groupBy: readonly TallyKey[]): boolean {
  const states = filter.review;
  return (
    !groupBy.includes("place") &&
    filter.text === undefined &&
    filter.knownBy === undefined &&
    filter.bbox === undefined &&
    (states === undefined || states.includes("unreviewed")) &&
    (filter.where === undefined || (rollupServesCondition(filter.where) && filter.where.withFatalities !== true)) &&
    conditions.every(rollupServesCondition)
  );
}

function dayAfter(day: string): string | null {
  if (day >= "9999-12-31") return null;
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date.slice(0, 10);
}

function lastDay(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [year, month] = date.split("-").map(Number);
    return new Date(Date.UTC(year ?? 0, month ?? 1, 0)).toISOString().slice(0, 10);
  }
  return date.slice(0, 10);
}

function windowCuts(window: DayWindow): (string | null)[] {
  return [window.first, dayAfter(window.last)];
}

function conditionCuts(condition: EventCondition): (string | null)[] {
  return [
    ...(condition.within === undefined ? [] : windowCuts(condition.within)),
    ...(condition.datedUntil === undefined ? [] : [dayAfter(lastDay(condition.datedUntil))]),
  ];
}

/**
 * The months some date test cuts: a bound, a window or an as-of day that starts a new span of
 * days inside a month rather than on its first day.
 */
export function cutMonths(filter: CountFilter, conditions: readonly EventCondition[], groupBy: readonly TallyKey[]): string[] {
  const cuts: (string | null)[] = [
    filter.since === undefined ? null : firstDay(filter.since),
    filter.until === undefined ? null : dayAfter(lastDay(filter.until)),
    ...(filter.where === undefined ? [] : conditionCuts(filter.where)),
    ...conditions.flatMap(conditionCuts),
    ...groupBy.flatMap((key) => (typeof key === "object" ? key.windows.flatMap(windowCuts) : [])),
  ];
  const months = new Set<string>();
  for (const cut of cuts) if (cut !== null && !cut.endsWith("-01")) months.add(cut.slice(0, 7));
  return [...months].sort();
}

/** The months the filter's bounds leave whole, as an inclusive range; null ends are open. */
export function monthRange(filter: CountFilter): { readonly first: string | null; readonly last: string | null } {
  return {
    first: filter.since === undefined ? null : firstDay(filter.since).slice(0, 7),
    last: filter.until === undefined ? null : lastDay(filter.until).slice(0, 7),
  };
}

/** A rollup row's value of one grouping key ("place" never reaches here: rollupServes). */
function keyOf(key: TallyKey, row: RollupTallyRow, event: Event): string | null {
  if (key === "month") return row.month !== null && row.month.length >= 7 ? row.month.slice(0, 7) : null;
  if (key === "country") return row.country;
  if (key === "place") return null;
  const index = key.windows.findIndex((window) => matchesCondition(event, { within: window }));
  return index < 0 ? null : String(index);
}

/** The rollup rows as tally rows: each condition and key decided on the row's month, as on each of its events. */
export function tallyRollupRows(
  rows: readonly RollupTallyRow[],
  where: EventCondition | undefined,
  conditions: readonly EventCondition[],
  groupBy: readonly TallyKey[],
): TallyRow[] {
  const tallied: TallyRow[] = [];
  for (const row of rows) {
    // One stand-in event for the row's events: what the conditions read of them is the same.
    const event = {
      eventType: row.event_type,
      subEventType: row.sub_event_type,
      status: row.status,
      country: row.country,
      actor1: row.actor1,
      actor2: row.actor2,
      eventDate: row.month,
      fatalities: 0,
    } as unknown as Event;
    if (where !== undefined && !matchesCondition(event, where)) continue;
    const events = Number(row.events);
    const fatalities = Number(row.fatalities);
    const known = Number(row.known_tolls);
    tallied.push({
      keys: groupBy.map((key) => keyOf(key, row, event)),
      all: { events, fatalities },
      tallies: conditions.map((condition): EventTally => {
        if (!matchesCondition(event, { ...condition, withFatalities: undefined })) return { events: 0, fatalities: 0 };
        return { events: condition.withFatalities === true ? known : events, fatalities };
      }),
    });
  }
  return tallied;
}

/** Rows with the same keys summed; `sign` -1 subtracts `more` (events the rollup holds that the filter leaves out). */
export function combineTallies(rows: readonly TallyRow[], more: readonly TallyRow[], sign: 1 | -1 = 1): TallyRow[] {
  const byKey = new Map<string, { keys: readonly (string | null)[]; all: EventTally; tallies: EventTally[] }>();
  const add = (row: TallyRow, by: number): void => {
    const key = JSON.stringify(row.keys);
    const entry = byKey.get(key);
    if (entry === undefined) {
      byKey.set(key, {
        keys: row.keys,
        all: { events: by * row.all.events, fatalities: by * row.all.fatalities },
        tallies: row.tallies.map((tally) => ({ events: by * tally.events, fatalities: by * tally.fatalities })),
      });
      return;
    }
    entry.all = { events: entry.all.events + by * row.all.events, fatalities: entry.all.fatalities + by * row.all.fatalities };
    entry.tallies = entry.tallies.map((tally, index) => ({
      events: tally.events + by * (row.tallies[index]?.events ?? 0),
      fatalities: tally.fatalities + by * (row.tallies[index]?.fatalities ?? 0),
    }));
  };
  for (const row of rows) add(row, 1);
  for (const row of more) add(row, sign);
  return [...byKey.values()].filter((row) => row.all.events !== 0);
}
