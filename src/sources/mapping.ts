/** User header mappings (`--mapping FILE`): for layouts nobody has seen. */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { SOURCE_KINDS, type SourceKind, KIND_LABELS } from '../model/kinds.js';
import { specsOfKind } from './index.js';

/** kind → (their header → our field). */
export type Mapping = Map<SourceKind, Map<string, string>>;

export class MappingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingError';
  }
}

const fileSchema = z.record(z.string(), z.record(z.string(), z.string()));

/**
 * Mapping file format (JSON): `{ "national": { "户主名": "headName", "身份证": "idNumber" }, "hukou": { … } }`.
 * Keys are source kinds; inner keys are the user's header text, values our field names.
 */
export function parseMapping(json: unknown, file = '映射文件'): Mapping {
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) throw new MappingError(`${file} 格式有误：应为 {"来源类型": {"表头": "字段"}} 形式的 JSON`);
  const out: Mapping = new Map();
  for (const [kind, columns] of Object.entries(parsed.data)) {
    if (!(SOURCE_KINDS as readonly string[]).includes(kind)) {
      throw new MappingError(`${file} 中的来源类型“${kind}”不存在；可用：${SOURCE_KINDS.join('、')}`);
    }
    const k = kind as SourceKind;
    const known = new Set(specsOfKind(k).flatMap((s) => Object.keys(s.fields)));
    const m = new Map<string, string>();
    for (const [header, field] of Object.entries(columns)) {
      if (!known.has(field)) {
        throw new MappingError(
          `${file} 中“${header}”映射到的字段“${field}”不是${KIND_LABELS[k]}（${kind}）的字段；可用：${[...known].join('、')}`,
        );
      }
      m.set(header, field);
    }
    out.set(k, m);
  }
  return out;
}

export async function loadMapping(file: string): Promise<Mapping> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new MappingError(`无法读取映射文件：${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MappingError(`映射文件 ${file} 不是有效的 JSON（${e instanceof Error ? e.message : String(e)}）`);
  }
  return parseMapping(json, file);
}
