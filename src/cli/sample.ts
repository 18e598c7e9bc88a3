import { generateSample } from '../sample/index.js';

export async function runSample(
  o: { out: string; seed: number; households: number; hukouPeople: number; asOf: string },
  write: (s: string) => void,
): Promise<number> {
  const manifest = await generateSample({ out: o.out, seed: o.seed, households: o.households, hukouPeople: o.hukouPeople, asOf: o.asOf });
  write(`已生成样例县数据到 ${o.out}（种子 ${o.seed}）：\n`);
  for (const f of manifest.files) write(`  ${f.file}（${f.kind}）\n`);
  return 0;
}
