// Conditions on events that analysis counts in SQL rather than by reading every event: a class of
// events (attacks, foiled plots, arrests ...) as a list of clauses, a window the event's whole
// date must lie in, a known death toll. The same conditions are evaluated in memory by
// matchesCondition(), and a test holds the two to the same answers (src/analyze/digest.test.ts).
import { sql, type RawBuilder } from "kysely";
import type { Event } from "../domain/records.ts";
import { daysInMonth } from "../nlp/calendar.ts";
import type { EventStatus } from "../domain/taxonomy.ts";

/** Every field given must hold (AND); an empty clause holds for every event. */
export interface EventClause {
  readonly eventTypes?: readonly string[];
  readonly subEventType?: string;
  readonly status?: EventStatus;
  readonly notStatus?: EventStatus;
  readonly ids?: readonly string[];
  /**
   * Not an event in which another named actor acts on one of these names: a raid, strike or
   * arrest whose actor1 is someone else and whose actor2 is the group. The group's attacks
   * exclude them; the rest of the group's events (its own attacks, those with no actor named,
   * clashes it started) hold. Names as events store them (Store.groupNames).
   */
  readonly notTargetOf?: readonly string[];
}

/** Inclusive ISO days. */
export interface DayWindow {
  readonly first: string;
  readonly last: string;
}

export interface EventCondition {
  /** At least one clause holds (OR); absent: every event. An empty list matches nothing. */
  readonly anyOf?: readonly EventClause[];
  /** The event's whole date interval lies inside the window ("2024-03" is inside 2024-03-01..2024-03-31). */
  readonly within?: DayWindow;
  /** Only events with a known death toll. */
  readonly withFatalities?: boolean;
  /** Only events with a date, on or before this ISO day (compared as text: "2025" is before "2025-06-10"). */
  readonly datedUntil?: string;
  /** Only events in one of these countries (ISO alpha-2). */
  readonly countries?: readonly string[];
  /** Only events with a place (location, else admin1) that is none of these. */
  readonly placeNotIn?: readonly string[];
}

function monthLast(month: string): string {
  return `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)))).padStart(2, "0")}`;
}

