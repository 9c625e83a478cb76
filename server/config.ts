import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadEnvFile } from 'node:process';
import { z } from 'zod';

import { HostnameSchema } from './tenancy/tenant-file-schema.ts';

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
  .transform((value) => ['1', 'true', 'yes', 'on'].includes(value));

const EnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PORTAL_ROOT_DOMAIN: HostnameSchema.or(z.literal('localhost')).default('mic.localhost'),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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
};

/** An environment variable that failed validation; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the process environment into one typed configuration, or throws a `ConfigError`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]);
      return `${variable}=${JSON.stringify(env[variable] ?? '')}: ${issue.message}`;
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
