import { hash, verify } from '@node-rs/argon2';

import type { FieldProblem } from '../errors.ts';

/** argon2id with the parameters OWASP lists as a minimum: 19 MiB, 2 passes, 1 lane. */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), argon2Options);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash. Without a hash (unknown user, or no password
 * set yet) it still runs one verification against a fixed hash, so the answer takes as long
 * as for a real account and does not tell which emails exist.
 */
export async function verifyPassword(storedHash: string | null, password: string) {
  if (!storedHash) {
    dummyHash ??= hash('no account has this password', argon2Options);
    await verify(await dummyHash, password.normalize('NFC'));
    return false;
  }

  return verify(storedHash, password.normalize('NFC'));
}

export type PasswordRuleOptions = {
  minLength: number;
  email: string;
  displayName: string;
};

/** Lists what is wrong with a new password; an empty list means it is acceptable. */
export function checkPasswordRules(password: string, options: PasswordRuleOptions): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const lowered = password.normalize('NFC').toLowerCase();
  if ([...password].length < options.minLength) {
    problems.push({
      field: 'password',
      message: `must be at least ${options.minLength} characters long`,
    });
  }

  const emailName = options.email.split('@')[0]?.toLowerCase() ?? '';
  const nameParts = options.displayName
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .filter((part) => part.length >= 3);
  const personalParts = [emailName, ...nameParts].filter((part) => part.length >= 3);
  if (personalParts.some((part) => lowered.includes(part))) {
    problems.push({ field: 'password', message: 'must not contain your name or email' });
  }

  return problems;
}
