import path from 'node:path';

import { loadConfig, loadDotEnvFile } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { createLogger } from '../logger.ts';

// Opening the database applies the pending migrations under the migration lock.
async function main() {
  loadDotEnvFile();
  const config = loadConfig();
  const log = createLogger(config);
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteFolder: path.join(config.dataDir, 'pglite'),
  });
  log.info({ driver: database.driver, location: database.location }, 'migrations applied');
  await database.close();
}

main().catch((error: Error) => {
  process.stderr.write(`db:migrate failed: ${error.message}\n`);
  process.exit(1);
});
