import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

import { hashToken } from '../auth/tokens.ts';

/** 15 random bytes: 120 bits, which is 24 base32 characters. */
const codeBytes = 15;
const groupLength = 4;
const normalizedPattern = /^[A-Z2-7]{24}$/;

/**
 * Generates a tracking code, shown to the sender once. It is base32 (letters and the digits 2
 * to 7) in groups of four, e.g. `K7QD-M2XA-…`, so it can be read aloud over the phone.
 */
export function generateTrackingCode(): string {
  const bytes = new Uint8Array(codeBytes);
  crypto.getRandomValues(bytes);
  const code = encodeBase32UpperCaseNoPadding(bytes);

  return code.match(new RegExp(`.{1,${groupLength}}`, 'g'))!.join('-');
}

/**
 * Returns the code in its canonical form, or null when it cannot be one. Case, spaces and
 * dashes do not matter, and the digits 0, 1 and 8 are read as the letters O, I and B, which
 * base32 uses instead.
 */
export function normalizeTrackingCode(input: string): string | null {
  const normalized = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B');

  return normalizedPattern.test(normalized) ? normalized : null;
}

/** Hashes a code for storage and lookup; accepts the code in any form `normalize` accepts. */
export function hashTrackingCode(code: string): string | null {
  const normalized = normalizeTrackingCode(code);

  return normalized ? hashToken(normalized) : null;
}
