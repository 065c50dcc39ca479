// The event panel: the event's fields, its review and edit history, its sources, the evidence
// sentences, and the report itself with that evidence highlighted. Accept, edit and reject go to
// the review routes (POST /api/events/{id}/accept|reject, PATCH /api/events/{id}).
import { getJson, sendJson, type DocumentDetail, type EventDetail } from "./api.ts";
import { h, replaceChildren } from "./dom.ts";
import { renderDocument } from "./reader.ts";
import { documentName } from "./spans.ts";
import { EVENT_STATUSES, EVENT_TYPES, countryName } from "./vocabulary.ts";

export interface PanelCallbacks {
  close(): void;
  openDocument(documentId: string): void;
  /** After a review action: counts, lists and the map change. */
  reviewed(eventId: string): void;
  failed(error: unknown): void;
}

const EDITABLE = ["event_type", "date", "status", "fatalities", "location", "admin1", "country", "perpetrator_group"] as const;
type Editable = (typeof EDITABLE)[number];

export class EventPanel {
  private generation = 0;

  constructor(
    private readonly element: HTMLElement,
    private readonly callbacks: PanelCallbacks,
  ) {}

  hide(): void {
    this.generation++;
    this.element.hidden = true;
    this.element.replaceChildren();
  }

  /** Shows an event (and one of its reports), or a report alone when eventId is null. */
  async show(eventId: string | null, documentId: string | null, openEditor = false): Promise<void> {
    const generation = ++this.generation;
    try {
      const event = eventId === null ? null : await getJson<EventDetail>(`events/${encodeURIComponent(eventId)}`);
      const readId = documentId ?? event?.documents[0]?.id ?? event?.document_id ?? null;
      const document = readId === null ? null : await getJson<DocumentDetail>(`documents/${encodeURIComponent(readId)}`);
      if (generation !== this.generation) return;
      this.element.hidden = false;
      replaceChildren(
        this.element,
        h("button", { type: "button", class: "close", "aria-label": "close" }, "×"),
        event === null ? null : this.eventSection(event, readId, openEditor),
        document === null ? null : renderDocument(document, event?.id ?? null),
      );
      this.element.querySelector("button.close")?.addEventListener("click", () => this.callbacks.close());
      this.element.querySelector("mark.current")?.scrollIntoView({ block: "center" });
    } catch (error) {
      if (generation === this.generation) this.callbacks.failed(error);
    }
  }

