// `sitrep events | figures | show | search`: read the database and print records in the wire
// vocabulary (GOLD-FORMAT.md field names) as a table, JSON or CSV.
import type { Config } from "../config/config.ts";
import { eventToWire, figureToWire } from "../domain/wire.ts";
import type { FigureMeasure } from "../domain/taxonomy.ts";
import { documentReferenceToWire, eventFilter, showEvent } from "../records/service.ts";
import { openStore } from "../store/store.ts";
import { checkFilters } from "./filters.ts";
import { incidentJson, incidentLines } from "./incidents.ts";
import type { CliIo } from "./main.ts";
import { renderCsv, renderTable, type OutputFormat } from "./output.ts";

interface FilterOptions {
  group?: string;
  country?: string;
  since?: string;
  until?: string;
  format: OutputFormat;
  limit?: number;
}

const EVENT_COLUMNS = [
  "id",
  "date",
  "event_type",
  "sub_event_type",
  "country",
  "location",
  "actor1",
  "perpetrator_group",
  "fatalities",
  "status",
] as const;

export async function runEvents(
  options: FilterOptions & { type?: string; status?: string; text?: string; admin1?: string; review?: string },
  config: Config,
  io: CliIo,
): Promise<number> {
  const filter = eventFilter(options, (name) => `--${name}`);
  const store = await openStore({ path: config.databasePath });
  try {
    const events = await store.findEvents({ ...filter, limit: options.limit, assess: true });
    const wire = events.map(eventToWire);
    if (options.format === "json") io.stdout(JSON.stringify(wire, null, 2) + "\n");
    else {
      const rows = wire.map((event) => EVENT_COLUMNS.map((column) => event[column]));
      if (options.format === "csv") {
        const csvRows = wire.map((event) => [
          ...EVENT_COLUMNS.map((column) => event[column]),
          event.sources,
          event.evidence.map((span) => span.text).join(" ... "),
        ]);
        io.stdout(renderCsv([...EVENT_COLUMNS, "sources", "evidence"], csvRows));
      } else io.stdout(renderTable(EVENT_COLUMNS, rows) + `\n${wire.length} events\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

const FIGURE_COLUMNS = [
  "id",
  "measure",
  "group",
  "country",
  "period_start",
  "period_end",
  "value",
  "qualifier",
  "derived",
  "source",
] as const;

export async function runFigures(options: FilterOptions & { measure?: FigureMeasure }, config: Config, io: CliIo): Promise<number> {
  checkFilters(options);
  const store = await openStore({ path: config.databasePath });
  try {
    const figures = await store.findFigures({
      group: options.group,
      country: options.country?.toUpperCase(),
      since: options.since,
      until: options.until,
      measure: options.measure,
      limit: options.limit,
      assess: true,
    });
    const wire = figures.map(figureToWire);
    if (options.format === "json") io.stdout(JSON.stringify(wire, null, 2) + "\n");
    else {
      const rows = wire.map((figure) => FIGURE_COLUMNS.map((column) => figure[column]));
      if (options.format === "csv") {
        const csvRows = wire.map((figure) => [
          ...FIGURE_COLUMNS.map((column) => figure[column]),
          figure.evidence.map((span) => span.text).join(" ... "),
        ]);
        io.stdout(renderCsv([...FIGURE_COLUMNS, "evidence"], csvRows));
      } else io.stdout(renderTable(FIGURE_COLUMNS, rows) + `\n${wire.length} figures\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

export async function runShow(id: string, options: { format: "text" | "json" }, config: Config, io: CliIo): Promise<number> {
  const store = await openStore({ path: config.databasePath });
  try {
    const found = await showEvent(store, id);
    const event = found.event;
    const wire = eventToWire(event);
    if (options.format === "json") {
      io.stdout(
        JSON.stringify(
          { ...wire, documents: found.documents.map(documentReferenceToWire), incident: incidentJson(found.incident) },
          null,
          2,
        ) + "\n",
      );
      return 0;
    }
    const review = found.review === null ? "unreviewed" : `${found.review.status} by ${found.review.reviewer}, ${found.review.reviewedAt}`;
    const lines = [
      `Event ${wire.id}`,
      `  type          ${wire.event_type} / ${wire.sub_event_type ?? "-"}`,
      `  status        ${wire.status}`,
      `  date          ${wire.date ?? "unknown"}${wire.date_precision ? ` (${wire.date_precision})` : ""}`,
      `  place         ${[wire.location, wire.admin1, wire.country].filter(Boolean).join(", ") || "unknown"}${wire.geo_precision ? ` (${wire.geo_precision})` : ""}${wire.lat !== null && wire.lon !== null ? ` at ${wire.lat}, ${wire.lon}` : ""}`,
      `  actor1        ${wire.actor1 ?? "-"}`,
      `  actor2        ${wire.actor2 ?? "-"}`,
      `  perpetrator   ${wire.perpetrator_group ?? "-"}`,
      `  fatalities    ${wire.fatalities ?? "not reported"}`,
      `  attributed to ${wire.sources.length > 0 ? wire.sources.join("; ") : "-"}`,
      `  review        ${review}`,
      "",
      "Sources",
      ...found.documents.map(
        (doc) =>
          `  ${doc.id}  ${doc.title ?? "(untitled)"}${doc.publisher ? ` - ${doc.publisher}` : ""}${doc.publishedDate ? `, ${doc.publishedDate}` : ""}  [${doc.url ?? doc.origin}]`,
      ),
      "",
      "Evidence",
      ...wire.evidence.map((span) => `  [${span.document_id} ${span.start}-${span.end}] ${span.text.replace(/\s+/g, " ")}`),
      ...incidentLines(event, found.incident),
    ];
    io.stdout(lines.join("\n") + "\n");
    return 0;
  } finally {
    await store.close();
  }
}

export async function runSearch(query: string, options: { limit: number }, config: Config, io: CliIo): Promise<number> {
  const store = await openStore({ path: config.databasePath });
  try {
    const hits = await store.searchDocuments(query, options.limit);
    io.stdout(
      renderTable(
        ["document", "title", "snippet"],
        hits.map((hit) => [hit.documentId, hit.title, hit.snippet]),
      ) + `\n${hits.length} documents\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
