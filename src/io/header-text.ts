/**
 * Header text as the sources layer compares it: NFKC (full-width brackets and letters → half-width), no
 * whitespace or line breaks, no required-field stars, no bracketed filling instructions. Bracketed units stay:
 * `务工时间（月）` → `务工时间(月)`, `身份证号码（必填）` → `身份证号码`.
 */
const INSTRUCTION =
  /[([【〔](?:必填|选填|可选|必须|非必填|可不填|不填|注(?![册销])|请|填写|如|例|格式|说明|提示|单选|多选|下拉)[^()[\]【】〔〕]*[)\]】〕]/g;
const SPACE = /[\s\u200b-\u200d\ufeff]+/gu;
const STARS = /^\*+|\*+$/g;

export function normalizeHeaderText(s: string): string {
  return s.normalize('NFKC').replace(SPACE, '').replace(INSTRUCTION, '').replace(STARS, '');
}
