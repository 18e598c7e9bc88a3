/**
 * Format-only variation of values as people type them (DOMAIN §6): the meaning stays, the text differs.
 * Normalisers must read every variant back to the same value.
 */
import type { Rng } from './rng.js';

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/** Full-width digits and X (`３６０７…`), as typed with a Chinese input method in full-width mode. */
export function fullWidth(text: string): string {
  return text.replace(/[0-9X]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

/** An ID number with the stray spaces or case of hand typing; the digits are unchanged. */
export function typedId(rng: Rng, id: string, rate: number): string {
  if (!rng.chance(rate)) return id;
  return rng.weighted<(s: string) => string>([
    [(s) => (s.endsWith('X') ? s.slice(0, 17) + 'x' : `${s} `), 3],
    [(s) => ` ${s}`, 2],
    [(s) => `${s.slice(0, 6)} ${s.slice(6, 14)} ${s.slice(14)}`, 1],
    [(s) => fullWidth(s), 1],
  ])(id);
}

export type PhoneStyle = 'plain' | 'dashes' | 'spaces';

export function phoneText(phone: string, style: PhoneStyle): string {
  if (style === 'dashes') return `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
  if (style === 'spaces') return `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
  return phone;
}

/** Yuan as a number (money may be a JS number; IDs never are). */
export function yuan(cents: number): number {
  return cents / 100;
}

/** `1234.50`, optionally with thousands separators. */
export function yuanText(cents: number, commas = false): string {
  const whole = String(Math.floor(cents / 100));
  const grouped = commas ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${grouped}.${pad2(cents % 100)}`;
}

/** A money cell the way the handbook holds it: a number, `1,234.50`, `¥1234.50` or `1234.50元`. */
export function moneyVariant(rng: Rng, cents: number): string | number {
  return rng.weighted<string | number>([
    [yuan(cents), 4],
    [yuanText(cents, true), 2],
    [`¥${yuanText(cents)}`, 1],
    [`${yuanText(cents)}元`, 1],
  ]);
}

/** `石坪村` → `石坪村委会` / `石坪村民委员会`. */
export function villageVariant(name: string, style: 'plain' | 'committee' | 'full'): string {
  if (style === 'committee') return `${name}委会`;
  if (style === 'full') return `${name}民委员会`;
  return name;
}

/** A two-character name padded with a space the way lists align them: `王  芳`. */
export function paddedName(name: string): string {
  return name.length === 2 ? `${name[0]}  ${name[1]}` : name;
}
