// Figures, actors, places, the analysis (series, brief) and the two aggregates a dashboard draws
// from: the map (events per grid cell, clustered here rather than in the browser) and the
// timeline (events per week or month by type, with the figures reported for each period).
// Both read counts in SQL; the timeline's months come from the monthly rollup (ADR-13).
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { bucketRange, isoWeek } from "../analyze/periods.ts";
import { buildFigureSeries } from "../analyze/series.ts";
import { figureSeriesToWire, parseBy, seriesToWire } from "../analyze/series-wire.ts";
import { loadBrief, loadFigureSeries, loadSeries } from "../analyze/service.ts";
import { figureToWire } from "../domain/wire.ts";
import { checkedCountry, eventFilter } from "../records/service.ts";
import { renderHtml } from "../report/html.ts";
import { renderMarkdown } from "../report/markdown.ts";
import { problemResponses, type RouteContext } from "./routes-events.ts";
import * as schemas from "./schemas.ts";

/** Map cells are an eighth of a 256-pixel web-map tile: 32 px, about a marker's size. */
export function cellDegrees(zoom: number): number {
  return 360 / 2 ** zoom / 8;
}

/** The brief as HTML is one self-contained page with inline styles and SVG, and no script. */
const BRIEF_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });

const figuresRoute = createRoute({
  method: "get",
  path: "/api/figures",
  tags: ["records"],
  summary: "Reported figures (counts over periods, projections), ordered by period",
  request: { query: schemas.FigureQuery },
  responses: { 200: json(z.object({ figures: z.array(schemas.Figure) }), "figures"), ...problemResponses },
});

const actorsRoute = createRoute({
  method: "get",
  path: "/api/actors",
  tags: ["records"],
  summary: "The actor registry: armed groups, forces and people with every alias",
  request: { query: schemas.ActorQuery },
  responses: { 200: json(z.object({ actors: z.array(schemas.Actor) }), "actors"), ...problemResponses },
});

const placesRoute = createRoute({
  method: "get",
  path: "/api/places",
  tags: ["records"],
  summary: "Places met in reports (towns carry coordinates; regions and countries do not)",
  request: { query: schemas.PlaceQuery },
  responses: { 200: json(z.object({ places: z.array(schemas.Place) }), "places"), ...problemResponses },
});

const seriesRoute = createRoute({
  method: "get",
  path: "/api/series",
  tags: ["analysis"],
  summary: "Events per period (or reported figures per period), split by dimensions: the CLI's `sitrep series`",
  request: { query: schemas.SeriesQuery },
  responses: {
    200: json(z.record(z.string(), z.unknown()).openapi("Series"), "the series, as `sitrep series --format json` prints it"),
    ...problemResponses,
  },
});

const briefRoute = createRoute({
  method: "get",
  path: "/api/brief",
  tags: ["analysis"],
  summary: "An assessment of a group's strength in a region, each sentence with its evidence: the CLI's `sitrep brief`",
  request: { query: schemas.BriefQuery },
  responses: {
    200: {
      description: "the brief as Markdown or as one self-contained HTML page",
      content: { "text/markdown": { schema: z.string() }, "text/html": { schema: z.string() } },
    },
    ...problemResponses,
  },
});

const mapRoute = createRoute({
  method: "get",
  path: "/api/map",
  tags: ["aggregates"],
  summary: "Filtered events clustered on a grid for a zoom level; events without coordinates counted per region",
  description:
    "Cells are anchored at (-180, -90) and 360/2^zoom/8 degrees wide, so a cell is the same in every viewport. `approximate` counts events whose coordinates stand for a region or country; `regions` lists events with no coordinates at all (ADR-6): draw them as regions, never as points.",
  request: { query: schemas.MapQuery },
  responses: { 200: json(schemas.MapResult, "the map's cells and regions"), ...problemResponses },
});

const timelineRoute = createRoute({
  method: "get",
  path: "/api/timeline",
  tags: ["aggregates"],
  summary: "Filtered events per week or month by type, with the figures reported for each period",
  request: { query: schemas.TimelineQuery },
  responses: { 200: json(schemas.TimelineResult, "counts per period and type"), ...problemResponses },
});

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

