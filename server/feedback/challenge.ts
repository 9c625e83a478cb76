import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

import {
  createChallenge,
  verifySolution,
  type Challenge,
  type ChallengeParameters,
} from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { lt, sql } from 'drizzle-orm';
import { z } from 'zod';

import { usedChallenges } from '../db/schema/index.ts';
import { withoutTenant } from '../db/tenant-scope.ts';
import type { Db, Tx } from '../db/types.ts';

/** The two HMAC secrets of the anti-spam checks: one signs challenges, one derived keys. */
export type ChallengeKeys = { signatureSecret: string; keySignatureSecret: string };

/**
 * Derives the challenge secrets from one configured secret, so every instance that shares it
 * accepts the others' challenges.
 *
 * NOTE: without a secret the keys are random per process. That is right for one instance but
 * wrong for several behind a load balancer, where a form served by one instance would fail its
 * check on another. The configuration needs a `FEEDBACK_HMAC_KEY` for that case.
 */
export function createChallengeKeys(secret?: string): ChallengeKeys {
  const root = secret ?? randomBytes(32).toString('hex');
  const derive = (label: string) => createHmac('sha256', root).update(label).digest('hex');

  return {
    signatureSecret: derive('feedback-challenge-signature'),
    keySignatureSecret: derive('feedback-challenge-key-signature'),
  };
}

/**
 * The proof of work: SHA-256 with one round per attempt, and the solution counter drawn from
 * this range. A browser's Web Crypto tries roughly 30,000 to 100,000 counters a second (an
 * estimate, not measured here), so a sender waits about a second, while a flood costs a bot
 * the same for every message.
 */
const proofOfWork = { algorithm: 'SHA-256', cost: 1, counterMin: 20_000, counterMax: 60_000 };
const proofOfWorkLifetimeSeconds = 10 * 60;
/** The arithmetic question stays valid while someone writes a long petition without script. */
const arithmeticLifetimeSeconds = 3 * 3_600;

/** Creates a proof-of-work challenge for the portal's form, signed with the keys. */
export async function issueProofOfWork(keys: ChallengeKeys, tenantId: string): Promise<Challenge> {
  return createChallenge({
    algorithm: proofOfWork.algorithm,
    cost: proofOfWork.cost,
    counter: randomInt(proofOfWork.counterMin, proofOfWork.counterMax),
    deriveKey,
    data: { tenantId },
    expiresAt: new Date(Date.now() + proofOfWorkLifetimeSeconds * 1_000),
    hmacSignatureSecret: keys.signatureSecret,
    hmacKeySignatureSecret: keys.keySignatureSecret,
  });
}

/** A question for senders whose browser runs no script, with the token that checks it. */
export type ArithmeticQuestion = { question: string; token: string };

function signArithmetic(keys: ChallengeKeys, tenantId: string, body: string, answer: number) {
  return createHmac('sha256', keys.signatureSecret)
    .update(`arithmetic:${tenantId}:${body}:${answer}`)
    .digest('base64url');
}

/** Creates a small addition, e.g. "7 + 5", whose answer only the signature in the token names. */
export function issueArithmeticQuestion(keys: ChallengeKeys, tenantId: string): ArithmeticQuestion {
  const first = randomInt(2, 10);
  const second = randomInt(2, 10);
  const expiresAt = Math.floor(Date.now() / 1_000) + arithmeticLifetimeSeconds;
  const body = `${expiresAt}.${randomBytes(9).toString('base64url')}`;
  const signature = signArithmetic(keys, tenantId, body, first + second);

  return { question: `${first} + ${second}`, token: `${body}.${signature}` };
}

/** What the form sends for the anti-spam check: the solved challenge or an answered question. */
export type ChallengeResponse = {
  /** The solved proof of work, as base64 JSON `{ challenge, solution }`. */
  proofOfWork?: string | undefined;
  arithmeticToken?: string | undefined;
  arithmeticAnswer?: string | undefined;
};

/** A passed check: the signature to record as used, so the same response cannot be replayed. */
export type PassedChallenge = { signature: string; expiresAt: Date };

