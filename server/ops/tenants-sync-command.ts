import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfig, loadDotEnvFile } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { createLogger } from '../logger.ts';
import { loadDemoServiceFiles } from '../services/index.ts';
import { syncTenants } from '../tenancy/sync.ts';
import { WorkingCalendar } from '../workflow/calendar.ts';
import { defaultTenantFolder, loadTenantFolder } from '../tenancy/tenant-folder.ts';

const usage = `Usage: npm run tenants:sync -- [--folder DIR] [--demo]

Applies the tenants folder to the database in one transaction: creates and updates portals
and their hosts, never deletes one, and lists portals that have no file.

  --folder DIR  the tenants folder to apply (default: ${path.relative(process.cwd(), defaultTenantFolder) || '.'})
  --demo        also add the demo content items that are missing (never overwrites an item)
`;

async function main() {
  const { values } = parseArgs({
    options: {
      folder: { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }

  loadDotEnvFile();
  const config = loadConfig();
  const log = createLogger(config);
  const folder = await loadTenantFolder(values.folder ? path.resolve(values.folder) : undefined);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteFolder: path.join(config.dataDir, 'pglite'),
  });
  try {
    const report = await syncTenants(database.db, folder, {
      rootDomain: config.rootDomain,
      includeDemoContent: values.demo,
      demoServices: values.demo
        ? {
            files: await loadDemoServiceFiles(
              values.folder ? path.resolve(values.folder) : undefined,
            ),
            calendar: WorkingCalendar.fromTenantFolder(folder.holidays),
          }
        : undefined,
    });
    log.info(report, 'tenants synced');
    if (report.withoutFile.length > 0) {
      log.warn(
        { tenants: report.withoutFile },
        'tenants in the database have no file; they were left unchanged',
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`tenants:sync failed: ${error.message}\n`);
  process.exit(1);
});
