// One folding for every name lookup the store does (actor aliases, group filters, place names),
// in JavaScript and, through the dialect, in SQL: the same function on both sides, so a key
// written by one is found by the other.

/**
 * Lower case, without diacritics (Unicode canonical decomposition, marks removed), with every run
 * of punctuation and spaces turned into one space: "Al-Shabaab", "al Shabaab" and "AL SHABAAB"
 * fold alike, as do "Qāida" and "Qaida".
 */
export function foldName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * An actor name without the qualifiers a dataset appends in brackets: ACLED writes "Islamic State
 * (Iraq)" and "Military Forces of Iraq (2022-)", each the group or force its bare name names. A
 * name that is nothing but brackets stays as it is.
 */
export function withoutQualifiers(name: string): string {
  const bare = name.replace(/(?:\s*\([^()]*\))+\s*$/, "");
  return bare.trim() === "" ? name : bare;
}
