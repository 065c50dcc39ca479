// The map: Leaflet over Natural Earth country shapes (world-atlas, served from our own origin;
// no tile server). Events come pre-clustered from GET /api/map for the current zoom and viewport,
// so the browser draws at most a few hundred cells whatever the size of the database.
//
// A cell of one exactly-placed event is a dot that opens the event. A cell whose events are all
// placed only to a region or country is drawn as a dashed area, never as a dot, and so are events
// with no coordinates (the API's `regions`, shaded on their country): a false exact point is the
// error a reader cannot see.
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import coarseAtlasUrl from "world-atlas/countries-110m.json?url";
import atlasUrl from "world-atlas/countries-50m.json?url";
import { getJson, type MapResult } from "./api.ts";
import { h, replaceChildren } from "./dom.ts";
import { filterParams, type Filters } from "./state.ts";
import { countryName, dominantType, EVENT_TYPES, typeColour } from "./vocabulary.ts";

export interface MapCallbacks {
  openEvent(id: string): void;
  /** A region of events with no coordinates was chosen: filter to it. */
  filterRegion(country: string, admin1: string | null): void;
  viewportChanged(zoom: number, center: readonly [number, number]): void;
  failed(error: unknown): void;
}

/** Radius of an approximate single event, in metres: about a governorate's size. */
const APPROXIMATE_RADIUS_M = 40_000;

/** Runs `work` when the page is idle (at the latest after two seconds). */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === "function") requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 200);
}

export class EventMap {
  private readonly map: L.Map;
  private readonly layer = L.layerGroup();
  private readonly regionLayer = L.layerGroup();
  private countries: L.GeoJSON | null = null;
  private lastRegions: MapResult | null = null;
  /** The filters the regions drawn answer. */
  private regionsFor: Filters | null = null;
  private placing = false;
  private filters: Filters = {};
  private pending: AbortController | null = null;
  private regionsPanel: HTMLElement;
  /** Resolves once the current request has been drawn (tests and the benchmark wait on it). */
  private settled: Promise<void> = Promise.resolve();

  constructor(
    container: HTMLElement,
    legend: HTMLElement,
    regionsPanel: HTMLElement,
    private readonly callbacks: MapCallbacks,
  ) {
    this.regionsPanel = regionsPanel;
    this.map = L.map(container, { minZoom: 2, maxZoom: 12, worldCopyJump: false, zoomSnap: 1 });
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution("Natural Earth (world-atlas)");
    this.layer.addTo(this.map);
    this.regionLayer.addTo(this.map);
    this.map.on("moveend", () => {
      const center = this.map.getCenter();
      this.callbacks.viewportChanged(this.map.getZoom(), [center.lat, center.lng]);
      if (!this.placing) void this.refresh();
    });
    replaceChildren(
      legend,
      ...EVENT_TYPES.map((type) =>
        h("span", { class: "legend-item", "data-type": type }, h("i", { class: `swatch t${EVENT_TYPES.indexOf(type)}` }), type),
      ),
      h("span", { class: "legend-item" }, h("i", { class: "swatch approximate" }), "approximate (region or country)"),
    );
    // The 1:110m countries (108 kB) first, the 1:50m ones (757 kB) once the page is idle: parsing
    // and drawing the fine shapes took the main thread for a second on a loaded machine, and the
    // first view's map request waited behind it (docs/DASHBOARD.md).
    void this.loadBasemap(coarseAtlasUrl).then(() => whenIdle(() => void this.loadBasemap(atlasUrl)));
  }

