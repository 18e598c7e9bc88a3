/**
 * Minimal zip central-directory reader. Used to validate an xlsx up front (a truncated zip has no end record,
 * so it fails here rather than half-way through streaming) and to read the small parts (workbook.xml, rels,
 * the head of a sheet) without streaming the whole file.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { constants as zlib, createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
  /** Position of the entry in the central directory (its order in the file). */
  order: number;
}

export class ZipFormatError extends Error {}

/** Record signatures (zip-write.ts writes the same records). */
export const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
export const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('unexpected end of file');
  return buf;
}

function findEndRecord(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

interface Directory {
  offset: number;
  size: number;
  count: number;
}

async function locateDirectory(fh: FileHandle, fileSize: number): Promise<Directory> {
  const tailLength = Math.min(fileSize, 22 + MAX_COMMENT);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(fh, tailStart, tailLength);
  const at = findEndRecord(tail);
  if (at < 0) throw new ZipFormatError('end of central directory not found');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = at - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== EOCD64_LOCATOR) {
      throw new ZipFormatError('zip64 locator not found');
    }
    const record = await readAt(fh, Number(tail.readBigUInt64LE(locatorAt + 8)), 56);
    if (record.readUInt32LE(0) !== EOCD64) throw new ZipFormatError('zip64 end record not found');
    count = Number(record.readBigUInt64LE(32));
    size = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  if (offset + size > fileSize) throw new ZipFormatError('central directory beyond end of file');
  return { offset, size, count };
}

/** Zip64 extended sizes/offset, in the order the fields are present. */
function applyZip64(extra: Buffer, entry: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.headerOffset === 0xffffffff) entry.headerOffset = next();
      return;
    }
    p += 4 + len;
  }
}

export class ZipFile {
  private constructor(
    readonly path: string,
    readonly entries: Map<string, ZipEntry>,
    private readonly fileSize: number,
  ) {}

  /** Reads and checks the central directory. Throws ZipFormatError when the zip is damaged or truncated. */
  static async open(path: string): Promise<ZipFile> {
    const fh = await open(path, 'r');
    try {
      const { size: fileSize } = await fh.stat();
      const dir = await locateDirectory(fh, fileSize);
      const buf = await readAt(fh, dir.offset, dir.size);
      const entries = new Map<string, ZipEntry>();
      let p = 0;
      for (let i = 0; i < dir.count; i++) {
        if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) {
          throw new ZipFormatError('bad central directory entry');
        }
        const nameLength = buf.readUInt16LE(p + 28);
        const extraLength = buf.readUInt16LE(p + 30);
        const commentLength = buf.readUInt16LE(p + 32);
        const entry: ZipEntry = {
          name: buf.toString('utf8', p + 46, p + 46 + nameLength),
          method: buf.readUInt16LE(p + 10),
          compressedSize: buf.readUInt32LE(p + 20),
          size: buf.readUInt32LE(p + 24),
          headerOffset: buf.readUInt32LE(p + 42),
          order: i,
        };
        applyZip64(buf.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
        if (entry.headerOffset + entry.compressedSize > fileSize) {
          throw new ZipFormatError(`entry ${entry.name} beyond end of file`);
        }
        entries.set(entry.name, entry);
        p += 46 + nameLength + extraLength + commentLength;
      }
      return new ZipFile(path, entries, fileSize);
    } finally {
      await fh.close();
    }
  }

  /** Where each entry's data lies, once read from its local header (an entry may be read several times). */
  private readonly ranges = new Map<string, Promise<{ start: number; end: number }>>();

  private dataRange(entry: ZipEntry): Promise<{ start: number; end: number }> {
    let range = this.ranges.get(entry.name);
    if (!range) {
      range = this.readDataRange(entry);
      this.ranges.set(entry.name, range);
    }
    return range;
  }

  private async readDataRange(entry: ZipEntry): Promise<{ start: number; end: number }> {
    const fh = await open(this.path, 'r');
    try {
      const header = await readAt(fh, entry.headerOffset, 30);
      if (header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`bad local header for ${entry.name}`);
      const start = entry.headerOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const end = start + entry.compressedSize;
      if (end > this.fileSize) throw new ZipFormatError(`entry ${entry.name} beyond end of file`);
      return { start, end };
    } finally {
      await fh.close();
    }
  }

  private checkMethod(entry: ZipEntry): void {
    if (entry.method !== 0 && entry.method !== 8) {
      throw new ZipFormatError(`unsupported compression method ${entry.method} for ${entry.name}`);
    }
  }

  /** Whole entry, decompressed (for small parts only). */
  async read(name: string): Promise<Buffer | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    this.checkMethod(entry);
    const { start, end } = await this.dataRange(entry);
    const fh = await open(this.path, 'r');
    try {
      const data = end > start ? await readAt(fh, start, end - start) : Buffer.alloc(0);
      return entry.method === 0 ? data : inflateRawSync(data);
    } finally {
      await fh.close();
    }
  }

  /** Decompressed bytes of an entry, chunk by chunk as inflate gives them. Stops reading when the consumer stops. */
  async *chunks(name: string, chunkSize = 64 * 1024): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new ZipFormatError(`no entry ${name}`);
    this.checkMethod(entry);
    const { start, end } = await this.dataRange(entry);
    if (end <= start) return;
    const raw = createReadStream(this.path, { start, end: end - 1, highWaterMark: chunkSize });
    const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize }));
    raw.on('error', (err) => source.destroy(err));
    try {
      for await (const chunk of source) yield chunk as Buffer;
    } finally {
      raw.destroy();
      source.destroy();
    }
  }

  /**
   * The beginning of an entry: what its first `compressed` bytes inflate to (for a stored entry, those bytes),
   * read at once without a stream. May end inside a character.
   */
  private async readStart(entry: ZipEntry, compressed: number): Promise<Buffer> {
    this.checkMethod(entry);
    const { start, end } = await this.dataRange(entry);
    const length = Math.min(compressed, end - start);
    if (length <= 0) return Buffer.alloc(0);
    const fh = await open(this.path, 'r');
    try {
      const data = await readAt(fh, start, length);
      // A cut deflate stream: give what inflates from it instead of failing at its end.
      return entry.method === 0 ? data : inflateRawSync(data, { finishFlush: zlib.Z_SYNC_FLUSH });
    } finally {
      await fh.close();
    }
  }

  /**
   * Decompressed text of an entry up to the first occurrence of `stop` (or the end), so that only the beginning
   * of a large sheet is inflated: from its first bytes read at once when `stop` is there (the usual case), else
   * streaming.
   */
  async readUntil(name: string, stop: string, limit = 4 * 1024 * 1024): Promise<string | null> {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const first = await this.readStart(entry, 16 * 1024);
    const stopAt = first.indexOf(stop);
    // Cut after `stop`'s end tag, on a whole character.
    if (stopAt >= 0) return first.toString('utf8', 0, stopAt + Buffer.byteLength(stop));
    const decoder = new TextDecoder('utf-8');
    let text = '';
    for await (const chunk of this.chunks(name)) {
      text += decoder.decode(chunk, { stream: true });
      if (text.includes(stop) || text.length > limit) break;
    }
    return text;
  }
}
