// The timeline: events per month or ISO week, stacked by type (GET /api/timeline, counted on the
// server from the monthly rollup), with the figures the reports give for the same period beside
// the counts, so a reader sees "we counted 12, the monitor reported 38" at a glance.
import { getJson, type TimelineResult } from "./api.ts";
import { h, replaceChildren, svg } from "./dom.ts";
import { filterParams, type Filters, type Interval } from "./state.ts";
import { EVENT_TYPES, typeColour } from "./vocabulary.ts";

export interface TimelineCallbacks {
  selectPeriod(period: string): void;
  total(count: number, undated: number): void;
  failed(error: unknown): void;
}

const HEIGHT = 150;
const AXIS = 18;

export class Timeline {
  private pending: AbortController | null = null;

  constructor(
    private readonly chart: HTMLElement,
    private readonly ledger: HTMLElement,
    private readonly callbacks: TimelineCallbacks,
  ) {}

  async update(filters: Filters, interval: Interval): Promise<void> {
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    try {
      const result = await getJson<TimelineResult>("timeline", filterParams(filters, { interval }), controller.signal);
      if (controller.signal.aborted) return;
      this.callbacks.total(result.total, result.undated);
      this.draw(result);
    } catch (error) {
      if (!controller.signal.aborted) this.callbacks.failed(error);
    }
  }

  private draw(result: TimelineResult): void {
    const periods = result.periods;
    const counts = new Map<string, Map<string, number>>();
    const fatalities = new Map<string, number>();
    for (const row of result.rows) {
      const byType = counts.get(row.period) ?? new Map<string, number>();
      byType.set(row.type, (byType.get(row.type) ?? 0) + row.events);
      counts.set(row.period, byType);
      fatalities.set(row.period, (fatalities.get(row.period) ?? 0) + row.fatalities);
    }
    const figures = new Map<string, string[]>();
    for (const figure of result.figures) {
      const list = figures.get(figure.period) ?? [];
      list.push(`${figure.qualifier === "exact" ? "" : figure.qualifier + " "}${figure.value} ${figure.measure}`);
      figures.set(figure.period, list);
    }
    const totalOf = (period: string) => [...(counts.get(period)?.values() ?? [])].reduce((sum, value) => sum + value, 0);
    const max = Math.max(1, ...periods.map(totalOf));
    const width = Math.max(this.chart.clientWidth, 320);
    const step = periods.length === 0 ? width : width / periods.length;
    const barWidth = Math.max(1, step * 0.8);
    const plot = HEIGHT - AXIS;

    const bars: SVGElement[] = [];
    periods.forEach((period, index) => {
      const x = index * step + (step - barWidth) / 2;
      let y = plot;
      const group = svg("g", { class: "period", "data-period": period });
      for (const type of [...EVENT_TYPES, ...result.types.filter((t) => !EVENT_TYPES.includes(t as (typeof EVENT_TYPES)[number]))]) {
        const count = counts.get(period)?.get(type) ?? 0;
        if (count === 0) continue;
        const barHeight = (count / max) * (plot - 12);
        y -= barHeight;
        group.appendChild(
          svg(
            "rect",
            { x: x.toFixed(1), y: y.toFixed(1), width: barWidth.toFixed(1), height: barHeight.toFixed(1), fill: typeColour(type) },
            svg("title", {}, `${period} · ${type}: ${count}`),
          ),
        );
      }
      const reported = figures.get(period);
      if (reported !== undefined) {
        // A diamond above the bar: the period has a reported figure.
        const cx = x + barWidth / 2;
        const top = Math.min(y, plot) - 7;
        group.appendChild(
          svg(
            "path",
            { class: "figure-mark", d: `M${cx} ${top - 5} l5 5 l-5 5 l-5 -5 z` },
            svg("title", {}, `${period} · reported: ${reported.join("; ")}`),
          ),
        );
      }
      group.addEventListener("click", () => this.callbacks.selectPeriod(period));
      bars.push(group);
    });
    const labelEvery = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(width / 60))));
    const labels = periods
      .map((period, index) =>
        index % labelEvery === 0
          ? svg("text", { x: (index * step + step / 2).toFixed(1), y: HEIGHT - 4, "text-anchor": "middle" }, period)
          : null,
      )
      .filter((label) => label !== null);
    replaceChildren(
      this.chart,
      periods.length === 0
        ? h("p", { class: "empty" }, "No dated events match the filter.")
        : svg(
            "svg",
            { viewBox: `0 0 ${width} ${HEIGHT}`, width, height: HEIGHT, role: "img", "aria-label": `events per ${result.interval}` },
            svg("line", { x1: 0, x2: width, y1: plot, y2: plot, class: "axis" }),
            svg("text", { x: 2, y: 10, class: "max" }, `max ${max}`),
            ...bars,
            ...labels,
          ),
      result.undated > 0
        ? h("p", { class: "note" }, `${result.undated} event(s) dated more coarsely than a ${result.interval} are not drawn.`)
        : null,
    );

    // Counted events beside reported figures, period by period (newest first).
    const rows = [...periods].reverse().filter((period) => totalOf(period) > 0 || figures.has(period));
    replaceChildren(
      this.ledger,
      rows.length === 0
        ? null
        : h(
            "table",
            { class: "compare" },
            h(
              "thead",
              {},
              h(
                "tr",
                {},
                h("th", {}, result.interval),
                h("th", {}, "events counted"),
                h("th", {}, "fatalities"),
                h("th", {}, "figures reported for the period"),
              ),
            ),
            h(
              "tbody",
              {},
              ...rows.map((period) =>
                h(
                  "tr",
                  { "data-period": period },
                  h("td", {}, period),
                  h("td", { class: "number" }, totalOf(period)),
                  h("td", { class: "number" }, fatalities.get(period) ?? 0),
                  h("td", {}, (figures.get(period) ?? []).join("; ")),
                ),
              ),
            ),
          ),
    );
  }
}
