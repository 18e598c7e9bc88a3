/**
 * ID numbers of one person across sources. The reference is the first valid number in the order hukou,
 * national, archive, handbook (hukou is the basis unless its own number fails the check). Every other source
 * with a different number is to correct — the one holding an invalid number in particular, hukou included.
 * Excel-damaged numbers are data quality, never an ID mismatch; blank ones are nothing to compare.
 */
import type { IdResult } from '../../normalize/types.js';
import type { Person, PersonKind, RegisteredHousehold } from '../../link/model.js';
import { idOf } from '../../link/records.js';
import { idTypo } from '../../normalize/id.js';
import type { FindingDraft } from '../types.js';
import { personBase } from '../util.js';
import { at, label } from '../shared/display.js';
import { linkEvidence, pairDraft, type Side } from './person-pair.js';

const ORDER: readonly PersonKind[] = ['hukou', 'national', 'household-file', 'one-book'];

interface IdSide extends Side {
  id: IdResult;
}

function usable(p: Person): IdSide[] {
  const out: IdSide[] = [];
  for (const kind of ORDER) {
    const rec = p.records[kind];
    const id = rec ? idOf(rec) : null;
    if (rec && id && id.status !== 'damaged' && id.status !== 'empty' && id.cleaned !== '') out.push({ kind, rec, id });
  }
  return out;
}

function difference(ref: string, other: string): string {
  const typo = idTypo(ref, other);
  return typo === 'oneDigit' ? '相差一位' : typo === 'adjacentSwap' ? '相邻两位颠倒' : '号码不同';
}

function suggestion(ref: IdSide, s: IdSide, refId: string): string {
  if (s.kind === 'hukou') {
    return `核实户籍登记的身份证号：户籍号码未通过校验，${label(ref.kind)}的号码 ${refId} 校验正确；如户籍登记有误，由户籍部门更正`;
  }
  if (ref.kind === 'hukou') return `以户籍为准，将${label(s.kind)}中该成员的身份证号更正为 ${refId}`;
  if (s.id.id === null) return `将${label(s.kind)}中该成员的身份证号更正为 ${refId}（${label(ref.kind)}的号码校验正确），并核对身份证原件`;
  return `以${label(ref.kind)}为准（无可用的户籍号码），核对身份证原件后更正${label(s.kind)}中该成员的身份证号`;
}

function allInvalid(h: RegisteredHousehold, p: Person, sides: IdSide[]): FindingDraft | null {
  if (new Set(sides.map((s) => s.id.cleaned)).size === 1) return null;
  const values: FindingDraft['values'] = {};
  for (const s of sides) values[s.kind] = s.id.raw;
  return {
    ...personBase(h, p),
    severity: 'high',
    field: 'idNumber',
    values,
    correct: null,
    message: `${p.name ?? '该成员'}在各来源的身份证号互不相同，且都未通过校验：${sides.map((s) => `${label(s.kind)} ${s.id.raw}`).join('，')}`,
    suggestion: '核对身份证原件，更正各来源中该成员的身份证号；户籍号码有误的由户籍部门更正',
    evidence: linkEvidence(p, sides.map((s) => s.kind)),
    locations: sides.map((s) => at(s.kind, s.rec.loc, 'idNumber')),
  };
}

export function* idMismatches(h: RegisteredHousehold, p: Person): Generator<FindingDraft> {
  const sides = usable(p);
  if (sides.length < 2) return;
  const ref = sides.find((s) => s.id.id !== null);
  if (!ref?.id.id) {
    const d = allInvalid(h, p, sides);
    if (d) yield d;
    return;
  }
  const refId = ref.id.id;
  for (const s of sides) {
    if (s === ref || s.id.id === refId) continue;
    const validity =
      s.id.id !== null
        ? '两个号码都能通过校验，须核对身份证原件'
        : `${label(ref.kind)}的号码校验正确，${label(s.kind)}的号码${s.id.problem ? `有误：${s.id.problem}` : '未通过校验'}`;
    yield pairDraft(h, p, {
      field: 'idNumber',
      ref: { side: ref, key: 'idNumber', text: ref.id.raw },
      other: { side: s, key: 'idNumber', text: s.id.raw },
      correct: s.kind,
      severity: 'high',
      message: `${p.name ?? '该成员'}的身份证号：${label(ref.kind)}为 ${ref.id.raw}，${label(s.kind)}为 ${s.id.raw}（${difference(refId, s.id.cleaned)}；${validity}）`,
      suggestion: suggestion(ref, s, refId),
    });
  }
}
