/** The normalisers: pure functions from a raw cell to its meaning plus a Chinese problem text. */
export * from './types.js';
export * from './text.js';
export * from './calendar.js';
export * from './id.js';
export * from './name.js';
export * from './phone.js';
export * from './date.js';
export * from './money.js';
export * from './yesno.js';
export * from './relation.js';
export * from './gender.js';
export * from './poverty.js';
export * from './place.js';
export * from './person-status.js';
export * from './board-status.js';
