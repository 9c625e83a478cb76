import { describe, expect, it } from 'vitest';

import { parseHost } from '../../../server/tenancy/host.ts';

describe('parseHost', () => {
  it.each([
    ['mic.localhost', 'mic.localhost', ''],
    ['MIC.LocalHost', 'mic.localhost', ''],
    ['ais.mic.localhost:3000', 'ais.mic.localhost', '3000'],
    ['vnta.gov.vn.', 'vnta.gov.vn', ''],
    ['VNTA.gov.vn.:8080', 'vnta.gov.vn', '8080'],
    ['cổng.việt.vn', 'xn--cng-qmz.xn--vit-5kz.vn', ''],
    ['cổng.việt.vn'.normalize('NFD'), 'xn--cng-qmz.xn--vit-5kz.vn', ''],
    ['127.0.0.1:3000', '127.0.0.1', '3000'],
  ])('normalises %s', (raw, hostname, port) => {
    expect(parseHost(raw)).toEqual({ hostname, port });
  });

  it.each([
    ['empty', ''],
    ['missing', undefined],
    ['path inside', 'evil.test/../x'],
    ['user info', 'user@mic.localhost'],
    ['space inside', 'mic .localhost'],
    ['label with leading hyphen', '-bad.mic.localhost'],
    ['empty label', 'a..b'],
    ['port out of range', 'mic.localhost:70000'],
    ['non-numeric port', 'mic.localhost:http'],
    ['IPv6 literal', '[::1]:3000'],
    ['label over 63 characters', `${'a'.repeat(64)}.vn`],
    ['underscore', 'bad_host.vn'],
  ])('rejects %s', (_case, raw) => {
    expect(parseHost(raw)).toBeNull();
  });
});
