/**
 * Minimal zip writer for the workbooks we write: deflated entries, one fixed entry time, no zip64. An entry is
 * fed in pieces (a large sheet is never one string). Each piece is deflated on libuv's thread pool while the
 * caller builds the next one, and ends on a sync flush, so the pieces join into one deflate stream, closed by
 * an empty final block.
 */
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, type ZlibOptions } from 'node:zlib';

import { CENTRAL, EOCD, LOCAL } from './zip.js';

const deflate = promisify<Buffer, ZlibOptions, Buffer>(deflateRaw);

const VERSION = 20;
const DEFLATE = 8;
/** zlib's default level (the deflating runs on the thread pool, beside the XML being built). */
const LEVEL = 6;
const MAX_32 = 0xffffffff;
/** An empty final block (fixed Huffman codes): what ends the deflate stream of an entry. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** MS-DOS date and time of a moment, read in UTC (two-second resolution, years 1980–2107). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

/** Pieces being deflated at once, beyond which `write` asks its caller to wait. */
const IN_FLIGHT = 4;

/** One entry being written: its pieces are deflated as they come and kept until the entry ends. */
export class ZipEntryWriter {
  private readonly parts: Promise<Buffer>[] = [];
  /** Pieces waited for by the caller. */
  private waited = 0;
  private crc = 0;
  private size = 0;

  constructor(
    private readonly zip: ZipWriter,
    readonly name: string,
  ) {}

  /**
   * Adds text (UTF-8) or bytes to the entry. When several pieces are still being deflated, returns a promise
   * to wait for before writing more: memory holds a few uncompressed pieces (and the entry's compressed ones,
   * written to the file when it ends), not the whole entry's text.
   */
  write(data: string | Buffer): Promise<void> | undefined {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (buf.length === 0) return undefined;
    this.crc = crc32(buf, this.crc);
    this.size += buf.length;
    const part = deflate(buf, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH });
    part.catch(() => undefined); // a failure is reported by `end`, not as an unhandled rejection
    this.parts.push(part);
    if (this.parts.length - this.waited <= IN_FLIGHT) return undefined;
    return this.parts[this.waited++].then(() => undefined);
  }

  /** Writes the entry to the file. */
  async end(): Promise<void> {
    const parts = await Promise.all(this.parts);
    parts.push(FINAL_BLOCK);
    this.zip.add(this.name, this.crc, this.size, parts);
  }
}

/** A zip file written entry after entry; every entry gets the time `when`. */
export class ZipWriter {
  private readonly fd: number;
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly date: number;
  private readonly time: number;

  constructor(
    private readonly path: string,
    when: Date,
  ) {
    this.fd = openSync(path, 'w');
    ({ date: this.date, time: this.time } = dosDateTime(when));
  }

  /** An entry to write in pieces; call its `end` before starting the next one. */
  entry(name: string): ZipEntryWriter {
    return new ZipEntryWriter(this, name);
  }

  /** Writes a whole entry at once. */
  async file(name: string, data: string | Buffer): Promise<void> {
    const e = this.entry(name);
    await e.write(data);
    await e.end();
  }

  /** @internal: a finished entry's deflated pieces. */
  add(name: string, crc: number, size: number, parts: readonly Buffer[]): void {
    const compressed = parts.reduce((n, p) => n + p.length, 0);
    if (size > MAX_32 || compressed > MAX_32 || this.offset > MAX_32) throw new Error(`zip entry too large for a workbook: ${name}`);
    const nameBuf = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.time, 10);
    header.writeUInt16LE(this.date, 12);
    header.writeUInt32LE(crc >>> 0, 14);
    header.writeUInt32LE(compressed, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameBuf.length, 26);
    header.writeUInt16LE(0, 28);
    this.entries.push({ name: nameBuf, crc, compressed, size, offset: this.offset });
    this.put(header);
    this.put(nameBuf);
    for (const p of parts) this.put(p);
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(0x0800, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.time, 12);
      h.writeUInt16LE(this.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.put(h);
      this.put(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.put(end);
    closeSync(this.fd);
  }

  /** Closes and removes the unfinished file (after an error). */
  abandon(): void {
    closeSync(this.fd);
    rmSync(this.path, { force: true });
  }

  private put(buf: Buffer): void {
    for (let done = 0; done < buf.length; ) done += writeSync(this.fd, buf, done);
    this.offset += buf.length;
  }
}