function shiftMonth(month: string, by: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + by;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** Which days, months and years lie wholly inside a window; null where none does. */
export function windowRanges(window: DayWindow): {
  readonly days: readonly [string, string];
  readonly months: readonly [string, string] | null;
  readonly years: readonly [string, string] | null;
} {
  const firstMonth = window.first.endsWith("-01") ? window.first.slice(0, 7) : shiftMonth(window.first.slice(0, 7), 1);
  const lastMonth = monthLast(window.last.slice(0, 7)) === window.last ? window.last.slice(0, 7) : shiftMonth(window.last.slice(0, 7), -1);
  const firstYear = window.first.endsWith("-01-01") ? Number(window.first.slice(0, 4)) : Number(window.first.slice(0, 4)) + 1;
  const lastYear = window.last.endsWith("-12-31") ? Number(window.last.slice(0, 4)) : Number(window.last.slice(0, 4)) - 1;
  return {
    days: [window.first, window.last],
    months: firstMonth <= lastMonth ? [firstMonth, lastMonth] : null,
    years: firstYear <= lastYear ? [String(firstYear).padStart(4, "0"), String(lastYear).padStart(4, "0")] : null,
  };
}

function dateWithin(date: string | null, window: DayWindow): boolean {
  if (date === null) return false;
  const ranges = windowRanges(window);
  const range = date.length >= 10 ? ranges.days : date.length === 7 ? ranges.months : date.length === 4 ? ranges.years : null;
  const value = date.length >= 10 ? date.slice(0, 10) : date;
  return range !== null && value >= range[0] && value <= range[1];
}

function clauseHolds(event: Event, clause: EventClause): boolean {
  return (
    (clause.eventTypes === undefined || clause.eventTypes.includes(event.eventType)) &&
    (clause.subEventType === undefined || event.subEventType === clause.subEventType) &&
    (clause.status === undefined || event.status === clause.status) &&
    (clause.notStatus === undefined || event.status !== clause.notStatus) &&
    (clause.ids === undefined || clause.ids.includes(event.id)) &&
    (clause.notTargetOf === undefined || !targetOf(event, clause.notTargetOf))
  );
}

function targetOf(event: Pick<Event, "actor1" | "actor2">, names: readonly string[]): boolean {
  return event.actor2 !== null && names.includes(event.actor2) && event.actor1 !== null && !names.includes(event.actor1);
}

/** The condition evaluated on one event in memory: what conditionSql() asks of the database. */
export function matchesCondition(event: Event, condition: EventCondition): boolean {
  if (condition.anyOf !== undefined && !condition.anyOf.some((clause) => clauseHolds(event, clause))) return false;
  if (condition.within !== undefined && !dateWithin(event.eventDate, condition.within)) return false;
  if (condition.withFatalities === true && event.fatalities === null) return false;
  if (condition.datedUntil !== undefined && (event.eventDate === null || event.eventDate > condition.datedUntil)) return false;
  if (condition.countries !== undefined && (event.country === null || !condition.countries.includes(event.country))) return false;
  if (condition.placeNotIn !== undefined) {
    const place = event.location ?? event.admin1;
    if (place === null || condition.placeNotIn.includes(place)) return false;
  }
  return true;
}

/** A column of `events` as SQL; a store may wrap it (SQLite's `+column` keeps its index out of a plan). */
export type EventColumn = (name: string) => RawBuilder<unknown>;

const plainColumn: EventColumn = (name) => sql.ref(`events.${name}`);

function clauseSql(clause: EventClause, column: EventColumn): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (clause.eventTypes !== undefined) {
    parts.push(clause.eventTypes.length === 0 ? sql`1 = 0` : sql`${column("event_type")} in (${sql.join([...clause.eventTypes])})`);
  }
  if (clause.subEventType !== undefined) parts.push(sql`${column("sub_event_type")} = ${clause.subEventType}`);
  if (clause.status !== undefined) parts.push(sql`${column("status")} = ${clause.status}`);
  if (clause.notStatus !== undefined) parts.push(sql`${column("status")} <> ${clause.notStatus}`);
  if (clause.ids !== undefined) parts.push(clause.ids.length === 0 ? sql`1 = 0` : sql`${column("id")} in (${sql.join([...clause.ids])})`);
  if (clause.notTargetOf !== undefined && clause.notTargetOf.length > 0) {
    const names = sql.join([...clause.notTargetOf]);
    parts.push(
      sql`not (${column("actor2")} is not null and ${column("actor2")} in (${names}) and ${column("actor1")} is not null and ${column("actor1")} not in (${names}))`,
    );
  }
  return parts.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** The condition as SQL over the `events` table; `1 = 1` when it asks nothing. */
export function conditionSql(condition: EventCondition, column: EventColumn = plainColumn): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [];
  if (condition.anyOf !== undefined) {
    parts.push(
      condition.anyOf.length === 0
        ? sql`1 = 0`
        : sql`(${sql.join(
            condition.anyOf.map((clause) => clauseSql(clause, column)),
            sql` or `,
          )})`,
    );
  }
  if (condition.within !== undefined) {
    const { days, months, years } = windowRanges(condition.within);
    const date = sql.ref("events.event_date");
    const ranges = [sql`(length(${date}) >= 10 and substr(${date}, 1, 10) between ${days[0]} and ${days[1]})`];
    if (months !== null) ranges.push(sql`(length(${date}) = 7 and ${date} between ${months[0]} and ${months[1]})`);
    if (years !== null) ranges.push(sql`(length(${date}) = 4 and ${date} between ${years[0]} and ${years[1]})`);
    parts.push(sql`(${sql.join(ranges, sql` or `)})`);
  }
  if (condition.withFatalities === true) parts.push(sql`${column("fatalities")} is not null`);
  if (condition.datedUntil !== undefined) parts.push(sql`(events.event_date is not null and events.event_date <= ${condition.datedUntil})`);
  if (condition.countries !== undefined) {
    parts.push(condition.countries.length === 0 ? sql`1 = 0` : sql`${column("country")} in (${sql.join([...condition.countries])})`);
  }
  if (condition.placeNotIn !== undefined) {
    const place = sql`coalesce(${column("location")}, ${column("admin1")})`;
    parts.push(
      condition.placeNotIn.length === 0
        ? sql`${place} is not null`
        : sql`(${place} is not null and ${place} not in (${sql.join([...condition.placeNotIn])}))`,
    );
  }
  return parts.length === 0 ? sql<boolean>`1 = 1` : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}
