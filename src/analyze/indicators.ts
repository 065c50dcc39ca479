// Resurgence indicators (mission-anchors.md §4, feature 5), each measured in a current window
// against a baseline window of the same length and each carrying its evidence. Event indicators
// count records; text indicators find sentences in the group's documents that describe rebuilding
// (recruitment, propaganda, weapons, reactivated fighters, reconnaissance, foreign fighters,
// official warnings). The keyword lists are data below, so a reader can see exactly what counts.
import type { Event, Figure } from "../domain/records.ts";
import type { DeathTally, EventDigest, WindowTally } from "./digest.ts";
import { citationsOf, type Citation, type ComparisonEntry, type PreviousYearEntry } from "./ledger.ts";
import { countryName } from "./countries.ts";
import { dayBounds, wholeMonths } from "./periods.ts";
import { compareRates, type RateComparison } from "./rates.ts";

export interface Window {
  /** Inclusive ISO days. */
  readonly first: string;
  readonly last: string;
}

export interface Windows {
  readonly current: Window;
  readonly baseline: Window;
}

/** A sentence of a document about the group, prepared by the service that reads the store. */
export interface GroupSentence {
  readonly documentId: string;
  readonly text: string;
  /** Publication or reference date of the document; null when unknown. */
  readonly documentDate: string | null;
  /** True when the sentence names the group; false when it names no armed group at all. */
  readonly namesGroup: boolean;
  /** Who the sentence attributes its content to ("two European officials"), as written. */
  readonly speakers: readonly string[];
}

export type IndicatorId =
  | "attack_tempo"
  | "claimed_tempo"
  | "lethality"
  | "suicide_complex"
  | "spread"
  | "foiled_arrests"
  | "reactivation"
  | "recruitment"
  | "propaganda"
  | "weapons_supply"
  | "targeting"
  | "foreign_fighters"
  | "official_warnings";

/** Which way the indicator moved: "reported" where there is evidence but no baseline to compare. */
export type Trend = "up" | "down" | "steady" | "reported" | "none";

export interface Indicator {
  readonly id: IndicatorId;
  readonly label: string;
  /** "activity" indicators measure violence now; "rebuilding" ones signs of capacity being rebuilt. */
  readonly family: "activity" | "rebuilding";
  readonly current: number | null;
  readonly baseline: number | null;
  readonly comparison: RateComparison | null;
  readonly trend: Trend;
  /** One line: what was counted and against what. */
  readonly summary: string;
  readonly evidence: readonly Citation[];
  readonly documentIds: readonly string[];
}

/** Patterns per text indicator. Each is matched case-insensitively against a whole sentence. */
export const TEXT_INDICATORS: readonly { readonly id: IndicatorId; readonly label: string; readonly patterns: readonly RegExp[] }[] = [
  {
    id: "reactivation",
    label: "Fighter reactivation and regrouping",
    patterns: [/\breactivat\w*/i, /\bsleeper cells?\b/i, /\bregroup\w*/i, /\breconstitut\w*/i, /\brebuil(d|ding|t)\b/i, /\bresurgen\w*/i],
  },
  { id: "recruitment", label: "Recruitment", patterns: [/\brecruit(s|ed|ing|ment|ers?)?\b/i] },
  {
    id: "propaganda",
    label: "Propaganda output",
    patterns: [/\bpropaganda\b/i, /\bmedia (outlets?|wings?|campaigns?|output)\b/i, /\bonline (channels?|messaging)\b/i],
  },
  {
    id: "weapons_supply",
    label: "Weapons supply",
    patterns: [
      /\b(suppl(y|ying|ied|ies)|smuggl\w*|caches?|stockpil\w*|procur\w*)\b[^.]{0,40}\b(weapons?|arms|explosives|ammunition|rifles)\b/i,
      /\b(weapons?|arms|explosives|ammunition)\b[^.]{0,30}\b(suppl(y|ies)|smuggl\w*|caches?|shipments?)\b/i,
    ],
  },
  {
    id: "targeting",
    label: "Targeting and reconnaissance",
    patterns: [
      /\b(locat|identif|scout|select|pick)\w*\b[^.]{0,30}\btargets?\b/i,
      /\breconnaissance\b/i,
      /\b(surveil\w*|casing|watching)\b[^.]{0,30}\b(sites?|bases?|checkpoints?|targets?)\b/i,
    ],
  },
  {
    id: "foreign_fighters",
    label: "Foreign-fighter movement",
    patterns: [/\bforeign (fighters?|militants|recruits|jihadists|volunteers)\b/i],
  },
  {
    id: "official_warnings",
    label: "Official warnings",
    patterns: [
      /\bwarn(s|ed|ing|ings)?\b/i,
      /\b(are|were|is|was|remain) (worried|concerned)\b/i,
      /\bheightened alert\b/i,
      /\bthreat level\b/i,
    ],
  },
];

/**
 * Words that mark a suicide or complex attack in an evidence sentence. Each pattern below contains
 * one of them, so a store can prefilter sentences by substring before the patterns are tested.
 */