export function registerAnalysisRoutes(app: OpenAPIHono, { store }: RouteContext): void {
  app.openapi(figuresRoute, async (c) => {
    const query = c.req.valid("query");
    const figures = await store.findFigures({
      group: query.group,
      country: query.country === undefined ? undefined : checkedCountry(query.country),
      measure: query.measure,
      since: query.since,
      until: query.until,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ figures: figures.map(figureToWire) }, 200);
  });

  app.openapi(actorsRoute, async (c) => {
    const { name } = c.req.valid("query");
    const actors = name === undefined ? await store.listActors() : [await store.findActor(name)].filter((actor) => actor !== null);
    return c.json(
      {
        actors: actors.map((actor) => ({
          name: actor.canonicalName,
          kind: actor.actorKind,
          country: actor.country,
          role: actor.role,
          aliases: [...actor.aliases],
        })),
      },
      200,
    );
  });

  app.openapi(placesRoute, async (c) => {
    const query = c.req.valid("query");
    const country = query.country === undefined ? undefined : checkedCountry(query.country);
    const places =
      query.name === undefined
        ? await store.listPlaces({ country, limit: query.limit, offset: query.offset })
        : (await store.findPlaces(query.name, country)).slice(query.offset, query.offset + query.limit);
    return c.json(
      {
        places: places.map((place) => ({
          name: place.name,
          country: place.country,
          admin1: place.admin1,
          lat: place.latitude,
          lon: place.longitude,
          geo_precision: place.geoPrecision,
          geonameid: place.geonameId,
        })),
      },
      200,
    );
  });

  app.openapi(seriesRoute, async (c) => {
    const query = c.req.valid("query");
    const { interval, by } = parseBy(query.by, "by");
    const request = { group: query.group, interval, by, regions: list(query.region), since: query.since, until: query.until };
    const body =
      query.of === "figures" ? figureSeriesToWire(await loadFigureSeries(store, request)) : seriesToWire(await loadSeries(store, request));
    return c.json({ ...body }, 200);
  });

  app.openapi(briefRoute, async (c) => {
    const query = c.req.valid("query");
    const brief = await loadBrief(store, { group: query.group, regions: list(query.region), asOf: query.as_of, pivot: query.pivot });
    if (query.format === "html") {
      return c.body(renderHtml(brief), 200, { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": BRIEF_CSP });
    }
    return c.body(renderMarkdown(brief), 200, { "Content-Type": "text/markdown; charset=utf-8" });
  });

  app.openapi(mapRoute, async (c) => {
    const query = c.req.valid("query");
    const cell = cellDegrees(query.zoom);
    const aggregate = await store.mapEvents(eventFilter(query), cell);
    return c.json(
      {
        zoom: query.zoom,
        cell_degrees: cell,
        cells: aggregate.cells.map((found) => ({
          lat: found.latitude,
          lon: found.longitude,
          events: found.events,
          fatalities: found.fatalities,
          by_type: { ...found.byType },
          approximate: found.approximate,
          event_id: found.eventId,
        })),
        regions: aggregate.regions.map((region) => ({
          country: region.country,
          admin1: region.admin1,
          events: region.events,
          fatalities: region.fatalities,
          by_type: { ...region.byType },
          approximate: true as const,
        })),
      },
      200,
    );
  });

  app.openapi(timelineRoute, async (c) => {
    const query = c.req.valid("query");
    const filter = eventFilter(query);
    const counts = await store.countEvents(filter, { interval: query.interval, by: ["type"] });
    const rows = new Map<string, { period: string; type: string; events: number; fatalities: number }>();
    let undated = 0;
    let total = 0;
    for (const count of counts) {
      total += count.events;
      // Week counts come per day (ISO weeks are arithmetic, not SQL): fold them into their week.
      const period =
        count.period === null
          ? null
          : query.interval === "week"
            ? isoWeek(count.period)
            : count.period.length >= 7
              ? count.period.slice(0, 7)
              : null;
      if (period === null) {
        undated += count.events;
        continue;
      }
      const type = count.keys[0] ?? "";
      const key = `${period}\u001f${type}`;
      const row = rows.get(key) ?? { period, type, events: 0, fatalities: 0 };
      row.events += count.events;
      row.fatalities += count.fatalities;
      rows.set(key, row);
    }
    const sorted = [...rows.values()].sort((left, right) => left.period.localeCompare(right.period) || left.type.localeCompare(right.type));
    const first = sorted[0]?.period;
    const last = sorted[sorted.length - 1]?.period;
    const periods = first === undefined || last === undefined ? [] : bucketRange(first, last, query.interval);
    // Figures have no type, admin1, status or place: only the group, country and dates apply.
    const figures = await store.findFigures({ group: filter.group, country: filter.country, since: filter.since, until: filter.until });
    const figureSeries = buildFigureSeries(figures, { interval: query.interval, by: [] });
    return c.json(
      {
        interval: query.interval,
        periods,
        types: [...new Set(sorted.map((row) => row.type))].sort(),
        rows: sorted,
        undated,
        total,
        figures: figureSeries.rows.map((row) => ({
          period: row.period,
          measure: row.measure,
          qualifier: row.qualifier,
          value: row.value,
          figure_ids: [...row.figureIds],
        })),
      },
      200,
    );
  });
}
