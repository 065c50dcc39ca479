// The figure ledger (mission-anchors.md §4, feature 1): every reported figure with its source
// chain and evidence, the values sitrep derives from them with the method written out, and each
// figure reconciled against the events the database holds for the same group, place and period.
import type { Event, Figure } from "../domain/records.ts";
import type { FigureMeasure } from "../domain/taxonomy.ts";
import { matchesCondition } from "../store/conditions.ts";
import { ARRESTS, ATTACKS, FOILED, type Reconciled } from "./digest.ts";
import { wholeMonths, yearBefore } from "./periods.ts";
import { compareRates, projectRunRate, type Interval, type Projection, type RateComparison } from "./rates.ts";

/** One evidence sentence and the document it comes from: what every stated fact carries. */
export interface Citation {
  readonly documentId: string;
  readonly text: string;
}

export interface DocumentInfo {
  readonly publisher: string | null;
  readonly title: string | null;
  readonly publishedDate: string | null;
}

export interface LedgerEntry {
  readonly figure: Figure;
  /** Who said it, outermost last: the monitor or official named in the text, then the document. */
  readonly sourceChain: readonly string[];
  readonly citations: readonly Citation[];
  /** For a derived figure, how it was derived; null for a figure as reported. */
  readonly method: string | null;
}

export interface ProjectionEntry {
  readonly basis: Figure;
  readonly projection: Projection;
  /** The year projected to. */
  readonly year: number;
  /** A projection the report itself gave for the same year, when there is one. */
  readonly reported: Figure | null;
  readonly citations: readonly Citation[];
}

export interface ComparisonEntry {
  readonly current: Figure;
  readonly previous: Figure;
  readonly comparison: RateComparison;
  readonly citations: readonly Citation[];
}

export interface PreviousYearEntry {
  /** The figure the extractor marked as derived from a fraction ("one-third of last year's"). */
  readonly derived: Figure;
  readonly fraction: number;
  /** The fraction as a reader would say it ("1/3"). */
  readonly fractionLabel: string;
  readonly year: number;
  /** Recomputed from sitrep's own projection when there is one, else the extractor's value. */
  readonly value: number;
  readonly interval: Interval | null;
  readonly method: string;
  readonly citations: readonly Citation[];
}

export interface Reconciliation {
  readonly figure: Figure;
  /** Events (or, for fatalities, the sum of their fatalities) the database holds for the same scope. */
  readonly counted: number;
  readonly eventIds: readonly string[];
  /** counted / figure.value; null when the figure is 0. */
  readonly coverage: number | null;
}

export interface Ledger {
  readonly entries: readonly LedgerEntry[];
  readonly projections: readonly ProjectionEntry[];
  readonly comparisons: readonly ComparisonEntry[];
  readonly previousYears: readonly PreviousYearEntry[];
  readonly reconciliations: readonly Reconciliation[];
}

const COUNTED_MEASURES: ReadonlySet<FigureMeasure> = new Set(["attacks", "claimed_attacks", "foiled_plots", "arrests", "fatalities"]);
// "At least 12" scaled up is only a lower bound, and its Poisson interval would mean nothing.
const PROJECTED_QUALIFIERS = new Set(["exact", "about"]);

export function isAttack(event: Event): boolean {
  return matchesCondition(event, { anyOf: ATTACKS });
}

export function isFoiled(event: Event): boolean {
  return matchesCondition(event, { anyOf: FOILED });
}

export function isArrest(event: Event): boolean {
  return matchesCondition(event, { anyOf: ARRESTS });
}

