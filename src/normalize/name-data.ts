/** Reference lists for names: two-character surnames, and groups of characters that look alike. */

/**
 * Common two-character surnames (复姓). Left out on purpose: those whose first character is itself a common
 * surname and whose second starts many given names (单于, 钟离, 梁丘, 乐正, 闻人), where reading the first
 * character alone as the surname is the safer guess.
 */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '端木',
  '令狐', '独孤', '南宫', '西门', '轩辕', '澹台', '淳于', '申屠', '赫连', '呼延', '拓跋', '司空', '万俟', '闾丘',
  '鲜于', '公冶', '太叔', '仲孙', '东郭', '百里', '第五', '公羊', '濮阳', '宗政', '左丘', '子车', '亓官', '颛孙',
]);

/** Groups of characters commonly mistyped for one another in handwritten or re-keyed names (形近字). */
const LOOKALIKE_GROUPS = [
  '己已巳', '未末', '士土', '日曰', '戊戌戍', '人入八', '刀力', '千干于', '王玉主', '大太犬丈', '白自', '天夭夫',
  '今令', '折析', '贝见', '免兔', '辨辩瓣', '晴睛', '侯候', '拔拨', '旦且', '崇祟', '春舂', '凤风', '秀季', '冶治',
  '汨汩', '祗祇', '茶荼', '明朋', '华毕', '兵乒乓', '木本术', '田由甲申电', '沐沭', '材村', '坚竖', '荣莹', '婷停',
  '桃挑', '梅海', '清情请', '杨扬汤', '徐涂', '斌赋', '炎淡', '冰水', '永水', '泳咏', '英莫', '贤肾', '辉挥', '军车',
];

const GROUP_OF = new Map<string, number>();
LOOKALIKE_GROUPS.forEach((group, i) => {
  for (const ch of group) GROUP_OF.set(ch, i);
});

/** True when two different characters are in the same look-alike group. */
export function looksAlike(a: string, b: string): boolean {
  const ga = GROUP_OF.get(a);
  return a !== b && ga !== undefined && ga === GROUP_OF.get(b);
}
