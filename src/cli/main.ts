import { Command, CommanderError, Option, type Help } from 'commander';
import { SOURCE_KINDS, ROSTER_KINDS } from '../model/kinds.js';
import { loadMapping, MappingError } from '../sources/mapping.js';
import { runInspect } from './inspect.js';
import { runSample } from './sample.js';
import { runAuditCommand, type AuditCliOptions } from './audit.js';
import { UsageError } from './errors.js';
import { InputError } from '../audit/load.js';
import { NoNationalError } from '../audit/run.js';
import { PolicyError } from '../model/policy.js';


const out = (s: string) => process.stdout.write(s);

const COMMANDER_MESSAGES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/unknown option '(.+)'/, (m) => `未知参数：${m[1]}`],
  [/unknown command '(.+)'/, (m) => `未知命令：${m[1]}`],
  [/missing required argument '(.+)'/, (m) => `缺少参数：${m[1]}`],
  [/option '(.+)' argument missing/, (m) => `参数 ${m[1]} 缺少取值`],
  [/too many arguments/, () => '参数过多'],
  [/Allowed choices are (.+)\./, (m) => `取值无效，可选：${m[1]}`],
];

function translate(message: string): string {
  for (const [re, fn] of COMMANDER_MESSAGES) {
    const m = message.match(re);
    if (m) return fn(m);
  }
  return message.replace(/^error:\s*/, '');
}

function intOption(name: string) {
  return (v: string) => {
    if (!/^\d+$/.test(v)) throw new UsageError(`${name} 应为正整数：${v}`);
    return Number(v);
  };
}

const HELP_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Arguments:': '参数：',
  'Commands:': '命令：',
  'Global Options:': '通用选项：',
};

/** Help in Chinese: section titles translated, defaults and choices shown as 默认/可选. */
const HELP: Partial<Help> = {
  styleTitle: (t: string) => HELP_TITLES[t] ?? t,
  optionDescription: (o: Option) => {
    const extra: string[] = [];
    if (o.argChoices) extra.push(`可选：${o.argChoices.join('、')}`);
    const d: unknown = o.defaultValue;
    if (d !== undefined && !(Array.isArray(d) && d.length === 0) && typeof d !== 'boolean') extra.push(`默认：${String(d)}`);
    return extra.length ? `${o.description}（${extra.join('；')}）` : o.description;
  },
};

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = new Command();
  program
    .name('jingzhun')
    .description('精准扶贫数据比对工具：国办系统、一户一档、《一本通》、户籍、公示牌及部门数据比对')
    .version('0.1.0', '-V, --version', '显示版本号')
    .helpOption('-h, --help', '显示帮助')
    .addHelpCommand(false)
    .exitOverride()
    .configureHelp(HELP)
    .configureOutput({ writeErr: () => undefined, writeOut: out });

  program
    .command('inspect')
    .description('查看工具如何读取文件：识别的来源类型、编码、表头、列对应关系、行数和问题')
    .argument('<paths...>', '文件或文件夹')
    .addOption(new Option('--kind <kind>', '指定来源类型').choices([...SOURCE_KINDS]))
    .option('--mapping <file>', '自定义表头映射文件（JSON）')
    .option('--json', '以 JSON 输出')
    .option('--problems <n>', '每个工作表显示的问题条数', intOption('--problems'), 20)
    .helpOption('-h, --help', '显示帮助')
    .action(async (paths: string[], o: { kind?: string; mapping?: string; json?: boolean; problems: number }) => {
      const mapping = o.mapping ? await loadMapping(o.mapping) : undefined;
      code = await runInspect(paths, { json: o.json, kind: o.kind, mapping, problems: o.problems }, out);
    });

  const many = (v: string, prev: string[]) => [...prev, v];
  program
    .command('audit')
    .description('比对各来源数据，输出问题清单（Excel 和 JSON）')
    .argument('[dir]', '数据文件夹（其中的电子表格按表头自动识别类型）')
    .option('--national <file>', '国办系统导出表（可重复）', many, [])
    .option('--household-file <file>', '一户一档（可重复）', many, [])
    .option('--one-book <file>', '《一本通》（可重复）', many, [])
    .option('--hukou <file>', '户籍数据（可重复）', many, [])
    .option('--notice-board <file>', '公示牌调查表（可重复）', many, [])
    .option('--roster <kind=file>', `部门名单，类型：${ROSTER_KINDS.join('、')}（可重复）`, many, [])
    .option('--mapping <file>', '自定义表头映射文件（JSON）')
    .option('--policy <file>', '政策参数文件（JSON），缺省用内置参数')
    .option('--as-of <date>', '基准日期 YYYY-MM-DD（计算年龄等），缺省为今天')
    .option('--out <dir>', '输出文件夹', 'reports')
    .option('--split-by <unit>', '另按乡镇（township）或村（village）分别输出工作簿')
    .option('--by-county', '按县分别审核：数据文件夹下每个子文件夹为一个县（全市数据用，省内存），跨县关联的县合并审核')
    .option('--fail-on-findings', '发现问题时以退出码 1 结束')
    .option('--quiet', '不输出摘要')
    .helpOption('-h, --help', '显示帮助')
    .action(async (dir: string | undefined, o: AuditCliOptions) => {
      code = await runAuditCommand(dir, o, out);
    });

  program
    .command('sample')
    .description('生成一个模拟县的样例数据（各种格式和常见文件问题），用于试用和测试')
    .requiredOption('--out <dir>', '输出文件夹')
    .option('--seed <n>', '随机种子', intOption('--seed'), 1)
    .option('--households <n>', '建档立卡户数', intOption('--households'), 60)
    .option('--hukou-people <n>', '户籍人口数', intOption('--hukou-people'), 1500)
    .option('--as-of <date>', '基准日期 YYYY-MM-DD', '2026-11-27')
    .helpOption('-h, --help', '显示帮助')
    .action(async (o: { out: string; seed: number; households: number; hukouPeople: number; asOf: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(o.asOf)) throw new UsageError(`--as-of 应为 YYYY-MM-DD 格式：${o.asOf}`);
      code = await runSample(o, out);
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      process.stderr.write(`jingzhun：${translate(e.message)}（用 --help 查看用法）\n`);
      return 2;
    }
    if (e instanceof UsageError || e instanceof MappingError || e instanceof InputError || e instanceof NoNationalError || e instanceof PolicyError) {
      process.stderr.write(`jingzhun：${e.message}\n`);
      return 2;
    }
    throw e;
  }
  return code;
}
