// An imported dataset beside sitrep's own events for the same group, place and period
// (`sitrep compare --dataset acled`): which events both hold, which only one of them holds, and
// the monthly counts side by side.
//
// "Own" events are those with no dataset origin at all (extracted from reports); "dataset" events
// are those imported from the named dataset. Events imported from another dataset are neither.
//
// The matching rule. An own event and a dataset event are a candidate pair when all hold:
//   1. type: the same ACLED event type (a mapped type for GDELT, GTD, UCDP; docs/INTEROP.md);
//   2. date: their dates, each read as the interval it names ("2024-03" is the whole month), are at
//      most `windowDays` days apart (default 3: reports date an incident a day or two off, and
//      ACLED codes the day of the event, not of the report); an undated event, or one dated only
//      to a year, never matches: nothing says which incident of that year it was;
//   3. place: the same country; then, when both have coordinates, at most `maxDistanceKm` apart
//      (default 50, great-circle); otherwise the same admin1 when both name one (case and accents
//      ignored), else the country suffices;
//   4. actor: when both name an actor (perpetrator group, actor1 or actor2), one name of each side
//      is the same group: through the alias registry ("ISIS" is "Islamic State"), read also without
//      ACLED's trailing qualifiers ("Islamic State (Iraq)", "Military Forces of Iraq (2022-)"),
//      else the same folded name. An event naming no actor is compatible with any.
// Each event is in at most one pair. Candidate pairs are taken best first (fewest days apart, then
// shortest distance, then ids, so the outcome does not depend on the order events were read).
import type { Event, PartialDate } from "../domain/records.ts";
import type { ImportDataset } from "../domain/taxonomy.ts";
import { canonicalGroup } from "../resolve/actors/actors.ts";
import { foldName, withoutQualifiers } from "../store/fold.ts";
import type { EventFilter, Store } from "../store/store.ts";

export interface CompareOptions {
  readonly windowDays?: number;
  readonly maxDistanceKm?: number;
}

export const DEFAULT_WINDOW_DAYS = 3;
export const DEFAULT_MAX_DISTANCE_KM = 50;

export interface MatchedPair {
  readonly own: Event;
  readonly dataset: Event;
  /** Days between the two date intervals; 0 when they overlap. */
  readonly daysApart: number;
  /** Great-circle distance when both have coordinates, else null. */
  readonly distanceKm: number | null;
}

export interface MonthCount {
  /** "2024-03"; events dated only to a year are counted under "2024". */
  readonly month: string;
  readonly own: number;
  readonly dataset: number;
  /** Pairs whose own event falls in this month. */
  readonly matched: number;
}

export interface Comparison {
  readonly own: number;
  readonly dataset: number;
  readonly matched: readonly MatchedPair[];
  readonly onlyOwn: readonly Event[];
  readonly onlyDataset: readonly Event[];
  readonly months: readonly MonthCount[];
}

const DAY_MS = 86_400_000;

/** The first and last day (epoch days) of the interval a partial date names. */
function dayInterval(date: PartialDate): [number, number] {
  const year = Number(date.slice(0, 4));
  if (date.length === 4) return [Date.UTC(year, 0, 1) / DAY_MS, Date.UTC(year, 11, 31) / DAY_MS];
  const month = Number(date.slice(5, 7)) - 1;
  if (date.length === 7) return [Date.UTC(year, month, 1) / DAY_MS, Date.UTC(year, month + 1, 0) / DAY_MS];
  const day = Date.UTC(year, month, Number(date.slice(8, 10))) / DAY_MS;
  return [day, day];
}

function daysApart(left: PartialDate, right: PartialDate): number {
  const [leftStart, leftEnd] = dayInterval(left);
  const [rightStart, rightEnd] = dayInterval(right);
  return Math.max(0, leftStart - rightEnd, rightStart - leftEnd);
}

