import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../server/config.ts';

describe('loadConfig', () => {
  it('uses the embedded defaults for an empty environment', () => {
    const config = loadConfig({});

    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('./data'),
      databaseUrl: undefined,
      rootDomain: 'mic.localhost',
      trustProxy: false,
      logLevel: 'info',
      nodeEnv: 'development',
      sessions: { idleMinutes: 30, maxAgeHours: 12 },
      passwords: { minLength: 12 },
      feedbackHmacKey: undefined,
      secondFactorRoles: [
        'board_head',
        'board_standing_deputy',
        'board_deputy',
        'board_member',
        'standing_staff',
        'security_auditor',
        'focal_point',
      ],
      s3: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/portal',
      DATABASE_URL: 'postgres://app@db:5432/portal',
      PORTAL_ROOT_DOMAIN: 'MIC.GOV.VN',
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    });

    expect(config.port).toBe(8080);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe('/var/lib/portal');
    expect(config.databaseUrl).toBe('postgres://app@db:5432/portal');
    expect(config.rootDomain).toBe('mic.gov.vn');
    expect(config.trustProxy).toBe(true);
    expect(config.logLevel).toBe('warn');
    expect(config.nodeEnv).toBe('production');
  });

  it('selects S3 when a bucket is set', () => {
    const config = loadConfig({
      S3_BUCKET: 'portal-media',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_FORCE_PATH_STYLE: '1',
    });

    expect(config.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      bucket: 'portal-media',
      accessKeyId: undefined,
      secretAccessKey: undefined,
      forcePathStyle: true,
    });
  });

  it('selects SMTP when a URL is set', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://relay:secret@smtp.mic.gov.vn:465',
      MAIL_FROM: 'Cổng thông tin điện tử <no-reply@mic.gov.vn>',
    });

    expect(config.mail).toEqual({
      smtpUrl: 'smtps://relay:secret@smtp.mic.gov.vn:465',
      from: 'Cổng thông tin điện tử <no-reply@mic.gov.vn>',
    });
  });

  it('sends mail from no-reply at the root domain by default', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://127.0.0.1:2525',
      PORTAL_ROOT_DOMAIN: 'mic.gov.vn',
    });

    expect(config.mail?.from).toBe('no-reply@mic.gov.vn');
  });

  it('keeps an invalid SMTP URL out of the error', () => {
    const load = () => loadConfig({ SMTP_URL: 'http://relay:secret@smtp.mic.gov.vn' });

    expect(load).toThrow(/^Invalid environment: SMTP_URL="\[redacted\]": must start with smtp/);
    expect(load).not.toThrow(/secret/);
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({
      DATABASE_URL: '',
      PORT: '',
      S3_ENDPOINT: '',
      S3_BUCKET: '',
      SMTP_URL: '',
      MAIL_FROM: '',
    });

    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3000);
    expect(config.s3).toBeUndefined();
    expect(config.mail).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/portal'],
    ['PORTAL_ROOT_DOMAIN', 'not a domain'],
    ['TRUST_PROXY', 'maybe'],
    ['LOG_LEVEL', 'verbose'],
    ['NODE_ENV', 'staging'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['S3_ENDPOINT', 'not a url'],
    ['SMTP_URL', 'http://smtp.mic.gov.vn'],
    ['MAIL_FROM', 'Cổng thông tin <no-reply>'],
  ])('names %s when its value %j is invalid', (variable, value) => {
    const load = () => loadConfig({ [variable]: value });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(new RegExp(`^Invalid environment: ${variable}=`));
  });
});
