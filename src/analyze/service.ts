// The edge between the store and the pure analysis: reads what a brief or a series needs and
// hands it to ./brief.ts or ./series.ts. Dates come from the data (or --as-of), never the clock,
// so the same database and as-of give the same brief. Documents dated after as-of, and what they
// reported, are left out: a brief as of June cannot know July's reporting.
import { SitrepError } from "../domain/errors.ts";
import type { Event, Figure, PartialDate } from "../domain/records.ts";
import { splitSentences } from "../nlp/sentences.ts";
import { isPartialDate } from "../store/dates.ts";
import { matchesCondition, type DayWindow, type EventClause, type EventCondition } from "../store/conditions.ts";
import type { CountFilter, EventFilter, Store } from "../store/store.ts";
import { analyzeBrief, chartMonths, windowsFor, type Brief } from "./brief.ts";
import {
  attacksBy,
  CITED_EVENTS,
  DISRUPTIONS,
  LISTED_EVENT_IDS,
  NAMED_DISRUPTIONS,
  disruptionKey,
  reconcilable,
  reconciliationCondition,
  suicideOrComplex,
  SUICIDE_BOMB,
  type DeathTally,
  type DigestOptions,
  type EventDigest,
  type Reconciled,
} from "./digest.ts";
import { countryCode, textNamesCountry } from "./countries.ts";
import { SUICIDE_OR_COMPLEX_WORDS, describesSuicideOrComplex, type GroupSentence } from "./indicators.ts";
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
function latestDay(eventDates: readonly string[], figures: readonly Figure[], documentDates: readonly (string | null)[]): string | null {
  const days = [
    ...eventDates,
    ...figures.filter((figure) => figure.qualifier !== "projected").map((figure) => figure.periodEnd ?? figure.periodStart),
    ...documentDates,
  ]
    .filter((date): date is string => date !== null && isPartialDate(date))
    .map((date) => dayBounds(date).last)
    .sort();
  return days[days.length - 1] ?? null;
}

/**
 * The dates that may be the group's latest in the region, read through the monthly rollup: the
 * latest month, or a later-ending year-only date; a month is then read to its latest day.
 */
async function latestEventDates(store: Store, group: string, countries: readonly string[]): Promise<string[]> {
  const months = await store.eventMonths(group, countries);
  const latest = [...months].sort((left, right) => compareText(dayBounds(left).last, dayBounds(right).last)).pop();
  if (latest === undefined) return [];
  if (latest.length === 4) return [latest];
  return store.eventDates({ group, since: latest, until: latest, where: { countries } });
}

/** A class with at least this many events in a range is read by walking the date index. */
const DENSE_CLASS = 1000;

/** Foiled plots and arrests read per page while naming the first few. */
const DISRUPTION_PAGE = 100;

/** Events at most this far before the baseline window are read, for figures that reach back. */
function earliestDay(windowsFirst: string, figures: readonly Figure[]): string {
  const starts = figures.flatMap((figure) => (figure.periodStart === null ? [] : [dayBounds(figure.periodStart).first]));
  return [windowsFirst, ...starts].sort()[0] ?? windowsFirst;
}

/**
 * The digest of digestFromEvents() (./digest.ts), counted in SQL: a few aggregate queries and a
 * few short ordered reads, whatever the number of events. `scope` selects the group's events in
 * the region known by as-of; `region` holds the region's countries.
 */
