// The arithmetic of following feeds, kept pure: how long a failing feed waits before its next
// attempt, how `--every 15m` is read, and which item ids the cursor keeps.

/** The first retry waits this long; each further failure in a row doubles it, up to the cap. */
export const BACKOFF_BASE_MS = 5 * 60_000;
export const BACKOFF_CAP_MS = 24 * 60 * 60_000;
/**
 * Item ids the cursor remembers per feed, newest kept. A feed lists its latest items (tens to a
 * few hundred), so an id older than this has left the feed; if it comes back, the document's
 * content hash still stores it once.
 */
export const CURSOR_LIMIT = 5000;
/** The shortest `--every`: polling a publisher more often than this is impolite and useless. */
export const MIN_INTERVAL_MS = 60_000;

/**
 * Exponential back-off after `failures` failed polls in a row (1 = the first failure):
 * 5 min, 10 min, 20 min ... at most 24 h.
 */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 30);
  return Math.min(BACKOFF_BASE_MS * 2 ** exponent, BACKOFF_CAP_MS);
}

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "15m", "1h", "1d" to milliseconds; null for anything else or less than a minute. */
export function parseInterval(text: string): number | null {
  const match = /^(\d+)\s*([smhd])$/i.exec(text.trim());
  if (match === null) return null;
  const [, amount, unit] = match;
  const ms = Number(amount) * (UNIT_MS[(unit ?? "").toLowerCase()] ?? Number.NaN);
  return Number.isSafeInteger(ms) && ms >= MIN_INTERVAL_MS ? ms : null;
}

/** The cursor after `stored` ids were stored: old ids first, each id once, the newest CURSOR_LIMIT kept. */
export function advanceCursor(cursor: readonly string[], stored: readonly string[], limit = CURSOR_LIMIT): string[] {
  const added = new Set(stored);
  const next = [...cursor.filter((id) => !added.has(id)), ...added];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
