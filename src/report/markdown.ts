// The brief as Markdown: the assessment first (bottom line, judgements, watch list), then the
// numbers behind it (monthly series, figure ledger, indicators), then every evidence sentence
// numbered. Text from documents is quoted and its Markdown characters escaped, so a report
// cannot inject links or formatting into the brief.
import type { Brief } from "../analyze/brief.ts";
import { spokenPeriod } from "../analyze/assessment.ts";
import { countryName } from "../analyze/countries.ts";
import { formatP } from "../analyze/assessment.ts";
import type { Citation } from "../analyze/ledger.ts";
import { NO_VALUE } from "../analyze/series.ts";
import { describeAlarms, formatNumber, formatPercent, indexCitations, TREND_WORDS, type CitationIndex } from "./shared.ts";

/**
 * Escapes what could turn a quoted sentence into markup: emphasis, code, links and images
 * (brackets), raw HTML and autolinks (angle brackets), table pipes; newlines become spaces.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/([\\`*_[\]<>|~])/g, "\\$1");
}

function refs(index: CitationIndex, citations: readonly Citation[]): string {
  const numbers = index.numbersOf(citations);
  return numbers.length === 0 ? "" : " " + numbers.map((number) => `[${number}]`).join("");
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

export function renderMarkdown(brief: Brief): string {
  const index = indexCitations(brief);
  const { assessment, ledger } = brief;
  const lines: string[] = [];
  const pivot =
    brief.pivot === null
      ? ""
      : `, pivot ${brief.pivot}${brief.pivotLabel !== null && brief.pivotLabel !== brief.pivot ? ` (${escapeMarkdown(brief.pivotLabel)})` : ""}`;
  lines.push(`# ${escapeMarkdown(brief.group)} in ${escapeMarkdown(brief.regionLabel)}`, "");
  lines.push(
    `Brief as of ${brief.asOf}${pivot}. Current window ${brief.windows.current.first} to ${brief.windows.current.last}; baseline ${brief.windows.baseline.first} to ${brief.windows.baseline.last}. ${brief.documents.length} document${brief.documents.length === 1 ? "" : "s"}.`,
    "",
  );
  lines.push("## Bottom line", "");
  lines.push(`${escapeMarkdown(assessment.bottomLine.text)}${refs(index, assessment.bottomLine.citations)}`, "");
  lines.push(`**Confidence: ${assessment.confidence.level}.** ${assessment.confidence.reasons.map(escapeMarkdown).join("; ")}.`, "");
  lines.push("## Key judgements", "");
  assessment.judgements.forEach((sentence, position) =>
    lines.push(`${position + 1}. ${escapeMarkdown(sentence.text)}${refs(index, sentence.citations)}`),
  );
  lines.push("", "## What would change this judgement", "");
  for (const sentence of assessment.watchList) lines.push(`- ${escapeMarkdown(sentence.text)}${refs(index, sentence.citations)}`);
  if (assessment.watchList.length === 0) lines.push("- Nothing measurable yet: the database holds no figures or events to watch.");

  lines.push("", "## Events per month", "");
  const countries = [...new Set(brief.monthly.rows.map((entry) => entry.keys[0] ?? NO_VALUE))];
  lines.push(row(["month", ...countries.map((code) => escapeMarkdown(code === NO_VALUE ? "unknown" : countryName(code))), "total"]));
  lines.push(row(["---", ...countries.map(() => "---:"), "---:"]));
  brief.monthly.periods.forEach((period, position) => {
    const counts = countries.map(
      (code) => brief.monthly.rows.find((entry) => entry.period === period && entry.keys[0] === code)?.events ?? 0,
    );
    lines.push(row([period, ...counts.map(String), String(brief.monthlyTotals[position] ?? 0)]));
  });
  if (brief.monthly.unplaced > 0)
    lines.push("", `${brief.monthly.unplaced} events have no month (undated, dated by year only, or outside the chart).`);
  const alarms = describeAlarms(brief);
  lines.push("", `Change points (${escapeMarkdown(brief.changePoints.method)}): ${alarms.length === 0 ? "none." : ""}`);
  for (const alarm of alarms) lines.push(`- ${alarm}`);

  lines.push("", "## Figure ledger", "");
  lines.push(row(["measure", "place", "period", "value", "qualifier", "derived", "source chain", "evidence"]));
  lines.push(row(["---", "---", "---", "---:", "---", "---", "---", "---"]));
  for (const entry of ledger.entries) {
    const { figure } = entry;
    lines.push(
      row([
        figure.measure,
        escapeMarkdown(figure.country === null ? "—" : countryName(figure.country)),
        spokenPeriod(figure.periodStart, figure.periodEnd),
        formatNumber(figure.value),
        figure.qualifier,
        figure.derived ? `yes: ${escapeMarkdown(entry.method ?? "")}` : "no",
        escapeMarkdown(entry.sourceChain.join(" ← ")),
        refs(index, entry.citations).trim(),
      ]),
    );
  }
  lines.push("", "### Derived by sitrep", "");
  for (const entry of ledger.projections) {
    const { projection } = entry;
    lines.push(
      `- **Projection** (${entry.basis.measure}, ${escapeMarkdown(countryName(entry.basis.country))}, ${entry.year}): ${projection.observed} in ${projection.observedLength} months → about ${Math.round(projection.projected)} ` +
        `(95% interval ${Math.round(projection.interval.lower)}–${Math.round(projection.interval.upper)})${entry.reported === null ? "" : `; the report says ${formatNumber(entry.reported.value)}`}. Method: ${escapeMarkdown(projection.method)}.${refs(index, entry.citations)}`,
    );
  }
  for (const entry of ledger.comparisons) {
    const { comparison } = entry;
    lines.push(
      `- **Same-period comparison** (${entry.current.measure}, ${escapeMarkdown(countryName(entry.current.country))}): ${comparison.current} against ${comparison.previous}: ${formatPercent(comparison.percentChange)}; ` +
        `rate ratio ${comparison.rateRatio?.toFixed(3) ?? "n/a"} (95% CI ${comparison.interval.lower.toFixed(3)}–${comparison.interval.upper.toFixed(3)}), p = ${formatP(comparison.pValue)}. Method: ${escapeMarkdown(comparison.method)}.${refs(index, entry.citations)}`,
    );
  }
  for (const entry of ledger.previousYears) {
    lines.push(
      `- **Previous year, derived** (${entry.derived.measure}, ${escapeMarkdown(countryName(entry.derived.country))}, ${entry.year}): about ${Math.round(entry.value)}` +
        `${entry.interval === null ? "" : ` (95% interval ${Math.round(entry.interval.lower)}–${Math.round(entry.interval.upper)})`}, from the fraction ${entry.fractionLabel}. ` +
        `Method: ${escapeMarkdown(entry.method)}. The extractor's value: ${formatNumber(entry.derived.value)}.${refs(index, entry.citations)}`,
    );
  }
  if (ledger.projections.length + ledger.comparisons.length + ledger.previousYears.length === 0)
    lines.push("- Nothing: no figure covers part of a running year or pairs with the same period a year earlier.");
  lines.push("", "### Reconciliation with recorded events", "");
  for (const entry of ledger.reconciliations) {
    const { figure } = entry;
    lines.push(
      `- ${escapeMarkdown(figure.source ?? "A report")} gives ${figure.qualifier === "at_least" ? "at least " : ""}${formatNumber(figure.value)} ${figure.measure.replace(/_/g, " ")} ` +
        `(${escapeMarkdown(figure.country === null ? "whole region" : countryName(figure.country))}, ${spokenPeriod(figure.periodStart, figure.periodEnd)}); the database holds ${entry.counted} sourced ` +
        `${figure.measure === "fatalities" ? "deaths in recorded events" : "events"} for the same group, place and period.${refs(index, figure.evidence)}`,
    );
  }
  if (ledger.reconciliations.length === 0) lines.push("- No reported count to reconcile.");

  lines.push("", "## Indicators", "");
  lines.push(row(["indicator", "now", "before", "trend", "what was counted", "evidence"]));
  lines.push(row(["---", "---:", "---:", "---", "---", "---"]));
  for (const indicator of brief.indicators) {
    lines.push(
      row([
        escapeMarkdown(indicator.label),
        indicator.current === null ? "—" : formatNumber(indicator.current),
        indicator.baseline === null ? "—" : formatNumber(indicator.baseline),
        TREND_WORDS[indicator.trend],
        escapeMarkdown(indicator.summary),
        refs(index, indicator.evidence).trim(),
      ]),
    );
  }

  lines.push("", "## Evidence", "");
  for (const citation of index.all) lines.push(`${citation.number}. ${citation.documentId}: “${escapeMarkdown(citation.text)}”`);
  lines.push("", "## Documents", "");
  for (const document of brief.documents) {
    lines.push(
      `- ${document.id}: ${escapeMarkdown(document.title ?? "untitled")}${document.publisher === null ? "" : `, ${escapeMarkdown(document.publisher)}`}${document.publishedDate === null ? "" : `, ${document.publishedDate}`}`,
    );
  }
  lines.push("", "## Method", "");
  for (const rule of assessment.rules) lines.push(`- ${escapeMarkdown(rule)}`);
  return lines.join("\n") + "\n";
}
