// The assessment: a few judgements in the estimative language of ICD 203 (Analytic Standards,
// 2015, §D.6.b(2)(a)), each built by a stated rule from the ledger and the indicators, each
// sentence carrying the evidence sentences it rests on, a confidence level from the sourcing, and
// a watch list of what would change the judgement. Nothing here is free text: change the numbers
// and the sentences change with them.
import type { Event } from "../domain/records.ts";
import { NAMED_DISRUPTIONS } from "./digest.ts";
import type { Indicator } from "./indicators.ts";
import { citationsOf, type Citation, type DocumentInfo, type Ledger } from "./ledger.ts";
import { regularizedBeta } from "./numeric.ts";
import type { RateComparison } from "./rates.ts";

/** ICD 203's likelihood scale: the upper bounds of each band, as fractions. */
export const ESTIMATIVE_SCALE: readonly { readonly term: string; readonly upTo: number }[] = [
  { term: "almost no chance", upTo: 0.05 },
  { term: "very unlikely", upTo: 0.2 },
  { term: "unlikely", upTo: 0.45 },
  { term: "roughly even chance", upTo: 0.55 },
  { term: "likely", upTo: 0.8 },
  { term: "very likely", upTo: 0.95 },
  { term: "almost certain", upTo: 1 },
];

export function estimativeTerm(probability: number): string {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`a probability must lie in [0, 1], not ${probability}`);
  return ESTIMATIVE_SCALE.find((band) => probability <= band.upTo)?.term ?? "almost certain";
}

/**
 * P(at least `needed` more events in `remainingLength`) given `observed` in `observedLength`,
 * with the rate's Jeffreys posterior Gamma(observed + ½, observedLength): the predictive count is
 * negative binomial with shape observed + ½ and p = observedLength / (observedLength + remaining),
 * whose upper tail is 1 − I_p(shape, needed).
 */
export function probabilityOfAtLeast(needed: number, observed: number, observedLength: number, remainingLength: number): number {
  if (needed <= 0) return 1;
  if (remainingLength <= 0) return 0;
  const p = observedLength / (observedLength + remainingLength);
  return 1 - regularizedBeta(p, observed + 0.5, Math.ceil(needed));
}

/** "there is almost no chance that …" / "it is very likely that …": ICD 203's terms are nouns or adjectives. */
export function likelihoodClause(probability: number, clause: string): string {
  const term = estimativeTerm(probability);
  return term.endsWith("chance") ? `there is ${term} that ${clause}` : `it is ${term} that ${clause}`;
}

/**
 * Below this two-sided p-value a difference between two counts is given a likelihood; at or
 * above it the counts are too few or too close to say which way the rate moved (1 against 0 is
 * no evidence of a rise, whatever a posterior on so little says).
 */
export const DIRECTION_P_VALUE = 0.2;

/** The probability of what directionClause states, or null when it states no likelihood. */
function statedProbability(comparison: RateComparison): number | null {
  if (comparison.pValue >= DIRECTION_P_VALUE) return null;
  return Math.max(comparison.probabilityLower, 1 - comparison.probabilityLower);
}

/** The direction of a comparison in words, or that there is none to state. */
export function directionClause(comparison: RateComparison, against: string): string {
  if (comparison.pValue >= DIRECTION_P_VALUE) return `the counts are too few or too close to say whether the rate moved`;
  const probability = comparison.probabilityLower;
  return probability >= 0.5
    ? likelihoodClause(probability, `the rate is lower than ${against}`)
    : likelihoodClause(1 - probability, `the rate is higher than ${against}`);
}

export type ConfidenceLevel = "low" | "moderate" | "high";

export interface Sentence {
  readonly text: string;
  readonly citations: readonly Citation[];
  /** The probability behind an estimative term, when the sentence uses one. */
  readonly probability: number | null;
}

export interface Assessment {
  readonly bottomLine: Sentence;
  readonly judgements: readonly Sentence[];
  readonly confidence: { readonly level: ConfidenceLevel; readonly reasons: readonly string[] };
  readonly watchList: readonly Sentence[];
  /** Every rule applied, in words, for the brief's method section. */
  readonly rules: readonly string[];
}

