// The brief as one self-contained HTML file: inline CSS and inline SVG charts (events per month,
// the figure ledger's comparisons and projections, the indicator table), no script, no external
// request (a Content-Security-Policy of default-src 'none' makes the browser enforce that). Every
// piece of text goes through escapeHtml, attribute values included.
import { formatP, spokenPeriod } from "../analyze/assessment.ts";
import type { Brief } from "../analyze/brief.ts";
import { countryName } from "../analyze/countries.ts";
import type { Citation } from "../analyze/ledger.ts";
import { NO_VALUE } from "../analyze/series.ts";
import { describeAlarms, formatNumber, formatPercent, indexCitations, TREND_WORDS, type CitationIndex } from "./shared.ts";

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// Colour-blind-safe categorical palette (Okabe and Ito, 2008).
const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

function refs(index: CitationIndex, citations: readonly Citation[]): string {
  return index
    .numbersOf(citations)
    .map((number) => `<a class="ref" href="#ev-${number}">[${number}]</a>`)
    .join("");
}

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function monthlyChart(brief: Brief): string {
  const countries = [...new Set(brief.monthly.rows.map((row) => row.keys[0] ?? NO_VALUE))];
  const periods = brief.monthly.periods;
  const width = 760;
  const height = 260;
  const left = 40;
  const bottom = 40;
  const top = 20;
  const plotWidth = width - left - 10;
  const plotHeight = height - top - bottom;
  const max = niceMax(Math.max(0, ...brief.monthlyTotals));
  const slot = periods.length === 0 ? plotWidth : plotWidth / periods.length;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="monthly-title">`,
    `<title id="monthly-title">Events per month in ${escapeHtml(brief.regionLabel)}, by country</title>`,
  );
  for (const tick of [0, max / 2, max]) {
    const y = top + plotHeight - (tick / max) * plotHeight;
    parts.push(
      `<line x1="${left}" x2="${width - 10}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}" stroke="#ddd"/>`,
      `<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end" font-size="11">${formatNumber(tick)}</text>`,
    );
  }
  // The current window is shaded so that before and after the pivot read at a glance.
  const currentStart = periods.findIndex((period) => period >= brief.windows.current.first.slice(0, 7));
  if (currentStart >= 0) {
    parts.push(
      `<rect x="${(left + currentStart * slot).toFixed(1)}" y="${top}" width="${((periods.length - currentStart) * slot).toFixed(1)}" height="${plotHeight}" fill="#f3f3f3"/>`,
    );
  }
  periods.forEach((period, position) => {
    let y = top + plotHeight;
    countries.forEach((country, colour) => {
      const count = brief.monthly.rows.find((row) => row.period === period && row.keys[0] === country)?.events ?? 0;
      if (count === 0) return;
      const barHeight = (count / max) * plotHeight;
      y -= barHeight;
      parts.push(
        `<rect x="${(left + position * slot + slot * 0.1).toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${barHeight.toFixed(1)}" fill="${PALETTE[colour % PALETTE.length]}"><title>${escapeHtml(`${period} ${country === NO_VALUE ? "unknown" : countryName(country)}: ${count}`)}</title></rect>`,
      );
    });
    // Label every month when few, else each quarter's first month.
    if (periods.length <= 12 || /-(01|04|07|10)$/.test(period)) {
      parts.push(
        `<text x="${(left + position * slot + slot / 2).toFixed(1)}" y="${height - bottom + 14}" text-anchor="middle" font-size="10">${escapeHtml(period)}</text>`,
      );
    }
  });
  for (const alarm of brief.changePoints.alarms) {
    const x = left + alarm.alarmIndex * slot + slot / 2;
    parts.push(
      `<text x="${x.toFixed(1)}" y="${top - 6}" text-anchor="middle" font-size="12" fill="${alarm.direction === "surge" ? "#D55E00" : "#0072B2"}">${alarm.direction === "surge" ? "▲" : "▼"}</text>`,
    );
  }
  countries.forEach((country, colour) => {
    const x = left + colour * 120;
    parts.push(
      `<rect x="${x}" y="${height - 16}" width="10" height="10" fill="${PALETTE[colour % PALETTE.length]}"/>`,
      `<text x="${x + 14}" y="${height - 7}" font-size="11">${escapeHtml(country === NO_VALUE ? "unknown" : countryName(country))}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

interface LedgerBar {
  readonly label: string;
  readonly value: number;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly kind: "reported" | "derived";
}

function ledgerBars(brief: Brief): LedgerBar[] {
  const bars: LedgerBar[] = [];
  for (const entry of brief.ledger.comparisons) {
    const place = countryName(entry.current.country);
    bars.push(
      {
        label: `${place}, ${spokenPeriod(entry.previous.periodStart, entry.previous.periodEnd)}`,
        value: entry.previous.value,
        lower: null,
        upper: null,
        kind: "reported",
      },
      {
        label: `${place}, ${spokenPeriod(entry.current.periodStart, entry.current.periodEnd)}`,
        value: entry.current.value,
        lower: null,
        upper: null,
        kind: "reported",
      },
    );
  }
  for (const entry of brief.ledger.previousYears) {
    bars.push({
      label: `${countryName(entry.derived.country)}, ${entry.year} (derived)`,
      value: entry.value,
      lower: entry.interval?.lower ?? null,
      upper: entry.interval?.upper ?? null,
      kind: "derived",
    });
  }
  for (const entry of brief.ledger.projections) {
    bars.push(
      {
        label: `${countryName(entry.basis.country)}, ${spokenPeriod(entry.basis.periodStart, entry.basis.periodEnd)}`,
        value: entry.basis.value,
        lower: null,
        upper: null,
        kind: "reported",
      },
      {
        label: `${countryName(entry.basis.country)}, ${entry.year} (projected)`,
        value: entry.projection.projected,
        lower: entry.projection.interval.lower,
        upper: entry.projection.interval.upper,
        kind: "derived",
      },
    );
  }
  return bars;
}

function ledgerChart(brief: Brief): string {
  // A reported figure both compared and projected is drawn once.
  const bars = [...new Map(ledgerBars(brief).map((bar) => [bar.label, bar])).values()];
  if (bars.length === 0) return "<p>No comparison or projection to chart.</p>";
  const rowHeight = 22;
  const labelWidth = 260;
  const width = 760;
  const height = bars.length * rowHeight + 30;
  const plotWidth = width - labelWidth - 60;
  const max = niceMax(Math.max(...bars.map((bar) => bar.upper ?? bar.value)));
  const scale = (value: number): number => labelWidth + (value / max) * plotWidth;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="ledger-title">`,
    `<title id="ledger-title">Reported and derived figures, with 95% intervals on derived values</title>`,
  ];
  bars.forEach((bar, position) => {
    const y = 10 + position * rowHeight;
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end" font-size="11">${escapeHtml(bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${(scale(bar.value) - labelWidth).toFixed(1)}" height="${rowHeight - 8}" fill="${bar.kind === "reported" ? "#0072B2" : "#E69F00"}"/>`,
      `<text x="${(scale(bar.upper ?? bar.value) + 6).toFixed(1)}" y="${y + 14}" font-size="11">${escapeHtml(formatNumber(Math.round(bar.value)))}</text>`,
    );
    if (bar.lower !== null && bar.upper !== null) {
      const middle = y + rowHeight / 2;
      parts.push(
        `<line x1="${scale(bar.lower).toFixed(1)}" x2="${scale(bar.upper).toFixed(1)}" y1="${middle}" y2="${middle}" stroke="#333" stroke-width="1.5"/>`,
      );
    }
  });
  parts.push(
    `<text x="${labelWidth}" y="${height - 4}" font-size="10">0</text>`,
    `<text x="${labelWidth + plotWidth}" y="${height - 4}" font-size="10" text-anchor="end">${formatNumber(max)}</text>`,
    "</svg>",
  );
  return parts.join("");
}

