import { Command } from 'commander';

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program.name('jingzhun').description('精准扶贫数据比对工具 — 国办系统、一户一档、《一本通》、户籍、公示牌信息比对').version('0.1.0');
  await program.parseAsync(argv);
  return 0;
}
