import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { feedbackRateLimits } from '../../../server/feedback/rate-limit.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { buildTestApp, createTenant, testRootDomain } from '../../helpers/factories.ts';
import { lookUp, nextAddress, postForm, validFields } from './feedback-test-kit.ts';

describe('feedback rate limits', () => {
  let database: TestDatabase;
  let testApp: ReturnType<typeof buildTestApp>;
  const host = `ais.${testRootDomain}`;

  beforeAll(async () => {
    database = await createTestDatabase();
    await createTenant(database.db, { slug: 'ais' });
    testApp = buildTestApp(database.db, { trustProxy: true });
  });

  afterAll(async () => {
    await database.destroy();
  });

  it('stops a flood from one client address', async () => {
    const address = nextAddress();
    const { limit } = feedbackRateLimits.submitPerAddress;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < limit; attempt++) {
      statuses.push((await postForm(testApp, host, validFields(), { address })).status);
    }

    const flooded = await postForm(
      testApp,
      host,
      validFields({ subject: 'Lần gửi vượt giới hạn' }),
      { address },
    );
    const otherAddress = await postForm(testApp, host, validFields());

    expect(statuses).toEqual(Array(limit).fill(200));
    expect(flooded.status).toBe(429);
    expect(Number(flooded.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(flooded.html).toContain('Bạn đã gửi quá nhiều lần');
    expect(flooded.html).toContain('value="Lần gửi vượt giới hạn"');
    expect(otherAddress.status).toBe(200);
  });

  it('limits one email address across client addresses', async () => {
    const fields = validFields({ senderEmail: 'cung.mot.nguoi@example.vn' });
    const { limit } = feedbackRateLimits.submitPerEmail;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < limit; attempt++) {
      statuses.push((await postForm(testApp, host, fields)).status);
    }

    const capitalised = await postForm(testApp, host, {
      ...fields,
      senderEmail: 'Cung.Mot.Nguoi@example.vn',
    });

    expect(statuses).toEqual(Array(limit).fill(200));
    expect(capitalised.status).toBe(429);
  });

  it('limits lookups from one client address', async () => {
    const address = nextAddress();
    const { limit } = feedbackRateLimits.lookupPerAddress;
    const statuses = new Set<number>();
    for (let attempt = 0; attempt < limit; attempt++) {
      statuses.add((await lookUp(testApp, host, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', address)).status);
    }

    const blocked = await lookUp(testApp, host, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF', address);

    expect([...statuses]).toEqual([404]);
    expect(blocked.status).toBe(429);
    expect(blocked.html).toContain('Bạn đã tra cứu quá nhiều lần');
  });
});
