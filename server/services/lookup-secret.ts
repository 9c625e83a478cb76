import { timingSafeEqual } from 'node:crypto';

import { hashToken } from '../auth/tokens.ts';

/** The number of trailing phone digits that the public lookup requests. */
export const lookupDigitCount = 4;

/** Returns the digits of a phone number, dropping spaces, dots, dashes and a leading `+`. */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** Returns the last four digits of a phone number: the second factor of the public lookup. */
export function lookupDigitsOf(phone: string): string {
  return phoneDigits(phone).slice(-lookupDigitCount);
}

/**
 * Hashes a dossier's lookup secret: its unit, its code and the applicant's last phone digits.
 * Only the hash is stored.
 *
 * NOTE: four digits have 10,000 values, so someone with a copy of the table and a code
 * can recover the digits offline. The hash keeps them out of plain sight; the rate limit on the
 * public lookup is what stops guessing online.
 */
export function hashLookupSecret(tenantId: string, code: string, digits: string): string {
  return hashToken(`dossier-lookup:${tenantId}:${code}:${digits}`);
}

/** Compares two hex hashes in constant time. */
export function isSameHash(expected: string, actual: string): boolean {
  const left = Buffer.from(expected, 'hex');
  const right = Buffer.from(actual, 'hex');

  return left.length === right.length && timingSafeEqual(left, right);
}
