// What a brief needs to know about a group's events, without holding the events: counts per
// window and class, deaths, places, the monthly series, each reported figure's counted events,
// and the few events it cites. digestFromEvents() computes it from events in memory (tests,
// small sets); service.ts computes the same digest in SQL over a store of any size, from the same
// conditions (src/store/conditions.ts). digest.test.ts holds the two to the same answers.
import type { Event, Figure } from "../domain/records.ts";
import { matchesCondition, type EventClause, type EventCondition } from "../store/conditions.ts";
import { describesSuicideOrComplex, type Window, type Windows } from "./indicators.ts";
import { buildSeries, type Series } from "./series.ts";

/** ACLED's political-violence event types (Codebook 2023, §"Event types"): what an "attack" count covers. */
export const VIOLENT_EVENT_TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians"] as const;

/** Attacks: political violence that was not foiled. */
export const ATTACKS: readonly EventClause[] = [{ eventTypes: VIOLENT_EVENT_TYPES, notStatus: "foiled" }];

/**
 * The group's attacks: ATTACKS, less the events in which another named actor acts on the group
 * (a raid or a strike on it is among its events, but is no attack of its). `groupNames`: the
 * group's names as events store them; none, every attack.
 */
export function attacksBy(groupNames: readonly string[]): readonly EventClause[] {
  return groupNames.length === 0 ? ATTACKS : ATTACKS.map((clause) => ({ ...clause, notTargetOf: groupNames }));
}
/**
 * Foiled plots: foiled events, and disrupted weapons use (a plot stopped, a cache seized). A bomb
 * defused where it was planted is an attempted attack, counted with the attacks (ADR-5).
 */
export const FOILED: readonly EventClause[] = [{ status: "foiled" }, { subEventType: "Disrupted weapons use" }];
export const ARRESTS: readonly EventClause[] = [{ subEventType: "Arrests" }];
export const DISRUPTIONS: readonly EventClause[] = [...FOILED, ...ARRESTS];

/** ACLED's sub-event type for suicide bombings. */
export const SUICIDE_BOMB: EventClause = { subEventType: "Suicide bomb" };

/** Suicide and complex attacks: the sub-event type, or events whose sentences say so (`ids`). */
export function suicideOrComplex(ids: readonly string[]): readonly EventClause[] {
  return [SUICIDE_BOMB, { ids }];
}

/** Events cited per indicator; a brief names a few and counts the rest. */
export const CITED_EVENTS = 8;
/** Foiled plots and arrests named one by one in the assessment. */
export const NAMED_DISRUPTIONS = 8;
/** Event ids listed with a reconciled figure (the count covers them all). */
export const LISTED_EVENT_IDS = 100;

export interface WindowTally {
  readonly current: number;
  readonly baseline: number;
  /** The first CITED_EVENTS events of the current window, then of the baseline, by date and id. */
  readonly cited: readonly Event[];
}

export interface DeathTally {
  /** Events with a known death toll, and the deaths they record. */
  readonly events: number;
  readonly fatalities: number;
}

export interface Reconciled {
  /** Events (or, for fatalities, the sum of their fatalities) the database holds for the figure's scope. */
  readonly counted: number;
  /** The first LISTED_EVENT_IDS of them, by date and id. */
  readonly eventIds: readonly string[];
}

export interface EventDigest {
  /** Events per month by country over the chart's months; the rest counted as unplaced. */
  readonly monthly: Series;
  readonly attacks: WindowTally;
  readonly suicideComplex: WindowTally;
  readonly disrupted: WindowTally;
  readonly lethality: { readonly current: DeathTally; readonly baseline: DeathTally; readonly cited: readonly Event[] };
  readonly spread: { readonly baselinePlaces: number; readonly freshPlaces: readonly string[]; readonly cited: readonly Event[] };
  /** By figure id, for every figure reconcilable() accepts. */
  readonly reconciliations: ReadonlyMap<string, Reconciled>;
  /**
   * Foiled plots and arrests up to as-of: how many events, and the events of the first few
   * distinct ones (several reports of one incident describe it alike: disruptionKey).
   */
  readonly disruptions: { readonly total: number; readonly events: readonly Event[] };
}

export interface DigestOptions {
  readonly windows: Windows;
  readonly asOf: string;
  /** First and last month of the chart ("2024-01"). */
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly figures: readonly Figure[];
  /** Ids of events whose sentences describe a suicide or complex attack (describesSuicideOrComplex). */
  readonly suicideIds: readonly string[];
  /** The group's names as events store them (attacksBy); absent or empty: every attack counts. */
  readonly groupNames?: readonly string[];
}

const COUNTED_MEASURES = new Set(["attacks", "claimed_attacks", "foiled_plots", "arrests", "fatalities"]);

/** A reported figure the database's events can be counted against: a count over a known period. */
export function reconcilable(figure: Figure): boolean {
  return (
    !figure.derived &&
    COUNTED_MEASURES.has(figure.measure) &&
    figure.periodStart !== null &&
    figure.periodEnd !== null &&
    figure.qualifier !== "projected"
  );
}

