import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEnvFile } from 'node:process';
import { z } from 'zod';

import { HostnameSchema } from './tenancy/tenant-file-schema.ts';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const mailboxPattern = /^(?:[^<>]+?\s*<(?<inAngles>[^<>\s]+)>|(?<bare>[^<>\s]+))$/;

/** Checks whether a value is an address, alone or after a display name: `Name <user@host>`. */
function isMailbox(value: string): boolean {
  const groups = mailboxPattern.exec(value)?.groups;
  const address = groups?.inAngles ?? groups?.bare;

  return address !== undefined && z.email().safeParse(address).success;
}

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless set: the container image and the manifests set 0.0.0.0 themselves.
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PORTAL_ROOT_DOMAIN: HostnameSchema.or(z.literal('localhost')).default('mic.localhost'),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(128).default(12),
  SECOND_FACTOR_ROLES: z
    .string()
    .default(
      'board_head,board_standing_deputy,board_deputy,board_member,standing_staff,security_auditor,focal_point',
    )
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    ),
  FEEDBACK_HMAC_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_BUCKET: z.string().trim().min(1).optional(),
  S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  SMTP_URL: z
    .string()
    .trim()
    .regex(/^smtps?:\/\/[^/]/, 'must start with smtp:// or smtps:// and name a host')
    .optional(),
  MAIL_FROM: z
    .string()
    .trim()
    .max(320)
    .refine(
      isMailbox,
      'must be an address such as no-reply@mic.gov.vn or Name <no-reply@mic.gov.vn>',
    )
    .optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  rootDomain: string;
  trustProxy: boolean;
  logLevel: z.infer<typeof EnvironmentSchema>['LOG_LEVEL'];
  nodeEnv: z.infer<typeof EnvironmentSchema>['NODE_ENV'];
  sessions: { idleMinutes: number; maxAgeHours: number };
  passwords: { minLength: number };
  /** Roles whose holders must sign in with a second factor. */
  secondFactorRoles: string[];
  /** The secret the feedback form's anti-spam challenges are signed with; shared by instances. */
  feedbackHmacKey: string | undefined;
  /** The S3 bucket for media; without one, media live under `DATA_DIR/media`. */
  s3:
    | {
        endpoint: string | undefined;
        region: string;
        bucket: string;
        accessKeyId: string | undefined;
        secretAccessKey: string | undefined;
        forcePathStyle: boolean;
      }
    | undefined;
  /** Outgoing mail. Without an SMTP URL, nothing is mailed and reminders go to the log. */
  mail:
    | {
        /** `smtp://` or `smtps://`, with the credentials when the relay needs them. */
        smtpUrl: string;
        /** The From address of every mail. */
        from: string;
      }
    | undefined;
};

/** Variables whose value may carry a password, so an error names them without the value. */
const hiddenValues = new Set(['SMTP_URL']);

/** An environment variable that failed validation; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the process environment into one typed configuration, or throws a `ConfigError`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, so a copied .env.example keeps every default.
  const setValues = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = EnvironmentSchema.safeParse(setValues);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      const shown = hiddenValues.has(variable) ? '[redacted]' : (env[variable] ?? '');
      return `${variable}=${JSON.stringify(shown)}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid environment: ${problems.join('; ')}`);
  }
  const values = parsed.data;

  return {
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(values.DATA_DIR),
    databaseUrl: values.DATABASE_URL,
    rootDomain: values.PORTAL_ROOT_DOMAIN,
    trustProxy: values.TRUST_PROXY,
    logLevel: values.LOG_LEVEL,
    nodeEnv: values.NODE_ENV,
    sessions: {
      idleMinutes: values.SESSION_IDLE_MINUTES,
      maxAgeHours: values.SESSION_MAX_AGE_HOURS,
    },
    passwords: { minLength: values.PASSWORD_MIN_LENGTH },
    secondFactorRoles: values.SECOND_FACTOR_ROLES,
    feedbackHmacKey: values.FEEDBACK_HMAC_KEY,
    s3: values.S3_BUCKET
      ? {
          endpoint: values.S3_ENDPOINT,
          region: values.S3_REGION,
          bucket: values.S3_BUCKET,
          accessKeyId: values.S3_ACCESS_KEY_ID,
          secretAccessKey: values.S3_SECRET_ACCESS_KEY,
          forcePathStyle: values.S3_FORCE_PATH_STYLE,
        }
      : undefined,
    mail: values.SMTP_URL
      ? {
          smtpUrl: values.SMTP_URL,
          from: values.MAIL_FROM ?? `no-reply@${values.PORTAL_ROOT_DOMAIN}`,
        }
      : undefined,
  };
}

/**
 * Loads `.env` from the working directory into `process.env` when the file exists. Variables
 * already set in the environment win over the file.
 */
export function loadDotEnvFile(file = '.env'): void {
  if (existsSync(file)) {
    loadEnvFile(file);
  }
}