export async function digestFromStore(
  store: Store,
  scope: CountFilter,
  region: readonly string[],
  options: Omit<DigestOptions, "suicideIds">,
): Promise<EventDigest> {
  const { windows, asOf } = options;
  const groupNames = options.groupNames ?? [];
  const attacks = attacksBy(groupNames);
  const inRegion = (condition: EventCondition): EventFilter => ({ ...scope, where: { ...condition, countries: region } });
  // The first events of a class in date order. Where the class is dense in the range, walking
  // the date index finds them at once; where it is rare, the default plan finds the few first.
  const first = async (condition: EventCondition, limit: number, known: number): Promise<Event[]> =>
    limit <= 0 || known === 0
      ? []
      : store.findEvents({ ...inRegion(condition), limit }, { details: false, walkDates: known >= DENSE_CLASS });

  // Suicide and complex attacks are found in the sentences: the store finds the few sentences
  // holding one of the words, and the patterns decide.
  const candidates = await store.eventsWithEvidenceContaining(inRegion({}), SUICIDE_OR_COMPLEX_WORDS);
  const candidateEvidence = await store.eventEvidence(candidates);
  const suicideIds = candidates.filter((id) => (candidateEvidence.get(id) ?? []).some((span) => describesSuicideOrComplex(span.text)));
  const suicide = suicideOrComplex(suicideIds);

  const figures = options.figures.filter(reconcilable);
  // One tally counts every window, class and figure: windows are a grouping key, classes are
  // conditions. It names no single event, so the store counts whole months from its rollup; the
  // events whose sentences describe a suicide attack (few) are counted here.
  const conditions: EventCondition[] = [
    { anyOf: attacks },
    { anyOf: [SUICIDE_BOMB] },
    { anyOf: DISRUPTIONS },
    { anyOf: attacks, withFatalities: true },
    { anyOf: DISRUPTIONS, datedUntil: asOf },
    ...figures.map((figure) => reconciliationCondition(figure, groupNames)),
  ];
  const rows = await store.tallyEvents({ ...scope, where: { countries: region } }, conditions, [
    "month",
    "country",
    { windows: [windows.current, windows.baseline] },
  ]);
  const CURRENT = "0";
  const BASELINE = "1";
  const WINDOW_KEY = 2;
  const describedSuicide = (
    suicideIds.length === 0 ? [] : await store.findEvents(inRegion({ anyOf: [{ ids: suicideIds }] }), { details: false })
  ).filter((event) => !matchesCondition(event, { anyOf: [SUICIDE_BOMB] }));
  /** Condition `index` summed over the groups, in one window or (null) in all. */
  const total = (index: number, window: string | null = null): DeathTally => {
    const kept = window === null ? rows : rows.filter((row) => row.keys[WINDOW_KEY] === window);
    // Suicide attacks: the sub-event type's count, and the events only their sentences tell.
    const told =
      index !== 1
        ? []
        : describedSuicide.filter(
            (event) => window === null || matchesCondition(event, { within: window === CURRENT ? windows.current : windows.baseline }),
          );
    return {
      events: kept.reduce((sum, row) => sum + (row.tallies[index]?.events ?? 0), 0) + told.length,
      fatalities:
        kept.reduce((sum, row) => sum + (row.tallies[index]?.fatalities ?? 0), 0) +
        told.reduce((sum, event) => sum + (event.fatalities ?? 0), 0),
    };
  };
  // Attacks per place in each window; a place is new when it saw attacks now and none before.
  const attacksIn = (window: DayWindow) => store.placeCounts(inRegion({ anyOf: attacks, within: window }));
  const [baselineByPlace, currentByPlace] = [await attacksIn(windows.baseline), await attacksIn(windows.current)];
  const byPlace = new Map<string, { baseline: number; current: number }>();
  for (const [place, baseline] of baselineByPlace) byPlace.set(place, { baseline, current: 0 });
  for (const [place, current] of currentByPlace) byPlace.set(place, { baseline: byPlace.get(place)?.baseline ?? 0, current });
  const windowTally = async (classIndex: number, anyOf: readonly EventClause[], extra: EventCondition = {}) => {
    const current = total(classIndex, CURRENT).events;
    const baseline = total(classIndex, BASELINE).events;
    const currentCited = await first({ ...extra, anyOf, within: windows.current }, CITED_EVENTS, current);
    const cited = [
      ...currentCited,
      ...(await first({ ...extra, anyOf, within: windows.baseline }, CITED_EVENTS - currentCited.length, baseline)),
    ];
    return { current, baseline, cited };
  };

  const reconciliations = new Map<string, Reconciled>();
  for (const [index, figure] of figures.entries()) {
    const tally = total(5 + index);
    const condition = reconciliationCondition(figure, groupNames);
    const counted = figure.measure === "fatalities" ? tally.fatalities : tally.events;
    const listed =
      tally.events === 0
        ? []
        : await store.findEvents(
            { ...scope, where: { ...condition, countries: condition.countries ?? region }, limit: LISTED_EVENT_IDS },
            { details: false, walkDates: tally.events >= DENSE_CLASS },
          );
    reconciliations.set(figure.id, { counted, eventIds: listed.map((event) => event.id) });
  }

  // A place is new when it saw attacks now and none in the baseline window.
  const places = [...byPlace.entries()].sort(([left], [right]) => compareText(left, right));
  const baselinePlaces = places.filter(([, counts]) => counts.baseline > 0).map(([place]) => place);
  const freshPlaces = places.filter(([, counts]) => counts.baseline === 0 && counts.current > 0);
  const freshCount = freshPlaces.reduce((sum, [, counts]) => sum + counts.current, 0);
  const fresh: EventCondition = { anyOf: attacks, within: windows.current, placeNotIn: baselinePlaces };

  // Foiled plots and arrests: the events of the first few distinct ones, read page by page in
  // date order. Reports of one incident share its date, so once the pages pass the last named
  // incident's date no later event can be another report of a named one.
  const disruption: EventCondition = { anyOf: DISRUPTIONS, datedUntil: asOf };
  const named = new Set<string>();
  const disruptionEvents: Event[] = [];
  let lastNamedDate = "";
  for (let offset = 0; ; offset += DISRUPTION_PAGE) {
    const page = await store.findEvents(
      { ...inRegion(disruption), limit: DISRUPTION_PAGE, offset },
      { details: false, walkDates: total(2).events >= DENSE_CLASS },
    );
    for (const event of page) {
      const key = disruptionKey(event);
      if (!named.has(key)) {
        if (named.size >= NAMED_DISRUPTIONS) continue;
        named.add(key);
        lastNamedDate = event.eventDate ?? "";
      }
      disruptionEvents.push(event);
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < DISRUPTION_PAGE) break;
    if (named.size >= NAMED_DISRUPTIONS && (last.eventDate ?? "") > lastNamedDate) break;
  }

  // The chart's months from the same pass; events outside them (or with no month) are unplaced.
  const monthly = seriesFromCounts(
    rows.map((row) => ({
      date: row.keys[0] ?? null,
      keys: [row.keys[1] ?? NO_VALUE],
      events: row.all.events,
      fatalities: row.all.fatalities,
    })),
    { interval: "month", by: ["country"], from: options.firstMonth, to: options.lastMonth },
  );
  const lethality = await windowTally(3, attacks, { withFatalities: true });
  return {
    monthly,
    attacks: await windowTally(0, attacks),
    suicideComplex: await windowTally(1, suicide),
    disrupted: await windowTally(2, DISRUPTIONS),
    lethality: { current: total(3, CURRENT), baseline: total(3, BASELINE), cited: lethality.cited },
    spread: {
      baselinePlaces: baselinePlaces.length,
      freshPlaces: freshPlaces.map(([place]) => place),
      cited: await first(fresh, CITED_EVENTS, freshCount),
    },
    reconciliations,
    disruptions: {
      total: total(4).events,
      events: disruptionEvents,
    },
  };
}

