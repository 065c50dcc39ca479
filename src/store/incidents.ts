// The store side of incidents (migrations/0006_incidents.ts, docs/ARCHITECTURE.md ADR-14): parts
// written with each report, the incidents of a day re-clustered by the pure policy in
// src/resolve/incidents/, links moved between incident ids, user decisions and grades, and the
// read-side assessment (corroboration, low/best/high, reliability, credibility, first claim).
//
// Every change of membership goes through `#applyClusters`: the merged event row is upserted with
// the combined fields, each moved part's links (its document's event_documents, event_sources and
// evidence rows) follow it to the new id, and an event row left with no part is deleted. The
// rollup triggers (sqlite/migrations/0004) see inserts, updates and deletes of `events`, so the
// monthly counts stay those of the incidents.
import type { Kysely } from "kysely";
import { SitrepError } from "../domain/errors.ts";
import type {
  Assertion,
  AssertionKind,
  ClaimSummary,
  EventAssessment,
  FigureAssessment,
  ReliabilityGrade,
  Source,
} from "../domain/incidents.ts";
import { ASSERTION_KINDS } from "../domain/incidents.ts";
import type { Document, Event, Extraction, Figure } from "../domain/records.ts";
import { daysBetween, findAssertions } from "../resolve/incidents/claims.ts";
import {
  clusterParts,
  combineParts,
  compareParts,
  explainIncident,
  fatalityRange,
  separationKey,
  type Cluster,
  type IncidentPart,
  type MergeReason,
} from "../resolve/incidents/incidents.ts";
import {
  classifySource,
  credibilityOf,
  DEFAULT_GRADES,
  gradeOf,
  independentSources,
  isClaimantAccount,
  isReliabilityGrade,
  reportGrade,
  sourceKey,
  bestGrade,
  type ReportSources,
} from "../resolve/incidents/sources.ts";
import { eventToRow, rowToEvent } from "./rows.ts";
import type { Database, EventRow } from "./schema.ts";

export interface EventPartsTable extends Omit<EventRow, "id"> {
  part_id: string;
  incident_id: string;
  reported_on: string | null;
  /** 0 or 1. */
  claimant_account: number;
}

export interface EventSeparationsTable {
  /** The smaller of the two part ids. */
  part_id: string;
  other_part_id: string;
  decided_at: string;
}

export interface EventAssertionsTable {
  part_id: string;
  position: number;
  assertion_kind: string;
  asserted_by: string | null;
  group_name: string | null;
  channel: string | null;
  asserted_on: string | null;
  document_id: string;
  evidence_start: number | null;
  evidence_end: number | null;
  evidence_text: string | null;
}

export interface SourceGradesTable {
  source_key: string;
  name: string;
  grade: string;
}

// A type alias, not an interface: Kysely's withTables wants an indexable record.
type IncidentTables = {
  event_parts: EventPartsTable;
  event_separations: EventSeparationsTable;
  event_assertions: EventAssertionsTable;
  source_grades: SourceGradesTable;
};

type IncidentDatabase = Kysely<Database & IncidentTables>;

export interface IncidentReport {
  readonly partId: string;
  readonly documentId: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly reportedOn: string | null;
  readonly fatalities: number | null;
  readonly claimantAccount: boolean;
  readonly grade: ReliabilityGrade;
}

export interface GradedSourceUse {
  readonly name: string;
  readonly sourceKind: Source["sourceKind"];
  readonly grade: ReliabilityGrade;
  readonly gradeSet: "default" | "user";
}

export interface IncidentDetails {
  readonly incidentId: string;
  /** Every report's own reading, earliest report first. */
  readonly reports: readonly IncidentReport[];
  /** Why each later report was merged with the earliest. */
  readonly reasons: readonly MergeReason[];
  /** The history of assertions, in date order (undated last), then report order. */
  readonly assertions: readonly Assertion[];
  readonly sources: readonly GradedSourceUse[];
  /** Parts a user kept apart from this incident's parts (unmerge), with their incident now. */
  readonly separatedFrom: readonly { readonly partId: string; readonly incidentId: string }[];
}

export interface UnmergeResult {
  readonly incidentId: string;
  /** The events the parts are now, one per part, in part id order. */
  readonly events: readonly string[];
}

