// The dashboard: one page whose view is its URL (./state.ts). Map, timeline and list share the
// filter; the panel shows one event and its report; review, figures and brief are other views.
import "./style.css";
import { ApiError, getJson, getText, type Actor } from "./api.ts";
import { byId, h, replaceChildren } from "./dom.ts";
import { showFigures } from "./figures.ts";
import { EventList } from "./list.ts";
import { EventMap } from "./map.ts";
import { EventPanel } from "./panel.ts";
import { ReviewQueue } from "./review.ts";
import { sanitizedFragment } from "./sanitize.ts";
import { FILTER_KEYS, filterKey, formatState, parseState, VIEWS, type Filters, type ViewState } from "./state.ts";
import { Timeline } from "./timeline.ts";
import { EVENT_STATUSES, EVENT_TYPES } from "./vocabulary.ts";

let state: ViewState = parseState(location.search);
let shownFilters: string | null = null;
let shownInterval: string | null = null;
let shownView: string | null = null;
let shownPanel: string | null = null;

const form = byId<HTMLFormElement>("filters");
const errorLine = byId("error");

function showError(error: unknown): void {
  if (error instanceof DOMException && error.name === "AbortError") return;
  errorLine.hidden = false;
  errorLine.textContent = error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

function navigate(patch: Partial<ViewState>, push = true): void {
  state = { ...state, ...patch };
  const url = `${location.pathname}?${formatState(state)}`;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
  void render();
}

const map = new EventMap(byId("map"), byId("map-legend"), byId("regions"), {
  openEvent: (id) => navigate({ event: id, document: null }),
  filterRegion: (country, admin1) => {
    const filters: Record<string, string> = { ...state.filters, country };
    if (admin1 === null) delete filters.admin1;
    else filters.admin1 = admin1;
    navigate({ filters });
  },
  viewportChanged: (zoom, center) => {
    // Panning is not a step back in history: replace, don't push.
    state = { ...state, zoom, center };
    history.replaceState(null, "", `${location.pathname}?${formatState(state)}`);
  },
  failed: showError,
});
const timeline = new Timeline(byId("timeline"), byId("timeline-figures"), {
  selectPeriod: (period) => {
    if (/^\d{4}-\d{2}$/.test(period)) navigate({ filters: { ...state.filters, since: period, until: period } });
  },
  total: (count, undated) => {
    byId("total-events").textContent = String(count);
    byId("total-note").textContent = undated > 0 ? `(${undated} dated too coarsely for the timeline)` : "";
  },
  failed: showError,
});
const list = new EventList(byId("event-list"), (id) => navigate({ event: id, document: null }), showError);
const afterReview = (id: string) => {
  shownFilters = null;
  shownPanel = null;
  navigate({ event: id }, false);
};
const panel = new EventPanel(byId("panel"), {
  close: () => navigate({ event: null, document: null }),
  openDocument: (id) => navigate({ document: id }),
  reviewed: afterReview,
  failed: showError,
});
/** The review queue's Edit: the next panel opens with its form. */
let editNext = false;
const review = new ReviewQueue(byId("review-counts"), byId("review-list"), {
  editEvent: (id) => {
    editNext = true;
    shownPanel = null;
    navigate({ event: id, document: null });
  },
  reviewed: (id) => {
    shownFilters = null;
    shownPanel = null;
    if (state.event === id) navigate({}, false);
    else void render();
  },
  failed: showError,
});

function fillForm(filters: Filters): void {
  for (const key of FILTER_KEYS) {
    const field = form.elements.namedItem(key);
    if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = filters[key] ?? "";
  }
  const rejected = form.elements.namedItem("rejected");
  if (rejected instanceof HTMLInputElement) rejected.checked = filters.review === "all";
}

function readForm(): Filters {
  const data = new FormData(form);
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = String(data.get(key) ?? "").trim();
    if (value !== "") filters[key] = key === "country" ? value.toUpperCase() : value;
  }
  if (data.get("rejected") !== null) filters.review = "all";
  else delete filters.review;
  return filters;
}

async function renderBrief(filters: Filters): Promise<void> {
  const container = byId("brief");
  const params = new URLSearchParams({ format: "html", group: filters.group ?? "Islamic State" });
  if (filters.country !== undefined) params.set("region", filters.country);
  if (filters.until !== undefined) params.set("as_of", filters.until);
  replaceChildren(container, h("p", { class: "empty" }, "Writing the brief…"));
  const html = await getText("brief", params);
  replaceChildren(
    container,
    h("p", { class: "note" }, "The brief as sitrep brief writes it (shown through an allow-list: text and tables only)."),
    sanitizedFragment(html),
  );
}

