/**
 * A sheet's rows as the table layer pulls them: a batch at a time from a reader that gives batches
 * (`SheetSource.rowBatches`), else one row at a time. Batches spare an await per row.
 */
import type { RawRow, RowSkip, SheetSource } from './types.js';

export class RowFeed {
  /** The reader's batches, where it gives them; otherwise its rows. Read the rest straight from these. */
  readonly batchIterator: AsyncIterator<RawRow[]> | null;
  readonly rowIterator: AsyncIterator<RawRow> | null;
  /** The reader has no more rows (or was closed). */
  done = false;

  /** `skip`: rows the caller will not use (see `SheetSource.rows`); readers of batches give them all. */
  constructor(sheet: SheetSource, skip?: RowSkip) {
    this.batchIterator = sheet.rowBatches ? sheet.rowBatches()[Symbol.asyncIterator]() : null;
    this.rowIterator = this.batchIterator ? null : sheet.rows(skip)[Symbol.asyncIterator]();
  }

  /** The next rows (never an empty list), or null at the end. */
  async next(): Promise<RawRow[] | null> {
    while (!this.done) {
      if (this.batchIterator) {
        const next = await this.batchIterator.next();
        if (next.done) this.done = true;
        else if (next.value.length > 0) return next.value;
      } else if (this.rowIterator) {
        const next = await this.rowIterator.next();
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
    await (this.batchIterator ?? this.rowIterator)?.return?.();
  }
}
