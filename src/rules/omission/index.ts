/** 疑似漏评: people other departments support who are in no registered household (leads for a visit). */
import type { Rule } from '../types.js';
import { civilAffairsOmission } from './civil-affairs.js';

export const OMISSION_RULES: Rule[] = [civilAffairsOmission];
