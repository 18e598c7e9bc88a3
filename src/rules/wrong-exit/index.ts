/** 疑似错退: households marked as exited whose data says they do not meet the exit standard (leads for a visit). */
import type { Rule } from '../types.js';
import { lowIncome } from './low-income.js';
import { basicNeeds } from './basic-needs.js';
import { sameYearExit } from './same-year-exit.js';

export const WRONG_EXIT_RULES: Rule[] = [lowIncome, basicNeeds, sameYearExit];