  private async loadBasemap(url: string): Promise<void> {
    const response = await fetch(url);
    const topology = (await response.json()) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const countries = feature(topology, topology.objects.countries);
    // Thousands of coastline vertices: one canvas draws them far faster than SVG paths. GeoJSON
    // hands its options to each polygon, renderer included (the typings omit it).
    const options: L.GeoJSONOptions & L.PathOptions = {
      interactive: false,
      renderer: L.canvas({ padding: 0.5 }),
      style: () => ({ className: "country", color: "#9aa0a6", weight: 0.7, fillColor: "#f3f1ea", fillOpacity: 1 }),
    };
    const previous = this.countries;
    this.countries = L.geoJSON(countries, options).addTo(this.map);
    this.countries.bringToBack();
    previous?.remove();
    // The events may have arrived first: shade their regions now that the countries are here.
    if (this.lastRegions !== null) this.drawRegions(this.lastRegions);
  }

  /** First view: the URL's viewport, else the extent of the events. */
  /**
   * First view: the URL's viewport (its cells and the regions asked at once), else the extent of
   * the events, from one coarse answer without a bbox that also gives the regions.
   */
  async start(filters: Filters, zoom: number | null, center: readonly [number, number] | null): Promise<void> {
    this.filters = filters;
    if (zoom !== null && center !== null) {
      this.place(() => this.map.setView([center[0], center[1]], zoom, { animate: false }));
      await this.refresh();
      return;
    }
    const overview = await getJson<MapResult>("map", filterParams(filters, { zoom: 3 }));
    this.lastRegions = overview;
    this.regionsFor = filters;
    this.drawRegions(overview);
    const points = overview.cells.map((cell) => L.latLng(cell.lat, cell.lon));
    this.place(() =>
      points.length === 0
        ? this.map.setView([34, 40], 5, { animate: false })
        : this.map.fitBounds(L.latLngBounds(points).pad(0.2), { animate: false, maxZoom: 7 }),
    );
    await this.refresh();
  }

  /** Moves the map without the moveend handler's request: the caller asks for the cells itself. */
  private place(move: () => void): void {
    this.placing = true;
    try {
      move();
    } finally {
      this.placing = false;
    }
  }

  /**
   * One request per filter change: the viewport's answer holds its cells and every region of
   * events with no coordinates (the API answers regions without the bbox: they have no point).
   */
  setFilters(filters: Filters): Promise<void> {
    this.filters = filters;
    return this.refresh();
  }

  whenDrawn(): Promise<void> {
    return this.settled;
  }