export interface MergeResult {
  readonly merged: boolean;
  readonly incidentId: string | null;
  /** Why not, when the two do not match. */
  readonly conflict: string | null;
}

const CHUNK = 200;
/** Ids per IN list of a read: well under SQLite's 32,766 bound parameters, few round trips. */
const READ_CHUNK = 2000;
/** Blocks per query: three parameters each. */
const BLOCK_CHUNK = 300;

/** A report's event as its own part of an incident, alone in an incident of its own until clustered. */
export function partRow(event: Event, reportedOn: string | null): EventPartsTable {
  const { id, document_id, ...fields } = eventToRow(event);
  return {
    ...fields,
    part_id: id,
    incident_id: id,
    document_id,
    reported_on: reportedOn,
    claimant_account: isClaimantAccount(event.sources) ? 1 : 0,
  };
}

/** What a report asserts about its events (claims, attributions ...), as rows of event_assertions. */
export function assertionRows(
  document: Pick<Document, "id" | "text" | "publisher">,
  reportedOn: string | null,
  events: readonly Event[],
): EventAssertionsTable[] {
  const assertions = findAssertions({
    documentId: document.id,
    text: document.text,
    publisher: document.publisher,
    reportedOn,
    events: events.map((event) => ({
      id: event.id,
      eventDate: event.eventDate,
      perpetratorGroup: event.perpetratorGroup,
      claimedStatus: event.status === "claimed",
      evidenceStarts: event.evidence.filter((span) => span.documentId === document.id).map((span) => span.start),
    })),
  });
  // "reported" is the part itself (its report's publisher and date); details() says it.
  return [...assertions].flatMap(([partId, list]) =>
    list
      .filter((assertion) => assertion.assertionKind !== "reported")
      .map((assertion, position) => ({
        part_id: partId,
        position,
        assertion_kind: assertion.assertionKind,
        asserted_by: assertion.by,
        group_name: assertion.group,
        channel: assertion.channel,
        asserted_on: assertion.assertedOn,
        document_id: assertion.documentId,
        evidence_start: assertion.evidence?.start ?? null,
        evidence_end: assertion.evidence?.end ?? null,
        evidence_text: assertion.evidence?.text ?? null,
      })),
  );
}

