/**
 * A sheet's rows as the table layer pulls them: a batch at a time from a reader that gives batches
 * (`SheetSource.rowBatches`), else one row at a time. Batches spare an await per row.
 */
import type { RawRow, SheetSource } from './types.js';

export class RowFeed {
  private readonly batches: AsyncIterator<RawRow[]> | null;
  private readonly single: AsyncIterator<RawRow> | null;
  /** The reader has no more rows (or was closed). */
  done = false;

  constructor(sheet: SheetSource) {
    this.batches = sheet.rowBatches ? sheet.rowBatches()[Symbol.asyncIterator]() : null;
    this.single = this.batches ? null : sheet.rows()[Symbol.asyncIterator]();
  }

  /** The next rows (never an empty list), or null at the end. */
  async next(): Promise<RawRow[] | null> {
    while (!this.done) {
      if (this.batches) {
        const next = await this.batches.next();
        if (next.done) this.done = true;
        else if (next.value.length > 0) return next.value;
      } else if (this.single) {
        const next = await this.single.next();
        if (next.done) this.done = true;
        else return [next.value];
      }
    }
    return null;
  }

  /** Stops reading early: lets the reader close its file. */
  async close(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await (this.batches ?? this.single)?.return?.();
  }
}
