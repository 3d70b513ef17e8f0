/**
 * Checks of an applicant's identity data (《条例》第二十九条: name, identity proof, contact), and
 * masking for lists.
 */
import { ValidationError } from '../../platform/errors.ts';
import { assertCreditCode, assertIdNumber, maskIdentifier } from './domain/identity-numbers.ts';

export const ID_TYPES = { idCard: '居民身份证', residencePermit: '港澳台居民居住证', passport: '护照', other: '其他证件' } as const;

/** Throws a coded ValidationError naming what is wrong; normalises numbers in place. */
export function validateApplicant(input: { applicantKind: string; idType?: string | null; idNumber?: string | null; creditCode?: string | null }): void {
  if (input.applicantKind === 'person') {
    const type = input.idType || 'idCard';
    if (!Object.hasOwn(ID_TYPES, type)) throw new ValidationError('REQUEST_INVALID_ID_TYPE', `证件类型不正确：${type}`);
    if (!input.idNumber?.trim()) throw new ValidationError('REQUEST_ID_NUMBER_REQUIRED', '请填写身份证件号码（《条例》第二十九条要求提供身份证明）');
    if (type === 'idCard' || type === 'residencePermit') input.idNumber = assertIdNumber(input.idNumber, { type: type === 'idCard' ? 'residentId' : 'residencePermit' });
    input.idType = type;
    input.creditCode = null;
  } else {
    if (!input.creditCode?.trim()) throw new ValidationError('REQUEST_CREDIT_CODE_REQUIRED', '法人或其他组织请填写统一社会信用代码');
    input.creditCode = assertCreditCode(input.creditCode);
  }
}

export const maskIdNumber = maskIdentifier;

/** 138****5678 */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\s/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '*'.repeat(d.length);
}
