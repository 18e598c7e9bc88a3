/** Duplicate rules (人员重复): one person registered more than once. */
import type { Rule } from '../types.js';
import { personInTwoHouseholds } from './person-in-two-households.js';
import { personTwiceInSource } from './person-twice-in-source.js';

export const DUPLICATE_RULES: Rule[] = [personInTwoHouseholds, personTwiceInSource];
