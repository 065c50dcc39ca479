// Limits that bound the work one untrusted input can cause (reliability.md §5.4: apply size
// limits before the expensive step, and to what is actually read, not what a header claims).

/** Largest input ingested, in bytes. Larger files fail with INPUT_TOO_LARGE before they are read. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

/**
 * Readability scores every element, several times over; past this many (counted after scripts,
 * nav and the like are removed) the page is read by one linear walk of its body instead. News
 * articles have a few thousand elements; Readability takes about 4 s on 220,000.
 */
export const READABILITY_MAX_ELEMENTS = 30_000;
