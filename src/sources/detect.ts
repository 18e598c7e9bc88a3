/** Which source layout a sheet holds, recognised from its headers with a score. */
import type { TableColumn } from '../io/table.js';
import type { SourceKind } from '../model/kinds.js';
import type { SourceSpec } from './define.js';
import { SPECS } from './index.js';
import { matchColumns, type ColumnMatch } from './match.js';
import type { Mapping } from './mapping.js';

export interface Candidate {
  spec: SourceSpec;
  /** Matched fields + 2 × matched distinguishing fields; 0 when a required field is missing. */
  score: number;
  matched: string[];
  distinguishing: string[];
  missingRequired: string[];
}

export interface Detection {
  spec: SourceSpec | null;
  score: number;
  /** Chinese: what decided (the distinguishing columns found, a name hint, or a forced kind). */
  decidedBy: string;
  /** Chinese reason when nothing fits or two fit equally. */
  problem: string | null;
  candidates: Candidate[];
  columns: ColumnMatch[];
}

function headerOf(spec: SourceSpec, columns: ColumnMatch[], field: string): string {
  return columns.find((c) => c.field === field)?.header ?? spec.fields[field].label;
}

export function scoreSpec(spec: SourceSpec, columns: readonly TableColumn[], mapping?: Mapping): Candidate {
  const matches = matchColumns(spec, columns, mapping);
  const matched = matches.flatMap((m) => (m.field ? [m.field] : []));
  const set = new Set(matched);
  const missingRequired = spec.required.filter((f) => !set.has(f));
  const distinguishing = spec.distinguishing.filter((f) => set.has(f));
  const score = missingRequired.length > 0 || set.size < 2 ? 0 : set.size + 2 * distinguishing.length;
  return { spec, score, matched, distinguishing, missingRequired };
}

const hinted = (spec: SourceSpec, names: string) => spec.nameHints.some((h) => names.includes(h));

/**
 * Recognise a sheet. `forced` (a CLI flag) restricts the choice to that kind's layouts (the one-book has two).
 * `names` is the file and sheet name, used only to break a tie.
 */
export function detect(
  columns: readonly TableColumn[],
  opts: { forced?: SourceKind; mapping?: Mapping; names?: string } = {},
): Detection {
  const pool = opts.forced ? SPECS.filter((s) => s.kind === opts.forced) : SPECS;
  const candidates = pool
    .map((s) => scoreSpec(s, columns, opts.mapping))
    .sort((a, b) => b.score - a.score || SPECS.indexOf(a.spec) - SPECS.indexOf(b.spec));
  const [best, second] = candidates;
  const none = (problem: string): Detection => ({ spec: null, score: 0, decidedBy: '', problem, candidates, columns: [] });

  if (!best || best.score === 0) {
    if (opts.forced && best) {
      const missing = best.missingRequired.map((f) => best.spec.fields[f].label).join('、');
      return none(`按指定类型（${best.spec.label}）读取，但缺少必需的列：${missing || '可识别的列不足两列'}`);
    }
    return none('无法识别表格类型：表头中找不到足够的已知列名（可用 --mapping 指定列名对应关系，或用参数指定来源类型）');
  }
  let winner = best;
  let decidedBy: string;
  if (second && second.score === best.score) {
    const names = opts.names ?? '';
    const hints = candidates.filter((c) => c.score === best.score && hinted(c.spec, names));
    if (hints.length !== 1) {
      const tied = candidates.filter((c) => c.score === best.score).map((c) => c.spec.label);
      return none(`表格类型无法确定：${tied.join('、')}的得分相同（${best.score}），请用参数指定来源类型`);
    }
    winner = hints[0];
    const others = candidates.filter((c) => c !== winner && c.score === best.score).map((c) => c.spec.label);
    decidedBy = `与${others.join('、')}得分相同，按文件名/工作表名判断`;
  } else {
    const matches = matchColumns(winner.spec, columns, opts.mapping);
    decidedBy = winner.distinguishing.length
      ? `区分列：${winner.distinguishing.map((f) => headerOf(winner.spec, matches, f)).join('、')}`
      : `匹配列数最多（${winner.matched.length}列）`;
    if (opts.forced) decidedBy = `参数指定（${decidedBy}）`;
  }
  return {
    spec: winner.spec,
    score: winner.score,
    decidedBy,
    problem: null,
    candidates,
    columns: matchColumns(winner.spec, columns, opts.mapping),
  };
}
