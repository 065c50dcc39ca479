// What the Markdown and HTML briefs share: one numbering of the evidence sentences, so that [3]
// means the same sentence in both, and the formatting of numbers and periods.
import type { Sentence } from "../analyze/assessment.ts";
import type { Brief } from "../analyze/brief.ts";
import type { Citation } from "../analyze/ledger.ts";

export interface NumberedCitation extends Citation {
  readonly number: number;
}

export class CitationIndex {
  readonly #numbers = new Map<string, number>();
  readonly #list: NumberedCitation[] = [];

  /** The number of a citation, given on first use. */
  numberOf(citation: Citation): number {
    const key = `${citation.documentId}\u001f${citation.text}`;
    const known = this.#numbers.get(key);
    if (known !== undefined) return known;
    const number = this.#list.length + 1;
    this.#numbers.set(key, number);
    this.#list.push({ ...citation, number });
    return number;
  }

  numbersOf(citations: readonly Citation[]): number[] {
    return [...new Set(citations.map((citation) => this.numberOf(citation)))].sort((left, right) => left - right);
  }

  get all(): readonly NumberedCitation[] {
    return this.#list;
  }
}

/** Every sentence of the brief in reading order, so that numbering is the same in every format. */
export function sentencesInOrder(brief: Brief): Sentence[] {
  return [brief.assessment.bottomLine, ...brief.assessment.judgements, ...brief.assessment.watchList];
}

export function indexCitations(brief: Brief): CitationIndex {
  const index = new CitationIndex();
  for (const sentence of sentencesInOrder(brief)) index.numbersOf(sentence.citations);
  for (const entry of brief.ledger.entries) index.numbersOf(entry.citations);
  for (const indicator of brief.indicators) index.numbersOf(indicator.evidence);
  return index;
}

export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) < 1 ? value.toFixed(3) : value.toFixed(1);
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null) return "n/a";
  const value = Math.round(fraction * 100);
  return `${value > 0 ? "+" : value < 0 ? "−" : ""}${Math.abs(value)}%`;
}

export const TREND_WORDS = { up: "up", down: "down", steady: "steady", reported: "reported", none: "no evidence" } as const;

/** The change-point alarms in words: "surge from 2025-02 to 2025-03: 14 against 4.0 expected (p = 0.001)". */
export function describeAlarms(brief: Brief): string[] {
  return brief.changePoints.alarms.map((alarm) => {
    const from = brief.monthly.periods[alarm.startIndex] ?? "?";
    const to = brief.monthly.periods[alarm.alarmIndex] ?? "?";
    const pValue = alarm.pValue < 0.001 ? alarm.pValue.toExponential(1) : alarm.pValue.toFixed(3);
    return `${alarm.direction} ${from === to ? `in ${from}` : `from ${from} to ${to}`}: ${alarm.observed} events against ${alarm.expected.toFixed(1)} expected (p = ${pValue})`;
  });
}