export type ChallengeFailure = 'missing' | 'expired' | 'invalid';

const ProofOfWorkPayloadSchema = z.object({
  challenge: z.object({
    parameters: z.looseObject({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
    }),
    signature: z.string().max(200),
  }),
  solution: z.object({ counter: z.number(), derivedKey: z.string().max(200) }),
});

function decodeProofOfWork(encoded: string) {
  try {
    const json: unknown = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
    const parsed = ProofOfWorkPayloadSchema.safeParse(json);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function verifyProofOfWork(
  keys: ChallengeKeys,
  tenantId: string,
  encoded: string,
): Promise<PassedChallenge | ChallengeFailure> {
  const payload = decodeProofOfWork(encoded);
  if (!payload) {
    return 'invalid';
  }
  const parameters = payload.challenge.parameters as unknown as ChallengeParameters;
  if (parameters.algorithm !== proofOfWork.algorithm || parameters.data?.tenantId !== tenantId) {
    return 'invalid';
  }
  const result = await verifySolution({
    challenge: { parameters, signature: payload.challenge.signature },
    solution: payload.solution,
    deriveKey,
    hmacSignatureSecret: keys.signatureSecret,
    hmacKeySignatureSecret: keys.keySignatureSecret,
  });
  if (result.expired) {
    return 'expired';
  }
  if (!result.verified || parameters.expiresAt === undefined) {
    return 'invalid';
  }

  return {
    signature: `pow:${payload.challenge.signature}`,
    expiresAt: new Date(parameters.expiresAt * 1_000),
  };
}

function verifyArithmetic(
  keys: ChallengeKeys,
  tenantId: string,
  token: string,
  answer: string,
): PassedChallenge | ChallengeFailure {
  const match = /^(\d{1,12})\.([\w-]{12})\.([\w-]{43})$/.exec(token);
  const given = Number.parseInt(answer.trim(), 10);
  if (!match || !/^\d{1,3}$/.test(answer.trim())) {
    return 'invalid';
  }
  const [, expiresAt, nonce, signature] = match;
  if (Number(expiresAt) * 1_000 < Date.now()) {
    return 'expired';
  }
  const expected = Buffer.from(signArithmetic(keys, tenantId, `${expiresAt}.${nonce}`, given));
  const actual = Buffer.from(signature!);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return 'invalid';
  }

  return { signature: `arithmetic:${signature}`, expiresAt: new Date(Number(expiresAt) * 1_000) };
}

/**
 * Checks the anti-spam response of a form: the proof of work when the browser solved one,
 * else the arithmetic answer. It does not record the response as used; `markChallengeUsed`
 * does that in the transaction that stores the case.
 */
export async function verifyChallengeResponse(
  keys: ChallengeKeys,
  tenantId: string,
  response: ChallengeResponse,
): Promise<PassedChallenge | ChallengeFailure> {
  if (response.proofOfWork) {
    return verifyProofOfWork(keys, tenantId, response.proofOfWork);
  }
  if (response.arithmeticToken && response.arithmeticAnswer?.trim()) {
    return verifyArithmetic(keys, tenantId, response.arithmeticToken, response.arithmeticAnswer);
  }

  return 'missing';
}

/** Records a passed response as used; returns false when it was used before (a replay). */
export async function markChallengeUsed(tx: Tx, passed: PassedChallenge): Promise<boolean> {
  const rows = await tx
    .insert(usedChallenges)
    .values({ signature: passed.signature, expiresAt: passed.expiresAt })
    .onConflictDoNothing()
    .returning({ signature: usedChallenges.signature });

  return rows.length === 1;
}

/** Deletes used responses that have expired, since an expired one fails its check anyway. */
export async function purgeUsedChallenges(db: Db): Promise<number> {
  const rows = await withoutTenant(db, (tx) =>
    tx
      .delete(usedChallenges)
      .where(lt(usedChallenges.expiresAt, sql`now()`))
      .returning({ signature: usedChallenges.signature }),
  );

  return rows.length;
}
