// The one vocabulary scripts read: GOLD-FORMAT.md's field names (snake_case), plus ids, sources
// and evidence. Every JSON the CLI (and later the API) prints goes through these presenters.
import type { EventAssessment, FigureAssessment } from "./incidents.ts";
import type { Event, Evidence, Figure } from "./records.ts";

export interface WireEvidence {
  document_id: string;
  start: number;
  end: number;
  text: string;
}

export interface WireEvent {
  id: string;
  document_id: string;
  event_type: string;
  sub_event_type: string | null;
  date: string | null;
  date_precision: string | null;
  country: string | null;
  admin1: string | null;
  location: string | null;
  lat: number | null;
  lon: number | null;
  geo_precision: string | null;
  actor1: string | null;
  actor2: string | null;
  perpetrator_group: string | null;
  fatalities: number | null;
  status: string;
  sources: string[];
  evidence: WireEvidence[];
  /** Present on stored events (domain/incidents.ts): how far the event is corroborated and believed. */
  reports?: number;
  corroboration?: number;
  /** Admiralty reliability A-F of the best source, and credibility 1-6. */
  reliability?: string;
  credibility?: number;
  fatalities_low?: number | null;
  fatalities_high?: number | null;
  fatalities_claimed?: number | null;
  claimed?: boolean;
  first_claim?: WireClaim | null;
}

export interface WireClaim {
  by: string | null;
  channel: string | null;
  date: string | null;
  days_after_event: number | null;
  claimants: string[];
}

export interface WireFigure {
  id: string;
  document_id: string;
  measure: string;
  group: string | null;
  country: string | null;
  period_start: string | null;
  period_end: string | null;
  value: number;
  qualifier: string;
  source: string | null;
  derived: boolean;
  unit: string | null;
  evidence: WireEvidence[];
  corroboration?: number;
  reliability?: string;
  credibility?: number;
}

function wireEvidence(evidence: readonly Evidence[]): WireEvidence[] {
  return evidence.map((span) => ({ document_id: span.documentId, start: span.start, end: span.end, text: span.text }));
}

export function eventToWire(event: Event): WireEvent {
  return {
    id: event.id,
    document_id: event.documentId,
    event_type: event.eventType,
    sub_event_type: event.subEventType,
    date: event.eventDate,
    date_precision: event.datePrecision,
    country: event.country,
    admin1: event.admin1,
    location: event.location,
    lat: event.latitude,
    lon: event.longitude,
    geo_precision: event.geoPrecision,
    actor1: event.actor1,
    actor2: event.actor2,
    perpetrator_group: event.perpetratorGroup,
    fatalities: event.fatalities,
    status: event.status,
    sources: [...event.sources],
    evidence: wireEvidence(event.evidence),
    ...(event.assessment === undefined ? {} : wireEventAssessment(event.assessment)),
  };
}

function wireEventAssessment(assessment: EventAssessment): Partial<WireEvent> {
  const claim = assessment.claim;
  return {
    reports: assessment.reports,
    corroboration: assessment.corroboration,
    reliability: assessment.reliability,
    credibility: assessment.credibility,
    fatalities_low: assessment.fatalitiesLow,
    fatalities_high: assessment.fatalitiesHigh,
    fatalities_claimed: assessment.fatalitiesClaimed,
    claimed: claim !== null,
    first_claim:
      claim === null
        ? null
        : {
            by: claim.by,
            channel: claim.channel,
            date: claim.claimedOn,
            days_after_event: claim.daysAfterEvent,
            claimants: [...claim.claimants],
          },
  };
}

function wireFigureAssessment(assessment: FigureAssessment): Partial<WireFigure> {
  return { corroboration: assessment.corroboration, reliability: assessment.reliability, credibility: assessment.credibility };
}

export function figureToWire(figure: Figure): WireFigure {
  return {
    id: figure.id,
    document_id: figure.documentId,
    measure: figure.measure,
    group: figure.group,
    country: figure.country,
    period_start: figure.periodStart,
    period_end: figure.periodEnd,
    value: figure.value,
    qualifier: figure.qualifier,
    source: figure.source,
    derived: figure.derived,
    unit: figure.unit,
    evidence: wireEvidence(figure.evidence),
    ...(figure.assessment === undefined ? {} : wireFigureAssessment(figure.assessment)),
  };
}

/** The eval contract's shape (../shared/eval/README.md): gold field names, evidence as one string. */
export function eventToEval(event: Event): Record<string, unknown> {
  const { evidence, ...rest } = eventToWire(event);
  return { ...rest, evidence: evidence.map((span) => span.text).join(" ... ") };
}

export function figureToEval(figure: Figure): Record<string, unknown> {
  const { evidence, ...rest } = figureToWire(figure);
  return { ...rest, evidence: evidence.map((span) => span.text).join(" ... ") };
}