export function citationsOf(record: { readonly evidence: readonly { readonly documentId: string; readonly text: string }[] }): Citation[] {
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const span of record.evidence) {
    const key = `${span.documentId}\u001f${span.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    citations.push({ documentId: span.documentId, text: span.text });
  }
  return citations;
}

function scopeKey(figure: Figure): string {
  return [figure.measure, figure.group ?? "", figure.country ?? ""].join("\u001f");
}

/** Two reports of one number: the same measure, group, place, period, value and qualifier. */
function sameReading(left: Figure, right: Figure): boolean {
  return (
    scopeKey(left) === scopeKey(right) &&
    left.periodStart === right.periodStart &&
    left.periodEnd === right.periodEnd &&
    left.value === right.value &&
    left.qualifier === right.qualifier
  );
}

/** Citations without repeats (the same sentence of the same document once). */
function distinctCitations(citations: readonly Citation[]): Citation[] {
  return [...new Map(citations.map((citation) => [`${citation.documentId}\u001f${citation.text}`, citation])).values()];
}

function sourceChain(figure: Figure, documents: ReadonlyMap<string, DocumentInfo>): string[] {
  const document = documents.get(figure.documentId);
  const outer = document?.publisher ?? document?.title ?? figure.documentId;
  return [...new Set([figure.source, outer].filter((name): name is string => name !== null && name !== ""))];
}

/** The simple fraction (denominator ≤ 10) within 2% of `value`, as "1/3"; else the decimal. */
export function fractionLabel(value: number): string {
  for (let denominator = 2; denominator <= 10; denominator++) {
    const numerator = Math.round(value * denominator);
    if (numerator > 0 && Math.abs(numerator / denominator - value) <= 0.02 * value) return `${numerator}/${denominator}`;
  }
  return value.toFixed(2);
}

function snapFraction(value: number): number {
  const [numerator, denominator] = fractionLabel(value).split("/").map(Number);
  return numerator !== undefined && denominator !== undefined && denominator > 0 ? numerator / denominator : value;
}

/** Year Y when a period starts on 1 January of Y and ends inside Y before 31 December. */
function partialYear(figure: Figure): { year: number; months: number } | null {
  if (figure.periodStart === null || figure.periodEnd === null) return null;
  const year = Number(figure.periodStart.slice(0, 4));
  if (!figure.periodStart.endsWith("-01-01") || Number(figure.periodEnd.slice(0, 4)) !== year) return null;
  const months = wholeMonths(figure.periodStart, figure.periodEnd);
  return months === null || months >= 12 ? null : { year, months };
}

function isFullYear(figure: Figure): number | null {
  if (figure.periodStart === null || figure.periodEnd === null) return null;
  const year = figure.periodStart.slice(0, 4);
  return figure.periodStart === `${year}-01-01` && figure.periodEnd === `${year}-12-31` ? Number(year) : null;
}

export interface LedgerOptions {
  /**
   * The day the analysis is written as of: only a year still running on that day is projected
   * (a partial count of a finished year says nothing about the year's total).
   */
  readonly asOf?: string;
}

export function buildLedger(
  figures: readonly Figure[],
  /** Each reconcilable figure's counted events, by figure id (./digest.ts). */
  reconciled: ReadonlyMap<string, Reconciled>,
  documents: ReadonlyMap<string, DocumentInfo> = new Map(),
  options: LedgerOptions = {},
): Ledger {
  const reported = figures.filter((figure) => !figure.derived);
  const entries: LedgerEntry[] = figures.map((figure) => ({
    figure,
    sourceChain: sourceChain(figure, documents),
    citations: citationsOf(figure),
    method: figure.derived ? `derived by the extractor from the sentence cited` : null,
  }));

  const projections: ProjectionEntry[] = [];
  for (const figure of reported) {
    if (!COUNTED_MEASURES.has(figure.measure) || !PROJECTED_QUALIFIERS.has(figure.qualifier) || !Number.isInteger(figure.value)) continue;
    // A number two reports give is one projection, citing both (the monitor's count and the
    // wire's report of it), not the same judgement twice.
    const same = projections.findIndex((entry) => sameReading(entry.basis, figure));
    if (same >= 0) {
      const entry = projections[same] as ProjectionEntry;
      projections[same] = { ...entry, citations: distinctCitations([...entry.citations, ...citationsOf(figure)]) };
      continue;
    }
    const part = partialYear(figure);
    if (part === null) continue;
    if (options.asOf !== undefined && !(options.asOf >= (figure.periodEnd ?? "") && options.asOf < `${part.year}-12-31`)) continue;
    const reportedProjection =
      figures.find(
        (other) =>
          other.qualifier === "projected" &&
          scopeKey(other) === scopeKey(figure) &&
          other.periodStart === `${part.year}-01-01` &&
          other.periodEnd === `${part.year}-12-31`,
      ) ?? null;
    projections.push({
      basis: figure,
      projection: projectRunRate(figure.value, part.months, 12),
      year: part.year,
      reported: reportedProjection,
      citations: citationsOf(figure),
    });
  }

  const comparisons: ComparisonEntry[] = [];
  for (const current of reported) {
    if (!COUNTED_MEASURES.has(current.measure) || current.periodStart === null || current.periodEnd === null) continue;
    const start = yearBefore(current.periodStart);
    const end = yearBefore(current.periodEnd);
    const previous = reported.find(
      (other) =>
        other !== current &&
        scopeKey(other) === scopeKey(current) &&
        other.periodStart === start &&
        // A February end moves with the leap day; compare by month then.
        (other.periodEnd === end || other.periodEnd?.slice(0, 7) === end.slice(0, 7)),
    );
    if (previous === undefined || !Number.isInteger(current.value) || !Number.isInteger(previous.value)) continue;
    const same = comparisons.findIndex((entry) => sameReading(entry.current, current) && sameReading(entry.previous, previous));
    if (same >= 0) {
      const entry = comparisons[same] as ComparisonEntry;
      comparisons[same] = {
        ...entry,
        citations: distinctCitations([...entry.citations, ...citationsOf(current), ...citationsOf(previous)]),
      };
      continue;
    }
    comparisons.push({
      current,
      previous,
      // Same-length periods: the exposure is the months (or, for odd periods, one unit) each covers.
      comparison: compareRates(
        current.value,
        previous.value,
        wholeMonths(current.periodStart, current.periodEnd) ?? 1,
        wholeMonths(current.periodStart, current.periodEnd) ?? 1,
      ),
      citations: [...new Map([...citationsOf(current), ...citationsOf(previous)].map((citation) => [citation.text, citation])).values()],
    });
  }

  const previousYears: PreviousYearEntry[] = [];
  const extractorMethods = new Map<string, string>();
  for (const derived of figures) {
    const year = isFullYear(derived);
    if (!derived.derived || year === null || derived.value <= 0) continue;
    // The figure it was derived from: same document and scope, the year after; a whole-year
    // projection first ("on course for 90 ... one-third of last year"), else one sharing its sentence.
    const candidates = figures.filter(
      (other) =>
        other !== derived &&
        other.documentId === derived.documentId &&
        scopeKey(other) === scopeKey(derived) &&
        other.periodStart?.slice(0, 4) === String(year + 1),
    );
    const sentences = new Set(derived.evidence.map((span) => span.text));
    const base =
      candidates.find((other) => other.qualifier === "projected" && isFullYear(other) === year + 1) ??
      candidates.find((other) => other.evidence.some((span) => sentences.has(span.text)));
    if (base === undefined) continue;
    const fraction = snapFraction(base.value / derived.value);
    extractorMethods.set(derived.id, `${base.value} (${base.qualifier}, ${year + 1}) ÷ ${fractionLabel(fraction)}, by the extractor`);
    const ours = projections.find((entry) => entry.year === year + 1 && scopeKey(entry.basis) === scopeKey(derived));
    const label = fractionLabel(fraction);
    if (ours !== undefined) {
      // The report's arithmetic works from the rounded count ("about 91"); so does this.
      const projected = Math.round(ours.projection.projected);
      previousYears.push({
        derived,
        fraction,
        fractionLabel: label,
        year,
        value: projected / fraction,
        interval: {
          ...ours.projection.interval,
          lower: ours.projection.interval.lower / fraction,
          upper: ours.projection.interval.upper / fraction,
        },
        method: `${projected} (run-rate projection for ${year + 1}) ÷ ${label}; interval: the projection's ÷ ${label}`,
        citations: [...citationsOf(ours.basis), ...citationsOf(derived)],
      });
    } else {
      previousYears.push({
        derived,
        fraction,
        fractionLabel: label,
        year,
        value: derived.value,
        interval: null,
        method: `${base.value} (${base.qualifier}, ${year + 1}) ÷ ${label}, as the extractor derived it`,
        citations: [...citationsOf(base), ...citationsOf(derived)],
      });
    }
  }

  const reconciliations: Reconciliation[] = [];
  for (const figure of reported) {
    const found = reconciled.get(figure.id);
    if (found === undefined) continue;
    reconciliations.push({
      figure,
      counted: found.counted,
      eventIds: found.eventIds,
      coverage: figure.value === 0 ? null : found.counted / figure.value,
    });
  }

  // A derived figure whose base was found shows the arithmetic, not just that it was derived.
  const explained = entries.map((entry) => {
    const method = extractorMethods.get(entry.figure.id);
    return method === undefined ? entry : { ...entry, method };
  });
  return { entries: explained, projections, comparisons, previousYears, reconciliations };
}