  private eventSection(event: EventDetail, readId: string | null, openEditor: boolean): HTMLElement {
    const field = (name: string, value: string | number | null) =>
      value === null || value === "" ? null : [h("dt", {}, name), h("dd", {}, value)];
    const fields = [
      field("type", event.event_type + (event.sub_event_type === null ? "" : ` / ${event.sub_event_type}`)),
      field("status", event.status),
      field("date", event.date === null ? "undated" : `${event.date} (${event.date_precision ?? "?"})`),
      field(
        "place",
        [event.location, event.admin1, event.country === null ? null : `${countryName(event.country)} (${event.country})`]
          .filter(Boolean)
          .join(", "),
      ),
      field(
        "coordinates",
        event.lat === null || event.lon === null
          ? `none (${event.geo_precision ?? "unplaced"})`
          : `${event.lat.toFixed(3)}, ${event.lon.toFixed(3)} (${event.geo_precision ?? "?"}${event.geo_precision === "region" || event.geo_precision === "country" ? ": approximate" : ""})`,
      ),
      field("perpetrator", event.perpetrator_group),
      field("actor 1", event.actor1),
      field("actor 2", event.actor2),
      field("fatalities", event.fatalities),
    ].flatMap((pair) => pair ?? []);
    const publishers = new Set(event.documents.map((document) => document.publisher ?? document.id));
    const actions = h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "accept" }, "Accept"),
      h("button", { type: "button", class: "edit" }, "Edit"),
      h("button", { type: "button", class: "reject" }, "Reject"),
    );
    const editor = this.editForm(event);
    editor.hidden = !openEditor;
    actions.querySelector("button.accept")?.addEventListener("click", () => void this.decide(event.id, "accept"));
    actions.querySelector("button.reject")?.addEventListener("click", () => void this.decide(event.id, "reject"));
    actions.querySelector("button.edit")?.addEventListener("click", () => (editor.hidden = !editor.hidden));
    return h(
      "section",
      { class: "event", "data-event-id": event.id },
      h("h2", {}, `${event.event_type}${event.date === null ? "" : ` · ${event.date}`}`),
      h("p", { class: `review ${event.review.status}` }, reviewLine(event)),
      actions,
      editor,
      h("dl", {}, ...fields),
      h("h3", {}, "Credibility"),
      h(
        "p",
        { class: "credibility" },
        `${event.documents.length} report${event.documents.length === 1 ? "" : "s"} from ${publishers.size} source${publishers.size === 1 ? "" : "s"}` +
          (event.origins.length > 0 ? `; imported from ${event.origins.map((origin) => origin.dataset).join(", ")}` : "") +
          (event.documents.length < 2 ? " (single source: not corroborated)" : " (corroborated)"),
      ),
      h("h3", {}, "Sources"),
      h(
        "ul",
        { class: "sources" },
        ...event.documents.map((document) => {
          const item = h(
            "li",
            { class: document.id === readId ? "reading" : "" },
            h("button", { type: "button", class: "link", "data-document-id": document.id }, documentName(document)),
            ` ${[document.publisher, document.published_date].filter(Boolean).join(", ")}`,
          );
          item.querySelector("button")?.addEventListener("click", () => this.callbacks.openDocument(document.id));
          return item;
        }),
      ),
      h("h3", {}, "Evidence"),
      h("ul", { class: "evidence-list" }, ...event.evidence.map((span) => h("li", {}, h("q", {}, span.text)))),
      event.edits.length === 0
        ? null
        : h(
            "details",
            { class: "edits" },
            h("summary", {}, `${event.edits.length} edit${event.edits.length === 1 ? "" : "s"}`),
            h(
              "ul",
              {},
              ...event.edits.map((edit) =>
                h(
                  "li",
                  {},
                  `r${edit.revision} by ${edit.editor} at ${edit.edited_at}: `,
                  edit.changes.map((change) => `${change.field} ${JSON.stringify(change.from)} → ${JSON.stringify(change.to)}`).join("; "),
                  edit.note === null ? "" : ` (${edit.note})`,
                ),
              ),
            ),
          ),
    );
  }

  private editForm(event: EventDetail): HTMLFormElement {
    const input = (name: Editable, value: string | number | null) => {
      if (name === "event_type" || name === "status") {
        const options = name === "event_type" ? EVENT_TYPES : EVENT_STATUSES;
        const select = h(
          "select",
          { name },
          ...options.map((option) => h("option", { value: option, selected: option === value }, option)),
        );
        return h("label", {}, name.replace("_", " "), select);
      }
      return h(
        "label",
        {},
        name.replace("_", " "),
        h("input", { name, value: value ?? "", type: name === "fatalities" ? "number" : "text", min: 0 }),
      );
    };
    const form = h(
      "form",
      { class: "edit-form" },
      ...EDITABLE.map((name) => input(name, event[name])),
      h("label", {}, "note", h("input", { name: "note", value: "" })),
      h("button", { type: "submit" }, "Save changes"),
    );
    form.addEventListener("submit", (submit) => {
      submit.preventDefault();
      const data = new FormData(form);
      const changes: Record<string, string | number | null> = {};
      for (const name of EDITABLE) {
        const raw = String(data.get(name) ?? "").trim();
        const value =
          name === "fatalities" ? (raw === "" ? null : Number(raw)) : raw === "" ? null : name === "country" ? raw.toUpperCase() : raw;
        if (value !== event[name]) changes[name] = value;
      }
      const note = String(data.get("note") ?? "").trim();
      void this.act(event.id, () =>
        sendJson("PATCH", `events/${encodeURIComponent(event.id)}`, { changes, note: note === "" ? null : note }),
      );
    });
    return form;
  }

  private decide(eventId: string, action: "accept" | "reject"): Promise<void> {
    return this.act(eventId, () => sendJson("POST", `events/${encodeURIComponent(eventId)}/${action}`, {}));
  }

  private async act(eventId: string, action: () => Promise<unknown>): Promise<void> {
    try {
      await action();
      this.callbacks.reviewed(eventId);
    } catch (error) {
      this.callbacks.failed(error);
    }
  }
}

function reviewLine(event: EventDetail): string {
  const review = event.review;
  if (review.status === "unreviewed") return "Not reviewed yet";
  return `${review.status} by ${review.reviewer ?? "?"} at ${review.reviewed_at ?? "?"}${review.note === null ? "" : `: ${review.note}`}`;
}
