import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DataFolderLockedError, lockDataFolder } from '../../../server/db/pglite-lock.ts';

describe('lockDataFolder', () => {
  let root: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-lock-'));
  });

  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes the pid beside the folder and removes it on release', () => {
    const folder = path.join(root, 'pglite');
    const release = lockDataFolder(folder);

    expect(fs.readFileSync(`${folder}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${folder}.lock`)).toBe(false);
  });

  it('rejects a second lock while the owner runs', async () => {
    const folder = path.join(root, 'pglite');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(`${folder}.lock`, String(other.pid));

      expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
      expect(() => lockDataFolder(folder)).toThrow(
        new RegExp(`already open in process ${other.pid}`),
      );
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a process that has died', async () => {
    const folder = path.join(root, 'pglite');
    const finished = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => finished.on('exit', resolve));
    fs.writeFileSync(`${folder}.lock`, String(finished.pid));

    const release = lockDataFolder(folder);

    expect(fs.readFileSync(`${folder}.lock`, 'utf8')).toBe(String(process.pid));
    release();
  });
});