export interface AssessmentInput {
  readonly group: string;
  readonly regionLabel: string;
  readonly ledger: Ledger;
  readonly indicators: readonly Indicator[];
  /** Foiled plots and arrests (in the region, up to as-of): how many, and the events of the first few. */
  readonly disruptions: { readonly total: number; readonly events: readonly Event[] };
  readonly documents: ReadonlyMap<string, DocumentInfo>;
  readonly countryName: (code: string | null) => string;
  /**
   * The first day of the brief's current window. A monitors' comparison or projection whose
   * period ended before it is history: it is stated, but it does not decide the bottom line.
   * Absent, every comparison counts.
   */
  readonly currentFrom?: string;
}

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2024-12-02" → "2 December 2024"; "2024-12" → "December 2024". */
export function spokenDate(date: string | null): string {
  if (date === null) return "an unknown date";
  const year = date.slice(0, 4);
  const month = MONTH_NAMES[Number(date.slice(5, 7)) - 1];
  if (date.length >= 10 && month !== undefined) return `${Number(date.slice(8, 10))} ${month} ${year}`;
  if (date.length >= 7 && month !== undefined) return `${month} ${year}`;
  return year;
}

export function spokenPeriod(start: string | null, end: string | null): string {
  if (start === null || end === null) return spokenDate(start ?? end);
  const startMonth = MONTH_NAMES[Number(start.slice(5, 7)) - 1] ?? "";
  const endMonth = MONTH_NAMES[Number(end.slice(5, 7)) - 1] ?? "";
  if (start.endsWith("-01-01") && end.endsWith("-12-31") && start.slice(0, 4) === end.slice(0, 4)) return start.slice(0, 4);
  if (start.slice(0, 4) === end.slice(0, 4) && start.endsWith("-01")) {
    return startMonth === endMonth ? `${startMonth} ${start.slice(0, 4)}` : `${startMonth}–${endMonth} ${start.slice(0, 4)}`;
  }
  return `${spokenDate(start)} – ${spokenDate(end)}`;
}

