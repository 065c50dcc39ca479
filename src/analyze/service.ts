// The edge between the store and the pure analysis: reads what a brief or a series needs and
// hands it to ./brief.ts or ./series.ts. Dates come from the data (or --as-of), never the clock,
// so the same database and as-of give the same brief. Documents dated after as-of, and what they
// reported, are left out: a brief as of June cannot know July's reporting.
import { SitrepError } from "../domain/errors.ts";
import type { Event, Figure, PartialDate } from "../domain/records.ts";
import { splitSentences } from "../nlp/sentences.ts";
import { isPartialDate } from "../store/dates.ts";
import type { Store } from "../store/store.ts";
import { analyzeBrief, type Brief } from "./brief.ts";
import { countryCode, textNamesCountry } from "./countries.ts";
import type { GroupSentence } from "./indicators.ts";
import type { DocumentInfo } from "./ledger.ts";
import { dayBounds, type Interval } from "./periods.ts";
import { buildFigureSeries, NO_VALUE, seriesFromCounts, type FigureSeries, type Series, type SeriesDimension } from "./series.ts";

export interface BriefRequest {
  readonly group: string;
  /** Country names or ISO alpha-2 codes; empty for every country the group's records name. */
  readonly regions: readonly string[];
  readonly asOf?: string;
  /** A date (YYYY, YYYY-MM, YYYY-MM-DD) or an event id (`ev_…`) whose date is the pivot. */
  readonly pivot?: string;
}

/** Documents found by full-text search beyond those linked to the group's records. */
const SEARCH_LIMIT = 200;

function checkedDate(value: string, flag: string): PartialDate {
  if (!isPartialDate(value)) throw new SitrepError("USAGE", `${flag} must be YYYY, YYYY-MM or YYYY-MM-DD (got "${value}")`);
  return value;
}

export function regionCodes(regions: readonly string[]): string[] {
  return regions.map((region) => {
    const code = countryCode(region);
    if (code === null) throw new SitrepError("USAGE", `--region: "${region}" is not a country name or ISO 3166-1 alpha-2 code`);
    return code;
  });
}

async function documentInfo(store: Store, id: string): Promise<(DocumentInfo & { readonly text: string }) | null> {
  const stored = await store.getDocument(id);
  if (stored === null) return null;
  return {
    publisher: stored.document.publisher,
    title: stored.document.title,
    publishedDate: stored.document.publishedDate ?? stored.referenceDate,
    text: stored.document.text,
  };
}

/** The latest day the data speaks of: reported (not projected) periods, event dates, documents. */
function latestDay(events: readonly Event[], figures: readonly Figure[], documentDates: readonly (string | null)[]): string | null {
  const days = [
    ...events.map((event) => event.eventDate),
    ...figures.filter((figure) => figure.qualifier !== "projected").map((figure) => figure.periodEnd ?? figure.periodStart),
    ...documentDates,
  ]
    .filter((date): date is string => date !== null && isPartialDate(date))
    .map((date) => dayBounds(date).last)
    .sort();
  return days[days.length - 1] ?? null;
}

