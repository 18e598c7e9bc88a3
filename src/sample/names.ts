/**
 * Believable names for a Gannan (southern Jiangxi) county: surname frequencies of the region, given names
 * that fit the person's generation and sex, and the township / village / hamlet names of Hakka hill country.
 */
import type { Rng } from './rng.js';

/** Surname weights, roughly as common as they are in Ganzhou (刘 陈 李 黄 … the compound 欧阳 too). */
const SURNAMES: readonly (readonly [string, number])[] = [
  ['刘', 80], ['陈', 70], ['李', 60], ['黄', 58], ['王', 50], ['钟', 48], ['曾', 46], ['谢', 40], ['赖', 38],
  ['邱', 30], ['张', 40], ['罗', 30], ['郭', 28], ['肖', 28], ['廖', 28], ['温', 25], ['杨', 25], ['朱', 20],
  ['吴', 20], ['邓', 20], ['欧阳', 8], ['叶', 16], ['胡', 15], ['周', 15], ['徐', 14], ['蓝', 8], ['雷', 6],
  ['江', 8], ['何', 10], ['彭', 10], ['孙', 6], ['宋', 6], ['魏', 6], ['丁', 5], ['卢', 6], ['严', 5], ['康', 5],
];

/** Surnames of the She (畲族) families of the region. */
export const SHE_SURNAMES = ['蓝', '雷', '钟'] as const;

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

type Era = 'old' | 'mid' | 'adult' | 'young' | 'child';

const MALE_TEXT: Record<Era, string> = {
  old: '福贵荣华生发昌明德才根水金林山春有财茂清祥寿光禄旺添和兴桂炳',
  mid: '建国军平新民红卫东文华明忠伟志强长胜林光发友海',
  adult: '伟强勇斌军涛峰平辉波刚亮剑俊杰明龙海华林斌忠',
  young: '杰鹏磊超浩俊宇翔鑫帅威凯晨阳豪亮健辉龙',
  child: '梓轩宇浩睿博泽铭辰航子一皓宸俊逸锦烨',
};

const FEMALE_TEXT: Record<Era, string> = {
  old: '秀英兰梅凤珍桂花莲娥玉香菊妹冬金招满娣翠',
  mid: '丽芳红霞华英萍玲秀琴春美云桂凤香',
  adult: '丽芳燕霞萍琴玲娟艳敏静慧红莉梅',
  young: '婷倩雪静敏慧颖琳佳欣丹娜瑶璐',
  child: '梓涵欣怡可馨诗雨萱悦语彤依沐若',
};

const chars = (t: Record<Era, string>): Record<Era, string[]> => ({
  old: [...t.old],
  mid: [...t.mid],
  adult: [...t.adult],
  young: [...t.young],
  child: [...t.child],
});
const MALE = chars(MALE_TEXT);
const FEMALE = chars(FEMALE_TEXT);

function era(birthYear: number): Era {
  if (birthYear < 1950) return 'old';
  if (birthYear < 1970) return 'mid';
  if (birthYear < 1990) return 'adult';
  if (birthYear < 2005) return 'young';
  return 'child';
}

/**
 * A given name of one or two characters for someone born in `birthYear`. `generationChar` is the shared
 * first character of siblings (字辈), used for a two-character name when given.
 */
export function givenName(rng: Rng, birthYear: number, male: boolean, generationChar?: string): string {
  const pool = (male ? MALE : FEMALE)[era(birthYear)];
  const first = rng.pick(pool);
  if (generationChar) {
    let second = rng.pick(pool);
    if (second === generationChar) second = rng.pick(pool);
    return generationChar + second;
  }
  if (rng.chance(0.22)) return first;
  let second = rng.pick(pool);
  while (second === first) second = rng.pick(pool);
  return first + second;
}

/** A 字辈 character for a family's sons (or null: many families do not use one). */
export function generationChar(rng: Rng, birthYear: number): string | undefined {
  return rng.chance(0.45) ? rng.pick(MALE[era(birthYear)]) : undefined;
}

const PLACE_HEADS = [...'高石黄长杨白龙清竹枫桂莲梅上下大小新东西南北中珠金银铁洋罗禾麻岩湖青'];
const PLACE_TAILS = [...'坑坪塘岭坝田溪江口圩排岗陂背埠垇嶂湾'];

/** A two-character hill-country place stem, such as 石坪 or 龙溪. */
export function placeStem(rng: Rng): string {
  return rng.pick(PLACE_HEADS) + rng.pick(PLACE_TAILS);
}

/** Every stem `placeStem` can give, in a fixed order. */
export const PLACE_STEMS: readonly string[] = PLACE_HEADS.flatMap((h) => PLACE_TAILS.map((t) => h + t));

const HAMLETS = ['上屋', '下屋', '新屋', '老屋', '塘背', '坳背', '岭下', '坝上', '围里', '排头', '石门', '田心', '水口', '桥头'];

/** Natural villages (村民小组) of a village: 上屋组, 塘背组, … */
export function hamletNames(rng: Rng, count: number): string[] {
  return rng.shuffle([...HAMLETS]).slice(0, count).map((h) => `${h}组`);
}

const ROADS = ['建设路', '环城路', '人民路', '文化路', '新华路', '站前路', '湘江路', '贡江路'];

export function townStreet(rng: Rng): string {
  return rng.pick(ROADS);
}

/** Given-name characters and a character of the same reading (pinyin and tone): 明/铭, 丽/莉, 伟/玮 … */
const HOMOPHONES: Readonly<Record<string, string>> = {
  明: '铭', 伟: '玮', 丽: '莉', 芳: '方', 军: '均', 平: '萍', 林: '琳', 红: '宏', 东: '冬', 文: '雯', 志: '智', 勇: '永',
  斌: '彬', 涛: '韬', 峰: '锋', 辉: '晖', 刚: '钢', 俊: '骏', 杰: '洁', 浩: '昊', 宇: '雨', 翔: '祥', 鑫: '新', 晨: '辰',
  阳: '洋', 健: '建', 梓: '子', 睿: '瑞', 逸: '毅', 英: '瑛', 兰: '岚', 珍: '贞', 玉: '钰', 香: '湘', 琴: '勤', 云: '芸',
  燕: '艳', 静: '婧', 慧: '惠', 婷: '亭', 瑶: '遥', 璐: '露', 欣: '馨', 萱: '轩', 彤: '桐', 贵: '桂', 荣: '容', 德: '得',
  才: '财', 金: '今', 山: '珊', 清: '青', 兴: '星', 胜: '盛', 梅: '玫', 秀: '绣', 春: '椿',
};

/**
 * The name written with a homophone in the given name (王小明 → 王小铭), the commonest typing error of
 * village staff (DOMAIN §3.2); null when no character of the given name has one in the table.
 */
export function homophone(name: string, surnameLength: number): string | null {
  const chars = [...name];
  for (let i = chars.length - 1; i >= surnameLength; i--) {
    const other = HOMOPHONES[chars[i]];
    if (other) return [...chars.slice(0, i), other, ...chars.slice(i + 1)].join('');
  }
  return null;
}
