// The review queue: events awaiting a decision (or those with one, by status), with accept and
// reject at hand and counts per review status. Editing opens the event panel's form.
import { getJson, sendJson, type EventPage, type ReviewStatus, type TimelineResult } from "./api.ts";
import { h, replaceChildren } from "./dom.ts";
import { place } from "./list.ts";
import { filterParams, type Filters } from "./state.ts";

const STATUSES: readonly ReviewStatus[] = ["unreviewed", "accepted", "edited", "rejected"];

export interface ReviewCallbacks {
  /** Opens the event in the panel with its edit form open. */
  editEvent(id: string): void;
  reviewed(id: string): void;
  failed(error: unknown): void;
}

export class ReviewQueue {
  private shown: ReviewStatus = "unreviewed";
  private filters: Filters = {};

  constructor(
    private readonly counts: HTMLElement,
    private readonly list: HTMLElement,
    private readonly callbacks: ReviewCallbacks,
  ) {}

  async update(filters: Filters): Promise<void> {
    this.filters = filters;
    try {
      const { review: _ignored, ...rest } = filters;
      const totals = await Promise.all(
        STATUSES.map((status) =>
          getJson<TimelineResult>("timeline", filterParams(rest, { review: status })).then((result) => result.total),
        ),
      );
      replaceChildren(
        this.counts,
        ...STATUSES.map((status, index) => {
          const chip = h(
            "button",
            { type: "button", class: `chip ${status}${status === this.shown ? " active" : ""}`, "data-status": status },
            `${status} `,
            h("strong", {}, totals[index] ?? 0),
          );
          chip.addEventListener("click", () => {
            this.shown = status;
            void this.update(this.filters);
          });
          return chip;
        }),
      );
      const page = await getJson<EventPage>("events", filterParams(rest, { review: this.shown, limit: 100 }));
      replaceChildren(
        this.list,
        page.events.length === 0
          ? h("p", { class: "empty" }, `No ${this.shown} events match the filter.`)
          : h(
              "table",
              { class: "events review" },
              h(
                "thead",
                {},
                h(
                  "tr",
                  {},
                  h("th", {}, "date"),
                  h("th", {}, "type"),
                  h("th", {}, "place"),
                  h("th", {}, "evidence"),
                  h("th", {}, "decision"),
                ),
              ),
              h(
                "tbody",
                {},
                ...page.events.map((event) => {
                  const row = h(
                    "tr",
                    { class: `event-row review-${event.review.status}`, "data-event-id": event.id },
                    h("td", {}, event.date ?? "undated"),
                    h("td", {}, event.event_type, h("br"), h("small", {}, event.status)),
                    h("td", {}, place(event)),
                    h("td", { class: "evidence-cell" }, event.evidence[0]?.text ?? ""),
                    h(
                      "td",
                      { class: "actions" },
                      h("button", { type: "button", class: "accept" }, "Accept"),
                      h("button", { type: "button", class: "edit" }, "Edit"),
                      h("button", { type: "button", class: "reject" }, "Reject"),
                    ),
                  );
                  row.querySelector("button.accept")?.addEventListener("click", () => void this.decide(event.id, "accept"));
                  row.querySelector("button.reject")?.addEventListener("click", () => void this.decide(event.id, "reject"));
                  row.querySelector("button.edit")?.addEventListener("click", () => this.callbacks.editEvent(event.id));
                  return row;
                }),
              ),
            ),
      );
    } catch (error) {
      this.callbacks.failed(error);
    }
  }

  private async decide(eventId: string, action: "accept" | "reject"): Promise<void> {
    try {
      await sendJson("POST", `events/${encodeURIComponent(eventId)}/${action}`, {});
      this.callbacks.reviewed(eventId);
    } catch (error) {
      this.callbacks.failed(error);
    }
  }
}
