/** Entries planted into the department rosters: a person's car, house, business or place on the payroll. */
import { day, isoDate, randomDay } from '../dates.js';
import { yuan } from '../format.js';
import type { Person } from '../model.js';
import { placeStem, townStreet } from '../names.js';
import type { PlantContext } from './context.js';

export type AssetKind = 'vehicles' | 'property' | 'business' | 'payroll';

/** Variants that are no asset for 错评 purposes (DOMAIN §5: a car, urban or commercial housing, an active business). */
export type AssetVariant = 'asset' | 'motorcycle' | 'closedBusiness';

const PLATE_CHARS = [...'ABCDEFGHJKLMNPQRSTUVWXYZ'];

/** Adds a roster row for the person and returns its Chinese description. */
export function rosterAsset(ctx: PlantContext, kind: AssetKind, p: Person, variant: AssetVariant = 'asset'): string {
  const { rng, truth, views } = ctx;
  const since = isoDate(randomDay(rng, day(2015, 1, 1), truth.asOf - 30));
  const row = (cells: Record<string, string | number>) => ({ householdId: null, personId: p.id, cells });
  switch (kind) {
    case 'vehicles': {
      let plate = `赣B${rng.pick(PLATE_CHARS)}`;
      for (let i = 0; i < 4; i++) plate += String(rng.int(0, 9));
      const type = variant === 'motorcycle' ? '普通二轮摩托车' : rng.pick(['小型轿车', '小型普通客车', '小型越野客车']);
      views.vehicles.push(row({ 所有人: p.name, 身份证号: p.id, 号牌号码: plate, 车辆类型: type, 初次登记日期: since }));
      return `${type} ${plate}`;
    }
    case 'property': {
      const use = rng.pick(['住宅', '商业']);
      const place = `${truth.county.name}城区${townStreet(rng)}${rng.int(1, 300)}号${rng.int(1, 12)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}室`;
      views.property.push(row({ 权利人: p.name, 身份证号: p.id, 坐落: place, 建筑面积: yuan(rng.int(8000, 14000)), 用途: use, 登记日期: since }));
      return `${use}用房（${place}）`;
    }
    case 'business': {
      const status = variant === 'closedBusiness' ? '注销' : '存续';
      const company = `${truth.county.name}${placeStem(rng)}${rng.pick(['商贸有限公司', '建材经营部', '农业发展有限公司'])}`;
      views.business.push(row({ 法定代表人: p.name, 身份证号: p.id, 企业名称: company, 注册资本: rng.int(10, 300), 成立日期: since, 登记状态: status }));
      return `企业 ${company}（${status}）`;
    }
    case 'payroll': {
      const unit = `${rng.pick(truth.county.townships).name}${rng.pick(['中心小学', '卫生院', '财政所', '林业工作站'])}`;
      views.payroll.push(row({ 姓名: p.name, 身份证号: p.id, 工作单位: unit }));
      return `财政供养人员（${unit}）`;
    }
  }
}
