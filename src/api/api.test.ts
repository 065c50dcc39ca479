// Every API route through `app.request()` (no socket) against a real SQLite file: good requests,
// bad parameters (400 REQUEST_INVALID), unknown ids (404 RECORD_NOT_FOUND), oversized bodies
// (413 INPUT_TOO_LARGE), the cursor walk, and a rejection that changes listings, counts and
// analysis. The records are synthetic and written for these tests.
import { strict as assert } from "node:assert";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import BetterSqlite3 from "better-sqlite3";
import type { Event } from "../domain/records.ts";
import { openStore, type Store } from "../store/store.ts";
import { ISLAMIC_STATE, makeDocument, makeEvent, makeExtraction, makeFigure } from "../store/test-fixtures.ts";
import { createApp, type ApiApp } from "./app.ts";
import { startServer } from "./server.ts";
import { AnswerCache, answerFromCache } from "./cache.ts";
import type { IncomingMessage, ServerResponse } from "node:http";
import { connect } from "node:net";

const TYPES = ["Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments"] as const;
const DATES = ["2024-01-15", "2024-01-15", "2024-02-03", "2024-03", "2024-03-20", null, "2024-05-09", "2024"];

// One sentence per event, so that each has its own evidence span and id.
const SENTENCES = Array.from({ length: 30 }, (_, index) => `Incident number ${index} took place near checkpoint ${index}.`);
const REPORT = makeDocument(`Desk summary of the quarter. ${SENTENCES.join(" ")} Officials counted 41 attacks in January 2024.`, {
  title: "Quarterly desk summary",
  publisher: "Test Desk",
  publishedDate: "2024-06-30",
});

function eventAt(index: number): Event {
  const inSyria = index % 3 === 0;
  const hasPoint = index % 5 !== 4;
  return makeEvent(REPORT, SENTENCES[index] ?? "", {
    eventType: TYPES[index % TYPES.length] ?? "Battles",
    eventDate: DATES[index % DATES.length] ?? null,
    datePrecision: null,
    country: inSyria ? "SY" : "IQ",
    admin1: inSyria ? "Deir ez-Zor" : "Nineveh",
    location: `Town ${index % 7}`,
    latitude: hasPoint ? (inSyria ? 35.3 + index / 100 : 36.3 + index / 100) : null,
    longitude: hasPoint ? (inSyria ? 40.1 + index / 100 : 43.1 + index / 100) : null,
    // Every seventh event's point stands for its region, not a town.
    geoPrecision: hasPoint ? (index % 7 === 0 ? "region" : "town") : "region",
    perpetratorGroup: index % 2 === 0 ? "Islamic State" : null,
    actor1: index % 2 === 0 ? "Daesh fighters" : "Unknown gunmen",
    fatalities: index % 4 === 3 ? null : index % 6,
    status: index % 9 === 0 ? "claimed" : "occurred",
  });
}

const EVENTS = SENTENCES.map((_, index) => eventAt(index));
const FIGURE = makeFigure(REPORT, "Officials counted 41 attacks in January 2024.", {
  group: "Islamic State",
  country: "IQ",
  periodStart: "2024-01-01",
  periodEnd: "2024-01-31",
  value: 41,
});

interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

let folder: string;
let store: Store;
let app: ApiApp;

async function call(path: string, init: RequestInit = {}, on: ApiApp = app): Promise<Reply> {
  const response = await on.request(path, init);
  const text = await response.text();
  const type = response.headers.get("content-type") ?? "";
  return { status: response.status, headers: response.headers, text, body: type.includes("json") ? JSON.parse(text) : null };
}

const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify(body),
});

function field<T>(value: unknown, ...path: (string | number)[]): T {
  let current: unknown = value;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current as T;
}

function assertProblem(reply: Reply, status: number, code: string): void {
  assert.equal(reply.status, status, reply.text);
  assert.equal(reply.headers.get("content-type"), "application/problem+json");
  assert.equal(field(reply.body, "code"), code);
  assert.equal(field(reply.body, "status"), status);
}

type WireEvent = {
  id: string;
  date: string | null;
  fatalities: number | null;
  lat: number | null;
  geo_precision: string | null;
  review: { status: string };
};

async function allEvents(query = ""): Promise<WireEvent[]> {
  const reply = await call(`/api/events?limit=500${query}`);
  assert.equal(reply.status, 200, reply.text);
  return field<WireEvent[]>(reply.body, "events");
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "sitrep-api-"));
  store = await openStore({ path: join(folder, "api.db"), now: () => new Date("2026-01-02T03:04:05Z") });
  await store.saveActors([ISLAMIC_STATE]);
  await store.saveDocument(REPORT, makeExtraction({ events: EVENTS, figures: [FIGURE], actors: [ISLAMIC_STATE] }));
  mkdirSync(join(folder, "web"));
  writeFileSync(join(folder, "web", "index.html"), "<!doctype html><title>dashboard</title><script src=/app.js></script>");
  writeFileSync(join(folder, "web", "app.js"), "console.log('dashboard')");
  app = createApp({ store, maxBodyBytes: 4096, staticRoot: join(folder, "web") });
});

after(async () => {
  await store.close();
  rmSync(folder, { recursive: true, force: true });
});