/** The panel opens below the filters, so that they stay at hand while an event is open. */
function placePanel(): void {
  byId("panel").style.top = `${Math.max(0, Math.round(form.getBoundingClientRect().bottom))}px`;
}
window.addEventListener("resize", placePanel);
window.addEventListener("scroll", placePanel, { passive: true });

let started = false;

async function render(): Promise<void> {
  const renderStarted = performance.now();
  errorLine.hidden = true;
  fillForm(state.filters);
  byId<HTMLSelectElement>("interval").value = state.interval;
  for (const view of VIEWS) byId(`view-${view}`).hidden = view !== state.view;
  for (const link of document.querySelectorAll<HTMLAnchorElement>("nav.views a")) {
    link.classList.toggle("active", link.dataset.view === state.view);
  }
  const key = filterKey(state.filters);
  const filtersChanged = key !== shownFilters || state.view !== shownView;
  shownView = state.view;
  const work: Promise<unknown>[] = [];
  if (filtersChanged || state.interval !== shownInterval) {
    shownFilters = key;
    shownInterval = state.interval;
    // The header's total comes from the timeline, whatever the view.
    work.push(timeline.update(state.filters, state.interval));
    if (state.view === "map") {
      if (!started) {
        started = true;
        work.push(map.start(state.filters, state.zoom, state.center));
      } else if (filtersChanged) work.push(map.setFilters(state.filters));
      if (filtersChanged) work.push(list.update(state.filters));
    }
    if (state.view === "review" && filtersChanged) work.push(review.update(state.filters));
    if (state.view === "figures" && filtersChanged)
      work.push(showFigures(byId("figures"), state.filters, (id) => navigate({ document: id, event: null })).catch(showError));
    if (state.view === "brief" && filtersChanged) work.push(renderBrief(state.filters).catch(showError));
  }
  const panelKey = `${state.event ?? ""}|${state.document ?? ""}`;
  if (panelKey !== shownPanel) {
    shownPanel = panelKey;
    if (state.event === null && state.document === null) panel.hide();
    else work.push(panel.show(state.event, state.document, editNext));
    editNext = false;
  }
  placePanel();
  document.body.dataset.loading = "true";
  await Promise.allSettled(work);
  // Tests and the benchmark wait for this mark: every part of the view has been drawn.
  // renderMs: this view's requests and drawing; readyMs: since navigation started.
  document.body.dataset.renderMs = (performance.now() - renderStarted).toFixed(1);
  document.body.dataset.readyMs = performance.now().toFixed(1);
  document.body.dataset.loading = "false";
}

form.addEventListener("submit", (submit) => {
  submit.preventDefault();
  if (!form.reportValidity()) return;
  navigate({ filters: readForm() });
});
byId("clear-filters").addEventListener("click", () => navigate({ filters: {} }));
byId<HTMLSelectElement>("interval").addEventListener("change", (change) => {
  navigate({ interval: (change.target as HTMLSelectElement).value === "week" ? "week" : "month" });
});
for (const link of document.querySelectorAll<HTMLAnchorElement>("nav.views a")) {
  link.addEventListener("click", (click) => {
    click.preventDefault();
    const view = VIEWS.find((name) => name === link.dataset.view) ?? "map";
    navigate({ view });
  });
}
window.addEventListener("popstate", () => {
  state = parseState(location.search);
  void render();
});

const typeSelect = form.elements.namedItem("type") as HTMLSelectElement;
typeSelect.append(...EVENT_TYPES.map((type) => h("option", { value: type }, type)));
const statusSelect = form.elements.namedItem("status") as HTMLSelectElement;
statusSelect.append(...EVENT_STATUSES.map((status) => h("option", { value: status }, status)));
getJson<readonly Actor[] | { actors: readonly Actor[] }>("actors")
  .then((answer) => {
    const actors = Array.isArray(answer) ? answer : (answer as { actors: readonly Actor[] }).actors;
    byId("group-names").append(...actors.filter((actor) => actor.kind !== "state").map((actor) => h("option", { value: actor.name })));
  })
  .catch(() => undefined);

void render();
