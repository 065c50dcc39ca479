// One incident, many reports: which extracted events (parts, one per report) are the same
// incident, and what the merged event says. Pure: the store (src/store/incidents.ts) reads the
// parts of one day, calls `clusterParts` and writes what it returns.
//
// The policy (docs/ARCHITECTURE.md, ADR-14):
// - Two parts match when they come from different reports, have the same event type, the same
//   day (both at day precision), compatible statuses (a foiled plot is not an attack), the same
//   place, and do not name two different perpetrator groups. "Same place": the same country and
//   the same place name, or a precise site within 5 km of the other's place, or one report gives
//   only the region (admin1) the other's town lies in. Cross-source event matching in the literature uses windows of
//   1 or 5 km and 1 or 2 days (cross-sub.org); sitrep keeps the day exact and lets a named region
//   contain a town, because reports of one incident often differ in how precisely they place it.
// - Incidents are complete-linkage clusters: a part joins an incident only when it matches every
//   part already in it, and never a part the user separated (`sitrep unmerge`). Parts are taken
//   in id order and clusters in creation order, so the result depends on the set of parts only,
//   never on the order reports were ingested.
// - The merged event's id is its smallest part id; its fields are chosen by fixed rules
//   (`combineParts`), each independent of ingest order.
import type { Event, GeoPrecision } from "../../domain/records.ts";
import type { EventStatus } from "../../domain/taxonomy.ts";
import { canonicalGroup, registryKey } from "../actors/actors.ts";
import { standardKey } from "../places/fold.ts";

/** An event as one report gave it, before any merge. */
export interface IncidentPart extends Omit<Event, "kind" | "id" | "sources" | "evidence" | "assessment"> {
  /** The extracted event's own id, kept for life: unmerge gives it back. */
  readonly partId: string;
  /** The report's date (published, else its reference date), for "earliest report" choices. */
  readonly reportedOn: string | null;
  /** True when the report's account comes from the group itself (its claim), see sources.ts. */
  readonly claimantAccount: boolean;
}

/** A pair of parts the user said are different incidents: the key of `separationKey`. */
export type Separations = ReadonlySet<string>;

export function separationKey(left: string, right: string): string {
  return left < right ? `${left}|${right}` : `${right}|${left}`;
}

export interface PartMatch {
  readonly compatible: boolean;
  /** What agreed, in words: "type Battles", "day 2025-05-11", "place Kismayo (same name)". */
  readonly matched: readonly string[];
  /** Why not, when not compatible. */
  readonly conflict: string | null;
}

/** Distance under which a site (point precision) is at a place of another name, in km. */
export const SAME_PLACE_KM = 5;

const FOILED: ReadonlySet<EventStatus> = new Set(["foiled"]);

function groupKey(name: string): string {
  return registryKey(canonicalGroup(name) ?? name);
}

function kilometres(a: IncidentPart, b: IncidentPart): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null;
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const isRegional = (part: IncidentPart): boolean => part.location === null || part.geoPrecision === "region";

function placeMatch(a: IncidentPart, b: IncidentPart): { matched: string } | { conflict: string } {
  const name = (part: IncidentPart): string => [part.location, part.admin1, part.country].filter(Boolean).join(", ") || "unknown place";
  if (a.country === null || b.country === null || a.country !== b.country) return { conflict: `place ${name(a)} / ${name(b)}` };
  if (a.location !== null && b.location !== null && standardKey(a.location) === standardKey(b.location)) {
    if (a.admin1 === null || b.admin1 === null || a.admin1 === b.admin1) return { matched: `place ${a.location} (same name)` };
  }
  // Two towns of different names are two places, however near (a city and its suburb can each have
  // their own incident on a busy day); a precise site is at the town it lies in.
  const distance = kilometres(a, b);
  if (distance !== null && distance <= SAME_PLACE_KM && (a.geoPrecision === "point" || b.geoPrecision === "point")) {
    return { matched: `place ${a.location} / ${b.location} (${distance.toFixed(1)} km apart)` };
  }
  if (a.admin1 !== null && a.admin1 === b.admin1 && (isRegional(a) || isRegional(b))) {
    const [wide, narrow] = isRegional(a) ? [a, b] : [b, a];
    return { matched: `place ${wide.admin1} contains ${narrow.location ?? narrow.admin1}` };
  }
  return { conflict: `place ${name(a)} / ${name(b)}` };
}

