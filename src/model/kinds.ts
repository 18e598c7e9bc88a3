/** Source kinds, as the product names them everywhere (CLI, JSON, mapping files). DOMAIN §2. */
export const MAIN_KINDS = ['national', 'household-file', 'one-book', 'hukou', 'notice-board'] as const;
export const ROSTER_KINDS = [
  'civil-affairs',
  'vehicles',
  'business',
  'property',
  'payroll',
  'deaths',
  'payouts',
] as const;
export const SOURCE_KINDS = [...MAIN_KINDS, ...ROSTER_KINDS] as const;

export type MainKind = (typeof MAIN_KINDS)[number];
export type RosterKind = (typeof ROSTER_KINDS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Chinese names of the kinds, for every report and message. */
export const KIND_LABELS: Record<SourceKind, string> = {
  national: '国办系统',
  'household-file': '一户一档',
  'one-book': '《一本通》',
  hukou: '户籍',
  'notice-board': '公示牌',
  'civil-affairs': '民政（低保/特困/孤儿）',
  vehicles: '车辆登记',
  business: '工商登记',
  property: '不动产登记',
  payroll: '财政供养人员',
  deaths: '死亡人员',
  payouts: '惠农一卡通发放',
};

export function isSourceKind(s: string): s is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(s);
}
