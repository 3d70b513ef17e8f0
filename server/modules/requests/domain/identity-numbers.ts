/**
 * Identity numbers on a disclosure request (条例第二十九条第二款第（一）项: the applicant's name,
 * identity proof and contact details):
 * - 公民身份号码 (GB 11643-1999), 18 characters: 6-digit address code (县级行政区划代码, GB/T 2260),
 *   8-digit birth date YYYYMMDD, 3-digit sequence (odd = male, even = female), check character by
 *   ISO 7064 MOD 11-2 (0–9 or X). The same layout is used by 港澳台居民居住证 (address code
 *   810000 / 820000 / 830000).
 * - 统一社会信用代码 (GB 32100-2015), 18 characters from 0–9 and A–Z without I, O, Z, S, V:
 *   登记管理部门代码 (1), 机构类别代码 (1), 登记管理机关行政区划码 (6), 主体标识码 (组织机构代码, 9),
 *   check character (MOD 31, GB/T 17710).
 * - Masking for lists and exports: keep the first 6 and the last 4 (`330402********1234`).
 *
 * Only what is certainly wrong is refused: a wrong check character, an impossible birth date, an
 * address code that cannot be a county (province code unknown, or a province-level code xx0000).
 */
import { todayInChina } from '../../../lib/working-days.ts';
import { isIsoDate } from '../../../lib/calendar/iso-date.ts';
import { ValidationError } from '../../../platform/errors.ts';

/** Full-width digits and letters (typed with a Chinese input method) to ASCII; spaces removed; upper case. */
export function normaliseIdentifier(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000-]/g, '')
    .toUpperCase();
}

// ---- 公民身份号码 ----

/** GB/T 2260 province-level codes (first two digits of the address code). */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
};

/** 港澳台居民居住证 address codes. */
export const RESIDENCE_PERMIT_CODES: Readonly<Record<string, string>> = { '810000': '香港', '820000': '澳门', '830000': '台湾' };

export type IdNumberType = 'residentId' | 'residencePermit';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check character of the first 17 digits (GB 11643). */
export function idNumberCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new ValidationError('ID_NUMBER_INVALID', '身份号码本体码应为17位数字');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export interface IdNumberCheck {
  valid: boolean;
  /** The number as stored: ASCII, upper-case X */
  normalized: string;
  /** Why it is invalid (Chinese), null when valid */
  reason: string | null;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
}

/**
 * Checks an 18-digit 公民身份号码 (GB 11643-1999), or with `type: 'residencePermit'` a
 * 港澳台居民居住证 number. `today` (YYYY-MM-DD, default today in China) bounds the birth date.
 */
export function checkIdNumber(value: string, options: { type?: IdNumberType; today?: string } = {}): IdNumberCheck {
  const normalized = normaliseIdentifier(value ?? '');
  const bad = (reason: string): IdNumberCheck => ({ valid: false, normalized, reason, birthDate: null, gender: null });
  const type = options.type ?? 'residentId';
  if (!normalized) return bad('请填写身份证件号码');
  if (/^\d{15}$/.test(normalized)) return bad('这是15位的旧身份证号码，请填写18位公民身份号码');
  if (normalized.length !== 18) return bad(`身份证件号码应为18位，现为${normalized.length}位`);
  if (!/^\d{17}[\dX]$/.test(normalized)) return bad('身份证件号码前17位应为数字，最后一位为数字或X');

  const address = normalized.slice(0, 6);
  if (type === 'residencePermit') {
    if (!RESIDENCE_PERMIT_CODES[address]) return bad(`港澳台居民居住证号码的前6位应为810000（香港）、820000（澳门）或830000（台湾），现为${address}`);
  } else {
    if (!PROVINCE_CODES[address.slice(0, 2)]) return bad(`前6位地址码${address}不是有效的行政区划代码（省级代码${address.slice(0, 2)}不存在）`);
    // The address code is a county-level code (GB 11643 4.2.1); a province-level code (xx0000) is not.
    if (address.slice(2) === '0000') return bad(`前6位地址码${address}是省级代码，应为县级行政区划代码`);
  }

  const y = normalized.slice(6, 10);
  const m = normalized.slice(10, 12);
  const d = normalized.slice(12, 14);
  const birthDate = `${y}-${m}-${d}`;
  if (!isIsoDate(birthDate)) return bad(`第7—14位出生日期${y}${m}${d}不是有效日期`);
  const today = options.today ?? todayInChina();
  if (birthDate > today) return bad(`出生日期${birthDate}晚于今天`);
  if (birthDate < '1880-01-01') return bad(`出生日期${birthDate}不合理`);

  const expected = idNumberCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) return bad(`校验码不符：最后一位应为${expected}，现为${normalized[17]}，请核对号码是否填错`);

  return { valid: true, normalized, reason: null, birthDate, gender: Number(normalized[16]) % 2 === 1 ? 'male' : 'female' };
}