describe("every response", () => {
  it("carries a Content-Security-Policy and nosniff, errors and static files included", async () => {
    for (const path of ["/api/events", "/api/events/nope", "/api/nope", "/openapi.json", "/", "/app.js", "/a/dashboard/route"]) {
      const reply = await call(path);
      assert.match(reply.headers.get("content-security-policy") ?? "", /default-src 'self'/, path);
      assert.match(reply.headers.get("content-security-policy") ?? "", /object-src 'none'/, path);
      assert.equal(reply.headers.get("x-content-type-options"), "nosniff", path);
    }
  });

  it("an unknown API route is a 404 problem; an unknown page path is the dashboard's page", async () => {
    assertProblem(await call("/api/nope"), 404, "ROUTE_NOT_FOUND");
    const page = await call("/a/dashboard/route");
    assert.equal(page.status, 200);
    assert.match(page.text, /<title>dashboard<\/title>/);
    assert.equal((await call("/app.js")).text, "console.log('dashboard')");
  });

  it("without a built dashboard, / is a 404 problem", async () => {
    const bare = createApp({ store });
    assertProblem(await call("/", {}, bare), 404, "ROUTE_NOT_FOUND");
  });

  it("a request past the time limit is a 503 REQUEST_TIMEOUT", async () => {
    const stuck: Store = Object.create(store, { listActors: { value: () => new Promise(() => undefined) } });
    const slow = createApp({ store: stuck, requestTimeoutMs: 20 });
    assertProblem(await call("/api/actors", {}, slow), 503, "REQUEST_TIMEOUT");
  });
});

describe("GET /openapi.json", () => {
  it("is OpenAPI 3.1 with every route, generated from the request schemas", async () => {
    const reply = await call("/openapi.json");
    assert.equal(reply.status, 200);
    assert.equal(field(reply.body, "openapi"), "3.1.0");
    const paths = field<Record<string, Record<string, unknown>>>(reply.body, "paths");
    const routes = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    for (const route of [
      "get /api/events",
      "get /api/events/{id}",
      "patch /api/events/{id}",
      "post /api/events/{id}/accept",
      "post /api/events/{id}/reject",
      "get /api/documents",
      "post /api/documents",
      "post /api/documents/text",
      "get /api/documents/{id}",
      "get /api/figures",
      "get /api/actors",
      "get /api/places",
      "get /api/series",
      "get /api/brief",
      "get /api/map",
      "get /api/timeline",
    ]) {
      assert.ok(routes.includes(route), `${route} is missing from ${routes.join(", ")}`);
    }
    const parameters = field<{ name: string }[]>(paths, "/api/events", "get", "parameters").map((parameter) => parameter.name);
    for (const name of [
      "group",
      "country",
      "admin1",
      "type",
      "status",
      "since",
      "until",
      "bbox",
      "text",
      "review",
      "sort",
      "limit",
      "cursor",
    ]) {
      assert.ok(parameters.includes(name), `/api/events lacks ${name}`);
    }
    const schemas = field<Record<string, unknown>>(reply.body, "components", "schemas");
    for (const name of ["Event", "EventDetail", "Problem", "MapResult", "TimelineResult"]) assert.ok(name in schemas, name);
  });
});

describe("GET /api/events", () => {
  it("lists every event by default, newest first, each with its review state", async () => {
    const events = await allEvents();
    assert.equal(events.length, EVENTS.length);
    assert.ok(events.every((event) => event.review.status === "unreviewed"));
    const dated = events.filter((event) => event.date !== null).map((event) => event.date ?? "");
    assert.deepEqual(dated, [...dated].sort().reverse());
    assert.equal(events[events.length - 1]?.date, null, "undated events come last");
  });

  it("filters by group alias, country, admin1, type, status, dates, box and text", async () => {
    const expect = async (query: string, keep: (event: Event) => boolean) => {
      const ids = (await allEvents(query)).map((event) => event.id).sort();
      assert.deepEqual(
        ids,
        EVENTS.filter(keep)
          .map((event) => event.id)
          .sort(),
        query,
      );
      assert.ok(ids.length > 0, `${query} should match something`);
    };
    await expect("&group=ISIS", (event) => event.perpetratorGroup === "Islamic State");
    await expect("&country=sy", (event) => event.country === "SY");
    await expect("&admin1=nineveh", (event) => event.admin1 === "Nineveh");
    await expect("&type=Battles", (event) => event.eventType === "Battles");
    await expect("&status=claimed", (event) => event.status === "claimed");
    // Partial dates overlap the range: a year-only "2024" may be any day of it.
    const inRange = (date: string | null) => date === "2024" || (date !== null && date >= "2024-02" && date <= "2024-03-31");
    await expect("&since=2024-02&until=2024-03", (event) => inRange(event.eventDate));
    await expect("&bbox=42,36,45,37", (event) => event.longitude !== null && event.longitude >= 42 && (event.latitude ?? 0) >= 36);
    await expect("&text=checkpoint", () => true);
    assert.deepEqual(await allEvents("&text=zeppelin"), []);
    assert.deepEqual(await allEvents("&text=zeppelin%00"), [], "a NUL in the search text is no error");
  });

  it("refuses bad parameters with 400 REQUEST_INVALID naming them", async () => {
    for (const query of [
      "since=2024-13",
      "until=yesterday",
      "until=2024-02-30",
      "since=2025&until=2024",
      "country=IRQ",
      "type=Skirmish",
      "status=maybe",
      "bbox=1,2,3",
      "bbox=45,30,40,35",
      "bbox=a,b,c,d",
      "review=pending",
      "sort=evil",
      "limit=0",
      "limit=501",
      "cursor=not-a-cursor",
    ]) {
      const reply = await call(`/api/events?${query}`);
      assertProblem(reply, 400, "REQUEST_INVALID");
      assert.ok(String(field(reply.body, "detail")).length > 0, query);
    }
    const reply = await call("/api/events?since=2024-13");
    assert.equal(field(reply.body, "errors", 0, "path"), "since");
  });

  for (const sort of ["date", "-date", "fatalities", "-fatalities"]) {
    it(`walks every event exactly once by cursor, sorted by ${sort}`, async () => {
      const seen: WireEvent[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor === null ? "" : `&cursor=${encodeURIComponent(cursor)}`;
        const reply = await call(`/api/events?sort=${sort}&limit=4${query}`);
        assert.equal(reply.status, 200, reply.text);
        const page = field<WireEvent[]>(reply.body, "events");
        assert.ok(page.length <= 4);
        seen.push(...page);
        cursor = field<string | null>(reply.body, "next_cursor");
        pages++;
      } while (cursor !== null && pages < 50);
      const ids = seen.map((event) => event.id);
      assert.equal(new Set(ids).size, ids.length, "no event twice");
      assert.deepEqual([...ids].sort(), EVENTS.map((event) => event.id).sort(), "every event once");
      const key = sort.endsWith("date") ? "date" : "fatalities";
      const values = seen.map((event) => event[key]);
      const valued = values.filter((value) => value !== null);
      assert.ok(
        values.slice(valued.length).every((value) => value === null),
        "events without the value come last",
      );
      const ordered = [...valued].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
      assert.deepEqual(valued, sort.startsWith("-") ? ordered.reverse() : ordered);
    });
  }

  it("refuses a cursor from a listing sorted otherwise", async () => {
    const first = await call("/api/events?sort=date&limit=2");
    const cursor = field<string>(first.body, "next_cursor");
    assertProblem(await call(`/api/events?sort=fatalities&cursor=${cursor}`), 400, "REQUEST_INVALID");
  });
});

