// GeoJSON FeatureCollection of events (RFC 7946). A feature's geometry is a Point only when the
// event has coordinates: a point, a town or a district (ADR-6); regions and countries get
// `geometry: null` (RFC 7946 §3.2 allows an unlocated feature), never a stand-in point such as a
// province's capital, which a map would show as the place of the event. `geo_precision` is in
// every feature's properties so that a GIS user can style or filter by it.
import type { Event } from "../domain/records.ts";
import { eventToWire, type WireEvent } from "../domain/wire.ts";

export interface GeoJsonPoint {
  readonly type: "Point";
  /** [longitude, latitude], in that order (RFC 7946 §3.1.1). */
  readonly coordinates: readonly [number, number];
}

export interface GeoJsonFeature {
  readonly type: "Feature";
  readonly id: string;
  readonly geometry: GeoJsonPoint | null;
  readonly properties: Omit<WireEvent, "lat" | "lon">;
}

export interface GeoJsonFeatureCollection {
  readonly type: "FeatureCollection";
  readonly features: readonly GeoJsonFeature[];
}

export function eventToFeature(event: Event): GeoJsonFeature {
  const { lat, lon, ...properties } = eventToWire(event);
  const located = event.geoPrecision === "point" || event.geoPrecision === "town" || event.geoPrecision === "district";
  const geometry: GeoJsonPoint | null = located && lat !== null && lon !== null ? { type: "Point", coordinates: [lon, lat] } : null;
  return { type: "Feature", id: event.id, geometry, properties };
}

export function eventsToGeoJson(events: readonly Event[]): GeoJsonFeatureCollection {
  return { type: "FeatureCollection", features: events.map(eventToFeature) };
}
