import path from 'node:path';

import { serve } from '@hono/node-server';
import { count } from 'drizzle-orm';

import { createApp } from './app.ts';
import { enqueueFeedbackRetentionRun, registerFeedbackJobs } from './feedback/index.ts';
import { JobWorker } from './jobs/index.ts';
import {
  createNationalPortalClients,
  enqueueServicesDailyRun,
  loadDemoServiceFiles,
  loadNationalPortalSettings,
  registerServiceJobs,
} from './services/index.ts';
import { WorkingCalendar } from './workflow/calendar.ts';
import { pageCacheChannel } from './site/page-cache.ts';
import { enqueueRetentionRun, registerContentJobs } from './workflow/content-jobs.ts';
import { ConfigError, loadConfig, loadDotEnvFile, type Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { tenants } from './db/schema/index.ts';
import { createLogger, type Logger } from './logger.ts';
import { syncTenants } from './tenancy/sync.ts';
import { loadTenantFolder } from './tenancy/tenant-folder.ts';
import { createDemoAccounts } from './users/bootstrap.ts';

/** Errors whose message is enough for an operator, so they are logged without a stack. */
const knownErrorNames = new Set([
  'ConfigError',
  'DatabaseOpenError',
  'DataFolderLockedError',
  'TenantFolderError',
  'HostConflictError',
]);

async function syncOnFirstStart(database: Database, config: Config, log: Logger) {
  const [row] = await database.db.select({ total: count() }).from(tenants);
  if ((row?.total ?? 0) > 0) {
    return;
  }
  log.info('empty database: applying the tenants folder');
  const folder = await loadTenantFolder();
  const report = await syncTenants(database.db, folder, {
    rootDomain: config.rootDomain,
    includeDemoContent: config.nodeEnv !== 'production',
    demoServices: {
      files: await loadDemoServiceFiles(),
      calendar: WorkingCalendar.fromTenantFolder(folder.holidays),
    },
  });
  log.info(
    {
      created: report.created.length,
      demoItemsCreated: report.demoItemsCreated,
    },
    'tenants synced',
  );
  if (config.nodeEnv === 'production') {
    return;
  }
  // The passwords are random and appear in this log only; `npm run user:create` issues a new
  // set-up link for any of these accounts later.
  for (const account of await createDemoAccounts(database.db)) {
    log.warn(
      {
        email: account.email,
        demoPassword: account.password,
        role: account.boardRole ?? `${account.tenantRole} (${account.tenantSlug})`,
      },
      'demo account created',
    );
  }
}

async function start() {
  let config: Config;
  try {
    loadDotEnvFile();
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config);
  log.info({ nodeEnv: config.nodeEnv, rootDomain: config.rootDomain }, 'starting portal server');

  let database: Database;
  let nationalSettings: ReturnType<typeof loadNationalPortalSettings>;
  try {
    nationalSettings = loadNationalPortalSettings();
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      pgliteFolder: path.join(config.dataDir, 'pglite'),
    });
    log.info({ driver: database.driver, location: database.location }, 'database ready');
    await syncOnFirstStart(database, config, log);
  } catch (error) {
    const err = error as Error;
    if (knownErrorNames.has(err.name)) {
      log.fatal(err.message);
    } else {
      log.fatal({ err }, 'start-up failed');
    }
    process.exit(1);
  }

  const { app, pageCache, workflow, notifier, mediaStore } = createApp({
    config,
    db: database.db,
    log,
  });
  await database.listen(
    pageCacheChannel,
    (tenantId) => pageCache.invalidateTenant(tenantId),
    () => pageCache.clear(),
  );
  const worker = new JobWorker({ db: database.db, log: log.child({ component: 'jobs' }) });
  registerContentJobs(worker, workflow);
  registerFeedbackJobs(worker, { ...workflow, notifier }, mediaStore);
  registerServiceJobs(worker, { clients: createNationalPortalClients(nationalSettings) });
  await enqueueRetentionRun(workflow, new Date());
  await enqueueFeedbackRetentionRun(database.db, new Date());
  await enqueueServicesDailyRun(database.db, new Date());
  worker.start({ intervalMs: 5_000 });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info(
      {
        address: info.address,
        port: info.port,
        url: `http://${config.rootDomain}:${info.port}`,
      },
      'listening',
    );
  });

  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) {
      return;
    }
    isStopping = true;
    log.info({ signal }, 'shutting down');
    server.close(async () => {
      await worker.stop();
      await database.close();
      log.info('stopped');
      process.exit(0);
    });
    // Keep-alive connections can hold close() open; give them a bounded time.
    setTimeout(() => {
      log.warn('open connections did not close within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await start();