describe("GET /api/events/{id}", () => {
  it("returns the fields, documents, evidence and review", async () => {
    const target = EVENTS[3] ?? assert.fail();
    const reply = await call(`/api/events/${target.id}`);
    assert.equal(reply.status, 200);
    assert.equal(field(reply.body, "id"), target.id);
    assert.equal(field(reply.body, "documents", 0, "id"), REPORT.id);
    assert.equal(field(reply.body, "evidence", 0, "text"), SENTENCES[3]);
    assert.equal(field(reply.body, "review", "status"), "unreviewed");
    assert.deepEqual(field(reply.body, "edits"), []);
  });

  it("is 404 RECORD_NOT_FOUND for an unknown id", async () => {
    assertProblem(await call("/api/events/ev_0000000000000000"), 404, "RECORD_NOT_FOUND");
  });
});

describe("review actions", () => {
  it("reject removes the event from listings, the timeline, the map and the series, and review=rejected shows it", async () => {
    const target = EVENTS.find(
      (event) => event.perpetratorGroup === "Islamic State" && event.eventDate?.length === 10 && event.latitude !== null,
    );
    assert.ok(target !== undefined);
    const month = target.eventDate?.slice(0, 7) ?? "";
    const timelineTotal = async () => field<number>((await call("/api/timeline?interval=month")).body, "total");
    const weekTotal = async () => field<number>((await call("/api/timeline?interval=week")).body, "total");
    const mapTotal = async () =>
      field<{ events: number }[]>((await call("/api/map?zoom=2")).body, "cells").reduce((sum, cell) => sum + cell.events, 0);
    const seriesMonth = async () => {
      const rows = field<{ period: string; events: number }[]>((await call("/api/series?group=Daesh&by=month")).body, "rows");
      return rows.find((row) => row.period === month)?.events ?? 0;
    };
    const before = {
      list: (await allEvents()).length,
      month: await timelineTotal(),
      week: await weekTotal(),
      map: await mapTotal(),
      series: await seriesMonth(),
    };

    const reply = await call(
      `/api/events/${target.id}/reject`,
      json("POST", { reviewer: "analyst.one", note: "duplicate of another report" }),
    );
    assert.equal(reply.status, 200, reply.text);
    assert.equal(field(reply.body, "review", "status"), "rejected");
    assert.equal(field(reply.body, "review", "reviewer"), "analyst.one");

    assert.equal((await allEvents()).length, before.list - 1);
    assert.ok(!(await allEvents()).some((event) => event.id === target.id));
    assert.equal(await timelineTotal(), before.month - 1);
    assert.equal(await weekTotal(), before.week - 1);
    assert.equal(await mapTotal(), before.map - 1);
    assert.equal(await seriesMonth(), before.series - 1);
    const rejected = await allEvents("&review=rejected");
    assert.deepEqual(
      rejected.map((event) => [event.id, event.review.status]),
      [[target.id, "rejected"]],
    );
    assert.equal((await allEvents("&review=all")).length, before.list);
    assert.equal(field((await call(`/api/events/${target.id}`)).body, "review", "status"), "rejected");

    // Accepting it again brings it back everywhere.
    const accepted = await call(`/api/events/${target.id}/accept`, { method: "POST" });
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(field(accepted.body, "review", "status"), "accepted");
    assert.equal(field(accepted.body, "review", "reviewer"), "analyst");
    assert.equal((await allEvents()).length, before.list);
    assert.equal(await timelineTotal(), before.month);
    assert.equal(await seriesMonth(), before.series);
  });

  it("an edit changes the event, records each change with who and when, and moves its counts", async () => {
    const target = EVENTS.find((event) => event.eventDate === "2024-01-15" && event.fatalities !== null);
    assert.ok(target !== undefined);
    const monthCount = async (period: string) =>
      field<{ period: string; events: number }[]>((await call("/api/timeline?interval=month")).body, "rows")
        .filter((row) => row.period === period)
        .reduce((sum, row) => sum + row.events, 0);
    const january = await monthCount("2024-01");
    const june = await monthCount("2024-06");

    const reply = await call(
      `/api/events/${target.id}`,
      json("PATCH", {
        reviewer: "analyst.two",
        note: "date per the second report",
        changes: { date: "2024-06-02", fatalities: 9, location: "  Hatra " },
      }),
    );
    assert.equal(reply.status, 200, reply.text);
    assert.equal(field(reply.body, "review", "status"), "edited");
    const changes = field<{ field: string; from: unknown; to: unknown }[]>(reply.body, "edit", "changes");
    assert.deepEqual(changes.map((change) => change.field).sort(), ["date", "date_precision", "fatalities", "location"]);
    assert.deepEqual(
      changes.find((change) => change.field === "date"),
      { field: "date", from: "2024-01-15", to: "2024-06-02" },
    );

    const shown = await call(`/api/events/${target.id}`);
    assert.equal(field(shown.body, "date"), "2024-06-02");
    assert.equal(field(shown.body, "date_precision"), "day");
    assert.equal(field(shown.body, "fatalities"), 9);
    assert.equal(field(shown.body, "location"), "Hatra");
    assert.equal(field(shown.body, "edits", 0, "editor"), "analyst.two");
    assert.equal(field(shown.body, "edits", 0, "edited_at"), "2026-01-02T03:04:05.000Z");
    assert.equal(field(shown.body, "edits", 0, "revision"), 1);
    assert.equal(await monthCount("2024-01"), january - 1);
    assert.equal(await monthCount("2024-06"), june + 1);

    // Sending the same values again changes nothing and records no revision.
    const again = await call(`/api/events/${target.id}`, json("PATCH", { changes: { fatalities: 9 } }));
    assert.equal(field(again.body, "edit"), null);
    assert.equal(field<unknown[]>((await call(`/api/events/${target.id}`)).body, "edits").length, 1);
  });

  it("refuses bad edits and reviews with 400, unknown ids with 404, oversized bodies with 413", async () => {
    const id = EVENTS[1]?.id ?? assert.fail();
    for (const body of [
      { changes: {} },
      { changes: { lat: 36.1 } },
      { changes: { weather: "rain" } },
      { changes: { date: "June" } },
      { changes: { date: "2024-02-31" } },
      { changes: { fatalities: -1 } },
      { changes: { event_type: "Battles", sub_event_type: "Grenade" } },
      { reviewer: 5, changes: { fatalities: 1 } },
    ]) {
      assertProblem(await call(`/api/events/${id}`, json("PATCH", body)), 400, "REQUEST_INVALID");
    }
    assertProblem(
      await call(`/api/events/${id}`, { method: "PATCH", headers: { "Content-Type": "application/json" }, body: "{not json" }),
      400,
      "REQUEST_INVALID",
    );
    assertProblem(await call(`/api/events/${id}/reject`, json("POST", { reviewer: "" })), 400, "REQUEST_INVALID");
    // A body of a media type the route does not read is a 415 with a code, not a server error.
    for (const [path, method] of [
      [`/api/events/${id}/accept`, "POST"],
      [`/api/events/${id}`, "PATCH"],
      ["/api/documents/text", "POST"],
    ] as const) {
      assertProblem(await call(path, { method, headers: { "Content-Type": "text/plain" }, body: "x" }), 415, "INPUT_UNSUPPORTED");
    }
    assertProblem(
      await call("/api/documents/text", json("POST", { text: "IS attacked Kirkuk.", published_date: "2025-02-30" })),
      400,
      "REQUEST_INVALID",
    );
    assertProblem(await call("/api/events/ev_none/reject", { method: "POST" }), 404, "RECORD_NOT_FOUND");
    assertProblem(await call("/api/events/ev_none/accept", { method: "POST" }), 404, "RECORD_NOT_FOUND");
    assertProblem(await call("/api/events/ev_none", json("PATCH", { changes: { fatalities: 1 } })), 404, "RECORD_NOT_FOUND");
    const huge = { reviewer: "x", note: "n".repeat(5000) };
    assertProblem(await call(`/api/events/${id}/reject`, json("POST", huge)), 413, "INPUT_TOO_LARGE");
    assertProblem(await call(`/api/events/${id}`, json("PATCH", { ...huge, changes: { fatalities: 1 } })), 413, "INPUT_TOO_LARGE");
    assert.equal(field((await call(`/api/events/${id}`)).body, "review", "status"), "unreviewed", "a refused request changes nothing");
  });

  it("reads a review body whose media type is written in capitals", async () => {
    const id = EVENTS[2]?.id ?? assert.fail();
    const reply = await call(`/api/events/${id}/accept`, {
      method: "POST",
      headers: { "Content-Type": "APPLICATION/JSON" },
      body: JSON.stringify({ reviewer: "j.doe", note: "checked" }),
    });
    assert.equal(reply.status, 200, reply.text);
    assert.equal(field((await call(`/api/events/${id}`)).body, "review", "reviewer"), "j.doe");
  });
});

