/**
 * Handbook subsidy lines against the money actually paid (DOMAIN §2.3, seed item 20): the 《一本通》 ledger's
 * 政策补贴 and 转移性收入 lines (and lines of other categories for items the payouts roster carries), summed per item and year, against the 惠农一卡通 payouts to the household's
 * people (head or member, by valid ID) for the same item and year. Compared where both sides have the item;
 * a ledger line with no payout only where the payouts roster carries that item and year for someone (so that a
 * roster that never lists pensions does not make every pension line a finding); a payout the ledger lacks only
 * for a year the ledger covers. Items compare as written (spaces and full-width forms ignored). One finding per
 * household, item and year.
 */
import type { Loc } from '../../sources/define.js';
import type { LedgerRecord, PayoutRecord } from '../../sources/index.js';
import { oneBookLedger, payouts } from '../../sources/index.js';
import { digitsToInt } from '../../normalize/text.js';
import { compact } from '../shared/memo.js';
import type { Dataset, RegisteredHousehold } from '../../link/model.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase, location } from '../util.js';
import { moneyText } from '../shared/display.js';
import { perDataset } from '../shared/per-dataset.js';
import { rosterIdOf } from '../../link/rosters.js';
import { personIds } from '../shared/members.js';

const SUBSIDY = /政策补贴|转移性/;

interface Side {
  /** 分 (hundredths of a yuan), summed. */
  cents: number;
  count: number;
  /** Where the lines are (made into finding locations only for a finding). */
  lines: Loc[];
}

interface Key {
  item: string;
  year: number | null;
}

const keyText = (k: Key) => `${k.item}|${k.year === null ? '' : String(k.year)}`;
const yearOfDate = (d: string | null): number | null => (d ? digitsToInt(d.slice(0, 4)) : null);
const yuan = (cents: number): number => cents / 100;

/** The year a ledger line belongs to: its 年度, else the year of its date. */
export function ledgerYear(r: LedgerRecord): number | null {
  return r.year ?? yearOfDate(r.date);
}

function add(map: Map<string, Side & Key>, key: string, k: Key, amount: number, line: Loc): void {
  let side = map.get(key);
  if (!side) map.set(key, (side = { item: k.item, year: k.year, cents: 0, count: 0, lines: [] }));
  side.cents += Math.round(amount * 100);
  side.count += 1;
  side.lines.push(line);
}

const payoutsByHolder = perDataset((ds: Dataset) => {
  const map = new Map<string, PayoutRecord[]>();
  for (const r of ds.rosters.payouts) {
    const holder = rosterIdOf(ds.rosterLinks, r);
    if (!holder) continue;
    const list = map.get(holder);
    if (list) list.push(r);
    else map.set(holder, [r]);
  }
  return map;
});

/** Item and year pairs the payouts roster carries for anyone. */
const paidItems = perDataset((ds: Dataset) => {
  const keys = new Set<string>();
  for (const r of ds.rosters.payouts) if (r.item) keys.add(keyText({ item: compact(r.item), year: yearOfDate(r.date) }));
  return keys;
});

/** Ledger lines of a subsidy category, and lines of any category for an item the payouts roster carries. */
function ledgerSide(ds: Dataset, lines: readonly LedgerRecord[]): Map<string, Side & Key> {
  const map = new Map<string, Side & Key>();
  for (const r of lines) {
    if (!r.item || r.amount === null) continue;
    const k = { item: compact(r.item), year: ledgerYear(r) };
    const key = keyText(k);
    const subsidy = r.category !== null && SUBSIDY.test(compact(r.category));
    if (subsidy || paidItems(ds).has(key)) add(map, key, k, r.amount, r.loc);
  }
  return map;
}

