/**
 * 帮扶与公示问题: helpers and notice boards. A helper who is himself a member of a registered household would
 * need the helper's ID number, which no source layout carries: that check waits for such a column.
 */
import type { Rule } from '../types.js';
import { noHelper } from './no-helper.js';
import { helperLoad } from './helper-load.js';
import { boardStatus } from './board-status.js';
import { boardPhone } from './board-phone.js';

export const ASSISTANCE_RULES: Rule[] = [noHelper, helperLoad, boardStatus, boardPhone];
