/**
 * 错退 by 两不愁三保障 (DOMAIN §5.2): an exited household whose record shows a need unmet —
 *  - housing: 危房户 = 是, 危房等级 C/D, or the archive's 住房情况 C/D (危房);
 *  - water: 饮水安全 = 否 or 饮水困难 = 是;
 *  - a member of compulsory-school age (policy ages.school at the as-of date) not in school (非在校生) and
 *    stated healthy (健康; a sick or disabled child may be taught at home, a blank is unknown);
 *  - a member without basic medical insurance (stated 否; blank is unknown, not no);
 *  - a seriously ill member (患有大病) without 大病保险 (stated 否).
 * One finding per household for housing and water, per member and need for the others.
 */
import type { Location } from '../../model/finding.js';
import type { Field } from '../../model/finding.js';
import type { Housing } from '../../normalize/types.js';
import type { NationalRecord } from '../../sources/index.js';
import type { Dataset, Person, RegisteredHousehold } from '../../link/model.js';
import { relationLabel } from '../../normalize/relation.js';
import type { Rule, FindingDraft } from '../types.js';
import { householdBase, personBase } from '../util.js';
import { householdValue } from '../shared/household-value.js';
import { at, label } from '../shared/display.js';
import { ageOn, inRange, livingMembers, personBirth } from '../split-household/family.js';
import { exitEvidence, exitLead, exitOf, type Exit } from './exited.js';

const HOUSING_TEXT: Record<Housing, string> = { safe: '安全', C: 'C级危房', D: 'D级危房', dangerous: '危房' };
const unsafe = (v: Housing | null | undefined): v is Housing => v === 'C' || v === 'D' || v === 'dangerous';

/** One unmet need: what the record says, where, and what to check. */
interface Unmet {
  field: Field;
  person: Person | null;
  /** Chinese: what the record says (`国办系统“危房户”为“是”`). */
  says: string[];
  /** Chinese: the guarantee not met (`住房安全`). */
  need: string;
  values: FindingDraft['values'];
  locations: Location[];
  suggestion: string;
  evidence: FindingDraft['evidence'];
}

function housing(h: RegisteredHousehold): Unmet | null {
  const says: string[] = [];
  const national: string[] = [];
  const locations: Location[] = [];
  const values: FindingDraft['values'] = {};
  const flag = householdValue(h.national, (r) => r.dangerousHouse, String, String);
  if (flag?.value === true) {
    says.push('国办系统“危房户”为“是”');
    national.push('危房户：是');
    locations.push(at('national', flag.row.loc, 'dangerousHouse'));
  }
  const level = householdValue(h.national, (r) => (unsafe(r.dangerLevel) ? r.dangerLevel : null), String, String);
  if (level) {
    says.push(`国办系统“危房等级”为“${HOUSING_TEXT[level.value]}”`);
    national.push(`危房等级：${HOUSING_TEXT[level.value]}`);
    locations.push(at('national', level.row.loc, 'dangerLevel'));
  }
  if (national.length > 0) values.national = national.join('，');
  const archive = householdValue(h.archive?.rows ?? [], (r) => (unsafe(r.housing) ? r.housing : null), String, String);
  if (archive) {
    says.push(`${label('household-file')}“住房情况”为“${HOUSING_TEXT[archive.value]}”`);
    values['household-file'] = HOUSING_TEXT[archive.value];
    locations.push(at('household-file', archive.row.loc, 'housing'));
  }
  if (says.length === 0) return null;
  return {
    field: 'housing',
    person: null,
    says,
    need: '住房安全',
    values,
    locations,
    suggestion: '入户核实住房是否已改造或经鉴定为安全住房；仍为危房的，不符合脱贫标准，应纳入危房改造并核实脱贫认定，已改造的更正各来源的住房信息',
    evidence: { 住房情况: says.join('；') },
  };
}

function water(h: RegisteredHousehold): Unmet | null {
  const safe = householdValue(h.national, (r) => r.waterSafe, String, String);
  const hard = householdValue(h.national, (r) => r.waterDifficulty, String, String);
  const says: string[] = [];
  const locations: Location[] = [];
  if (safe?.value === false) {
    says.push('国办系统“饮水安全”为“否”');
    locations.push(at('national', safe.row.loc, 'waterSafe'));
  }
  if (hard?.value === true) {
    says.push('国办系统“饮水困难”为“是”');
    locations.push(at('national', hard.row.loc, 'waterDifficulty'));
  }
  if (says.length === 0) return null;
  return {
    field: 'water',
    person: null,
    says,
    need: '饮水安全',
    values: { national: says.join('，') },
    locations,
    suggestion: '入户核实饮水安全（水量、水质、取水方便程度、供水保证率）是否达标；未达标的，不符合脱贫标准，已解决的更正国办系统的饮水信息',
    evidence: { 饮水情况: says.join('，') },
  };
}

