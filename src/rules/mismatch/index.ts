/** 信息不吻合: the mismatch rules, one module each. */
import type { Rule } from '../types.js';
import { householdAbsent } from './household-absent.js';
import { householdUnregistered } from './household-unregistered.js';
import { memberAbsent } from './member-absent.js';
import { memberDeceased } from './member-deceased.js';
import { newborn } from './newborn.js';
import { personField } from './person-field.js';
import { head } from './head.js';
import { householdFields } from './household-fields.js';
import { helper } from './helper.js';

export const MISMATCH_RULES: Rule[] = [
  householdAbsent,
  householdUnregistered,
  memberAbsent,
  memberDeceased,
  newborn,
  personField,
  head,
  householdFields,
  helper,
];