describe("documents", () => {
  const text = "On 3 March 2024 Islamic State fighters attacked an army checkpoint near Mosul, killing four soldiers, police said.";

  it("POST /api/documents/text stores a report once and extracts its events", async () => {
    const first = await call("/api/documents/text", json("POST", { text, title: "Checkpoint attack", published_date: "2024-03-04" }));
    assert.equal(first.status, 201, first.text);
    assert.equal(field(first.body, "status"), "ingested");
    assert.ok(field<number>(first.body, "events") >= 1);
    const again = await call("/api/documents/text", json("POST", { text }));
    assert.equal(again.status, 200);
    assert.equal(field(again.body, "status"), "unchanged");
    assert.equal(field(again.body, "document_id"), field(first.body, "document_id"));

    const shown = await call(`/api/documents/${field<string>(first.body, "document_id")}`);
    assert.equal(shown.status, 200);
    assert.equal(field(shown.body, "title"), "Checkpoint attack");
    assert.equal(field(shown.body, "published_date"), "2024-03-04");
    assert.equal(field(shown.body, "text"), text);
    const evidence = field<{ owner_kind: string; start: number; end: number; text: string }[]>(shown.body, "evidence");
    assert.ok(evidence.some((span) => span.owner_kind === "event"));
    for (const span of evidence) assert.equal(text.slice(span.start, span.end), span.text);
    assert.ok(field<string[]>(shown.body, "event_ids").length >= 1);
  });

  it("POST /api/documents takes a multipart file or raw bytes with their content type", async () => {
    const form = new FormData();
    form.append(
      "file",
      new File(["Gunmen abducted two shepherds near Sinjar on 5 May 2024, local officials said."], "sinjar.txt", { type: "text/plain" }),
    );
    const multipart = await call("/api/documents", { method: "POST", body: form });
    assert.equal(multipart.status, 201, multipart.text);
    const html =
      "<html><head><title>Raid report</title></head><body><article><p>Security forces arrested three suspects in Kirkuk on 9 May 2024, police said.</p></article></body></html>";
    const raw = await call("/api/documents?filename=raid.html", { method: "POST", headers: { "Content-Type": "text/html" }, body: html });
    assert.equal(raw.status, 201, raw.text);
    assert.equal(field(raw.body, "title"), "Raid report");
  });

  it("refuses empty, unsupported and oversized documents with their codes", async () => {
    assertProblem(await call("/api/documents/text", json("POST", { text: "" })), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/documents/text", json("POST", { title: "no text" })), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/documents/text", json("POST", { text: "   \n  " })), 422, "INPUT_EMPTY");
    assertProblem(
      await call("/api/documents", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=b" }),
      400,
      "REQUEST_INVALID",
    );
    assertProblem(await call("/api/documents", { method: "POST", body: new FormData() }), 400, "REQUEST_INVALID");
    const big = "x".repeat(5000);
    assertProblem(
      await call("/api/documents", { method: "POST", headers: { "Content-Type": "text/plain" }, body: big }),
      413,
      "INPUT_TOO_LARGE",
    );
    assertProblem(await call("/api/documents/text", json("POST", { text: big })), 413, "INPUT_TOO_LARGE");
  });

  it("GET /api/documents pages newest first; unknown ids are 404; bad cursors 400", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const reply: Reply = await call(`/api/documents?limit=1${cursor === null ? "" : `&cursor=${cursor}`}`);
      assert.equal(reply.status, 200, reply.text);
      ids.push(...field<{ id: string }[]>(reply.body, "documents").map((document) => document.id));
      cursor = field<string | null>(reply.body, "next_cursor");
    } while (cursor !== null && ids.length < 20);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes(REPORT.id));
    assertProblem(await call("/api/documents/doc_0000000000000000"), 404, "RECORD_NOT_FOUND");
    assertProblem(await call("/api/documents?cursor=eyJ4IjoxfQ"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/documents?limit=-3"), 400, "REQUEST_INVALID");
  });
});