/** Every event a digest may cite: the first few of each indicator, and the disruptions named. */
function citedEvents(digest: EventDigest): Event[] {
  return [
    ...digest.attacks.cited,
    ...digest.suicideComplex.cited,
    ...digest.disrupted.cited,
    ...digest.lethality.cited,
    ...digest.spread.cited,
    ...digest.disruptions.events,
  ];
}

/**
 * Events are read without their sentences; those the brief cites get them afterwards. Which
 * events a brief cites depends only on their order (./digest.ts), never on their sentences.
 */
async function withEvidence(store: Store, digest: EventDigest): Promise<EventDigest> {
  const evidence = await store.eventEvidence(citedEvents(digest).map((event) => event.id));
  const fill = (events: readonly Event[]): Event[] => events.map((event) => ({ ...event, evidence: evidence.get(event.id) ?? [] }));
  return {
    ...digest,
    attacks: { ...digest.attacks, cited: fill(digest.attacks.cited) },
    suicideComplex: { ...digest.suicideComplex, cited: fill(digest.suicideComplex.cited) },
    disrupted: { ...digest.disrupted, cited: fill(digest.disrupted.cited) },
    lethality: { ...digest.lethality, cited: fill(digest.lethality.cited) },
    spread: { ...digest.spread, cited: fill(digest.spread.cited) },
    disruptions: { ...digest.disruptions, events: fill(digest.disruptions.events) },
  };
}

