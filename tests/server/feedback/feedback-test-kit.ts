import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';

import { buildTestApp } from '../../helpers/factories.ts';

type TestApp = ReturnType<typeof buildTestApp>;

let senderCounter = 0;

/**
 * Returns the fields of a valid submission, overridable one by one. Each call gets its own email
 * address, so the per-email limit does not join unrelated submissions.
 */
export function validFields(overrides: Record<string, string> = {}): Record<string, string> {
  senderCounter += 1;
  return {
    kind: 'feedback',
    senderName: 'Trần Văn Minh',
    senderEmail: `tran.van.minh.${senderCounter}@example.vn`,
    senderPhone: '0912 345 678',
    senderOrganisation: 'Công ty TNHH Minh An',
    subject: 'Thủ tục cấp phép kéo dài quá hạn',
    body: 'Hồ sơ nộp ngày 05/01 đến nay chưa có kết quả, dù thời hạn giải quyết là 10 ngày.',
    consent: 'yes',
    ...overrides,
  };
}

let addressCounter = 0;

/** Returns a fresh client address, so one test's submissions do not count against another's limits. */
export function nextAddress(): string {
  addressCounter += 1;
  return `198.51.100.${addressCounter % 250}`;
}

/** Fetches a proof-of-work challenge from the portal and solves it with altcha-lib's solver. */
export async function solvedProofOfWork(testApp: TestApp, host: string): Promise<string> {
  const response = await testApp.request(host, '/gop-y/thu-thach');
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) {
    throw new Error('the proof-of-work challenge was not solved in time');
  }

  return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
}

export type PostFormOptions = {
  path?: string;
  address?: string;
  origin?: string;
  proofOfWork?: string;
  files?: File[];
};

/** Posts the intake form as a browser would: multipart, same origin, from one address. */
export async function postForm(
  testApp: TestApp,
  host: string,
  fields: Record<string, string>,
  options: PostFormOptions = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    form.append(name, value);
  }
  form.append('proofOfWork', options.proofOfWork ?? (await solvedProofOfWork(testApp, host)));
  for (const file of options.files ?? []) {
    form.append('attachments', file);
  }
  const response = await testApp.request(host, options.path ?? '/gop-y', {
    method: 'POST',
    body: form,
    headers: {
      origin: options.origin ?? `http://${host}`,
      'x-forwarded-for': options.address ?? nextAddress(),
    },
  });

  return { status: response.status, headers: response.headers, html: await response.text() };
}

/** Reads the tracking code from the confirmation page. */
export function trackingCodeIn(html: string): string {
  const match = /id="fb-tracking-code">([A-Z2-7-]+)</.exec(html);
  if (!match) {
    throw new Error('the page shows no tracking code');
  }

  return match[1]!;
}

/** Looks a code up on a portal's lookup page. */
export async function lookUp(testApp: TestApp, host: string, code: string, address?: string) {
  const response = await testApp.request(host, '/tra-cuu-gop-y', {
    method: 'POST',
    body: new URLSearchParams({ code }),
    headers: {
      origin: `http://${host}`,
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': address ?? nextAddress(),
    },
  });

  return { status: response.status, html: await response.text() };
}
