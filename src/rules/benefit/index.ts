/** Subsidy amounts: the handbook's policy-subsidy lines against the 惠农一卡通 payouts (category 信息不吻合). */
import type { Rule } from '../types.js';
import { benefitAmount } from './benefit-amount.js';

export const BENEFIT_RULES: Rule[] = [benefitAmount];