/** Haversine on a sphere of the Earth's mean radius (6,371 km). */
export function distanceKm(left: Event, right: Event): number | null {
  if (left.latitude === null || left.longitude === null || right.latitude === null || right.longitude === null) return null;
  const radians = Math.PI / 180;
  const latitudeDelta = (right.latitude - left.latitude) * radians;
  const longitudeDelta = (right.longitude - left.longitude) * radians;
  const a =
    Math.sin(latitudeDelta / 2) ** 2 +
    Math.cos(left.latitude * radians) * Math.cos(right.latitude * radians) * Math.sin(longitudeDelta / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

function actorKeys(event: Event, cache: Map<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const name of [event.perpetratorGroup, event.actor1, event.actor2]) {
    if (name === null || name.trim() === "") continue;
    let key = cache.get(name);
    if (key === undefined) {
      // ACLED's actor names end in the country or the period of a government: "(Iraq)", "(2022-)".
      const bare = withoutQualifiers(name);
      key = canonicalGroup(name) ?? canonicalGroup(bare) ?? foldName(bare);
      cache.set(name, key);
    }
    keys.add(key);
  }
  return keys;
}

/** Dated at least to a month, and placed in a country. */
function matchable(event: Event): boolean {
  return event.eventDate !== null && event.eventDate.length >= 7 && event.country !== null;
}

function monthOf(event: Event): string | null {
  return event.eventDate === null ? null : event.eventDate.slice(0, 7);
}

/** Pairs and differences of two lists of events, by the rule in this file's header. */
export function compareEvents(own: readonly Event[], dataset: readonly Event[], options: CompareOptions = {}): Comparison {
  const windowDays = options.windowDays ?? DEFAULT_WINDOW_DAYS;
  const maxDistance = options.maxDistanceKm ?? DEFAULT_MAX_DISTANCE_KM;
  const actorCache = new Map<string, string>();
  // Only events of the same type and country can pair: bucket the dataset side by both.
  const buckets = new Map<string, Event[]>();
  for (const event of dataset) {
    if (!matchable(event)) continue;
    const key = `${event.eventType}\u001f${event.country}`;
    const bucket = buckets.get(key) ?? [];
    bucket.push(event);
    buckets.set(key, bucket);
  }
  const candidates: MatchedPair[] = [];
  for (const mine of own) {
    if (!matchable(mine) || mine.eventDate === null) continue;
    const mineActors = actorKeys(mine, actorCache);
    for (const theirs of buckets.get(`${mine.eventType}\u001f${mine.country}`) ?? []) {
      const days = daysApart(mine.eventDate, theirs.eventDate ?? "");
      if (days > windowDays) continue;
      const distance = distanceKm(mine, theirs);
      if (distance !== null) {
        if (distance > maxDistance) continue;
      } else if (mine.admin1 !== null && theirs.admin1 !== null && foldName(mine.admin1) !== foldName(theirs.admin1)) {
        continue;
      }
      const theirActors = actorKeys(theirs, actorCache);
      if (mineActors.size > 0 && theirActors.size > 0 && ![...mineActors].some((key) => theirActors.has(key))) continue;
      candidates.push({ own: mine, dataset: theirs, daysApart: days, distanceKm: distance });
    }
  }
  candidates.sort(
    (left, right) =>
      left.daysApart - right.daysApart ||
      (left.distanceKm ?? Number.MAX_VALUE) - (right.distanceKm ?? Number.MAX_VALUE) ||
      compareText(left.own.id, right.own.id) ||
      compareText(left.dataset.id, right.dataset.id),
  );
  const pairedOwn = new Set<string>();
  const pairedDataset = new Set<string>();
  const matched: MatchedPair[] = [];
  for (const pair of candidates) {
    if (pairedOwn.has(pair.own.id) || pairedDataset.has(pair.dataset.id)) continue;
    pairedOwn.add(pair.own.id);
    pairedDataset.add(pair.dataset.id);
    matched.push(pair);
  }
  matched.sort((left, right) => compareText(left.own.eventDate ?? "", right.own.eventDate ?? "") || compareText(left.own.id, right.own.id));

  const months = new Map<string, { own: number; dataset: number; matched: number }>();
  const count = (month: string | null, field: "own" | "dataset" | "matched"): void => {
    if (month === null) return;
    const entry = months.get(month) ?? { own: 0, dataset: 0, matched: 0 };
    entry[field] += 1;
    months.set(month, entry);
  };
  for (const event of own) count(monthOf(event), "own");
  for (const event of dataset) count(monthOf(event), "dataset");
  for (const pair of matched) count(monthOf(pair.own), "matched");

  return {
    own: own.length,
    dataset: dataset.length,
    matched,
    onlyOwn: own.filter((event) => !pairedOwn.has(event.id)),
    onlyDataset: dataset.filter((event) => !pairedDataset.has(event.id)),
    months: [...months.entries()].sort(([left], [right]) => compareText(left, right)).map(([month, counts]) => ({ month, ...counts })),
  };
}

function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}

export interface CompareRequest extends CompareOptions {
  readonly dataset: ImportDataset;
  readonly filter: Pick<EventFilter, "group" | "country" | "since" | "until">;
}

/** Reads the events the filter selects and splits them into own and `dataset`'s, then compares. */
export async function compareDataset(store: Store, request: CompareRequest): Promise<Comparison> {
  const events = await store.findEvents(request.filter);
  const origins = await store.eventOrigins(events.map((event) => event.id));
  const own: Event[] = [];
  const dataset: Event[] = [];
  for (const event of events) {
    const from = origins.get(event.id);
    if (from === undefined || from.length === 0) own.push(event);
    else if (from.some((origin) => origin.dataset === request.dataset)) dataset.push(event);
  }
  return compareEvents(own, dataset, request);
}