describe("figures, actors, places", () => {
  it("GET /api/figures filters by group alias and measure", async () => {
    const reply = await call("/api/figures?group=Daesh&measure=attacks");
    assert.equal(reply.status, 200);
    assert.deepEqual(
      field<{ id: string }[]>(reply.body, "figures").map((figure) => figure.id),
      [FIGURE.id],
    );
    assert.deepEqual(field((await call("/api/figures?measure=arrests&country=SY")).body, "figures"), []);
    assertProblem(await call("/api/figures?measure=weather"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/figures?since=2024-1"), 400, "REQUEST_INVALID");
  });

  it("GET /api/actors lists the registry and finds one by alias", async () => {
    const all = field<{ name: string }[]>((await call("/api/actors")).body, "actors");
    assert.ok(all.some((actor) => actor.name === "Islamic State"));
    const one = field<{ name: string; aliases: string[] }[]>((await call("/api/actors?name=isil")).body, "actors");
    assert.equal(one.length, 1);
    assert.equal(one[0]?.name, "Islamic State");
    assert.ok(one[0]?.aliases.includes("Daesh"));
    assert.deepEqual(field((await call("/api/actors?name=nobody")).body, "actors"), []);
    assertProblem(await call("/api/actors?name="), 400, "REQUEST_INVALID");
  });

  it("GET /api/places lists places and refuses a bad country", async () => {
    const reply = await call("/api/places?country=IQ");
    assert.equal(reply.status, 200);
    assert.ok(Array.isArray(field(reply.body, "places")));
    assertProblem(await call("/api/places?country=Iraq"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/places?limit=abc"), 400, "REQUEST_INVALID");
  });
});

describe("analysis", () => {
  it("GET /api/series is the CLI's series", async () => {
    const reply = await call("/api/series?group=ISIS&by=month,country");
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(field(reply.body, "by"), ["country"]);
    const rows = field<{ events: number }[]>(reply.body, "rows");
    assert.ok(rows.reduce((sum, row) => sum + row.events, 0) > 0);
    const figures = await call("/api/series?group=ISIS&by=month&of=figures");
    assert.equal(field(figures.body, "rows", 0, "value"), 41);
    assertProblem(await call("/api/series?by=month,planet"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/series?region=Atlantis"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/series?of=tweets"), 400, "REQUEST_INVALID");
  });

  it("GET /api/brief answers Markdown, or HTML under a policy allowing no script", async () => {
    const markdown = await call("/api/brief?group=ISIS&region=IQ&as_of=2024-06-30");
    assert.equal(markdown.status, 200, markdown.text);
    assert.match(markdown.headers.get("content-type") ?? "", /text\/markdown/);
    assert.match(markdown.text, /^# /);
    const html = await call("/api/brief?group=ISIS&region=IQ&as_of=2024-06-30&format=html");
    assert.equal(html.status, 200);
    assert.match(html.text, /<html/);
    const policy = html.headers.get("content-security-policy") ?? "";
    assert.match(policy, /default-src 'none'/);
    assert.doesNotMatch(policy, /script-src/);
    assertProblem(await call("/api/brief"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/brief?group=Nobody%20At%20All"), 404, "GROUP_UNKNOWN");
    assertProblem(await call("/api/brief?group=Nobody%20At%20All&region=IQ"), 404, "GROUP_UNKNOWN");
    assertProblem(await call("/api/brief?group=ISIS&format=pdf"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/brief?group=ISIS&region=IQ&pivot=ev_nothing"), 404, "RECORD_NOT_FOUND");
  });
});

describe("aggregates", () => {
  it("GET /api/map clusters events with coordinates and counts the rest per region, approximate ones flagged", async () => {
    const listed = await allEvents();
    const withPoint = listed.filter((event) => event.lat !== null);
    for (const zoom of [0, 4, 12]) {
      const reply = await call(`/api/map?zoom=${zoom}`);
      assert.equal(reply.status, 200, reply.text);
      const cells = field<{ events: number; approximate: number; event_id: string | null; by_type: Record<string, number> }[]>(
        reply.body,
        "cells",
      );
      assert.equal(
        cells.reduce((sum, cell) => sum + cell.events, 0),
        withPoint.length,
        `zoom ${zoom}`,
      );
      assert.equal(
        cells.reduce((sum, cell) => sum + cell.approximate, 0),
        withPoint.filter((event) => event.geo_precision === "region" || event.geo_precision === "country").length,
      );
      for (const cell of cells) {
        assert.equal(
          Object.values(cell.by_type).reduce((sum, count) => sum + count, 0),
          cell.events,
        );
        assert.equal(cell.event_id !== null, cell.events === 1);
      }
      const regions = field<{ events: number; approximate: boolean }[]>(reply.body, "regions");
      assert.equal(
        regions.reduce((sum, region) => sum + region.events, 0),
        listed.length - withPoint.length,
      );
      assert.ok(regions.every((region) => region.approximate));
    }
    const zoomedOut = field<unknown[]>((await call("/api/map?zoom=0")).body, "cells").length;
    const zoomedIn = field<unknown[]>((await call("/api/map?zoom=12")).body, "cells").length;
    assert.ok(zoomedOut < zoomedIn, "cells split as the map zooms in");
    const syria = field<{ lon: number }[]>((await call("/api/map?zoom=6&country=SY")).body, "cells");
    assert.ok(syria.length > 0 && syria.every((cell) => cell.lon < 42));
    assertProblem(await call("/api/map?zoom=30"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/map?bbox=0,0,0,0"), 400, "REQUEST_INVALID");
  });

  it("GET /api/map with a bbox keeps only the box's cells but every region, from the summary and from the events", async () => {
    const listed = await allEvents();
    const unplaced = listed.filter((event) => event.lat === null).length;
    assert.ok(unplaced > 0);
    // A box far from every event: no cell, the same regions. Zoom 4 reads the cell summary,
    // zoom 12 the events, a day-grained since the events too.
    for (const query of ["zoom=4", "zoom=12", "zoom=4&since=2000-01-01"]) {
      const whole = await call(`/api/map?${query}`);
      const boxed = await call(`/api/map?${query}&bbox=-120,-50,-110,-40`);
      assert.equal(boxed.status, 200, boxed.text);
      assert.deepEqual(field(boxed.body, "cells"), [], query);
      assert.deepEqual(field(boxed.body, "regions"), field(whole.body, "regions"), query);
      assert.ok(field<unknown[]>(boxed.body, "regions").length > 0, query);
    }
    const regionEvents = async (query: string): Promise<number> =>
      field<{ events: number }[]>((await call(`/api/map?${query}`)).body, "regions").reduce((sum, region) => sum + region.events, 0);
    assert.equal(await regionEvents("zoom=4&bbox=-120,-50,-110,-40"), unplaced);
    // A rejected event without coordinates leaves the regions at every zoom, and comes back.
    const target = listed.find((event) => event.lat === null && event.date !== null && event.date.length === 10);
    assert.ok(target !== undefined);
    const queries = ["zoom=4", "zoom=12&bbox=-120,-50,-110,-40", "zoom=12&since=2000-01-01"];
    const counts = await Promise.all(queries.map(regionEvents));
    assert.equal((await call(`/api/events/${target.id}/reject`, json("POST", {}))).status, 200);
    for (const [index, query] of queries.entries()) assert.equal(await regionEvents(query), (counts[index] ?? 0) - 1, query);
    assert.equal((await call(`/api/events/${target.id}/accept`, json("POST", {}))).status, 200);
    assert.equal(await regionEvents("zoom=12&bbox=-120,-50,-110,-40"), unplaced);
  });

  it("GET /api/map of a group no event names is empty", async () => {
    const reply = await call("/api/map?zoom=4&group=Nobody%20Such%20Group");
    assert.equal(reply.status, 200, reply.text);
    assert.deepEqual(field(reply.body, "cells"), []);
    assert.deepEqual(field(reply.body, "regions"), []);
  });

  it("GET /api/timeline counts per month or week by type, its total that of the list, with the figures", async () => {
    const events = await allEvents("&country=IQ");
    const reply = await call("/api/timeline?interval=month&country=IQ");
    assert.equal(reply.status, 200, reply.text);
    const rows = field<{ period: string; type: string; events: number }[]>(reply.body, "rows");
    const undated = field<number>(reply.body, "undated");
    assert.equal(field(reply.body, "total"), events.length);
    assert.equal(rows.reduce((sum, row) => sum + row.events, 0) + undated, events.length);
    assert.equal(undated, events.filter((event) => event.date === null || event.date.length < 7).length);
    const periods = field<string[]>(reply.body, "periods");
    assert.deepEqual(periods, [...periods].sort());
    assert.ok(rows.every((row) => periods.includes(row.period)));
    assert.equal(field(reply.body, "figures", 0, "value"), 41);
    const weekly = await call("/api/timeline?interval=week&country=IQ");
    assert.ok(field<{ period: string }[]>(weekly.body, "rows").every((row) => /^\d{4}-W\d{2}$/.test(row.period)));
    assert.equal(field(weekly.body, "total"), events.length);
    assertProblem(await call("/api/timeline?interval=fortnight"), 400, "REQUEST_INVALID");
    assertProblem(await call("/api/timeline?since=last-week"), 400, "REQUEST_INVALID");
  });
});

describe("answers kept while the database is unchanged", () => {
  it("sends the list, map and timeline again until a write, by this store or another connection", async () => {
    for (const path of ["/api/events?limit=3", "/api/map?zoom=3", "/api/timeline?interval=month"]) {
      const first = await call(path);
      const again = await call(path);
      assert.equal(again.headers.get("cache-status"), "sitrep; hit", path);
      assert.equal(again.text, first.text, path);
      assert.ok(again.headers.get("content-security-policy"), "a kept answer carries the security headers");
    }
    // A write through the API (a rejection) changes what the list says: the next answer is fresh.
    const listed = await allEvents();
    const target = listed[0];
    assert.ok(target !== undefined);
    const before = await call("/api/events?limit=500");
    assert.equal((await call("/api/events?limit=500")).headers.get("cache-status"), "sitrep; hit");
    assert.equal((await call(`/api/events/${target.id}/reject`, json("POST", {}))).status, 200);
    const after = await call("/api/events?limit=500");
    assert.equal(after.headers.get("cache-status"), "sitrep; fwd=miss; stored");
    assert.equal(field<unknown[]>(after.body, "events").length, field<unknown[]>(before.body, "events").length - 1);
    // A write by another connection to the same file (another process, `sitrep ingest`).
    assert.equal((await call("/api/events?limit=500")).headers.get("cache-status"), "sitrep; hit");
    const other = new BetterSqlite3(join(folder, "api.db"));
    other.prepare("delete from event_reviews where event_id = ?").run(target.id);
    other.close();
    const restored = await call("/api/events?limit=500");
    assert.equal(restored.headers.get("cache-status"), "sitrep; fwd=miss; stored");
    assert.equal(field<unknown[]>(restored.body, "events").length, field<unknown[]>(before.body, "events").length);
  });

  it("sends a kept answer from the server socket with the app's headers, and never across a write", async () => {
    const server = await startServer({ store, port: 0 });
    try {
      const path = "/api/events?limit=4&sort=-date";
      const fresh = await fetch(`${server.url}${path}`);
      const freshText = await fresh.text();
      assert.equal(fresh.headers.get("cache-status"), "sitrep; fwd=miss; stored");
      const kept = await fetch(`${server.url}${path}`);
      assert.equal(kept.headers.get("cache-status"), "sitrep; hit");
      assert.equal(await kept.text(), freshText);
      assert.equal(kept.headers.get("content-type"), fresh.headers.get("content-type"));
      for (const name of [
        "content-security-policy",
        "x-content-type-options",
        "referrer-policy",
        "x-frame-options",
        "cross-origin-opener-policy",
        "cross-origin-resource-policy",
      ])
        assert.equal(kept.headers.get(name), fresh.headers.get(name), name);
      // A write through this server: the next answer is computed again.
      const first = field<{ id: string }[]>(JSON.parse(freshText), "events")[0];
      assert.ok(first !== undefined);
      assert.equal((await fetch(`${server.url}/api/events/${first.id}/reject`, { method: "POST" })).status, 200);
      const after = await fetch(`${server.url}${path}`);
      assert.equal(after.headers.get("cache-status"), "sitrep; fwd=miss; stored");
      assert.notEqual(await after.text(), freshText);
      assert.equal((await fetch(`${server.url}/api/events/${first.id}/accept`, { method: "POST" })).status, 200);
      // Only a GET of a kept path: another method, or another path, is the app's.
      const posted = await fetch(`${server.url}${path}`, { method: "POST" });
      assert.equal(posted.headers.get("cache-status"), null);
      assert.equal(posted.status, 404);
    } finally {
      await server.close();
    }
  });

  it("answers requests Node or the adapter cannot read with the policy and a problem body too", async () => {
    const server = await startServer({ store, port: 0 });
    try {
      const raw = (request: string): Promise<string> =>
        new Promise((resolve, reject) => {
          let reply = "";
          const socket = connect(server.port, "127.0.0.1", () => socket.write(request));
          socket.setEncoding("utf8");
          socket.on("data", (chunk: string) => (reply += chunk));
          socket.on("end", () => resolve(reply));
          socket.on("close", () => resolve(reply));
          socket.on("error", reject);
          setTimeout(() => socket.end(), 2000);
        });
      for (const [request, status] of [
        ["GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n", 400],
        ["BOGUS\r\n\r\n", 400],
        [`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Long: ${"x".repeat(20_000)}\r\n\r\n`, 431],
      ] as const) {
        const reply = await raw(request);
        assert.match(reply, new RegExp(`^HTTP/1\\.1 ${status} `), reply.slice(0, 80));
        assert.match(reply, /content-security-policy: [^\r]*frame-ancestors 'none'/i);
        assert.match(reply, /content-type: application\/problem\+json/i);
        assert.match(reply, /"code":"REQUEST_INVALID"/);
      }
    } finally {
      await server.close();
    }
  });

  it("answers from node:http only a GET of a kept path, in origin form, of the store's current version", async () => {
    const cache = new AnswerCache();
    const body = new TextEncoder().encode('{"events":[]}');
    cache.set("/api/events?limit=1", { version: await store.version(), body, contentType: "application/json" });
    cache.set("/api/map", { version: "another", body, contentType: "application/json" });
    const paths = new Set(["/api/events", "/api/map"]);
    const send = async (method: string, url: string) => {
      const sent: { status?: number; headers?: Record<string, unknown>; body?: unknown } = {};
      const response = {
        writeHead: (status: number, headers: Record<string, unknown>) => Object.assign(sent, { status, headers }),
        end: (data: unknown) => Object.assign(sent, { body: data }),
      } as unknown as ServerResponse;
      const answered = await answerFromCache(
        store,
        cache,
        paths,
        { "X-Frame-Options": "DENY" },
        { method, url } as IncomingMessage,
        response,
      );
      return { answered, sent };
    };
    const hit = await send("GET", "/api/events?limit=1");
    assert.equal(hit.answered, true);
    assert.equal(hit.sent.status, 200);
    assert.equal(hit.sent.body, body);
    assert.deepEqual(hit.sent.headers, {
      "X-Frame-Options": "DENY",
      "Content-Type": "application/json",
      "Content-Length": body.byteLength,
      "Cache-Status": "sitrep; hit",
    });
    for (const [method, url] of [
      ["POST", "/api/events?limit=1"],
      ["HEAD", "/api/events?limit=1"],
      ["GET", "/api/events?limit=2"],
      ["GET", "//api/events?limit=1"],
      ["GET", "http://localhost/api/events?limit=1"],
      ["GET", "/api/map"],
    ] as const) {
      const miss = await send(method, url);
      assert.equal(miss.answered, false, `${method} ${url}`);
      assert.equal(miss.sent.status, undefined, `${method} ${url}: nothing sent`);
    }
  });

  it("keeps no error and nothing past its limits", async () => {
    assertProblem(await call("/api/events?sort=sideways"), 400, "REQUEST_INVALID");
    assert.equal((await call("/api/events?sort=sideways")).headers.get("cache-status"), null);
    const tiny = createApp({ store, cache: { entries: 1, bytes: 1_000_000 } });
    await call("/api/timeline", {}, tiny);
    await call("/api/map?zoom=1", {}, tiny);
    assert.equal((await call("/api/map?zoom=1", {}, tiny)).headers.get("cache-status"), "sitrep; hit");
    assert.equal((await call("/api/timeline", {}, tiny)).headers.get("cache-status"), "sitrep; fwd=miss; stored");
    const none = createApp({ store, cache: null });
    await call("/api/timeline", {}, none);
    assert.equal((await call("/api/timeline", {}, none)).headers.get("cache-status"), null);
  });
});
