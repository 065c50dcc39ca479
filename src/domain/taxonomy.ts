// ACLED's event taxonomy (ACLED Codebook, 2023: "Event types and sub-event types"), the
// vocabulary of ../shared/eval/GOLD-FORMAT.md. Kept as data so that validation, the CLI's
// filters and the extractor's rules all read one list.
export const EVENT_TAXONOMY = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
  ],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
  ],
} as const;

export type EventType = keyof typeof EVENT_TAXONOMY;
export type SubEventType = (typeof EVENT_TAXONOMY)[EventType][number];

export const EVENT_TYPES = Object.keys(EVENT_TAXONOMY) as EventType[];

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENT_TAXONOMY, value);
}

export function subEventTypeBelongs(eventType: EventType, subEventType: string): boolean {
  return (EVENT_TAXONOMY[eventType] as readonly string[]).includes(subEventType);
}

/** Status of an event as reported (GOLD-FORMAT.md, Event.status). */
export const EVENT_STATUSES = ["occurred", "attempted", "foiled", "claimed", "alleged"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What a reported figure counts (GOLD-FORMAT.md, Figure.measure). */
export const FIGURE_MEASURES = [
  "attacks",
  "claimed_attacks",
  "foiled_plots",
  "arrests",
  "fatalities",
  "fighters",
  "territory_share",
  "other",
] as const;
export type FigureMeasure = (typeof FIGURE_MEASURES)[number];

export const FIGURE_QUALIFIERS = ["exact", "at_least", "at_most", "about", "projected"] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

/**
 * Datasets sitrep imports events from (src/interop/): ACLED CSV exports, UCDP GED, the Global
 * Terrorism Database, GDELT 2.0 event files, and STIX 2.1 bundles (sitrep's own).
 */
export const IMPORT_DATASETS = ["acled", "ucdp", "gtd", "gdelt", "stix"] as const;
export type ImportDataset = (typeof IMPORT_DATASETS)[number];
