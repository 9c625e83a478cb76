import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfig, loadDotEnvFile } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import {
  boardRoleNames,
  tenantRoleNames,
  type BoardRole,
  type TenantRole,
} from '../db/schema/index.ts';
import { grantRoles, issueSetupToken } from '../users/bootstrap.ts';

const usage = `Usage: npm run user:create -- --email EMAIL [--name NAME]
         (--board-role ROLE ... | --tenant SLUG --role ROLE ...)

Creates the account (or finds it by email), adds the roles and prints a one-time set-up link,
valid for 72 hours, with which the person chooses a password.

  --email       the person's email; it is the sign-in name
  --name        the display name (default: the part of the email before @)
  --board-role  a board role: ${boardRoleNames.join(', ')}
  --tenant      the slug of a portal, e.g. ais
  --role        a role on that portal: ${tenantRoleNames.join(', ')}
`;

function fail(message: string): never {
  process.stderr.write(`user:create: ${message}\n\n${usage}`);
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      'board-role': { type: 'string', multiple: true, default: [] },
      tenant: { type: 'string' },
      role: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const email = values.email?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    fail('--email is missing or not an email address');
  }
  const boardRoles = values['board-role'];
  const tenantRoles = values.role;
  for (const role of boardRoles) {
    if (!(boardRoleNames as readonly string[]).includes(role)) {
      fail(`unknown board role ${role}`);
    }
  }
  for (const role of tenantRoles) {
    if (!(tenantRoleNames as readonly string[]).includes(role)) {
      fail(`unknown portal role ${role}`);
    }
  }
  if (tenantRoles.length > 0 && !values.tenant) {
    fail('--role needs --tenant');
  }
  if (boardRoles.length === 0 && tenantRoles.length === 0) {
    fail('give at least one --board-role, or --tenant with --role');
  }

  loadDotEnvFile();
  const config = loadConfig();
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteFolder: path.join(config.dataDir, 'pglite'),
  });
  try {
    const user = await grantRoles(database.db, {
      email,
      displayName: values.name ?? email.split('@')[0]!,
      boardRoles: boardRoles as BoardRole[],
      tenantSlug: values.tenant,
      tenantRoles: tenantRoles as TenantRole[],
    });
    const token = await issueSetupToken(database.db, user.id);
    const origin =
      config.nodeEnv === 'production'
        ? `https://${config.rootDomain}`
        : `http://${config.rootDomain}:${config.port}`;
    process.stdout.write(
      `Account ${user.email} is ready. Open this link within 72 hours to choose a password:\n` +
        `${origin}/admin/dat-lai-mat-khau?token=${token}\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`user:create failed: ${error.message}\n`);
  process.exit(1);
});
