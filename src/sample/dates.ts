/**
 * Calendar dates of the sample model, kept as whole days since 1970-01-01 (UTC) so that no date text is
 * ever parsed back; text appears only when a source is rendered.
 */
import type { Rng } from './rng.js';
import { civilFromDays } from '../normalize/calendar.js';

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(year: number, month: number, dayOfMonth: number): Day {
  return Math.round(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** Parses `YYYY-MM-DD`; null when it is not a real date. */
export function parseIsoDay(text: string): Day | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms)) return null;
  const d = Math.round(ms / MS_PER_DAY);
  return isoDate(d) === text ? d : null;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Calendar parts of a day, by arithmetic (the normalisers' civil-from-days): no Date object per call. */
export function parts(d: Day): DateParts {
  const c = civilFromDays(d);
  return { year: c.y, month: c.m, day: c.d };
}

export function yearOf(d: Day): number {
  return parts(d).year;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** `YYYY-MM-DD`. */
export function isoDate(d: Day): string {
  const p = parts(d);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
}

/** `YYYYMMDD`, as inside an ID number. */
export function compactDate(d: Day): string {
  const p = parts(d);
  return `${p.year}${pad2(p.month)}${pad2(p.day)}`;
}

/** The date text variants village staff type (DOMAIN §6). */
export type DateStyle = 'iso' | 'dots' | 'chinese' | 'slashes' | 'compact';

export function formatDate(d: Day, style: DateStyle): string {
  const p = parts(d);
  switch (style) {
    case 'iso':
      return isoDate(d);
    case 'dots':
      return `${p.year}.${p.month}.${p.day}`;
    case 'chinese':
      return `${p.year}年${p.month}月${p.day}日`;
    case 'slashes':
      return `${p.year}/${p.month}/${p.day}`;
    case 'compact':
      return compactDate(d);
  }
}

/** Excel serial number (1900 date system) of a date after 1900-03-01. */
export function excelSerial(d: Day): number {
  return d + 25569;
}

/** Same day and month, `years` later (29 February becomes 28 February). */
export function addYears(d: Day, years: number): Day {
  const p = parts(d);
  const target = day(p.year + years, p.month, p.day);
  return parts(target).month === p.month ? target : day(p.year + years, p.month, 28);
}

/** Whole years of age on `at`. */
export function ageAt(birth: Day, at: Day): number {
  const b = parts(birth);
  const a = parts(at);
  let age = a.year - b.year;
  if (a.month < b.month || (a.month === b.month && a.day < b.day)) age -= 1;
  return age;
}

/** `d`, or when it falls after `limit` a day up to two years before `limit` (never one fixed day for all). */
export function notAfter(rng: Rng, d: Day, limit: Day): Day {
  return d <= limit ? d : limit - rng.int(0, 730);
}

/** A day in [from, to], both included. */
export function randomDay(rng: Rng, from: Day, to: Day): Day {
  return to <= from ? from : rng.int(from, to);
}

/** A day in the given years, both included. */
export function randomDayInYears(rng: Rng, fromYear: number, toYear: number): Day {
  return randomDay(rng, day(fromYear, 1, 1), day(toYear, 12, 31));
}