export const SUICIDE_OR_COMPLEX_WORDS = ["suicide", "complex attack", "explosive belt", "explosive vest", "car bomb", "vbied"] as const;
const SUICIDE_OR_COMPLEX = [/\bsuicide\b/i, /\bcomplex attack/i, /\bexplosive (belt|vest)/i, /\bcar bomb/i, /\bVBIED\b/];

export function describesSuicideOrComplex(text: string): boolean {
  return SUICIDE_OR_COMPLEX.some((pattern) => pattern.test(text));
}

function daysIn(window: Window): number {
  return Math.round((Date.parse(`${window.last}T00:00:00Z`) - Date.parse(`${window.first}T00:00:00Z`)) / 86_400_000) + 1;
}

/** An event belongs to a window when its whole date interval lies inside it. */
function inWindow(date: string | null, window: Window): boolean {
  if (date === null) return false;
  const bounds = dayBounds(date);
  return bounds.first >= window.first && bounds.last <= window.last;
}

function trendOf(comparison: RateComparison): Trend {
  if (comparison.current + comparison.previous === 0) return "none";
  // Only a difference the exact test calls significant at 5% counts as a move.
  if (comparison.pValue >= 0.05) return "steady";
  return (comparison.rateRatio ?? Number.POSITIVE_INFINITY) > 1 ? "up" : "down";
}

/**
 * The first sentence of each of the first `limit` events. Which events are cited depends only on
 * their order, never on their evidence, so a caller may read evidence for those events alone.
 */
function eventCitations(events: readonly Event[], limit = 8): Citation[] {
  return events.slice(0, limit).flatMap((event) => citationsOf(event).slice(0, 1));
}

function documentIdsOf(citations: readonly Citation[]): string[] {
  return [...new Set(citations.map((citation) => citation.documentId))].sort();
}

function countIndicator(
  id: IndicatorId,
  label: string,
  family: Indicator["family"],
  tally: WindowTally,
  windows: Windows,
  noun: string,
): Indicator {
  const comparison = compareRates(tally.current, tally.baseline, daysIn(windows.current), daysIn(windows.baseline));
  const evidence = eventCitations(tally.cited);
  return {
    id,
    label,
    family,
    current: tally.current,
    baseline: tally.baseline,
    comparison,
    trend: trendOf(comparison),
    summary: `${noun}: ${tally.current} from ${windows.current.first} to ${windows.current.last}, against ${tally.baseline} from ${windows.baseline.first} to ${windows.baseline.last}`,
    evidence,
    documentIds: documentIdsOf(evidence),
  };
}

export interface IndicatorInput {
  /** What the events say, counted per window (./digest.ts). */
  readonly digest: EventDigest;
  readonly figures: readonly Figure[];
  readonly comparisons: readonly ComparisonEntry[];
  readonly previousYears: readonly PreviousYearEntry[];
  readonly sentences: readonly GroupSentence[];
  readonly windows: Windows;
}

