import fs from 'node:fs';
import path from 'node:path';

/** A second process tried to open a PGlite data folder that another process has open. */
export class DataFolderLockedError extends Error {
  override name = 'DataFolderLockedError';
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data folder by writing a pid file beside it.
 *
 * PGlite has no lock of its own, and two processes writing one data folder corrupt it. A lock
 * file whose process has died is taken over. Returns a function that releases the lock.
 */
export function lockDataFolder(dataFolder: string): () => void {
  const lockPath = `${dataFolder}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });

  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => {
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error;
      }
    }

    const ownerPid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(ownerPid) && ownerPid > 0 && isProcessAlive(ownerPid)) {
      throw new DataFolderLockedError(
        `The embedded database in ${dataFolder} is already open in process ${ownerPid}. ` +
          'Two processes writing one PGlite folder corrupt it: stop the other process, ' +
          'or set DATA_DIR to another folder, or set DATABASE_URL to use PostgreSQL.',
      );
    }
    fs.rmSync(lockPath, { force: true });
  }

  throw new DataFolderLockedError(`Could not take the lock file ${lockPath}`);
}