export async function loadBrief(store: Store, request: BriefRequest): Promise<Brief> {
  const actor = await store.findActor(request.group);
  const group = actor?.canonicalName ?? request.group;
  // Without --region, the region is every country the group's records name; the events' countries
  // are counted in SQL rather than read with every event.
  const countries =
    request.regions.length > 0
      ? regionCodes(request.regions)
      : [
          ...new Set(
            [
              ...(await store.countEvents({ group }, { interval: "year", by: ["country"] })).map((count) => count.keys[0] ?? null),
              ...(await store.findFigures({ group })).map((figure) => figure.country),
            ].filter((country): country is string => country !== null),
          ),
        ].sort();
  if (countries.length === 0) throw new SitrepError("USAGE", `no country holds records of "${request.group}"; name one with --region`);
  const countrySet = new Set(countries);

  const allEvents = (await Promise.all(countries.map((country) => store.findEvents({ group, country })))).flat();
  const allFigures = (await store.findFigures({ group, assess: true })).filter(
    (figure) => figure.country === null || countrySet.has(figure.country),
  );

  const documents = new Map<string, DocumentInfo & { readonly text: string }>();
  const remember = async (id: string): Promise<void> => {
    if (documents.has(id)) return;
    const info = await documentInfo(store, id);
    if (info !== null) documents.set(id, info);
  };
  for (const record of [...allEvents, ...allFigures]) await remember(record.documentId);
  // Documents about the group that hold no event or figure of it still carry rebuilding signs;
  // search by every name of the group, and keep those that name a country of the region.
  for (const name of [group, ...(actor?.aliases ?? [])]) {
    for (const hit of await store.searchDocuments(name, SEARCH_LIMIT)) {
      if (documents.has(hit.documentId)) continue;
      const info = await documentInfo(store, hit.documentId);
      if (info === null) continue;
      const mentions = await store.listMentions(hit.documentId);
      const namesRegion =
        mentions.some(
          (mention) => mention.mentionType === "country" && countrySet.has(countryCode(mention.canonical ?? mention.text) ?? ""),
        ) || countries.some((code) => textNamesCountry(info.text, code));
      const namesGroup = mentions.some((mention) => mention.mentionType === "armed_group" && mention.canonical === group);
      if (namesRegion && namesGroup) documents.set(hit.documentId, info);
    }
  }

  const asOf =
    request.asOf !== undefined
      ? dayBounds(checkedDate(request.asOf, "--as-of")).last
      : (latestDay(
          allEvents,
          allFigures,
          [...documents.values()].map((info) => info.publishedDate),
        ) ?? "1970-01-01");
  const documentAfter = (id: string): boolean => {
    const date = documents.get(id)?.publishedDate ?? null;
    return date !== null && isPartialDate(date) && dayBounds(date).first > asOf;
  };
  for (const id of [...documents.keys()]) if (documentAfter(id)) documents.delete(id);

  const events = allEvents
    .filter((event) => documents.has(event.documentId) && (event.eventDate === null || dayBounds(event.eventDate).first <= asOf))
    .sort((left, right) => (left.eventDate ?? "9999").localeCompare(right.eventDate ?? "9999") || left.id.localeCompare(right.id));
  const figures = allFigures.filter(
    (figure) => documents.has(figure.documentId) && (figure.periodStart === null || dayBounds(figure.periodStart).first <= asOf),
  );

  let pivot: string | null = null;
  if (request.pivot !== undefined) {
    if (request.pivot.startsWith("ev_")) {
      const found = await store.getEvent(request.pivot);
      if (found === null)
        throw new SitrepError("RECORD_NOT_FOUND", `--pivot: no event has the id "${request.pivot}"`, { input: request.pivot });
      if (found.event.eventDate === null) throw new SitrepError("USAGE", `--pivot: event ${request.pivot} has no date`);
      pivot = dayBounds(found.event.eventDate).first;
    } else pivot = dayBounds(checkedDate(request.pivot, "--pivot")).first;
    if (pivot > asOf) throw new SitrepError("USAGE", `--pivot (${pivot}) must not be after --as-of (${asOf})`);
  }

  const sentences: GroupSentence[] = [];
  for (const [id, info] of [...documents.entries()].sort(([left], [right]) => left.localeCompare(right))) {
    const groups = (await store.listMentions(id)).filter((mention) => mention.mentionType === "armed_group");
    const statements = await store.listStatements(id);
    for (const sentence of splitSentences(info.text)) {
      const named = groups.filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end);
      const namesGroup = named.some((mention) => mention.canonical === group);
      // A sentence about another group says nothing about this one.
      if (!namesGroup && named.length > 0) continue;
      const speakers = statements
        .filter((statement) => statement.evidence.start < sentence.end && statement.evidence.end > sentence.start)
        .map((statement) => statement.speaker);
      sentences.push({ documentId: id, text: sentence.text, documentDate: info.publishedDate, namesGroup, speakers });
    }
  }

  return analyzeBrief({
    group,
    countries,
    asOf,
    pivot,
    pivotLabel: request.pivot ?? null,
    events,
    figures,
    sentences,
    documents: new Map(
      [...documents.entries()].map(([id, { publisher, title, publishedDate }]) => [id, { publisher, title, publishedDate }]),
    ),
  });
}

export interface SeriesRequest {
  readonly group?: string;
  readonly interval: Interval;
  readonly by: readonly SeriesDimension[];
  readonly regions?: readonly string[];
  readonly since?: string;
  readonly until?: string;
}

/** Counted in SQL (Store.countEvents): a series over a million events never loads them. */
export async function loadSeries(store: Store, request: SeriesRequest): Promise<Series> {
  const countries = request.regions === undefined || request.regions.length === 0 ? [undefined] : regionCodes(request.regions);
  const since = request.since === undefined ? undefined : checkedDate(request.since, "--since");
  const until = request.until === undefined ? undefined : checkedDate(request.until, "--until");
  const counts = (
    await Promise.all(
      countries.map((country) =>
        store.countEvents({ group: request.group, country, since, until }, { interval: request.interval, by: request.by }),
      ),
    )
  ).flat();
  return seriesFromCounts(
    counts.map((count) => ({
      date: count.period,
      keys: count.keys.map((key) => key ?? NO_VALUE),
      events: count.events,
      fatalities: count.fatalities,
    })),
    { interval: request.interval, by: request.by },
  );
}

export async function loadFigureSeries(store: Store, request: SeriesRequest): Promise<FigureSeries> {
  const countries = request.regions === undefined || request.regions.length === 0 ? [undefined] : regionCodes(request.regions);
  const since = request.since === undefined ? undefined : checkedDate(request.since, "--since");
  const until = request.until === undefined ? undefined : checkedDate(request.until, "--until");
  const figures = (
    await Promise.all(countries.map((country) => store.findFigures({ group: request.group, country, since, until })))
  ).flat();
  return buildFigureSeries(figures, { interval: request.interval, by: request.by });
}