/** Whether two parts may be one incident, and which fields say so. */
export function compareParts(a: IncidentPart, b: IncidentPart): PartMatch {
  const matched: string[] = [];
  const refuse = (conflict: string): PartMatch => ({ compatible: false, matched, conflict });
  if (a.documentId === b.documentId) return refuse("same report (its extraction keeps them apart)");
  if (a.eventType !== b.eventType) return refuse(`type ${a.eventType} / ${b.eventType}`);
  matched.push(`type ${a.eventType}`);
  if (a.datePrecision !== "day" || b.datePrecision !== "day" || a.eventDate === null || a.eventDate !== b.eventDate) {
    return refuse(`day ${a.eventDate ?? "unknown"} / ${b.eventDate ?? "unknown"}`);
  }
  matched.push(`day ${a.eventDate}`);
  if (FOILED.has(a.status) !== FOILED.has(b.status)) return refuse(`status ${a.status} / ${b.status}`);
  matched.push(a.status === b.status ? `status ${a.status}` : `status ${a.status} / ${b.status} (both report it happened)`);
  const place = placeMatch(a, b);
  if ("conflict" in place) return refuse(place.conflict);
  matched.push(place.matched);
  if (a.perpetratorGroup !== null && b.perpetratorGroup !== null) {
    if (groupKey(a.perpetratorGroup) !== groupKey(b.perpetratorGroup))
      return refuse(`perpetrator ${a.perpetratorGroup} / ${b.perpetratorGroup}`);
    matched.push(`perpetrator ${a.perpetratorGroup}`);
  } else if (a.perpetratorGroup !== null || b.perpetratorGroup !== null) {
    matched.push(`perpetrator ${a.perpetratorGroup ?? b.perpetratorGroup} (named by one report only)`);
  } else matched.push("no perpetrator named by either");
  return { compatible: true, matched, conflict: null };
}

export interface Cluster {
  /** The smallest part id: the merged event's id. */
  readonly incidentId: string;
  /** In id order. */
  readonly parts: readonly IncidentPart[];
}

const byPartId = (left: IncidentPart, right: IncidentPart): number =>
  left.partId < right.partId ? -1 : left.partId > right.partId ? 1 : 0;

/**
 * The incidents a set of parts makes (see the header): a function of the set and the
 * separations only. Parts without a day-precise date stay alone.
 */
export function clusterParts(parts: readonly IncidentPart[], separations: Separations = new Set()): Cluster[] {
  const clusters: IncidentPart[][] = [];
  for (const part of [...parts].sort(byPartId)) {
    const home = clusters.find((members) =>
      members.every((member) => !separations.has(separationKey(member.partId, part.partId)) && compareParts(member, part).compatible),
    );
    if (home) home.push(part);
    else clusters.push([part]);
  }
  return clusters.map((members) => ({ incidentId: members[0]?.partId ?? "", parts: members }));
}

/** Earliest report first: report date (undated last), then document id, then part id. */
export function reportOrder(left: IncidentPart, right: IncidentPart): number {
  const leftDate = left.reportedOn ?? "\uffff";
  const rightDate = right.reportedOn ?? "\uffff";
  if (leftDate !== rightDate) return leftDate < rightDate ? -1 : 1;
  if (left.documentId !== right.documentId) return left.documentId < right.documentId ? -1 : 1;
  return byPartId(left, right);
}

export interface FatalityRange {
  readonly low: number | null;
  readonly best: number | null;
  readonly high: number | null;
  /** The perpetrator's own figure, where its claim gave one (the earliest such report's). */
  readonly claimed: number | null;
}

/**
 * UCDP GED keeps low / best / high death estimates per event. Here low and high are the lowest
 * and highest toll the reports give, and best is their median (the lower middle value when the
 * count is even): it does not move with one outlying report, needs no judgement of which report
 * is "most reliable" (that would change with a user's grades), and leans conservative as UCDP's
 * best does. The group's own claimed toll is kept apart (`claimed`) and counts only when no other
 * report gives a figure: claims inflate tolls, and several monitors decline to take them as an
 * account (research/mission-anchors.md §1.10).
 */