// ---- 统一社会信用代码 ----

/** GB 32100-2015 code characters (no I, O, Z, S, V); index = value. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/**
 * 登记管理部门代码 (first character) and the 机构类别代码 (second character) each allows, per
 * GB 32100-2015 and the registration departments added to its code table since (A, N).
 */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常住新闻机构', '9': '其他' } },
  '3': { name: '司法行政', types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' } },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/** MOD 31 check character of the first 17 characters (GB 32100-2015, GB/T 17710). */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new ValidationError('CREDIT_CODE_INVALID', '统一社会信用代码本体应为17位');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i]!);
    if (v < 0) throw new ValidationError('CREDIT_CODE_INVALID', `统一社会信用代码含有不允许的字符：${first17[i]}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

export interface CreditCodeCheck {
  valid: boolean;
  normalized: string;
  reason: string | null;
  registrationAuthority: { code: string; name: string } | null;
  organisationType: { code: string; name: string } | null;
  /** 登记管理机关行政区划码 */
  regionCode: string | null;
}

/** Checks an 18-character 统一社会信用代码 (GB 32100-2015). */
export function checkCreditCode(value: string): CreditCodeCheck {
  const normalized = normaliseIdentifier(value ?? '');
  const bad = (reason: string): CreditCodeCheck => ({ valid: false, normalized, reason, registrationAuthority: null, organisationType: null, regionCode: null });
  if (!normalized) return bad('请填写统一社会信用代码');
  if (normalized.length !== 18) return bad(`统一社会信用代码应为18位，现为${normalized.length}位`);
  const wrong = [...normalized].filter((c) => !USCC_CHARS.includes(c));
  if (wrong.length) return bad(`统一社会信用代码只能由数字和大写字母组成（不使用I、O、Z、S、V），含有不允许的字符：${[...new Set(wrong)].join('、')}`);

  const auth = REGISTRATION_AUTHORITIES[normalized[0]!];
  if (!auth) return bad(`第1位登记管理部门代码“${normalized[0]}”不存在`);
  const typeName = auth.types[normalized[1]!];
  if (!typeName) return bad(`第2位机构类别代码“${normalized[1]}”不适用于登记管理部门“${auth.name}”（可用：${Object.entries(auth.types).map(([k, v]) => `${k}${v}`).join('、')}）`);
  const region = normalized.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return bad(`第3—8位登记管理机关行政区划码应为6位数字，现为${region}`);
  // 100000: registered by a central (national) authority.
  if (region !== '100000' && !PROVINCE_CODES[region.slice(0, 2)]) return bad(`第3—8位登记管理机关行政区划码${region}不存在（省级代码${region.slice(0, 2)}无效）`);

  const expected = creditCodeCheckCharacter(normalized.slice(0, 17));
  if (normalized[17] !== expected) return bad(`校验码不符：最后一位应为${expected}，现为${normalized[17]}，请核对代码是否填错`);

  return {
    valid: true,
    normalized,
    reason: null,
    registrationAuthority: { code: normalized[0]!, name: auth.name },
    organisationType: { code: normalized[1]!, name: typeName },
    regionCode: region,
  };
}

// ---- assertions for services ----

/** Throws ValidationError REQUEST_ID_NUMBER_INVALID with the reason; returns the normalised number. */
export function assertIdNumber(value: string, options: { type?: IdNumberType; today?: string } = {}): string {
  const r = checkIdNumber(value, options);
  if (!r.valid) throw new ValidationError('REQUEST_ID_NUMBER_INVALID', `身份证件号码无效：${r.reason}`, { field: 'idNumber' });
  return r.normalized;
}

/** Throws ValidationError REQUEST_CREDIT_CODE_INVALID with the reason; returns the normalised code. */
export function assertCreditCode(value: string): string {
  const r = checkCreditCode(value);
  if (!r.valid) throw new ValidationError('REQUEST_CREDIT_CODE_INVALID', `统一社会信用代码无效：${r.reason}`, { field: 'creditCode' });
  return r.normalized;
}

// ---- masking ----

/**
 * For lists and exports: keep the first 6 and the last 4 characters, mask the rest with `*`
 * (`330402199001011234` → `330402********1234`). Short values are masked except their last character.
 */
export function maskIdentifier(value: string): string {
  const v = normaliseIdentifier(value ?? '');
  if (v.length >= 11) return v.slice(0, 6) + '*'.repeat(v.length - 10) + v.slice(-4);
  if (v.length <= 1) return '*'.repeat(v.length);
  return '*'.repeat(v.length - 1) + v.slice(-1);
}

/** 身份证件号码 masking: `330402********1234`. */
export const maskIdNumber = maskIdentifier;
