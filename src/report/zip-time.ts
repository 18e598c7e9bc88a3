/**
 * Sets every entry time of a zip file (local headers and central directory) to one fixed date, so that a
 * workbook written twice from the same input has the same bytes. The zip writer stamps entries with the
 * current time and offers no option for it.
 */
import { readFile, writeFile } from 'node:fs/promises';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** MS-DOS date and time of a moment, read in UTC (two-second resolution, years 1980–2107). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  return {
    date: ((year - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
  };
}

/** Rewrites the entry times of the zip file in place; a file that is not a plain zip is left as it is. */
export async function fixZipTimes(file: string, when: Date): Promise<void> {
  const buf = await readFile(file);
  if (setZipTimes(buf, when)) await writeFile(file, buf);
}

/** Sets the entry times inside `buf`; false when no zip directory was found. */
export function setZipTimes(buf: Buffer, when: Date): boolean {
  const { date, time } = dosDateTime(when);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return false;
    buf.writeUInt16LE(time, p + 12);
    buf.writeUInt16LE(date, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (local + 30 <= buf.length && buf.readUInt32LE(local) === LOCAL) {
      buf.writeUInt16LE(time, local + 10);
      buf.writeUInt16LE(date, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return true;
}
