/**
 * Calendar arithmetic on proleptic Gregorian dates, by pure integer arithmetic: no `Date` local-time APIs,
 * so results never depend on the machine's time zone.
 */

export interface CivilDate {
  y: number;
  m: number;
  d: number;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function isRealDate(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function daysFromCivil({ y, m, d }: CivilDate): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Years whose `YYYY-MM-DD` texts are shared (see `isoDay`). */
const SHARED_FROM = 1800;
const SHARED_TO = 2199;
/**
 * `YYYY-MM-DD` by day, made once: a county's records hold a few dates each, but only some 40,000 distinct ones.
 * Filled up front, so that the array stays a plain one (written far past its end, V8 makes it a dictionary).
 */
const sharedDays: (string | undefined)[] = new Array<string | undefined>((SHARED_TO - SHARED_FROM + 1) * 416).fill(undefined);

/** `YYYY-MM-DD`: one string for each day within 1800–2199 however often it is asked for. */
export function isoDay(y: number, m: number, d: number): string {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < SHARED_FROM || y > SHARED_TO || m < 1 || m > 12 || d < 1 || d > 31) {
    return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  }
  const at = (y - SHARED_FROM) * 416 + m * 32 + d;
  return (sharedDays[at] ??= `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
}

/** `YYYY-MM-DD`. */
export function formatIso({ y, m, d }: CivilDate): string {
  return isoDay(y, m, d);
}

/** Parses a strict `YYYY-MM-DD` into its parts, or null. */
export function parseIso(s: string): CivilDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const date = { y: digits(m[1]), m: digits(m[2]), d: digits(m[3]) };
  return isRealDate(date.y, date.m, date.d) ? date : null;
}

function digits(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 10 + (ch.charCodeAt(0) - 48);
  return n;
}

/**
 * Today's calendar date in the easternmost time zone (UTC+14), so that a date that is already "today"
 * anywhere is never judged to be in the future. Computed from the epoch clock, independent of `TZ`.
 */
export function latestToday(nowMs: number = Date.now()): string {
  const day = Math.floor((nowMs + 14 * 3600_000) / 86400_000);
  if (day !== lastDay) {
    lastToday = formatIso(civilFromDays(day));
    lastDay = day;
  }
  return lastToday;
}

/** The last day asked for and its date: asked for every ID number read. */
let lastDay = Number.NaN;
let lastToday = '';
