/**
 * Backoff after failed logins, per username (known or not): the first failures cost nothing but the
 * per-address rate limit; from the fifth consecutive failure the username is refused for 1 minute,
 * then 2, 4, 8 … up to 60 minutes per further failure. A success clears the count; a count whose
 * last failure is a day old starts again.
 */
export const LOGIN_FAILURES_BEFORE_BACKOFF = 5;
export const MAX_BACKOFF_MINUTES = 60;
const FORGET_AFTER_MS = 24 * 3600_000;

/** Minutes a username is refused after its `failures`-th consecutive failure. */
export function backoffMinutes(failures: number): number {
  if (failures < LOGIN_FAILURES_BEFORE_BACKOFF) return 0;
  return Math.min(MAX_BACKOFF_MINUTES, 2 ** (failures - LOGIN_FAILURES_BEFORE_BACKOFF));
}

/** The consecutive failures so far, forgetting a count whose last failure is a day old. */
export function failuresSoFar(record: { failures: number; lastFailedAt: string } | undefined, nowMs: number): number {
  if (!record) return 0;
  return nowMs - Date.parse(record.lastFailedAt) > FORGET_AFTER_MS ? 0 : record.failures;
}

/** The key a username's failures are counted under. */
export const usernameKey = (username: string) => username.trim().toLowerCase();