export function computeIndicators(input: IndicatorInput): Indicator[] {
  const { digest, windows } = input;
  const indicators: Indicator[] = [];

  indicators.push(countIndicator("attack_tempo", "Attack tempo (recorded events)", "activity", digest.attacks, windows, "attacks"));

  // Claimed or reported tempo: the monitors' same-period comparisons and the rate implied by a
  // previous-year total, pooled; the trend is "down" or "up" only when every comparison agrees.
  const tempoComparisons = [
    ...input.comparisons
      .filter((entry) => entry.current.measure === "claimed_attacks" || entry.current.measure === "attacks")
      .map((entry) => ({ comparison: entry.comparison, citations: entry.citations, country: entry.current.country })),
    ...input.previousYears
      .filter((entry) => entry.derived.measure === "claimed_attacks" || entry.derived.measure === "attacks")
      .flatMap((entry) => {
        const basis = input.figures.find(
          (figure) =>
            !figure.derived &&
            figure.qualifier !== "projected" &&
            figure.measure === entry.derived.measure &&
            figure.country === entry.derived.country &&
            figure.periodStart === `${entry.year + 1}-01-01`,
        );
        const months = basis?.periodStart == null || basis.periodEnd === null ? null : wholeMonths(basis.periodStart, basis.periodEnd);
        if (basis === undefined || months === null || !Number.isInteger(basis.value)) return [];
        return [
          {
            comparison: compareRates(basis.value, Math.round(entry.value), months, 12),
            citations: entry.citations,
            country: entry.derived.country,
          },
        ];
      }),
  ];
  if (tempoComparisons.length > 0) {
    const trends = new Set(tempoComparisons.map((entry) => trendOf(entry.comparison)));
    const [only] = [...trends];
    const evidence = [
      ...new Map(tempoComparisons.flatMap((entry) => entry.citations).map((citation) => [citation.text, citation])).values(),
    ];
    indicators.push({
      id: "claimed_tempo",
      label: "Claimed or reported attack tempo (monitors' figures)",
      family: "activity",
      current: null,
      baseline: null,
      comparison: tempoComparisons.length === 1 ? (tempoComparisons[0]?.comparison ?? null) : null,
      trend: trends.size === 1 && only !== undefined ? only : "steady",
      summary: tempoComparisons
        .map(({ comparison, country }) => {
          const percent = comparison.percentChange === null ? null : Math.round(comparison.percentChange * 100);
          const change = percent === null ? "n/a" : `${percent > 0 ? "+" : ""}${percent}%`;
          return `${country === null ? "whole region" : countryName(country)}: ${comparison.current} in ${comparison.currentExposure} months against ${comparison.previous} in ${comparison.previousExposure} months (rate ${change})`;
        })
        .join("; "),
      evidence,
      documentIds: documentIdsOf(evidence),
    });
  }

  {
    const lethality = (tally: DeathTally): number | null => (tally.events === 0 ? null : tally.fatalities / tally.events);
    const current = lethality(digest.lethality.current);
    const baseline = lethality(digest.lethality.baseline);
    const evidence = eventCitations(digest.lethality.cited);
    indicators.push({
      id: "lethality",
      label: "Lethality per attack",
      family: "activity",
      current,
      baseline,
      comparison: null,
      // Too few attacks for a test of means; the direction alone is shown.
      trend:
        current === null && baseline === null
          ? "none"
          : current === null || baseline === null
            ? "reported"
            : current > baseline
              ? "up"
              : current < baseline
                ? "down"
                : "steady",
      summary: `deaths per attack with a reported toll: ${current?.toFixed(1) ?? "n/a"} now, ${baseline?.toFixed(1) ?? "n/a"} before`,
      evidence,
      documentIds: documentIdsOf(evidence),
    });
  }

  indicators.push(
    countIndicator(
      "suicide_complex",
      "Suicide and complex attacks (including foiled)",
      "activity",
      digest.suicideComplex,
      windows,
      "suicide or complex attacks, carried out or foiled",
    ),
  );

  {
    const places = digest.spread.freshPlaces;
    const evidence = eventCitations(digest.spread.cited);
    indicators.push({
      id: "spread",
      label: "Spread to new districts",
      family: "activity",
      current: places.length,
      baseline: digest.spread.baselinePlaces,
      comparison: null,
      trend: places.length > 0 ? "up" : "none",
      summary: places.length > 0 ? `attacks in places with none before: ${places.join(", ")}` : "no attacks in new places",
      evidence,
      documentIds: documentIdsOf(evidence),
    });
  }

  {
    const indicator = countIndicator(
      "foiled_arrests",
      "Foiled plots and arrests",
      "rebuilding",
      digest.disrupted,
      windows,
      "foiled plots and arrests",
    );
    const reported = input.figures.filter((figure) => figure.measure === "foiled_plots" || figure.measure === "arrests");
    const largest = reported.reduce<Figure | null>((best, figure) => (best === null || figure.value > best.value ? figure : best), null);
    const figureCitations = reported.flatMap((figure) => citationsOf(figure));
    const evidence = [...new Map([...figureCitations, ...indicator.evidence].map((citation) => [citation.text, citation])).values()];
    // Plots being foiled are read as attempts being made, hence "rebuilding".
    const withFigure =
      largest === null
        ? indicator.summary
        : `${indicator.summary}; reported: ${largest.qualifier === "at_least" ? "at least " : ""}${largest.value} ${largest.measure === "arrests" ? "arrests" : "foiled plots"}`;
    indicators.push({
      ...indicator,
      trend: indicator.trend === "none" && largest !== null ? "reported" : indicator.trend,
      summary: withFigure,
      evidence,
      documentIds: documentIdsOf(evidence),
    });
  }

  for (const definition of TEXT_INDICATORS) {
    const matching = input.sentences.filter((sentence) => definition.patterns.some((pattern) => pattern.test(sentence.text)));
    const dated = (window: Window): number =>
      new Set(matching.filter((sentence) => inWindow(sentence.documentDate, window)).map((sentence) => sentence.documentId)).size;
    const current = dated(windows.current);
    const baseline = dated(windows.baseline);
    const evidence = [
      ...new Map(matching.map((sentence) => [sentence.text, { documentId: sentence.documentId, text: sentence.text }])).values(),
    ];
    const documentIds = documentIdsOf(evidence);
    const speakers = [...new Set(matching.flatMap((sentence) => sentence.speakers))];
    const attribution =
      speakers.length === 0 ? "" : `; attributed to ${speakers.slice(0, 4).join(", ")}${speakers.length > 4 ? " and others" : ""}`;
    indicators.push({
      id: definition.id,
      label: definition.label,
      family: "rebuilding",
      current,
      baseline,
      comparison: null,
      // Documents are too few for a rate test; more reporting documents now than before is "up".
      trend:
        evidence.length === 0
          ? "none"
          : current > baseline
            ? baseline === 0
              ? "reported"
              : "up"
            : current < baseline
              ? "down"
              : "reported",
      summary:
        evidence.length === 0
          ? "no sentence in the group's documents"
          : `${evidence.length} sentence${evidence.length === 1 ? "" : "s"} in ${documentIds.length} document${documentIds.length === 1 ? "" : "s"}${attribution}`,
      evidence,
      documentIds,
    });
  }
  return indicators;
}
