import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import {
  assertCreditCode,
  assertIdNumber,
  checkCreditCode,
  checkIdNumber,
  creditCodeCheckCharacter,
  idNumberCheckCharacter,
  maskIdentifier,
} from './identity-numbers.ts';

// Every ID number below is constructed for the test (made-up sequence numbers), not a real person's.
const TODAY = '2026-11-25';

/** An independent formulation of ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, check = (12 - S mod 11) mod 11, 10 = X. */
function mod11_2(body: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (s % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

describe('公民身份号码 (GB 11643)', () => {
  it.each([
    '330402199001011230',
    '110101198002290018', // born on 29 February of a leap year
    '440301200012310024',
    '530102198506154014',
    '33040219900101129X', // check character X
  ])('accepts %s', (n) => {
    const r = checkIdNumber(n, { today: TODAY });
    expect(r).toMatchObject({ valid: true, reason: null });
    expect(n.at(-1)).toBe(mod11_2(n.slice(0, 17)));
  });

  it('reads the birth date and gender; normalises x and full-width input', () => {
    expect(checkIdNumber('33040219900101129x', { today: TODAY })).toMatchObject({ valid: true, normalized: '33040219900101129X', birthDate: '1990-01-01', gender: 'male' });
    expect(checkIdNumber('３３０４０２１９９００１０１１２３０', { today: TODAY })).toMatchObject({ valid: true, normalized: '330402199001011230', gender: 'male' });
    expect(checkIdNumber('440301200012310024', { today: TODAY }).gender).toBe('female');
  });

  it('the check character agrees with an independent MOD 11-2 over many bodies', () => {
    for (let i = 0; i < 500; i++) {
      const body = `3304021990010${String(1000 + i).slice(-4)}`;
      expect(idNumberCheckCharacter(body)).toBe(mod11_2(body));
    }
  });

  it.each([
    ['', '请填写身份证件号码'],
    ['330402900101123', '15位的旧身份证号码'],
    ['33040219900101123', '应为18位，现为17位'],
    ['33040219900101123A', '最后一位为数字或X'],
    ['330402199001011231', '校验码不符：最后一位应为0，现为1'],
    ['33040219900101123X', '校验码不符'],
    ['990402199001011232', '省级代码99不存在'],
    ['330000199001011233', '省级代码，应为县级行政区划代码'],
    ['330402199002301234', '出生日期19900230不是有效日期'],
    ['330402209901011236', '晚于今天'],
    ['110101190002290016', '出生日期19000229不是有效日期'], // 1900 is not a leap year
  ])('refuses %s with a reason', (n, reason) => {
    const r = checkIdNumber(n, { today: TODAY });
    expect(r.valid).toBe(false);
    expect(r.reason).toContain(reason);
  });

  it('港澳台居民居住证 numbers (810000 / 820000 / 830000) with the residencePermit type', () => {
    const body = '81000019900101123';
    const n = body + mod11_2(body);
    expect(checkIdNumber(n, { type: 'residencePermit', today: TODAY }).valid).toBe(true);
    expect(checkIdNumber(n, { today: TODAY }).reason).toContain('省级代码81不存在');
    expect(checkIdNumber('330402199001011230', { type: 'residencePermit', today: TODAY }).reason).toContain('810000');
  });

  it('assertIdNumber throws a coded error with the reason', () => {
    expect(assertIdNumber('330402199001011230', { today: TODAY })).toBe('330402199001011230');
    try {
      assertIdNumber('330402199001011231', { today: TODAY });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('REQUEST_ID_NUMBER_INVALID');
      expect((e as AppError).message).toBe('身份证件号码无效：校验码不符：最后一位应为0，现为1，请核对号码是否填错');
    }
  });
});

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91330402MA2B3C4D53', '工商', '企业'],
    ['123304000024681355', '机构编制', '事业单位'],
    ['52330402MJ0000011E', '民政', '民办非企业单位'],
    ['Y13304000000000016', '其他', '其他'],
    ['N2330402MF1234567A', '农业', '村级集体经济组织'],
    ['11100000000013579F', '机构编制', '机关'], // registered at the national level (100000)
  ])('accepts the constructed code %s', (code, authority, type) => {
    expect(checkCreditCode(code)).toMatchObject({ valid: true, registrationAuthority: { name: authority }, organisationType: { name: type } });
  });

  it('agrees with check characters issued by the registration authorities (public codes of well-known companies)', () => {
    // Published on the companies' business licences; an oracle independent of this implementation.
    for (const code of ['91330100716105852F', '914403001922038216', '91440300708461136T']) {
      expect(creditCodeCheckCharacter(code.slice(0, 17)), code).toBe(code[17]);
    }
  });

  it('normalises lower case and spaces', () => {
    expect(checkCreditCode(' 91330402ma2b3c4d53 ')).toMatchObject({ valid: true, normalized: '91330402MA2B3C4D53' });
  });

  it.each([
    ['', '请填写统一社会信用代码'],
    ['91330402MA2B3C4D5', '应为18位，现为17位'],
    ['91330402MA2B3C4DO3', '不允许的字符：O'],
    ['91330402MA2B3C4D5S', '不允许的字符：S'],
    ['91330402MA2B3C4D54', '校验码不符：最后一位应为3，现为4'],
    ['B1330402MA2B3C4D53', '登记管理部门代码“B”不存在'],
    ['94330402MA2B3C4D53', '机构类别代码“4”不适用于登记管理部门“工商”'],
    ['Y2330400000000001X', '机构类别代码“2”不适用于登记管理部门“其他”'],
    ['913304A2MA2B3C4D53', '行政区划码应为6位数字'],
    ['91990402MA2B3C4D53', '省级代码99无效'],
  ])('refuses %s with a reason', (code, reason) => {
    const r = checkCreditCode(code);
    expect(r.valid).toBe(false);
    expect(r.reason).toContain(reason);
  });

  it('assertCreditCode throws a coded error', () => {
    expect(() => assertCreditCode('91330402MA2B3C4D54')).toThrow(/^统一社会信用代码无效：校验码不符/);
    try {
      assertCreditCode('x');
    } catch (e) {
      expect((e as AppError).code).toBe('REQUEST_CREDIT_CODE_INVALID');
    }
  });
});

describe('masking for lists', () => {
  it('keeps the first 6 and the last 4', () => {
    expect(maskIdentifier('330402199001011230')).toBe('330402********1230');
    expect(maskIdentifier('33040219900101129x')).toBe('330402********129X');
    expect(maskIdentifier('91330402MA2B3C4D53')).toBe('913304********4D53');
  });

  it('never shows a short value whole', () => {
    expect(maskIdentifier('1234567')).toBe('******7');
    expect(maskIdentifier('1')).toBe('*');
    expect(maskIdentifier('')).toBe('');
  });
});
