// The dashboard's only way to the data: the HTTP API on the same origin (docs/API.md). Shapes
// mirror src/api/schemas.ts; errors arrive as problem+json and are thrown as ApiError.

export interface Evidence {
  readonly document_id: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export type ReviewStatus = "unreviewed" | "accepted" | "edited" | "rejected";

export interface Review {
  readonly status: ReviewStatus;
  readonly reviewer: string | null;
  readonly reviewed_at: string | null;
  readonly note: string | null;
}

export interface EventRecord {
  readonly id: string;
  readonly document_id: string;
  readonly event_type: string;
  readonly sub_event_type: string | null;
  readonly date: string | null;
  readonly date_precision: string | null;
  readonly country: string | null;
  readonly admin1: string | null;
  readonly location: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geo_precision: string | null;
  readonly actor1: string | null;
  readonly actor2: string | null;
  readonly perpetrator_group: string | null;
  readonly fatalities: number | null;
  readonly status: string;
  readonly sources: readonly string[];
  readonly evidence: readonly Evidence[];
  readonly review: Review;
}

export interface DocumentReference {
  readonly id: string;
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly published_date: string | null;
  readonly origin: string;
}

export interface Edit {
  readonly revision: number;
  readonly editor: string;
  readonly edited_at: string;
  readonly note: string | null;
  readonly changes: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
}

export interface EventDetail extends EventRecord {
  readonly documents: readonly DocumentReference[];
  readonly edits: readonly Edit[];
  readonly origins: readonly { readonly dataset: string; readonly external_id: string; readonly original_type: string | null }[];
}

export interface EventPage {
  readonly events: readonly EventRecord[];
  readonly next_cursor: string | null;
}

export interface DocumentDetail extends DocumentReference {
  readonly language: string;
  readonly format: string;
  readonly ingested_at: string;
  readonly reference_date: string | null;
  readonly text: string;
  readonly evidence: readonly {
    readonly owner_kind: "event" | "figure" | "statement";
    readonly owner_id: string;
    readonly start: number;
    readonly end: number;
    readonly text: string;
  }[];
  readonly event_ids: readonly string[];
}

export type TypeCounts = Readonly<Record<string, number>>;

export interface MapCell {
  readonly lat: number;
  readonly lon: number;
  readonly events: number;
  readonly fatalities: number;
  readonly by_type: TypeCounts;
  readonly approximate: number;
  readonly event_id: string | null;
}

export interface MapRegion {
  readonly country: string | null;
  readonly admin1: string | null;
  readonly events: number;
  readonly fatalities: number;
  readonly by_type: TypeCounts;
}

export interface MapResult {
  readonly zoom: number;
  readonly cell_degrees: number;
  readonly cells: readonly MapCell[];
  readonly regions: readonly MapRegion[];
}

export interface TimelineResult {
  readonly interval: "week" | "month";
  readonly periods: readonly string[];
  readonly types: readonly string[];
  readonly rows: readonly { readonly period: string; readonly type: string; readonly events: number; readonly fatalities: number }[];
  readonly undated: number;
  readonly total: number;
  readonly figures: readonly {
    readonly period: string;
    readonly measure: string;
    readonly qualifier: string;
    readonly value: number;
    readonly figure_ids: readonly string[];
  }[];
}

export interface Figure {
  readonly id: string;
  readonly document_id: string;
  readonly measure: string;
  readonly group: string | null;
  readonly country: string | null;
  readonly period_start: string | null;
  readonly period_end: string | null;
  readonly value: number;
  readonly qualifier: string;
  readonly source: string | null;
  readonly derived: boolean;
  readonly unit: string | null;
  readonly evidence: readonly Evidence[];
}

export interface Actor {
  readonly name: string;
  readonly kind: string;
  readonly aliases: readonly string[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, { ...init, credentials: "same-origin" });
  if (response.ok) return response;
  let code = "HTTP_" + response.status;
  let detail = response.statusText;
  try {
    const body = (await response.json()) as { code?: string; detail?: string };
    code = body.code ?? code;
    detail = body.detail ?? detail;
  } catch {
    // not problem+json: keep the status line
  }
  throw new ApiError(response.status, code, `${code}: ${detail}`);
}

export async function getJson<T>(path: string, params?: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const query = params === undefined || params.size === 0 ? "" : `?${params.toString()}`;
  const response = await request(`/api/${path}${query}`, { signal: signal ?? null });
  return (await response.json()) as T;
}

export async function getText(path: string, params: URLSearchParams): Promise<string> {
  return (await request(`/api/${path}?${params.toString()}`)).text();
}

export async function sendJson<T>(method: "POST" | "PATCH", path: string, body: unknown): Promise<T> {
  const response = await request(`/api/${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await response.json()) as T;
}