/** The events a figure is reconciled against: its class, place and period; attacks are the group's (attacksBy). */
export function reconciliationCondition(figure: Figure, groupNames: readonly string[] = []): EventCondition {
  const anyOf =
    figure.measure === "foiled_plots"
      ? FOILED
      : figure.measure === "arrests"
        ? ARRESTS
        : COUNTED_MEASURES.has(figure.measure)
          ? attacksBy(groupNames)
          : [];
  return {
    anyOf,
    within: { first: figure.periodStart ?? "0000-01-01", last: figure.periodEnd ?? "9999-12-31" },
    ...(figure.country === null ? {} : { countries: [figure.country] }),
  };
}

/** Two reports of one foiled plot or arrest describe it alike: arrest or not, place, date. */
export function disruptionKey(event: Event): string {
  return [event.subEventType === "Arrests" ? "1" : "0", event.location ?? event.country ?? "", event.eventDate ?? ""].join("\u001f");
}

function byDateThenId(left: Event, right: Event): number {
  const leftDate = left.eventDate ?? "9999";
  const rightDate = right.eventDate ?? "9999";
  if (leftDate !== rightDate) return leftDate < rightDate ? -1 : 1;
  return left.id < right.id ? -1 : left.id > right.id ? 1 : 0;
}

function placeOf(event: Event): string | null {
  return event.location ?? event.admin1;
}

/** Ids of the events whose sentences describe a suicide or complex attack. */
export function suicideIdsOf(events: readonly Event[]): string[] {
  return events.filter((event) => event.evidence.some((span) => describesSuicideOrComplex(span.text))).map((event) => event.id);
}

/** Each reconcilable figure's counted events, from events in memory (ordered as the store orders). */
export function reconciliationsFromEvents(
  events: readonly Event[],
  figures: readonly Figure[],
  groupNames: readonly string[] = [],
): Map<string, Reconciled> {
  const ordered = [...events].sort(byDateThenId);
  const reconciliations = new Map<string, Reconciled>();
  for (const figure of figures.filter(reconcilable)) {
    const condition = reconciliationCondition(figure, groupNames);
    const found = ordered.filter((event) => matchesCondition(event, condition));
    reconciliations.set(figure.id, {
      counted: figure.measure === "fatalities" ? found.reduce((sum, event) => sum + (event.fatalities ?? 0), 0) : found.length,
      eventIds: found.slice(0, LISTED_EVENT_IDS).map((event) => event.id),
    });
  }
  return reconciliations;
}

/** The digest of events held in memory: the reference the SQL path must agree with. */
export function digestFromEvents(events: readonly Event[], options: DigestOptions): EventDigest {
  const ordered = [...events].sort(byDateThenId);
  const attacks = attacksBy(options.groupNames ?? []);
  const matching = (condition: EventCondition): Event[] => ordered.filter((event) => matchesCondition(event, condition));
  const tally = (anyOf: readonly EventClause[]): WindowTally => {
    const current = matching({ anyOf, within: options.windows.current });
    const baseline = matching({ anyOf, within: options.windows.baseline });
    return { current: current.length, baseline: baseline.length, cited: [...current, ...baseline].slice(0, CITED_EVENTS) };
  };
  const deaths = (window: Window): { tally: DeathTally; events: Event[] } => {
    const known = matching({ anyOf: attacks, within: window, withFatalities: true });
    return { tally: { events: known.length, fatalities: known.reduce((sum, event) => sum + (event.fatalities ?? 0), 0) }, events: known };
  };
  const currentDeaths = deaths(options.windows.current);
  const baselineDeaths = deaths(options.windows.baseline);

  const places = (window: Window): Set<string> =>
    new Set(matching({ anyOf: attacks, within: window }).flatMap((event) => placeOf(event) ?? []));
  const before = places(options.windows.baseline);
  const fresh = matching({ anyOf: attacks, within: options.windows.current }).filter((event) => {
    const place = placeOf(event);
    return place !== null && !before.has(place);
  });

  const reconciliations = reconciliationsFromEvents(ordered, options.figures, options.groupNames ?? []);

  const disruptions = matching({ anyOf: DISRUPTIONS, datedUntil: options.asOf });
  const keys = [...new Set(disruptions.map(disruptionKey))];
  const named = new Set(keys.slice(0, NAMED_DISRUPTIONS));

  return {
    monthly: buildSeries(events, { interval: "month", by: ["country"], from: options.firstMonth, to: options.lastMonth }),
    attacks: tally(attacks),
    suicideComplex: tally(suicideOrComplex(options.suicideIds)),
    disrupted: tally(DISRUPTIONS),
    lethality: {
      current: currentDeaths.tally,
      baseline: baselineDeaths.tally,
      cited: [...currentDeaths.events, ...baselineDeaths.events].slice(0, CITED_EVENTS),
    },
    spread: {
      baselinePlaces: before.size,
      freshPlaces: [...new Set(fresh.flatMap((event) => placeOf(event) ?? []))].sort(),
      cited: fresh.slice(0, CITED_EVENTS),
    },
    reconciliations,
    disruptions: { total: disruptions.length, events: disruptions.filter((event) => named.has(disruptionKey(event))) },
  };
}
