/**
 * Zip entries carry a modification time; JSZip (inside exceljs) stamps the current time. To make the same
 * seed give byte-identical files, every entry's DOS time and date are set to a fixed moment.
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;

function dosTime(d: Date): { time: number; date: number } {
  if (d.getUTCFullYear() < 1980 || d.getUTCFullYear() > 2107) throw new Error('样例生成内部错误：zip 时间超出1980—2107年');
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

export function fixZipTimes(zip: Buffer, stamp: Date): Buffer {
  const { time, date } = dosTime(stamp);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('样例生成内部错误：不是有效的 zip 文件');
  const entries = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(p) !== CENTRAL_HEADER) throw new Error('样例生成内部错误：zip 目录损坏');
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('样例生成内部错误：zip 文件头损坏');
    zip.writeUInt16LE(time, local + 10);
    zip.writeUInt16LE(date, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}