const TREND_GLYPHS = { up: "▲", down: "▼", steady: "■", reported: "●", none: "○" } as const;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}td.n{text-align:right}
.bottom{background:#f6f6f0;padding:.8rem 1rem;border-left:4px solid #E69F00}.ref{font-size:.8em;text-decoration:none}
.up{color:#D55E00}.down{color:#0072B2}ol.evidence li{margin-bottom:.3rem}.muted{color:#666}`;

export function renderHtml(brief: Brief): string {
  const index = indexCitations(brief);
  const { assessment, ledger } = brief;
  const out: string[] = [];
  const title = `${brief.group} in ${brief.regionLabel}: brief as of ${brief.asOf}`;
  out.push(
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(brief.group)} in ${escapeHtml(brief.regionLabel)}</h1>`,
    `<p class="muted">Brief as of ${escapeHtml(brief.asOf)}${brief.pivot === null ? "" : `, pivot ${escapeHtml(brief.pivot)}`}. Current window ${escapeHtml(brief.windows.current.first)} to ${escapeHtml(brief.windows.current.last)}; baseline ${escapeHtml(brief.windows.baseline.first)} to ${escapeHtml(brief.windows.baseline.last)}. ${brief.documents.length} document(s).</p>`,
    `<h2>Bottom line</h2><p class="bottom">${escapeHtml(assessment.bottomLine.text)} ${refs(index, assessment.bottomLine.citations)}</p>`,
    `<p><strong>Confidence: ${escapeHtml(assessment.confidence.level)}.</strong> ${escapeHtml(assessment.confidence.reasons.join("; "))}.</p>`,
    "<h2>Key judgements</h2><ol>",
    ...assessment.judgements.map((sentence) => `<li>${escapeHtml(sentence.text)} ${refs(index, sentence.citations)}</li>`),
    "</ol><h2>What would change this judgement</h2><ul>",
    ...assessment.watchList.map((sentence) => `<li>${escapeHtml(sentence.text)} ${refs(index, sentence.citations)}</li>`),
    "</ul>",
    "<h2>Events per month</h2>",
    monthlyChart(brief),
    `<p class="muted">Shaded: the current window. ▲ surge, ▼ drop flagged by the change-point test. ${escapeHtml(brief.changePoints.method)}.</p>`,
    "<ul>",
    ...describeAlarms(brief).map((alarm) => `<li>${escapeHtml(alarm)}</li>`),
    "</ul>",
    "<h2>Figure ledger</h2>",
    ledgerChart(brief),
    '<p class="muted">Blue: reported by a source. Orange: derived by sitrep, with its 95% interval.</p>',
    "<table><thead><tr><th>measure</th><th>place</th><th>period</th><th>value</th><th>qualifier</th><th>derived</th><th>source chain</th><th>evidence</th></tr></thead><tbody>",
  );
  for (const entry of ledger.entries) {
    const { figure } = entry;
    out.push(
      `<tr><td>${escapeHtml(figure.measure)}</td><td>${escapeHtml(figure.country === null ? "—" : countryName(figure.country))}</td><td>${escapeHtml(spokenPeriod(figure.periodStart, figure.periodEnd))}</td>` +
        `<td class="n">${escapeHtml(formatNumber(figure.value))}</td><td>${escapeHtml(figure.qualifier)}</td><td>${figure.derived ? `yes: ${escapeHtml(entry.method ?? "")}` : "no"}</td>` +
        `<td>${escapeHtml(entry.sourceChain.join(" ← "))}</td><td>${refs(index, entry.citations)}</td></tr>`,
    );
  }
  out.push("</tbody></table><h3>Derived by sitrep</h3><ul>");
  for (const entry of ledger.projections) {
    const { projection } = entry;
    out.push(
      `<li><strong>Projection</strong> (${escapeHtml(countryName(entry.basis.country))}, ${entry.year}): ${projection.observed} in ${projection.observedLength} months → about ${Math.round(projection.projected)} (95% interval ${Math.round(projection.interval.lower)}–${Math.round(projection.interval.upper)})${entry.reported === null ? "" : `; the report says ${escapeHtml(formatNumber(entry.reported.value))}`}. ${escapeHtml(projection.method)}. ${refs(index, entry.citations)}</li>`,
    );
  }
  for (const entry of ledger.comparisons) {
    const { comparison } = entry;
    out.push(
      `<li><strong>Same-period comparison</strong> (${escapeHtml(countryName(entry.current.country))}): ${comparison.current} against ${comparison.previous}: ${escapeHtml(formatPercent(comparison.percentChange))}; rate ratio ${comparison.rateRatio?.toFixed(3) ?? "n/a"} (95% CI ${comparison.interval.lower.toFixed(3)}–${comparison.interval.upper.toFixed(3)}), p = ${escapeHtml(formatP(comparison.pValue))}. ${escapeHtml(comparison.method)}. ${refs(index, entry.citations)}</li>`,
    );
  }
  for (const entry of ledger.previousYears) {
    out.push(
      `<li><strong>Previous year, derived</strong> (${escapeHtml(countryName(entry.derived.country))}, ${entry.year}): about ${Math.round(entry.value)}${entry.interval === null ? "" : ` (95% interval ${Math.round(entry.interval.lower)}–${Math.round(entry.interval.upper)})`}, from the fraction ${escapeHtml(entry.fractionLabel)}. ${escapeHtml(entry.method)}. ${refs(index, entry.citations)}</li>`,
    );
  }
  out.push("</ul><h3>Reconciliation with recorded events</h3><ul>");
  for (const entry of ledger.reconciliations) {
    const { figure } = entry;
    out.push(
      `<li>${escapeHtml(figure.source ?? "A report")} gives ${figure.qualifier === "at_least" ? "at least " : ""}${escapeHtml(formatNumber(figure.value))} ${escapeHtml(figure.measure.replace(/_/g, " "))} (${escapeHtml(figure.country === null ? "whole region" : countryName(figure.country))}, ${escapeHtml(spokenPeriod(figure.periodStart, figure.periodEnd))}); the database holds ${entry.counted} sourced ${figure.measure === "fatalities" ? "deaths in recorded events" : "events"} for the same group, place and period. ${refs(index, figure.evidence)}</li>`,
    );
  }
  out.push(
    "</ul><h2>Indicators</h2>",
    "<table><thead><tr><th>indicator</th><th>now</th><th>before</th><th>trend</th><th>what was counted</th><th>evidence</th></tr></thead><tbody>",
  );
  for (const indicator of brief.indicators) {
    out.push(
      `<tr><td>${escapeHtml(indicator.label)}</td><td class="n">${indicator.current === null ? "—" : escapeHtml(formatNumber(indicator.current))}</td><td class="n">${indicator.baseline === null ? "—" : escapeHtml(formatNumber(indicator.baseline))}</td>` +
        `<td class="${indicator.trend}">${TREND_GLYPHS[indicator.trend]} ${TREND_WORDS[indicator.trend]}</td><td>${escapeHtml(indicator.summary)}</td><td>${refs(index, indicator.evidence)}</td></tr>`,
    );
  }
  out.push('</tbody></table><h2>Evidence</h2><ol class="evidence">');
  for (const citation of index.all) {
    out.push(`<li id="ev-${citation.number}"><code>${escapeHtml(citation.documentId)}</code>: “${escapeHtml(citation.text)}”</li>`);
  }
  out.push("</ol><h2>Documents</h2><ul>");
  for (const document of brief.documents) {
    out.push(
      `<li><code>${escapeHtml(document.id)}</code>: ${escapeHtml(document.title ?? "untitled")}${document.publisher === null ? "" : `, ${escapeHtml(document.publisher)}`}${document.publishedDate === null ? "" : `, ${escapeHtml(document.publishedDate)}`}</li>`,
    );
  }
  out.push("</ul><h2>Method</h2><ul>", ...assessment.rules.map((rule) => `<li>${escapeHtml(rule)}</li>`), "</ul></body></html>");
  return out.join("\n") + "\n";
}
