import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { isPostgresRun } from '../helpers/database.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(repositoryRoot, 'node_modules/.bin/tsx');

type RunningServer = {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
};

function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(tsx, ['server/main.ts'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /"port":(\d+),"url":[^}]*"msg":"listening"/.exec(output);
      if (listening) {
        resolve({ child, port: Number(listening[1]), output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** Waits up to two seconds for a line to appear: pino writes asynchronously. */
async function waitForOutput(server: RunningServer, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 40 && !pattern.test(server.output()); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return server.output();
}

function runToExit(env: Record<string, string>) {
  const child = spawn(tsx, ['server/main.ts'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATABASE_URL: '', ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, output })),
  );
}

/** Sends a GET with the given Host header, as a browser would for that portal. */
function get(port: number, host: string, urlPath: string) {
  return new Promise<{ status: number; location?: string; body: string }>((resolve, reject) => {
    const request = http.get(
      { host: '127.0.0.1', port, path: urlPath, headers: { host } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, location: res.headers.location, body }),
        );
      },
    );
    request.on('error', reject);
  });
}

/** Sends a JSON POST from the admin origin, as the admin does. */
function post(port: number, host: string, urlPath: string, body: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: urlPath,
        method: 'POST',
        headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('npm start on the embedded defaults', () => {
  let dataDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-start-'));
    server = await startServer({ DATA_DIR: dataDir });
  });

  afterAll(async () => {
    server.child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('syncs the tenants folder on the first start', async () => {
    const home = await get(server.port, 'mic.localhost', '/');

    expect(server.output()).toContain('empty database: applying the tenants folder');
    expect(home.status).toBe(200);
    expect(home.body).toContain('Bộ Thông tin và Truyền thông');
  });

  it('serves a unit on its subdomain and redirects its alias', async () => {
    const unit = await get(server.port, `ais.mic.localhost:${server.port}`, '/trang/gioi-thieu');
    const alias = await get(server.port, `ais.gov.vn:${server.port}`, '/tin-tuc?trang=1');

    expect(unit.status).toBe(200);
    expect(unit.body).toContain('Cục An toàn thông tin');
    expect(alias.status).toBe(301);
    expect(alias.location).toBe(`http://ais.mic.localhost:${server.port}/tin-tuc?trang=1`);
  });

  it('answers an unknown host with 404', async () => {
    const response = await get(server.port, 'khong-ton-tai.example', '/');

    expect(response.status).toBe(404);
  });

  it('creates one demo account per role and prints its password once', async () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.includes('"msg":"demo account created"'))
      .map((line) => JSON.parse(line) as { email: string; demoPassword: string; role: string });
    const editor = lines.find((line) => line.email === 'bien.tap.ais@demo.mic.gov.vn');
    const body = JSON.stringify({ email: editor?.email, password: editor?.demoPassword });
    const login = await post(server.port, 'mic.localhost', '/api/admin/auth/login', body);

    expect(lines).toHaveLength(11);
    expect(new Set(lines.map((line) => line.role)).size).toBe(11);
    expect(login.status).toBe(200);
  });

  it('rejects a second process on the same data folder', async () => {
    const second = await runToExit({ DATA_DIR: dataDir });

    expect(second.code).toBe(1);
    expect(second.output).toMatch(/already open in process \d+/);
  });

  it('logs each request with tenant, status and duration', async () => {
    const line =
      /"tenant":"mic".*"path":"\/tin-tuc","status":200,"durationMs":[\d.]+,"msg":"request completed"/;
    await get(server.port, 'mic.localhost', '/tin-tuc');

    expect(await waitForOutput(server, line)).toMatch(line);
  });

  it('shuts down cleanly on SIGTERM and releases the data folder', async () => {
    server.child.kill('SIGTERM');
    const code = await server.exited;

    expect(code).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
    expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  });
});

describe('start-up errors', () => {
  it('names an invalid environment value and exits', async () => {
    const result = await runToExit({ PORT: 'eighty' });

    expect(result.code).toBe(1);
    expect(result.output).toContain('Invalid environment: PORT="eighty"');
  });

  it('names DATABASE_URL when the server is unreachable', async () => {
    const result = await runToExit({ DATABASE_URL: 'postgres://portal@127.0.0.1:1/portal' });

    expect(result.code).toBe(1);
    expect(result.output).toContain('Could not connect to PostgreSQL at 127.0.0.1:1/portal');
  });
});

describe.skipIf(!isPostgresRun)('npm start on PostgreSQL', () => {
  const serverUrl = process.env.DATABASE_URL ?? '';
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `portal_start_${Date.now()}`;

  afterAll(async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('migrates, syncs and serves the demo', async () => {
    await admin.unsafe(`create database "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const server = await startServer({ DATABASE_URL: url.toString(), DATA_DIR: os.tmpdir() });
    try {
      const home = await get(server.port, 'vnta.mic.localhost', '/');

      expect(home.status).toBe(200);
      expect(home.body).toContain('Cục Viễn thông');
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