function percent(fraction: number): string {
  const value = Math.round(fraction * 100);
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value)}%`;
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  return [...new Map(citations.map((citation) => [`${citation.documentId}\u001f${citation.text}`, citation])).values()];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function measureWords(measure: string): string {
  return measure === "claimed_attacks" ? "claimed attacks" : measure.replace(/_/g, " ");
}

export function assess(input: AssessmentInput): Assessment {
  const { ledger, indicators, group, regionLabel } = input;
  const judgements: Sentence[] = [];
  const watchList: Sentence[] = [];
  const rules: string[] = [
    "Likelihood terms follow ICD 203: almost no chance ≤5%, very unlikely ≤20%, unlikely ≤45%, roughly even chance ≤55%, likely ≤80%, very likely ≤95%, almost certain above.",
  ];

  // 1. Same-period comparisons: P(the current rate is below the previous one).
  let below = 0;
  let above = 0;
  let unclear = 0;
  let farBelow = true;
  // A comparison counts as a move only when the exact test separates the counts and the move is
  // "very likely" either way (ICD 203: above 80%).
  // The sentences that decide the bottom line are the ones it cites.
  const decisive: Citation[] = [];
  const tally = (probabilityLower: number, pValue: number, citations: readonly Citation[]): void => {
    decisive.push(...citations);
    if (pValue >= DIRECTION_P_VALUE) unclear++;
    else if (probabilityLower > 0.8) below++;
    else if (probabilityLower < 0.2) above++;
    else unclear++;
  };
  const isHistory = (periodEnd: string | null): boolean =>
    input.currentFrom !== undefined && periodEnd !== null && periodEnd < input.currentFrom;
  // Whether a figure the monitors reported for the current window decided the direction.
  let figuresDecide = false;
  for (const entry of ledger.comparisons) {
    const { comparison, current, previous } = entry;
    const probability = comparison.probabilityLower;
    const history = isHistory(current.periodEnd);
    if (!history) {
      tally(probability, comparison.pValue, entry.citations);
      if (!(comparison.interval.upper < 0.5)) farBelow = false;
      figuresDecide = true;
    }
    const change = comparison.percentChange === null ? "" : ` (${percent(comparison.percentChange)})`;
    judgements.push({
      text:
        `${history ? "Earlier, before the current window: " : ""}${group} ${measureWords(current.measure)} in ${input.countryName(current.country)}: ${current.value} in ${spokenPeriod(current.periodStart, current.periodEnd)} ` +
        `against ${previous.value} in the same period a year earlier${change}; ${directionClause(comparison, "a year earlier")} ` +
        `(exact test p = ${formatP(comparison.pValue)}, rate ratio ${comparison.rateRatio?.toFixed(2) ?? "n/a"}, 95% CI ${comparison.interval.lower.toFixed(2)}–${comparison.interval.upper.toFixed(2)}).`,
      citations: entry.citations,
      probability: statedProbability(comparison),
    });
    if (!history)
      watchList.push({
        text: `${capitalized(measureWords(current.measure))} in ${input.countryName(current.country)} returning towards the ${previous.value} of ${spokenPeriod(previous.periodStart, previous.periodEnd)} would reverse the ${probability >= 0.5 ? "fall" : "rise"}.`,
        citations: entry.citations,
        probability: null,
      });
  }
  if (ledger.comparisons.length > 0) {
    rules.push(
      "Same-period comparison: P(current rate < previous rate) from the conditional binomial with a Jeffreys prior; p-value from the exact conditional test.",
    );
  }

  // 2. Projections and the previous year's level: P(reaching it this year at the current tempo).
  let reachProbability: number | null = null;
  let reachCitations: Citation[] = [];
  let previousYearLabel: string | null = null;
  for (const entry of ledger.projections) {
    const { projection, basis, year } = entry;
    const previous = ledger.previousYears.find(
      (candidate) =>
        candidate.year === year - 1 && candidate.derived.measure === basis.measure && candidate.derived.country === basis.country,
    );
    const reported = entry.reported === null ? "" : ` (the report says ${entry.reported.value})`;
    const place = input.countryName(basis.country);
    judgements.push({
      text:
        `At ${basis.value} ${measureWords(basis.measure)} in ${projection.observedLength} months, ${group} is on course for about ${Math.round(projection.projected)} in ${place} in ${year}${reported}; ` +
        `95% interval ${Math.round(projection.interval.lower)}–${Math.round(projection.interval.upper)} if the tempo holds.`,
      citations: uniqueCitations([...entry.citations, ...(entry.reported === null ? [] : citationsOf(entry.reported))]),
      probability: null,
    });
    if (previous === undefined) continue;
    const previousValue = Math.round(previous.value);
    const needed = previousValue - basis.value;
    const remaining = projection.fullLength - projection.observedLength;
    const probability = probabilityOfAtLeast(needed, basis.value, projection.observedLength, remaining);
    const citations = uniqueCitations([...entry.citations, ...previous.citations]);
    judgements.push({
      text:
        `That would be about ${previous.fractionLabel} of ${year - 1}, when the same count was about ${previousValue} (derived: ${previous.method}); ` +
        `${likelihoodClause(probability, `${year} reaches the ${year - 1} level at the current tempo`)} (${formatProbability(probability)}).`,
      citations,
      probability,
    });
    // The year ends below the previous one unless it reaches it.
    if (!isHistory(`${year}-12-31`)) {
      if (reachProbability === null || probability > reachProbability) {
        reachProbability = probability;
        reachCitations = citations;
        previousYearLabel = String(year - 1);
      }
      if (!(projection.projected / previous.value < 0.5)) farBelow = false;
      tally(1 - probability, 0, citations);
      figuresDecide = true;
    }
    const perMonth = needed / remaining;
    watchList.push({
      text: `More than ${Math.ceil(perMonth)} ${measureWords(basis.measure)} a month in ${place} for the rest of ${year} (now ${(basis.value / projection.observedLength).toFixed(1)}) would put ${group} back at its ${year - 1} level.`,
      citations,
      probability: null,
    });
  }
  if (ledger.projections.length > 0) {
    rules.push(
      "Run-rate projection with an exact Poisson (Garwood) interval; the chance of reaching the previous year uses the negative-binomial predictive count (Jeffreys prior on the rate).",
    );
  }

  // 3. Disruptions: foiled plots and arrests, named one by one.
  const foiled = indicators.find((indicator) => indicator.id === "foiled_arrests");
  const plotFigures = ledger.entries.filter((entry) => entry.figure.measure === "foiled_plots" || entry.figure.measure === "arrests");
  if (input.disruptions.total > 0 || plotFigures.length > 0) {
    const counts = plotFigures.map(
      ({ figure }) =>
        `${figure.qualifier === "at_least" ? "at least " : figure.qualifier === "about" ? "about " : ""}${figure.value} ${figure.measure === "arrests" ? "arrests" : "foiled plots"}` +
        (figure.source === null ? "" : ` (${figure.source})`),
    );
    // Two reports of one incident are one line. A long list is cut: the events named are cited,
    // the rest only counted (a brief over a large database would otherwise cite thousands).
    const describe = (event: Event): string =>
      `${event.subEventType === "Arrests" ? "an arrest" : "a foiled attack"} in ${event.location ?? input.countryName(event.country)} ` +
      `${event.eventDate !== null && event.eventDate.length >= 10 ? "on" : "in"} ${spokenDate(event.eventDate)}`;
    const described = [...new Set(input.disruptions.events.map(describe))].slice(0, NAMED_DISRUPTIONS);
    // The rest are counted as events: reports of one incident are merged on ingest (or not).
    const more = input.disruptions.total - input.disruptions.events.length;
    const named = more > 0 ? [...described, `${more} more`] : described;
    const namedEvents = input.disruptions.events.filter((event) => described.includes(describe(event)));
    const parts = [
      counts.length > 0 ? `Security services report ${counts.join("; ")}` : "",
      named.length > 0 ? `the database holds ${named.join(", ")}` : "",
    ]
      .filter((part) => part !== "")
      .join("; ");
    judgements.push({
      text: `${capitalized(parts)}: plots are still being attempted, and disrupted.`,
      citations: uniqueCitations([
        ...plotFigures.flatMap((entry) => entry.citations),
        ...namedEvents.flatMap((event) => citationsOf(event)),
      ]),
      probability: null,
    });
    if (foiled !== undefined) {
      watchList.push({
        text: "A plot that is not disrupted, or fewer foiled plots while attacks rise, would show security pressure failing.",
        citations: foiled.evidence.slice(0, 2),
        probability: null,
      });
    }
  }

  // 4. Rebuilding: every text indicator with evidence.
  const rebuilding = indicators.filter(
    (indicator) => indicator.family === "rebuilding" && indicator.id !== "foiled_arrests" && indicator.evidence.length > 0,
  );
  for (const indicator of rebuilding) {
    judgements.push({
      text: `${indicator.label}: reported in ${indicator.summary}.`,
      citations: indicator.evidence.slice(0, 3),
      probability: null,
    });
  }
  rules.push(
    'Rebuilding is "reported" when at least three of the seven text indicators have evidence sentences, "some signs" for one or two.',
  );
  const rebuildingTotal = indicators.filter((indicator) => indicator.family === "rebuilding" && indicator.id !== "foiled_arrests").length;
  if (rebuilding.length > 0) {
    watchList.push({
      text: `Rebuilding signs (${rebuilding.map((indicator) => indicator.label.toLowerCase()).join(", ")}) turning into attacks: suicide or complex attacks, or attacks in districts with none before.`,
      citations: rebuilding.flatMap((indicator) => indicator.evidence.slice(0, 1)),
      probability: null,
    });
  }

  // 5. Recorded events in the current window against the baseline window.
  const tempo = indicators.find((indicator) => indicator.id === "attack_tempo");
  // Recorded events before and after the pivot are always stated; they decide the bottom line
  // only when the monitors give no figures to compare, because a rule-based database undercounts.
  if (tempo?.comparison !== null && tempo !== undefined) {
    const probability = tempo.comparison.probabilityLower;
    if (tempo.current !== null && tempo.baseline !== null && tempo.current + tempo.baseline > 0) {
      if (!figuresDecide) tally(probability, tempo.comparison.pValue, tempo.evidence);
      if (!figuresDecide && !(tempo.comparison.interval.upper < 0.5)) farBelow = false;
      const clause = directionClause(tempo.comparison, "in the baseline window");
      judgements.push({
        text: `Recorded ${tempo.summary}; ${clause} (exact test p = ${formatP(tempo.comparison.pValue)}).`,
        citations: tempo.evidence,
        probability: statedProbability(tempo.comparison),
      });
    }
  }

  // The bottom line: activity against the baseline, and rebuilding.
  const activity =
    below + above + unclear === 0
      ? "the database holds too few counts to compare its activity with an earlier period"
      : below + above === 0
        ? "activity shows no clear change from its earlier level"
        : above === 0
          ? `activity is ${farBelow ? "far below" : "below"} ${previousYearLabel ?? "its earlier level"}`
          : below === 0
            ? "activity is above its earlier level"
            : "activity is mixed: lower in some places, higher in others";
  const rebuildingWords =
    rebuilding.length >= 3
      ? `rebuilding efforts are reported (${rebuilding.length} of ${rebuildingTotal} indicators)`
      : rebuilding.length > 0
        ? `some signs of rebuilding are reported (${rebuilding.length} of ${rebuildingTotal} indicators)`
        : "no signs of rebuilding are reported";
  const reach =
    reachProbability === null ? "" : `; ${likelihoodClause(reachProbability, `it regains its ${previousYearLabel} tempo this year`)}`;
  const bottomCitations = uniqueCitations([
    ...decisive,
    ...reachCitations,
    ...rebuilding.flatMap((indicator) => indicator.evidence.slice(0, 1)),
  ]);
  const bottomLine: Sentence = {
    text: `${group} in ${regionLabel}: ${activity}, while ${rebuildingWords}${reach}.`,
    citations: bottomCitations,
    probability: reachProbability,
  };
  rules.push(
    'Bottom line: monitors\' comparisons and projections whose period ended before the current window are stated as history and do not decide it; recorded events decide it only when no current figure does. A comparison points down (or up) when its exact test gives p < 0.2 and P(lower) is above 80% (or below 20%), and no likelihood is stated for it otherwise; "far below" when every comparison points down and its 95% upper bound (or projection ratio) is under one half; "mixed" when they disagree.',
  );

  const confidence = confidenceOf([bottomLine, ...judgements], ledger, input.documents);
  rules.push(
    "Confidence: high with three or more cited documents from two or more named publishers and a named source for every figure; moderate with either, or with some named sources or two documents; low otherwise.",
  );
  return { bottomLine, judgements, confidence, watchList, rules };
}

function confidenceOf(
  sentences: readonly Sentence[],
  ledger: Ledger,
  documents: ReadonlyMap<string, DocumentInfo>,
): { level: ConfidenceLevel; reasons: string[] } {
  const cited = new Set(sentences.flatMap((sentence) => sentence.citations.map((citation) => citation.documentId)));
  // Corroboration needs named publishers: two unattributed texts may be one source copied.
  const publishers = new Set([...cited].flatMap((id) => documents.get(id)?.publisher ?? []));
  const unnamed = [...cited].filter((id) => (documents.get(id)?.publisher ?? null) === null).length;
  const figures = ledger.entries.filter((entry) => !entry.figure.derived);
  // A source named only as "figures" or "sources" is not a named source.
  const named = figures.filter(
    (entry) => entry.figure.source !== null && !/^(the )?(figures|sources|data|reports?)$/i.test(entry.figure.source),
  );
  const corroborated = cited.size >= 3 && publishers.size >= 2;
  const sourced = figures.length > 0 && named.length === figures.length;
  const reasons = [
    `${cited.size} document${cited.size === 1 ? "" : "s"} cited, ` +
      (publishers.size === 0
        ? `none with a named publisher`
        : `from ${publishers.size} named publisher${publishers.size === 1 ? "" : "s"}${unnamed > 0 ? ` and ${unnamed} without one` : ""}`) +
      (corroborated ? "" : "; not independently corroborated"),
    figures.length === 0
      ? "no reported figures"
      : `${named.length} of ${figures.length} reported figures name their source (${[...new Set(named.map((entry) => entry.figure.source))].join(", ")})`,
  ];
  const level: ConfidenceLevel =
    corroborated && sourced ? "high" : corroborated || named.length > 0 || cited.size >= 2 ? "moderate" : "low";
  return { level, reasons };
}

export function formatP(pValue: number): string {
  if (pValue < 0.001) return pValue.toExponential(1);
  return pValue.toFixed(3);
}

function formatProbability(probability: number): string {
  if (probability < 0.001) return "<0.1%";
  if (probability > 0.999) return ">99.9%";
  return `${(probability * 100).toFixed(1)}%`;
}
