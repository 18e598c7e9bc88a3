/** 疑似分户造贫: households split or registered in part so that elderly or poorer members qualify (leads for a visit). */
import type { Rule } from '../types.js';
import { splitElderly } from './split-elderly.js';
import { partialRegistration } from './partial-registration.js';

export const SPLIT_HOUSEHOLD_RULES: Rule[] = [splitElderly, partialRegistration];
