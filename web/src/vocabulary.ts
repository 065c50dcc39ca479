// ACLED's event types and sitrep's statuses (src/domain), with one colour per type. The palette
// is colour-blind safe (Okabe & Ito, 2008) and keeps the order of ACLED's codebook.
export const EVENT_TYPES = [
  "Battles",
  "Explosions/Remote violence",
  "Violence against civilians",
  "Protests",
  "Riots",
  "Strategic developments",
] as const;

export const EVENT_STATUSES = ["occurred", "attempted", "foiled", "claimed", "alleged"] as const;

const TYPE_COLOURS: Readonly<Record<string, string>> = {
  Battles: "#d55e00",
  "Explosions/Remote violence": "#e69f00",
  "Violence against civilians": "#cc79a7",
  Protests: "#0072b2",
  Riots: "#56b4e9",
  "Strategic developments": "#009e73",
};

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? "#777777";
}

/** The type with the most events in a cell: its colour is the cell's. */
export function dominantType(byType: Readonly<Record<string, number>>): string {
  let best = "";
  let bestCount = -1;
  for (const [type, count] of Object.entries(byType)) {
    if (count > bestCount) [best, bestCount] = [type, count];
  }
  return best;
}

/** Regional display names without shipping a table: the browser knows them. */
const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

export function countryName(code: string | null): string {
  if (code === null) return "unknown country";
  try {
    return regionNames?.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
