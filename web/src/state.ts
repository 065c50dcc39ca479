// The dashboard's whole view lives in the URL's query string, so a reload, the back button or a
// link sent to a colleague gives the same view. Pure functions: no DOM, tested in test/web/.

/** The filter every aggregate and listing shares (docs/API.md, "The event filter"). */
export const FILTER_KEYS = ["group", "country", "admin1", "type", "status", "since", "until", "text", "review"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Readonly<Partial<Record<FilterKey, string>>>;

export const VIEWS = ["map", "review", "figures", "brief"] as const;
export type View = (typeof VIEWS)[number];
export type Interval = "month" | "week";

export interface ViewState {
  readonly view: View;
  readonly filters: Filters;
  readonly interval: Interval;
  /** The event open in the panel. */
  readonly event: string | null;
  /** The document open in the reader (with the event's evidence highlighted when both are set). */
  readonly document: string | null;
  /** Map viewport: zoom and centre, null until the user moves the map. */
  readonly zoom: number | null;
  readonly center: readonly [number, number] | null;
}

export const EMPTY_STATE: ViewState = {
  view: "map",
  filters: {},
  interval: "month",
  event: null,
  document: null,
  zoom: null,
  center: null,
};

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function clean(key: FilterKey, raw: string | null): string | undefined {
  const value = raw?.trim() ?? "";
  if (value === "") return undefined;
  if ((key === "since" || key === "until") && !PARTIAL_DATE.test(value)) return undefined;
  if (key === "country") return /^[A-Za-z]{2}$/.test(value) ? value.toUpperCase() : undefined;
  return value.slice(0, 500);
}

export function parseState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: Partial<Record<FilterKey, string>> = {};
  for (const key of FILTER_KEYS) {
    const value = clean(key, params.get(key));
    if (value !== undefined) filters[key] = value;
  }
  const view = params.get("view");
  const zoom = Number(params.get("z"));
  const [lat, lon] = (params.get("c") ?? "").split(",").map(Number);
  const hasCenter = lat !== undefined && lon !== undefined && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90;
  return {
    view: VIEWS.find((name) => name === view) ?? "map",
    filters,
    interval: params.get("interval") === "week" ? "week" : "month",
    event: params.get("event") || null,
    document: params.get("document") || null,
    zoom: params.has("z") && Number.isInteger(zoom) && zoom >= 0 && zoom <= 18 ? zoom : null,
    center: params.has("c") && hasCenter ? [lat, lon] : null,
  };
}

export function formatState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.view !== "map") params.set("view", state.view);
  for (const key of FILTER_KEYS) {
    const value = state.filters[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  if (state.interval !== "month") params.set("interval", state.interval);
  if (state.event !== null) params.set("event", state.event);
  if (state.document !== null) params.set("document", state.document);
  if (state.zoom !== null) params.set("z", String(state.zoom));
  if (state.center !== null) params.set("c", `${state.center[0].toFixed(4)},${state.center[1].toFixed(4)}`);
  return params.toString();
}

/** The filter as API query parameters. */
export function filterParams(filters: Filters, extra: Readonly<Record<string, string | number>> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params;
}

/** A stable key for "did the filter change?". */
export function filterKey(filters: Filters): string {
  return filterParams(filters).toString();
}