export function fatalityRange(parts: readonly IncidentPart[]): FatalityRange {
  const ordered = [...parts].sort(reportOrder);
  const claimed = ordered.find((part) => part.claimantAccount && part.fatalities !== null)?.fatalities ?? null;
  const independent = ordered.filter((part) => !part.claimantAccount && part.fatalities !== null).map((part) => part.fatalities ?? 0);
  const figures = (
    independent.length > 0 ? independent : ordered.flatMap((part) => (part.fatalities === null ? [] : [part.fatalities]))
  ).sort((left, right) => left - right);
  if (figures.length === 0) return { low: null, best: null, high: null, claimed };
  return {
    low: figures[0] ?? null,
    best: figures[Math.floor((figures.length - 1) / 2)] ?? null,
    high: figures[figures.length - 1] ?? null,
    claimed,
  };
}

const GEO_RANK: Readonly<Record<GeoPrecision, number>> = { point: 0, town: 1, district: 2, region: 3, country: 4 };
// A report that says it happened outranks one that says it was tried, claimed or alleged.
const STATUS_RANK: Readonly<Record<EventStatus, number>> = { occurred: 0, attempted: 1, claimed: 2, alleged: 3, foiled: 4 };

/** The value most reports give, ties to the earliest report; null when none gives one. */
function mostReported<T>(
  ordered: readonly IncidentPart[],
  value: (part: IncidentPart) => T | null,
  key: (value: T) => string = String,
): T | null {
  const counts = new Map<string, { value: T; count: number; first: number }>();
  ordered.forEach((part, index) => {
    const found = value(part);
    if (found === null) return;
    const entry = counts.get(key(found));
    if (entry) entry.count += 1;
    else counts.set(key(found), { value: found, count: 1, first: index });
  });
  let best: { value: T; count: number; first: number } | null = null;
  for (const entry of counts.values()) {
    if (best === null || entry.count > best.count || (entry.count === best.count && entry.first < best.first)) best = entry;
  }
  return best?.value ?? null;
}

export type IncidentFields = Omit<Event, "kind" | "sources" | "evidence" | "assessment">;

/**
 * The merged event. Id: the smallest part id. Document: the earliest report's. Type and day:
 * shared by every part. Place: the most precise part's (ties to the earliest report). Sub-type
 * and perpetrator: what most reports say (ties to the earliest); actor1/actor2 come from the
 * earliest report naming that perpetrator, so the pair stays one report's reading. Status:
 * occurred before attempted, claimed, alleged. Fatalities: the best of `fatalityRange`.
 */
export function combineParts(parts: readonly IncidentPart[]): IncidentFields {
  const ordered = [...parts].sort(reportOrder);
  const first = ordered[0];
  if (first === undefined) throw new RangeError("an incident needs at least one part");
  const incidentId = [...parts].sort(byPartId)[0]?.partId ?? first.partId;
  const place = [...ordered].sort((left, right) => geoRank(left) - geoRank(right))[0] ?? first;
  const perpetrator = mostReported(ordered, (part) => part.perpetratorGroup, groupKey);
  const actors =
    (perpetrator === null
      ? ordered.find((part) => part.actor1 !== null)
      : ordered.find((part) => part.perpetratorGroup !== null && groupKey(part.perpetratorGroup) === groupKey(perpetrator))) ?? first;
  const status = [...ordered].sort((left, right) => STATUS_RANK[left.status] - STATUS_RANK[right.status])[0]?.status ?? first.status;
  return {
    id: incidentId,
    documentId: first.documentId,
    eventType: first.eventType,
    subEventType: mostReported(ordered, (part) => part.subEventType),
    eventDate: first.eventDate,
    datePrecision: first.datePrecision,
    country: place.country,
    admin1: place.admin1,
    location: place.location,
    latitude: place.latitude,
    longitude: place.longitude,
    geoPrecision: place.geoPrecision,
    actor1: actors.actor1,
    actor2: actors.actor2,
    perpetratorGroup: perpetrator,
    fatalities: fatalityRange(parts).best,
    status,
  };
}

function geoRank(part: IncidentPart): number {
  return part.geoPrecision === null ? 5 : GEO_RANK[part.geoPrecision];
}

export interface MergeReason {
  readonly partId: string;
  readonly documentId: string;
  /** The part it was compared with: the incident's earliest report. */
  readonly comparedWith: string;
  readonly matched: readonly string[];
}

/** Why the parts are one incident: each later report against the earliest, field by field. */
export function explainIncident(parts: readonly IncidentPart[]): MergeReason[] {
  const [anchor, ...others] = [...parts].sort(reportOrder);
  if (anchor === undefined) return [];
  return others.map((part) => ({
    partId: part.partId,
    documentId: part.documentId,
    comparedWith: anchor.partId,
    matched: compareParts(anchor, part).matched,
  }));
}