export async function loadBrief(store: Store, request: BriefRequest): Promise<Brief> {
  const actor = await store.findActor(request.group);
  const group = actor?.canonicalName ?? request.group;
  // A name nothing stored knows is most often a misspelling: say so, rather than write a brief
  // of nothing ("no signs of rebuilding") that reads like an answer.
  const groupNames = await store.groupNames(group);
  if (actor === null && groupNames.length === 0 && (await store.findFigures({ group })).length === 0) {
    throw new SitrepError("GROUP_UNKNOWN", `no event, figure or alias in the registry names the group "${request.group}"`, {
      input: request.group,
    });
  }
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
  const allFigures = (await store.findFigures({ group, assess: true })).filter(
    (figure) => figure.country === null || countrySet.has(figure.country),
  );

  const documents = new Map<string, DocumentInfo & { readonly text: string }>();
  const remember = async (id: string): Promise<void> => {
    if (documents.has(id)) return;
    const info = await documentInfo(store, id);
    if (info !== null) documents.set(id, info);
  };
  for (const figure of allFigures) await remember(figure.documentId);
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

  // By default the brief is as of its newest report: no later day is known to anyone. Without
  // any publication date, as of the latest day its events and figures name.
  const published = latestDay(
    [],
    [],
    [...documents.values()].map((info) => info.publishedDate),
  );
  const asOf =
    request.asOf !== undefined
      ? dayBounds(checkedDate(request.asOf, "--as-of")).last
      : (published ?? latestDay(await latestEventDates(store, group, countries), allFigures, []) ?? "1970-01-01");

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

  const documentAfter = (id: string): boolean => {
    const date = documents.get(id)?.publishedDate ?? null;
    return date !== null && isPartialDate(date) && dayBounds(date).first > asOf;
  };
  for (const id of [...documents.keys()]) if (documentAfter(id)) documents.delete(id);
  const figures = allFigures.filter(
    (figure) => documents.has(figure.documentId) && (figure.periodStart === null || dayBounds(figure.periodStart).first <= asOf),
  );

  // The events the brief counts: the group's, in the region, first reported by as-of, from the
  // baseline window's start (or the earliest figure it reconciles) to as-of.
  const windows = windowsFor(asOf, pivot);
  const chart = chartMonths(windows, asOf);
  // Every query over the events pays for the as-of test; skip it when no report is later.
  const knownBy = (await store.hasDocumentsAfter(asOf)) ? { knownBy: asOf } : {};
  const scope: CountFilter = { group, since: earliestDay(windows.baseline.first, figures), until: asOf, ...knownBy };
  const digest = await withEvidence(
    store,
    await digestFromStore(store, scope, countries, {
      windows,
      asOf,
      firstMonth: chart.first,
      lastMonth: chart.last,
      figures,
      // A raid or a strike on the group is among its events but is no attack of its.
      groupNames,
    }),
  );
  // The documents of the events cited are listed with the brief.
  for (const event of citedEvents(digest)) await remember(event.documentId);

  const sentences: GroupSentence[] = [];
  for (const [id, info] of [...documents.entries()].sort(([left], [right]) => compareText(left, right))) {
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
    digest,
    figures,
    sentences,
    documents: new Map(
      [...documents.entries()].map(([id, { publisher, title, publishedDate }]) => [id, { publisher, title, publishedDate }]),
    ),
  });
}

/** Code-unit order, as SQL's binary collation: the same order whatever the locale. */
function compareText(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
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