function payoutSide(ds: Dataset, h: RegisteredHousehold): Map<string, Side & Key> {
  const ids = new Set(h.people.flatMap(personIds));
  if (h.headId) ids.add(h.headId);
  for (const r of h.ledger) if (r.headId?.id) ids.add(r.headId.id);
  const seen = new Set<PayoutRecord>();
  const map = new Map<string, Side & Key>();
  for (const id of [...ids].sort()) {
    for (const r of payoutsByHolder(ds).get(id) ?? []) {
      if (seen.has(r) || !r.item || r.amount === null) continue;
      seen.add(r);
      const k = { item: compact(r.item), year: yearOfDate(r.date) };
      add(map, keyText(k), k, r.amount, r.loc);
    }
  }
  return map;
}

function draft(h: RegisteredHousehold, k: Key, book: Side | undefined, paid: Side | undefined): FindingDraft {
  const when = k.year === null ? '（年度不详）' : `${String(k.year)}年`;
  const bookText = book ? moneyText(yuan(book.cents)) : '未登记';
  const paidText = paid ? moneyText(yuan(paid.cents)) : '无发放记录';
  let message: string;
  let suggestion: string;
  if (book && paid) {
    const diff = moneyText(yuan(Math.abs(book.cents - paid.cents)));
    message = `《一本通》收支流水记录${when}“${k.item}”${bookText}（${String(book.count)}笔），惠农一卡通发放记录为${paidText}（${String(paid.count)}笔），相差${diff}`;
    suggestion = '以惠农一卡通实际发放金额为准核对并更正《一本通》；如实际发放少于应发标准，核实原因并督促足额发放';
  } else if (book) {
    message = `《一本通》收支流水记录${when}“${k.item}”${bookText}，惠农一卡通发放记录中没有该户此项发放`;
    suggestion = '核实该项补贴是否实际发放到户：未发放的更正《一本通》并核实原因，经其他渠道发放的补充发放凭证';
  } else {
    message = `惠农一卡通${when}向该户发放“${k.item}”${paidText}（${String(paid?.count ?? 0)}笔），《一本通》收支流水中没有登记`;
    suggestion = '在《一本通》收支流水中补登该项补贴，并重新核算家庭收入';
  }
  return {
    ...householdBase(h),
    subject: keyText(k),
    severity: book && !paid ? 'high' : undefined,
    field: 'benefitAmount',
    values: { 'one-book': `${when}${k.item}：${bookText}`, payouts: paidText },
    correct: 'one-book',
    message: `${h.headName ?? ''}户（户编号 ${h.householdId}）${message}`,
    suggestion,
    evidence: {
      补贴项目: k.item,
      年度: k.year,
      一本通金额: book ? yuan(book.cents) : null,
      一卡通发放金额: paid ? yuan(paid.cents) : null,
    },
    locations: [
      ...(book?.lines ?? []).map((l) => location('one-book', l, oneBookLedger.fields.amount.label)),
      ...(paid?.lines ?? []).map((l) => location('payouts', l, payouts.fields.amount.label)),
    ],
  };
}

export const benefitAmount: Rule = {
  id: 'benefit/benefit-amount',
  category: 'mismatch',
  title: '《一本通》补贴金额与惠农一卡通发放不一致',
  description:
    '《一本通》收支流水中的政策补贴、转移性收入，按项目和年度合计，与惠农一卡通发放记录（户主或家庭成员身份证号）不一致：金额不同、《一本通》有而发放记录没有（仅在发放名单包含该项目和年度时）、发放了而《一本通》未登记（仅在《一本通》有该年度流水时）。每户每个项目每年列一条。',
  severity: 'medium',
  *check(ds) {
    for (const h of ds.households) {
      if (h.ledger.length === 0) continue;
      const book = ledgerSide(ds, h.ledger);
      const paid = payoutSide(ds, h);
      const years = new Set(h.ledger.map(ledgerYear));
      const keys = [...new Set([...book.keys(), ...paid.keys()])].sort();
      for (const key of keys) {
        const b = book.get(key);
        const p = paid.get(key);
        const k = (b ?? p) as Side & Key;
        if (b && p && b.cents === p.cents) continue;
        if (b && !p && !paidItems(ds).has(key)) continue;
        if (!b && p && !years.has(k.year)) continue;
        yield draft(h, k, b, p);
      }
    }
  },
};