/** Parts can match only within one day, event type and country (`compareParts`). */
function blockKey(row: Pick<EventRow, "event_date" | "event_type" | "country">): string {
  return [row.event_date ?? "", row.event_type, row.country ?? ""].join("\u001f");
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

function rowToPart(row: EventPartsTable): IncidentPart {
  const { kind: _kind, id: _id, sources: _sources, evidence: _evidence, ...fields } = rowToEvent({ ...row, id: row.part_id }, [], []);
  return { ...fields, partId: row.part_id, reportedOn: row.reported_on, claimantAccount: row.claimant_account === 1 };
}

function assertionKindOf(value: string): AssertionKind {
  const found = ASSERTION_KINDS.find((kind) => kind === value);
  if (found === undefined) throw new Error(`unexpected value "${value}" in column event_assertions.assertion_kind`);
  return found;
}

function rowToAssertion(row: EventAssertionsTable): Assertion {
  return {
    kind: "assertion",
    assertionKind: assertionKindOf(row.assertion_kind),
    by: row.asserted_by,
    group: row.group_name,
    channel: row.channel,
    assertedOn: row.asserted_on,
    documentId: row.document_id,
    evidence:
      row.evidence_start === null || row.evidence_end === null || row.evidence_text === null
        ? null
        : { documentId: row.document_id, start: row.evidence_start, end: row.evidence_end, text: row.evidence_text },
  };
}

const assertionOrder = (left: Assertion, right: Assertion): number => {
  const leftDate = left.assertedOn ?? "\uffff";
  const rightDate = right.assertedOn ?? "\uffff";
  return leftDate < rightDate ? -1 : leftDate > rightDate ? 1 : 0;
};

/** The first claim and every claimant, from an incident's assertions. */
export function claimSummary(assertions: readonly Assertion[], eventDate: string | null): ClaimSummary | null {
  const claims = assertions.filter((assertion) => assertion.assertionKind === "claimed").sort(assertionOrder);
  const first = claims[0];
  if (first === undefined) return null;
  return {
    by: first.by,
    channel: first.channel ?? claims.find((claim) => claim.channel !== null && claim.by === first.by)?.channel ?? null,
    claimedOn: first.assertedOn,
    daysAfterEvent: daysBetween(eventDate, first.assertedOn),
    claimants: [...new Set(claims.flatMap((claim) => (claim.group === null ? [] : [claim.group])))],
  };
}

export class IncidentRepository {
  readonly #db: IncidentDatabase;
  readonly #now: () => Date;

  constructor(db: Kysely<Database>, now: () => Date) {
    this.#db = db.withTables<IncidentTables>();
    this.#now = now;
  }

  /**
   * Called inside saveDocument's transaction, after the document's events are written under their
   * own ids: records a part and its assertions for each new event, then re-clusters their days.
   */
  async afterSave(transaction: Kysely<Database>, document: Document, extraction: Extraction, events: readonly Event[]): Promise<void> {
    const db = transaction.withTables<IncidentTables>();
    const known = new Set<string>();
    for (const chunk of chunks(events.map((event) => event.id))) {
      for (const row of await db.selectFrom("event_parts").select("part_id").where("part_id", "in", chunk).execute())
        known.add(row.part_id);
    }
    const fresh = events.filter((event) => !known.has(event.id) && event.documentId === document.id);
    if (fresh.length === 0) return;
    const reportedOn = document.publishedDate ?? extraction.referenceDate;
    for (const rows of chunks(fresh.map((event) => partRow(event, reportedOn)))) {
      await db.insertInto("event_parts").values(rows).execute();
    }
    const rows = assertionRows(document, reportedOn, fresh);
    for (const chunk of chunks(rows)) await db.insertInto("event_assertions").values(chunk).execute();
    // A part with no country matches none (`compareParts`), so it has no block to re-cluster.
    const blocks = new Set(
      fresh.flatMap((event) =>
        event.datePrecision === "day" && event.eventDate !== null && event.country !== null ? [blockKey(eventToRow(event))] : [],
      ),
    );
    if (blocks.size > 0) await this.#recluster(db, [], blocks);
  }

  /**
   * The incidents of some days, computed afresh from all their parts and applied. Only parts of one
   * type, day and country can match (`compareParts`), so each such block is clustered on its own,
   * and only the blocks named in `only` when it is given (those a new report touched).
   */
  async #recluster(db: IncidentDatabase, days: readonly string[], only?: ReadonlySet<string>): Promise<Cluster[]> {
    const blocks = new Map<string, EventPartsTable[]>();
    const collect = (rows: readonly EventPartsTable[]): void => {
      for (const row of rows) {
        const key = blockKey(row);
        const list = blocks.get(key) ?? [];
        list.push(row);
        blocks.set(key, list);
      }
    };
    if (only === undefined) {
      for (const chunk of chunks([...days].sort(), READ_CHUNK)) {
        collect(
          await db.selectFrom("event_parts").selectAll().where("event_date", "in", chunk).where("date_precision", "=", "day").execute(),
        );
      }
    } else {
      // The blocks themselves, through the (event_date, event_type, country) index.
      for (const chunk of chunks([...only].sort(), BLOCK_CHUNK)) {
        const rows = await db
          .selectFrom("event_parts")
          .selectAll()
          .where((where) =>
            where.or(
              chunk.map((key) => {
                const [date = "", type = "", country = ""] = key.split("\u001f");
                return where.and([where("event_date", "=", date), where("event_type", "=", type), where("country", "=", country)]);
              }),
            ),
          )
          .where("date_precision", "=", "day")
          .execute();
        collect(rows);
      }
    }
    const rows = [...blocks.values()].flat();
    const separations = new Set<string>();
    const anySeparation = await db.selectFrom("event_separations").select("part_id").limit(1).executeTakeFirst();
    const ids = anySeparation === undefined ? [] : rows.map((row) => row.part_id);
    for (const chunk of chunks(ids, READ_CHUNK)) {
      const found = await db.selectFrom("event_separations").select(["part_id", "other_part_id"]).where("part_id", "in", chunk).execute();
      for (const row of found) separations.add(separationKey(row.part_id, row.other_part_id));
    }
    const clusters = [...blocks.keys()].sort().flatMap((key) => clusterParts((blocks.get(key) ?? []).map(rowToPart), separations));
    await this.#applyClusters(db, clusters, new Map(rows.map((row) => [row.part_id, row.incident_id])));
    return clusters;
  }

  async #applyClusters(db: IncidentDatabase, clusters: readonly Cluster[], current: ReadonlyMap<string, string>): Promise<void> {
    const vacated = new Set<string>();
    const members = new Map<string, number>();
    for (const incident of current.values()) members.set(incident, (members.get(incident) ?? 0) + 1);
    for (const cluster of clusters) {
      const target = cluster.incidentId;
      // An incident lies within one block, so its members now are among the block's rows.
      const unchanged = cluster.parts.every((part) => current.get(part.partId) === target) && members.get(target) === cluster.parts.length;
      if (unchanged) continue;
      const fields = eventToRow({ kind: "event", ...combineParts(cluster.parts), sources: [], evidence: [] });
      const { id: _id, ...update } = fields;
      await db
        .insertInto("events")
        .values(fields)
        .onConflict((conflict) => conflict.column("id").doUpdateSet(update))
        .execute();
      for (const part of cluster.parts) {
        const from = current.get(part.partId);
        if (from === undefined || from === target) continue;
        await this.#moveLinks(db, part.documentId, from, target);
        await db.updateTable("event_parts").set({ incident_id: target }).where("part_id", "=", part.partId).execute();
        vacated.add(from);
      }
    }
    for (const id of vacated) {
      const left = await db.selectFrom("event_parts").select("part_id").where("incident_id", "=", id).executeTakeFirst();
      const linked = await db.selectFrom("event_documents").select("document_id").where("event_id", "=", id).executeTakeFirst();
      if (left === undefined && linked === undefined) await db.deleteFrom("events").where("id", "=", id).execute();
    }
  }

  /** One report's links from one event id to another; its sources reference its event_documents row. */
  async #moveLinks(db: IncidentDatabase, documentId: string, from: string, to: string): Promise<void> {
    await db
      .insertInto("event_documents")
      .values({ event_id: to, document_id: documentId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    await db
      .updateTable("event_sources")
      .set({ event_id: to })
      .where("event_id", "=", from)
      .where("document_id", "=", documentId)
      .execute();
    await db.deleteFrom("event_documents").where("event_id", "=", from).where("document_id", "=", documentId).execute();
    await db
      .updateTable("evidence")
      .set({ owner_id: to })
      .where("owner_kind", "=", "event")
      .where("owner_id", "=", from)
      .where("document_id", "=", documentId)
      .execute();
  }

  /** An event id, or the id of a part merged into one, to the event's id now; null when unknown. */
  async resolveId(id: string): Promise<string | null> {
    const event = await this.#db.selectFrom("events").select("id").where("id", "=", id).executeTakeFirst();
    if (event !== undefined) return event.id;
    const part = await this.#db.selectFrom("event_parts").select("incident_id").where("part_id", "=", id).executeTakeFirst();
    return part?.incident_id ?? null;
  }

  async #incidentOf(id: string): Promise<string> {
    const incident = await this.resolveId(id);
    if (incident === null) throw new SitrepError("RECORD_NOT_FOUND", `no event has the id "${id}"`, { input: id });
    return incident;
  }

  /**
   * Splits a merged event into its reports' own events and keeps that decision: every pair of
   * its parts is recorded as separate, so no later ingest merges them again (a new report may
   * still join one of them). `merge` lifts the decision.
   */
  async unmerge(id: string): Promise<UnmergeResult> {
    const incidentId = await this.#incidentOf(id);
    return this.#write(`unmerge ${incidentId}`, async (db) => {
      const parts = await db.selectFrom("event_parts").selectAll().where("incident_id", "=", incidentId).orderBy("part_id").execute();
      if (parts.length < 2) {
        throw new SitrepError("USAGE", `event ${incidentId} was reported by one report only; there is nothing to unmerge`, { input: id });
      }
      const decidedAt = this.#now().toISOString();
      const pairs = parts.flatMap((left, index) =>
        parts.slice(index + 1).map((right) => {
          const [first, second] = left.part_id < right.part_id ? [left.part_id, right.part_id] : [right.part_id, left.part_id];
          return { part_id: first, other_part_id: second, decided_at: decidedAt };
        }),
      );
      for (const chunk of chunks(pairs)) {
        await db
          .insertInto("event_separations")
          .values(chunk)
          .onConflict((conflict) => conflict.doNothing())
          .execute();
      }
      const day = parts[0]?.event_date;
      if (day !== null && day !== undefined) await this.#recluster(db, [day]);
      const now = await db
        .selectFrom("event_parts")
        .select("incident_id")
        .where(
          "part_id",
          "in",
          parts.map((part) => part.part_id),
        )
        .orderBy("part_id")
        .execute();
      return { incidentId, events: now.map((row) => row.incident_id) };
    });
  }

  /**
   * Lifts the "do not merge" decisions between the parts of two events and re-clusters their day:
   * they become one event again when they match (the result says why not otherwise).
   */
  async merge(leftId: string, rightId: string): Promise<MergeResult> {
    const left = await this.#incidentOf(leftId);
    const right = await this.#incidentOf(rightId);
    return this.#write(`merge ${left} ${right}`, async (db) => {
      const parts = await db.selectFrom("event_parts").selectAll().where("incident_id", "in", [left, right]).execute();
      const leftParts = parts.filter((part) => part.incident_id === left).map((part) => part.part_id);
      const rightParts = parts.filter((part) => part.incident_id === right).map((part) => part.part_id);
      for (const a of leftParts) {
        for (const b of rightParts) {
          const [first, second] = a < b ? [a, b] : [b, a];
          await db.deleteFrom("event_separations").where("part_id", "=", first).where("other_part_id", "=", second).execute();
        }
      }
      const day = parts[0]?.event_date;
      if (left === right || day === null || day === undefined) return { merged: left === right, incidentId: left, conflict: null };
      const clusters = await this.#recluster(db, [day]);
      const together = clusters.find((cluster) => cluster.parts.some((part) => part.partId === leftParts[0]));
      if (together !== undefined && rightParts.every((id) => together.parts.some((part) => part.partId === id))) {
        return { merged: true, incidentId: together.incidentId, conflict: null };
      }
      const [a, b] = [parts.find((part) => part.incident_id === left), parts.find((part) => part.incident_id === right)];
      const conflict = a && b ? compareParts(rowToPart(a), rowToPart(b)).conflict : "one of them has no report part";
      return { merged: false, incidentId: null, conflict: conflict ?? "another part of one of them does not match" };
    });
  }

  async #overrides(): Promise<Map<string, ReliabilityGrade>> {
    const rows = await this.#db.selectFrom("source_grades").select(["source_key", "grade"]).execute();
    return new Map(rows.flatMap((row) => (isReliabilityGrade(row.grade) ? [[row.source_key, row.grade] as const] : [])));
  }

  /** Reports of each event: its documents' publishers and the attributions each gives. */
  async #reportsOf(eventIds: readonly string[]): Promise<Map<string, ReportSources[]>> {
    const byEvent = new Map<string, ReportSources[]>();
    for (const chunk of chunks(eventIds, READ_CHUNK)) {
      const documents = await this.#db
        .selectFrom("event_documents")
        .innerJoin("documents", "documents.id", "event_documents.document_id")
        .select(["event_documents.event_id", "documents.id", "documents.publisher"])
        .where("event_documents.event_id", "in", chunk)
        .orderBy("documents.id")
        .execute();
      const attributions = new Map<string, string[]>();
      const rows = await this.#db
        .selectFrom("event_sources")
        .select(["event_id", "document_id", "attribution"])
        .where("event_id", "in", chunk)
        .orderBy("position")
        .execute();
      for (const row of rows) {
        const key = `${row.event_id}\u001f${row.document_id}`;
        const list = attributions.get(key) ?? [];
        list.push(row.attribution);
        attributions.set(key, list);
      }
      for (const document of documents) {
        const list = byEvent.get(document.event_id) ?? [];
        list.push({
          documentId: document.id,
          publisher: document.publisher,
          attributions: attributions.get(`${document.event_id}\u001f${document.id}`) ?? [],
        });
        byEvent.set(document.event_id, list);
      }
    }
    return byEvent;
  }

  /** Corroboration, fatality range, reliability, credibility and first claim of stored events. */
  async assessEvents(events: readonly Pick<Event, "id" | "eventDate" | "fatalities">[]): Promise<Map<string, EventAssessment>> {
    const result = new Map<string, EventAssessment>();
    if (events.length === 0) return result;
    const ids = events.map((event) => event.id);
    const overrides = await this.#overrides();
    const reports = await this.#reportsOf(ids);
    const parts = new Map<string, IncidentPart[]>();
    const claims = new Map<string, Assertion[]>();
    // A dataset's own estimates of the deaths (UCDP GED's low and high) for an imported event.
    const estimates = new Map<string, { low: number | null; high: number | null }>();
    for (const chunk of chunks(ids, READ_CHUNK)) {
      const estimateRows = await this.#db
        .selectFrom("event_origins")
        .select(["event_id", "fatalities_low", "fatalities_high"])
        .where("event_id", "in", chunk)
        .where((where) => where.or([where("fatalities_low", "is not", null), where("fatalities_high", "is not", null)]))
        .orderBy("dataset")
        .orderBy("external_id")
        .execute();
      for (const row of estimateRows) {
        if (!estimates.has(row.event_id)) estimates.set(row.event_id, { low: row.fatalities_low, high: row.fatalities_high });
      }
      for (const row of await this.#db.selectFrom("event_parts").selectAll().where("incident_id", "in", chunk).execute()) {
        const list = parts.get(row.incident_id) ?? [];
        list.push(rowToPart(row));
        parts.set(row.incident_id, list);
      }
      const claimRows = await this.#db
        .selectFrom("event_assertions")
        .innerJoin("event_parts", "event_parts.part_id", "event_assertions.part_id")
        .selectAll("event_assertions")
        .select("event_parts.incident_id")
        .where("event_parts.incident_id", "in", chunk)
        .where("event_assertions.assertion_kind", "=", "claimed")
        .orderBy("event_assertions.document_id")
        .orderBy("event_assertions.position")
        .execute();
      for (const row of claimRows) {
        const list = claims.get(row.incident_id) ?? [];
        list.push(rowToAssertion(row));
        claims.set(row.incident_id, list);
      }
    }
    for (const event of events) {
      const eventReports = reports.get(event.id) ?? [];
      const independent = independentSources(eventReports, overrides);
      const eventParts = parts.get(event.id) ?? [];
      const estimate = estimates.get(event.id);
      const range =
        eventParts.length > 0
          ? fatalityRange(eventParts)
          : {
              low: estimate?.low ?? event.fatalities,
              best: event.fatalities,
              high: estimate?.high ?? event.fatalities,
              claimed: null,
            };
      result.set(event.id, {
        reports: eventReports.length,
        corroboration: independent.length,
        reliability: bestGrade(independent),
        credibility: credibilityOf(independent),
        fatalitiesLow: range.low,
        fatalitiesHigh: range.high,
        fatalitiesClaimed: range.claimed,
        claim: claimSummary(claims.get(event.id) ?? [], event.eventDate),
      });
    }
    return result;
  }

  /**
   * Figures: a figure is corroborated by the reports (distinct publishers) that give the same value
   * for the same measure, group, country and period; its grade is its report's, with the figure's
   * own source as the attribution.
   */
  async assessFigures(figures: readonly Figure[]): Promise<Map<string, FigureAssessment>> {
    const result = new Map<string, FigureAssessment>();
    if (figures.length === 0) return result;
    const overrides = await this.#overrides();
    const keyOf = (figure: {
      measure: string;
      group: string | null;
      country: string | null;
      periodStart: string | null;
      periodEnd: string | null;
      value: number;
    }): string => [figure.measure, figure.group, figure.country, figure.periodStart, figure.periodEnd, figure.value].join("\u001f");
    const same = new Map<string, ReportSources[]>();
    for (const chunk of chunks([...new Set(figures.map((figure) => figure.value))])) {
      const rows = await this.#db
        .selectFrom("figures")
        .innerJoin("documents", "documents.id", "figures.document_id")
        .select([
          "figures.measure",
          "figures.group_name",
          "figures.country",
          "figures.period_start",
          "figures.period_end",
          "figures.value",
          "figures.source",
          "figures.document_id",
          "documents.publisher",
        ])
        .where("figures.value", "in", chunk)
        .orderBy("figures.document_id")
        .execute();
      for (const row of rows) {
        const key = keyOf({
          measure: row.measure,
          group: row.group_name,
          country: row.country,
          periodStart: row.period_start,
          periodEnd: row.period_end,
          value: row.value,
        });
        const list = same.get(key) ?? [];
        list.push({ documentId: row.document_id, publisher: row.publisher, attributions: row.source === null ? [] : [row.source] });
        same.set(key, list);
      }
    }
    for (const figure of figures) {
      const reports = same.get(keyOf(figure)) ?? [
        { documentId: figure.documentId, publisher: null, attributions: figure.source === null ? [] : [figure.source] },
      ];
      const independent = independentSources(reports, overrides);
      result.set(figure.id, {
        corroboration: independent.length,
        reliability: bestGrade(independent),
        credibility: credibilityOf(independent),
      });
    }
    return result;
  }

  /** What `sitrep show` adds about an event: its reports, why they merged, its history, its sources. */
  async details(id: string): Promise<IncidentDetails | null> {
    const incidentId = await this.resolveId(id);
    if (incidentId === null) return null;
    const overrides = await this.#overrides();
    const partRows = await this.#db
      .selectFrom("event_parts")
      .innerJoin("documents", "documents.id", "event_parts.document_id")
      .selectAll("event_parts")
      .select(["documents.title", "documents.publisher"])
      .where("event_parts.incident_id", "=", incidentId)
      .execute();
    const parts = partRows.map(rowToPart);
    const reportSources = (await this.#reportsOf([incidentId])).get(incidentId) ?? [];
    const sourcesOf = (documentId: string): ReportSources =>
      reportSources.find((report) => report.documentId === documentId) ?? { documentId, publisher: null, attributions: [] };
    const ordered = [...partRows].sort((left, right) => {
      const order = (left.reported_on ?? "\uffff").localeCompare(right.reported_on ?? "\uffff");
      return order !== 0 ? order : left.document_id < right.document_id ? -1 : left.document_id > right.document_id ? 1 : 0;
    });
    const assertionRows = await this.#db
      .selectFrom("event_assertions")
      .innerJoin("event_parts", "event_parts.part_id", "event_assertions.part_id")
      .selectAll("event_assertions")
      .where("event_parts.incident_id", "=", incidentId)
      .orderBy("event_assertions.document_id")
      .orderBy("event_assertions.position")
      .execute();
    const documentRank = new Map(ordered.map((row, index) => [row.document_id, index]));
    const reported: Assertion[] = ordered.map((row) => ({
      kind: "assertion",
      assertionKind: "reported",
      by: row.publisher,
      group: null,
      channel: null,
      assertedOn: row.reported_on,
      documentId: row.document_id,
      evidence: null,
    }));
    // Reports first among assertions of one day: a report, then what it says.
    const assertions = [...reported, ...assertionRows.map(rowToAssertion)].sort(
      (left, right) => assertionOrder(left, right) || (documentRank.get(left.documentId) ?? 0) - (documentRank.get(right.documentId) ?? 0),
    );
    const names = new Map<string, GradedSourceUse>();
    for (const report of reportSources) {
      for (const [name, asPublisher] of [
        ...(report.publisher === null ? [] : [[report.publisher, true] as const]),
        ...report.attributions.map((attribution) => [attribution, false] as const),
      ]) {
        const key = sourceKey(name);
        if (names.has(key)) continue;
        names.set(key, {
          name,
          sourceKind: classifySource(name, asPublisher),
          grade: gradeOf({ name, asPublisher }, overrides),
          gradeSet: overrides.has(key) ? "user" : "default",
        });
      }
    }
    const partIds = parts.map((part) => part.partId);
    const separated: { partId: string; incidentId: string }[] = [];
    if (partIds.length > 0) {
      const rows = await this.#db
        .selectFrom("event_separations")
        .select(["part_id", "other_part_id"])
        .where((where) => where.or([where("part_id", "in", partIds), where("other_part_id", "in", partIds)]))
        .execute();
      const others = [...new Set(rows.map((row) => (partIds.includes(row.part_id) ? row.other_part_id : row.part_id)))].filter(
        (other) => !partIds.includes(other),
      );
      for (const other of others.sort()) {
        const row = await this.#db.selectFrom("event_parts").select("incident_id").where("part_id", "=", other).executeTakeFirst();
        if (row !== undefined) separated.push({ partId: other, incidentId: row.incident_id });
      }
    }
    return {
      incidentId,
      reports: ordered.map((row) => ({
        partId: row.part_id,
        documentId: row.document_id,
        title: row.title,
        publisher: row.publisher,
        reportedOn: row.reported_on,
        fatalities: row.fatalities,
        claimantAccount: row.claimant_account === 1,
        grade: reportGrade(sourcesOf(row.document_id), overrides),
      })),
      reasons: explainIncident(parts),
      assertions,
      sources: [...names.values()],
      separatedFrom: separated,
    };
  }

  /** Every source the store names (publishers, attributions, figure sources), most used first. */
  async listSources(): Promise<Source[]> {
    const overrides = await this.#overrides();
    const uses = new Map<string, { name: string; asPublisher: boolean; documents: Set<string> }>();
    const note = (name: string, asPublisher: boolean, documentId: string): void => {
      const key = sourceKey(name);
      if (key === "") return;
      const use = uses.get(key) ?? { name, asPublisher, documents: new Set<string>() };
      use.documents.add(documentId);
      uses.set(key, use);
    };
    const publishers = await this.#db.selectFrom("documents").select(["id", "publisher"]).where("publisher", "is not", null).execute();
    for (const row of publishers) if (row.publisher !== null) note(row.publisher, true, row.id);
    for (const row of await this.#db.selectFrom("event_sources").select(["attribution", "document_id"]).distinct().execute()) {
      note(row.attribution, false, row.document_id);
    }
    for (const row of await this.#db.selectFrom("figures").select(["source", "document_id"]).where("source", "is not", null).execute()) {
      if (row.source !== null) note(row.source, false, row.document_id);
    }
    for (const row of await this.#db.selectFrom("source_grades").select(["source_key", "name"]).execute()) {
      if (!uses.has(row.source_key)) uses.set(row.source_key, { name: row.name, asPublisher: false, documents: new Set() });
    }
    return [...uses.entries()]
      .map(([key, use]) => ({
        kind: "source" as const,
        name: use.name,
        sourceKind: classifySource(use.name, use.asPublisher),
        grade: overrides.get(key) ?? DEFAULT_GRADES[classifySource(use.name, use.asPublisher)],
        gradeSet: overrides.has(key) ? ("user" as const) : ("default" as const),
        documents: use.documents.size,
      }))
      .sort((left, right) => right.documents - left.documents || left.name.localeCompare(right.name));
  }

  /** Sets a user's grade for a source, or with null returns it to its kind's default. */
  async gradeSource(name: string, grade: ReliabilityGrade | null): Promise<void> {
    const key = sourceKey(name);
    if (key === "") throw new SitrepError("USAGE", `"${name}" is not a source name`, { input: name });
    await this.#write(`the grade of ${name}`, async (db) => {
      if (grade === null) await db.deleteFrom("source_grades").where("source_key", "=", key).execute();
      else {
        await db
          .insertInto("source_grades")
          .values({ source_key: key, name, grade })
          .onConflict((conflict) => conflict.column("source_key").doUpdateSet({ name, grade }))
          .execute();
      }
    });
  }

  async #write<T>(what: string, work: (db: IncidentDatabase) => Promise<T>): Promise<T> {
    try {
      return await this.#db.transaction().execute(work);
    } catch (error) {
      if (error instanceof SitrepError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new SitrepError("STORE_WRITE_FAILED", `could not save ${what}: ${reason}`, { cause: error });
    }
  }
}
