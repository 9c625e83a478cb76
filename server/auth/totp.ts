import { timingSafeEqual } from 'node:crypto';

import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import QRCode from 'qrcode';

import { generateToken, hashToken } from './tokens.ts';

export const totpPeriodSeconds = 30;
export const totpDigits = 6;
/** Codes of the previous and next period are accepted too, for clocks that drift a little. */
const driftSteps = 1;

export const recoveryCodeCount = 10;

/** A new TOTP key with what an authenticator app needs to enrol it. */
export type TotpEnrolment = { key: Uint8Array; uri: string; qrSvg: string };

/** Generates a TOTP key and its `otpauth://` URI, drawn as a QR code in SVG on this server. */
export async function createTotpEnrolment(accountName: string): Promise<TotpEnrolment> {
  const key = new Uint8Array(20);
  crypto.getRandomValues(key);
  const uri = createTOTPKeyURI(
    'Cổng TTĐT Bộ TT&TT',
    accountName,
    key,
    totpPeriodSeconds,
    totpDigits,
  );
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });

  return { key, uri, qrSvg };
}

function codesMatch(expected: string, given: string): boolean {
  return (
    expected.length === given.length && timingSafeEqual(Buffer.from(expected), Buffer.from(given))
  );
}

/**
 * Checks a TOTP code and returns the time step it belongs to, or null. A step at or before
 * `lastUsedStep` is rejected, so a code cannot be replayed within its validity window.
 */
export function verifyTotpCode(
  key: Uint8Array,
  code: string,
  lastUsedStep: number | null,
  now = Date.now(),
): number | null {
  const normalised = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(normalised)) {
    return null;
  }
  const currentStep = Math.floor(now / 1000 / totpPeriodSeconds);
  for (let offset = -driftSteps; offset <= driftSteps; offset += 1) {
    const step = currentStep + offset;
    const expected = generateHOTP(key, BigInt(step), totpDigits);
    if (codesMatch(expected, normalised) && (lastUsedStep === null || step > lastUsedStep)) {
      return step;
    }
  }

  return null;
}

/** Generates one-time recovery codes, formatted `xxxxx-xxxxx`, with the hashes to store. */
export function generateRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: recoveryCodeCount }, () => {
    const raw = generateToken(7).slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });

  return { codes, hashes: codes.map(hashRecoveryCode) };
}

/** Hashes a recovery code as typed, ignoring case, spaces and the hyphen. */
export function hashRecoveryCode(code: string): string {
  return hashToken(code.toLowerCase().replace(/[\s-]/g, ''));
}
