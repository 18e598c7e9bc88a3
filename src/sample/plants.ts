/**
 * The plants step: functions that change the rendered views and record each change in the manifest, so that
 * an audit of the sample can be checked against what was put in (`plants`), and against what must stay quiet
 * (`negatives`: cases that look like a problem and are not one). Each problem goes into a household of its
 * own (see PlantContext's claims); the steps that need rare households (recent splits, young mothers,
 * school-age children) come first.
 */
import type { Truth } from './county.js';
import { boardDamaged, boardNotHung, boardPhoneInvalid, boardPhoneMissing, helperOverCap, noHelper, subsidyDiffers } from './plant/assistance.js';
import { PlantContext, type NegativeRecord, type PlantRecord, type PlantStep } from './plant/context.js';
import {
  exitBelowThreshold,
  exitChildOutOfSchool,
  exitDangerousHouse,
  exitIllWithoutCover,
  exitNearThreshold,
  exitNoMedicalInsurance,
  exitSameYear,
  exitUnsafeWater,
  notExitedDangerous,
} from './plant/exit.js';
import { excelDamagedIds, oldIdNumbers } from './plant/ids.js';
import { memberBusiness, memberCar, memberClosedBusiness, memberMotorcycle, memberPayroll, memberProperty, rosterPeopleNotRegistered, sonOnPayroll } from './plant/inclusion.js';
import { deadStillInNational, memberAbsentFromBook, newbornMissing, personInTwoHouseholds, twoHeads } from './plant/members.js';
import { registeredLowIncome, unregisteredLowIncome } from './plant/omission.js';
import {
  absentFromArchive,
  absentFromBoard,
  absentFromBook,
  attributeInBook,
  boardPhoneDiffers,
  boardSizeDiffers,
  homophoneInArchive,
  idTypoInBook,
  incomeInArchive,
  incomeWithinTolerance,
  phonePunctuation,
  relationInBook,
  stageOnly,
  villageSuffix,
} from './plant/sources.js';
import { partialRegistration, splitAfterStartWithAssets, splitChildRegistered, splitInWindow, splitLongAgo, splitNoChildHere } from './plant/split.js';
import type { Rng } from './rng.js';
import type { Views } from './views.js';

export type { NegativeRecord, PlantRecord } from './plant/context.js';

export const PLANT_STEPS: readonly PlantStep[] = [
  // Households of a kind the county has few of.
  splitChildRegistered,
  splitAfterStartWithAssets,
  splitInWindow,
  splitNoChildHere,
  sonOnPayroll,
  newbornMissing,
  exitChildOutOfSchool,
  twoHeads,
  partialRegistration,
  deadStillInNational,
  personInTwoHouseholds,
  relationInBook,
  homophoneInArchive,
  // Any household.
  memberAbsentFromBook,
  idTypoInBook,
  absentFromArchive,
  absentFromBook,
  absentFromBoard,
  attributeInBook,
  incomeInArchive,
  incomeWithinTolerance,
  boardPhoneDiffers,
  boardSizeDiffers,
  phonePunctuation,
  villageSuffix,
  stageOnly,
  exitBelowThreshold,
  exitNearThreshold,
  exitDangerousHouse,
  exitUnsafeWater,
  exitNoMedicalInsurance,
  exitIllWithoutCover,
  exitSameYear,
  notExitedDangerous,
  memberCar,
  memberProperty,
  memberBusiness,
  memberPayroll,
  memberMotorcycle,
  memberClosedBusiness,
  noHelper,
  boardDamaged,
  boardNotHung,
  boardPhoneInvalid,
  boardPhoneMissing,
  subsidyDiffers,
  // Shared with the plants above where they do not interact.
  helperOverCap,
  unregisteredLowIncome,
  oldIdNumbers,
  excelDamagedIds,
  // Hard negatives the truth holds anyway, recorded once the plants are known.
  splitLongAgo,
  registeredLowIncome,
  rosterPeopleNotRegistered,
];

export function runPlants(views: Views, truth: Truth, rng: Rng, steps: readonly PlantStep[] = PLANT_STEPS): { plants: PlantRecord[]; negatives: NegativeRecord[] } {
  const ctx = new PlantContext(views, truth, rng);
  steps.forEach((step, i) => {
    ctx.rng = rng.fork(`plant/${i}`);
    step(ctx);
  });
  return { plants: ctx.plants, negatives: ctx.negatives };
}
