/**
 * Writes the default sample county into fixtures/sample (or the folder given as the first argument):
 * `npm run build && node dist/sample/make-fixtures.js`.
 */
import { resolve } from 'node:path';
import { DEFAULT_SAMPLE_OPTIONS, generateSample } from './index.js';

const out = resolve(process.argv[2] ?? 'fixtures/sample');

generateSample({ out, ...DEFAULT_SAMPLE_OPTIONS }).then(
  (manifest) => {
    process.stdout.write(`已生成样例县数据（种子 ${manifest.seed}，${manifest.counts.registeredHouseholds} 户建档立卡户，户籍 ${manifest.counts.hukouPeople} 人）到 ${out}：\n`);
    for (const f of manifest.files) process.stdout.write(`  ${f.file}\n`);
  },
  (err: unknown) => {
    process.stderr.write(`生成样例数据失败：${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
