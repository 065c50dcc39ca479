// The event list: one page of GET /api/events at a time (keyset cursor), newest first.
import { getJson, type EventPage, type EventRecord } from "./api.ts";
import { h, replaceChildren } from "./dom.ts";
import { filterParams, type Filters } from "./state.ts";
import { countryName, typeColour } from "./vocabulary.ts";

const PAGE = 50;

export function place(event: EventRecord): string {
  const parts = [event.location, event.admin1, event.country === null ? null : countryName(event.country)].filter(
    (part) => part !== null && part !== "",
  );
  return [...new Set(parts)].join(", ") || "(no place)";
}

export class EventList {
  private cursor: string | null = null;
  private filters: Filters = {};
  private generation = 0;
  private readonly body = h("tbody");
  private readonly more = h("button", { type: "button", class: "more" }, "More events");

  constructor(
    private readonly container: HTMLElement,
    private readonly openEvent: (id: string) => void,
    private readonly failed: (error: unknown) => void,
  ) {
    this.more.addEventListener("click", () => void this.load(false));
    replaceChildren(
      container,
      h(
        "table",
        { class: "events" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "date"),
            h("th", {}, "type"),
            h("th", {}, "place"),
            h("th", {}, "group"),
            h("th", {}, "killed"),
            h("th", {}, "review"),
          ),
        ),
        this.body,
      ),
      this.more,
    );
  }

  update(filters: Filters): Promise<void> {
    this.filters = filters;
    this.cursor = null;
    return this.load(true);
  }

  private async load(fresh: boolean): Promise<void> {
    const generation = fresh ? ++this.generation : this.generation;
    const extra: Record<string, string | number> = { limit: PAGE };
    if (!fresh && this.cursor !== null) extra.cursor = this.cursor;
    try {
      const page = await getJson<EventPage>("events", filterParams(this.filters, extra));
      if (generation !== this.generation) return;
      if (fresh) this.body.replaceChildren();
      for (const event of page.events) this.body.appendChild(this.row(event));
      if (fresh && page.events.length === 0)
        this.body.appendChild(h("tr", {}, h("td", { colspan: 6, class: "empty" }, "No events match the filter.")));
      this.cursor = page.next_cursor;
      this.more.hidden = page.next_cursor === null;
    } catch (error) {
      this.failed(error);
    }
  }

  private row(event: EventRecord): HTMLTableRowElement {
    const row = h(
      "tr",
      { class: `event-row review-${event.review.status}`, "data-event-id": event.id, tabindex: 0 },
      h("td", {}, event.date ?? "undated"),
      h(
        "td",
        {},
        h("i", { class: "dot", "data-colour": typeColour(event.event_type) }),
        event.event_type,
        event.status === "occurred" ? null : h("em", {}, ` (${event.status})`),
      ),
      h(
        "td",
        {},
        place(event),
        event.geo_precision === "region" || event.geo_precision === "country" ? h("small", { class: "approx" }, " ≈") : null,
      ),
      h("td", {}, event.perpetrator_group ?? event.actor1 ?? ""),
      h("td", { class: "number" }, event.fatalities ?? ""),
      h("td", {}, h("span", { class: `badge ${event.review.status}` }, event.review.status)),
    );
    const dot = row.querySelector<HTMLElement>("i.dot");
    // A colour from our own table, through the CSSOM (allowed by the CSP, unlike a style attribute).
    if (dot !== null) dot.style.backgroundColor = typeColour(event.event_type);
    row.addEventListener("click", () => this.openEvent(event.id));
    row.addEventListener("keydown", (key) => {
      if (key.key === "Enter") this.openEvent(event.id);
    });
    return row;
  }
}
