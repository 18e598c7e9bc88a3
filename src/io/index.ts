export * from './types.js';
export { openWorkbook } from './open.js';
export { openTable, normalizeHeaderText } from './table.js';
export type { Table, TableColumn, TableRow, SkippedRow, OpenTableOptions } from './table.js';
