import { pino, type Logger } from 'pino';

import type { Config } from './config.ts';

export type { Logger };

/** Paths whose values never reach a log line, wherever they appear in a logged object. */
const redactedPaths = [
  'password',
  '*.password',
  'token',
  '*.token',
  'databaseUrl',
  '*.databaseUrl',
  'headers.cookie',
  'headers.authorization',
  '*.headers.cookie',
  '*.headers.authorization',
];

/** Creates the process logger: JSON lines on stdout, secrets redacted in one place. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'portal' },
    redact: { paths: redactedPaths, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
