import { writeFile } from 'node:fs/promises';
import path from 'node:path';

import { adminApiTypesPath, renderAdminApiTypes } from './admin-api-types.ts';

// `npm run api:types`: rewrites web/src/api/schema.d.ts after a change to the admin API.
await writeFile(adminApiTypesPath, await renderAdminApiTypes());
process.stdout.write(`wrote ${path.relative(process.cwd(), adminApiTypesPath)}\n`);
