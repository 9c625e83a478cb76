import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';

import { ensureAdminBuild } from '../../server/ops/ensure-admin-build.ts';
import { isPostgresRun } from '../helpers/database.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repositoryRoot, 'node_modules/.bin/tsx');

export type AdminServer = {
  /** The admin's origin as a browser sees it, e.g. `http://mic.localhost:41234`. */
  origin: string;
  /** The demo accounts' passwords, printed once by the first start. */
  passwords: ReadonlyMap<string, string>;
  output: () => string;
  stop: () => Promise<void>;
};

type DemoAccountLine = { msg?: string; email?: string; demoPassword?: string };

function readDemoPasswords(output: string): Map<string, string> {
  const passwords = new Map<string, string>();
  for (const line of output.split('\n')) {
    if (!line.includes('"msg":"demo account created"')) {
      continue;
    }
    const entry = JSON.parse(line) as DemoAccountLine;
    if (entry.email && entry.demoPassword) {
      passwords.set(entry.email, entry.demoPassword);
    }
  }
  return passwords;
}

function waitForListening(child: ChildProcess, read: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onData = () => {
      const listening = /"port":(\d+),"url":[^}]*"msg":"listening"/.exec(read());
      if (listening) {
        resolve(Number(listening[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${read()}`)));
  });
}

/** Creates an empty database on the PostgreSQL server for this run, and a way to drop it. */
async function createServerDatabase() {
  const serverUrl = process.env.DATABASE_URL ?? '';
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `portal_e2e_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;

  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/**
 * Builds the admin when its build is stale, then starts `server/main.ts` on 127.0.0.1 with a
 * random port and an empty data folder (and an empty database on PostgreSQL runs), so the
 * first start creates the demo portals and accounts.
 */
export async function startAdminServer(): Promise<AdminServer> {
  await ensureAdminBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-e2e-'));
  const database = isPostgresRun ? await createServerDatabase() : undefined;
  const child = spawn(tsx, ['server/main.ts'], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: database?.url ?? '',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = await waitForListening(child, () => output);

  return {
    origin: `http://mic.localhost:${port}`,
    passwords: readDemoPasswords(output),
    output: () => output,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      await database?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
