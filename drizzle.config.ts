import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
  // Roles are created in a custom migration, since roles are cluster-wide.
  entities: { roles: false },
});
