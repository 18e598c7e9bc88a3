/** Text tables: CSV and tab-separated, in GB18030, UTF-8 (with or without BOM) or UTF-16LE with BOM. */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';

export type TextEncoding = 'gb18030' | 'utf-8' | 'utf-8-bom' | 'utf-16le';

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.from(`\ufeff${text}`, 'utf8');
    case 'utf-16le':
      return Buffer.from(`\ufeff${text}`, 'utf16le');
  }
}

/** One CSV line: cells quoted when they hold the separator, a quote or a line break. */
export function csvLine(cells: string[], separator = ','): string {
  return cells.map((c) => (c.includes(separator) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replace(/"/g, '""')}"` : c)).join(separator);
}

export async function writeTextTable(path: string, lines: string[], encoding: TextEncoding): Promise<void> {
  await writeFile(path, encodeText(lines.map((l) => `${l}\r\n`).join(''), encoding));
}

/** Writes lines to a file as they come, in batches, waiting when the disk is slower than the generator. */
export class StreamingTextWriter {
  private readonly out: WriteStream;
  private batch: string[] = [];
  private size = 0;
  private failure: Error | null = null;

  constructor(
    path: string,
    private readonly encoding: Exclude<TextEncoding, 'utf-8-bom' | 'utf-16le'>,
  ) {
    this.out = createWriteStream(path);
    this.out.on('error', (e) => {
      this.failure = e;
    });
  }

  async line(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.batch.push(text, '\r\n');
    this.size += text.length + 2;
    if (this.size >= 256 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.batch.length === 0) return;
    const chunk = encodeText(this.batch.join(''), this.encoding);
    this.batch = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.failure) throw this.failure;
    this.out.end();
    await once(this.out, 'finish');
  }
}
