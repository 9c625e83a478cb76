import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import { adminApiTypesPath, renderAdminApiTypes } from '../../../server/ops/admin-api-types.ts';

describe('web/src/api/schema.d.ts', () => {
  it('matches the admin API the server describes', async () => {
    const committed = await readFile(adminApiTypesPath, 'utf8');
    const current = await renderAdminApiTypes();

    // On failure: the admin API changed; run `npm run api:types` and commit the file.
    expect(committed === current, 'schema.d.ts is stale: run `npm run api:types`').toBe(true);
  });
});