function who(p: Person, r: NationalRecord, age: number | null): string {
  const relation = r.relation ? `，${relationLabel(r.relation)}` : '';
  return `成员${p.name ?? '（无姓名）'}（${age === null ? '年龄不详' : `${String(age)}岁`}${relation}）`;
}

function memberNeeds(ds: Dataset, p: Person, r: NationalRecord): Unmet[] {
  const age = ageOn(personBirth(p), ds.asOf);
  const school = ds.policy.ages.school;
  const out: Unmet[] = [];
  const unmet = (field: Field, says: string, need: string, keys: (keyof NationalRecord & string)[], suggestion: string, evidence: FindingDraft['evidence']) =>
    out.push({ field, person: p, says: [`${who(p, r, age)}${says}`], need, values: { national: `${p.name ?? '（无姓名）'}：${says}` }, locations: keys.map((k) => at('national', r.loc, k)), suggestion, evidence });
  if (inRange(age, school) && r.schooling?.inSchool === false && r.health?.healthy === true) {
    unmet('schooling', `为义务教育年龄（${String(school.min)}—${String(school.max)}周岁），“在校生状况”为“非在校生”，“健康状况”为“健康”`, '义务教育', ['schooling', 'health'],
      '入户核实该儿童是否失学辍学；确属失学辍学的，落实控辍保学并核实脱贫认定，已在校的更正国办系统的在校生状况',
      { 成员: p.name, 年龄: age, 在校生状况: '非在校生' });
  }
  if (r.medicalInsurance === false) {
    unmet('insurance', '未参加城乡居民基本医疗保险', '基本医疗保险', ['medicalInsurance'],
      '核实该成员参保情况；未参保的应落实基本医疗保险，已参保的更正国办系统',
      { 成员: p.name, 基本医疗保险: '否' });
  }
  if (r.health?.seriousIllness && r.seriousIllnessInsurance === false) {
    unmet('insurance', '“健康状况”为“患有大病”，但未参加大病保险', '大病保险', ['health', 'seriousIllnessInsurance'],
      '核实该成员大病保险参保及医疗救助情况；未参保的应落实大病保险，已参保的更正国办系统',
      { 成员: p.name, 健康状况: '患有大病', 大病保险: '否' });
  }
  return out;
}

function draft(h: RegisteredHousehold, exit: Exit, u: Unmet): FindingDraft {
  const base = u.person ? personBase(h, u.person) : householdBase(h);
  const subject = u.person ? `${u.person.personId ?? u.person.key}|${u.need}` : undefined;
  return {
    ...base,
    ...(subject ? { subject } : {}),
    field: u.field,
    values: u.values,
    correct: null,
    message: `${exitLead(h, exit)}，但${u.says.join('，')}，${u.need}未保障，需入户核实`,
    suggestion: u.suggestion,
    evidence: { ...exitEvidence(exit), 未保障事项: u.need, ...u.evidence },
    locations: [at('national', exit.row.loc, exit.key), ...u.locations],
  };
}

export const basicNeeds: Rule = {
  id: 'wrong-exit/basic-needs',
  category: 'wrong_exit',
  title: '疑似错退：“两不愁三保障”未达标',
  description:
    '国办系统记录为已脱贫的户，数据显示住房为危房（危房户为是、危房等级C/D级或一户一档住房情况为C/D级危房）、饮水不安全、义务教育年龄的健康儿童非在校生、成员未参加基本医疗保险、患大病成员未参加大病保险。空白视为不详，不作为“否”。这是需入户核实的线索；住房、饮水每户一条，其他每人每项一条。',
  severity: 'high',
  *check(ds) {
    for (const h of ds.households) {
      const exit = exitOf(h);
      if (!exit) continue;
      const unmet = [housing(h), water(h)].filter((u): u is Unmet => u !== null);
      for (const p of livingMembers(ds, h)) {
        const r = p.records.national;
        if (r) unmet.push(...memberNeeds(ds, p, r));
      }
      for (const u of unmet) yield draft(h, exit, u);
    }
  },
};