  private refresh(): Promise<void> {
    this.pending?.abort();
    const controller = new AbortController();
    this.pending = controller;
    const zoom = this.map.getZoom();
    const bounds = this.map.getBounds();
    const west = Math.max(-180, bounds.getWest());
    const east = Math.min(180, bounds.getEast());
    const south = Math.max(-90, bounds.getSouth());
    const north = Math.min(90, bounds.getNorth());
    const extra: Record<string, string | number> = { zoom };
    if (west < east && south < north) extra.bbox = [west, south, east, north].map((value) => value.toFixed(4)).join(",");
    const filters = this.filters;
    this.settled = getJson<MapResult>("map", filterParams(filters, extra), controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        this.draw(result);
        // Regions change with the filter only; a pan or zoom answers the same ones.
        if (this.regionsFor !== filters) {
          this.regionsFor = filters;
          this.lastRegions = result;
          this.drawRegions(result);
        }
      },
      (error: unknown) => {
        if (!controller.signal.aborted) this.callbacks.failed(error);
      },
    );
    return this.settled;
  }

  private draw(result: MapResult): void {
    this.layer.clearLayers();
    for (const cell of result.cells) {
      const type = dominantType(cell.by_type);
      const colour = typeColour(type);
      const allApproximate = cell.approximate === cell.events;
      const label =
        `${cell.events} event${cell.events === 1 ? "" : "s"}` + (cell.approximate > 0 ? `, ${cell.approximate} approximate` : "");
      if (cell.events === 1 && cell.event_id !== null) {
        const id = cell.event_id;
        const marker = allApproximate
          ? L.circle([cell.lat, cell.lon], {
              radius: APPROXIMATE_RADIUS_M,
              className: "ev-point ev-approximate",
              color: colour,
              weight: 2,
              dashArray: "4 4",
              fillColor: colour,
              fillOpacity: 0.15,
            })
          : L.circleMarker([cell.lat, cell.lon], {
              radius: 7,
              className: "ev-point",
              color: "#222",
              weight: 1,
              fillColor: colour,
              fillOpacity: 0.9,
            });
        marker.bindTooltip(tooltip(`${type}${allApproximate ? " (located only to a region)" : ""}`));
        marker.on("click", () => this.callbacks.openEvent(id));
        marker.addTo(this.layer);
        const element = marker.getElement();
        element?.setAttribute("data-event-id", id);
        continue;
      }
      const radius = 9 + 4 * Math.log2(cell.events);
      const cluster = L.circleMarker([cell.lat, cell.lon], {
        radius,
        className: allApproximate ? "ev-cluster ev-approximate" : "ev-cluster",
        color: allApproximate ? colour : "#222",
        weight: allApproximate ? 2 : 1,
        dashArray: allApproximate ? "4 4" : "",
        fillColor: colour,
        fillOpacity: allApproximate ? 0.25 : 0.75,
      });
      cluster.bindTooltip(tooltip(String(cell.events)), { permanent: true, direction: "center", className: "cluster-count" });
      cluster.getElement()?.setAttribute("aria-label", label);
      cluster.on("click", () => {
        // Zoom into the cell; its events separate as the grid gets finer.
        if (this.map.getZoom() < this.map.getMaxZoom())
          this.map.setView([cell.lat, cell.lon], Math.min(this.map.getMaxZoom(), this.map.getZoom() + 2));
      });
      cluster.addTo(this.layer);
    }
  }

  private drawRegions(result: MapResult): void {
    this.regionLayer.clearLayers();
    const byCountry = new Map<string, number>();
    for (const region of result.regions) {
      if (region.country !== null) byCountry.set(region.country, (byCountry.get(region.country) ?? 0) + region.events);
    }
    // Events with no coordinates: shade their country with a dashed outline; the list names the regions.
    this.countries?.eachLayer((layer) => {
      const shape = layer as L.Polygon & { feature?: { properties?: { name?: string } } };
      const name = shape.feature?.properties?.name;
      for (const [code, events] of byCountry) {
        if (name !== undefined && sameCountry(name, code)) {
          L.geoJSON(shape.toGeoJSON(), {
            interactive: false,
            style: () => ({
              className: "region-shade",
              color: "#555",
              weight: 1.5,
              dashArray: "6 4",
              fillColor: "#888",
              fillOpacity: 0.12,
            }),
          })
            .bindTooltip(tooltip(`${events} event(s) located only to a region of ${name}`))
            .addTo(this.regionLayer);
        }
      }
    });
    const total = result.regions.reduce((sum, region) => sum + region.events, 0);
    replaceChildren(
      this.regionsPanel,
      total === 0
        ? null
        : h(
            "details",
            { open: true },
            h("summary", {}, `${total} event${total === 1 ? "" : "s"} located only to a region or a country: not drawn as points`),
            h(
              "ul",
              {},
              ...result.regions.map((region) => {
                const name = countryName(region.country);
                const button = h(
                  "button",
                  { type: "button", class: "link region" },
                  region.admin1 === null ? `${name} (country only)` : `${region.admin1}, ${name}`,
                );
                if (region.country !== null) {
                  const country = region.country;
                  button.addEventListener("click", () => this.callbacks.filterRegion(country, region.admin1));
                }
                return h("li", {}, button, `: ${region.events} event${region.events === 1 ? "" : "s"}`);
              }),
            ),
          ),
    );
  }
}

function sameCountry(atlasName: string, code: string): boolean {
  const name = countryName(code);
  return atlasName === name || name.startsWith(atlasName) || atlasName.startsWith(name);
}

function tooltip(text: string): HTMLElement {
  return h("span", {}, text);
}
