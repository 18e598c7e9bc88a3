/** 疑似错评: registered households whose members or close relatives hold assets or public pay (leads for a visit). */
import type { Rule } from '../types.js';
import { memberAssets } from './member-assets.js';
import { relativePayroll } from './relative-payroll.js';

export const WRONG_INCLUSION_RULES: Rule[] = [memberAssets, relativePayroll];
