import { readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The admin SPA's Vite root. */
export const webFolder = fileURLToPath(new URL('../../web', import.meta.url));
const repositoryRoot = path.dirname(webFolder);

/**
 * The inputs of the built SPA: its sources and config, and the server's access folder, whose
 * permission table the SPA imports so that it hides what the server would refuse.
 */
const buildInputs = [
  path.join(webFolder, 'src'),
  path.join(webFolder, 'public'),
  path.join(webFolder, 'index.html'),
  path.join(webFolder, 'vite.config.ts'),
  path.join(repositoryRoot, 'server/access'),
];

async function newestChange(entry: string): Promise<number> {
  const info = await stat(entry).catch(() => undefined);
  if (!info) {
    return 0;
  }
  if (!info.isDirectory()) {
    return info.mtimeMs;
  }
  const children = await readdir(entry);
  const times = await Promise.all(children.map((child) => newestChange(path.join(entry, child))));

  return Math.max(info.mtimeMs, ...times);
}

async function newestInputChange(): Promise<number> {
  return Math.max(...(await Promise.all(buildInputs.map(newestChange))));
}

/** Checks whether `web/dist` is missing or older than any of the files it is built from. */
export async function isAdminBuildStale(): Promise<boolean> {
  const built = await stat(path.join(webFolder, 'dist/index.html')).catch(() => undefined);
  if (!built) {
    return true;
  }

  return (await newestInputChange()) > built.mtimeMs;
}

/**
 * Builds the admin SPA with Vite when its build is missing or stale; returns whether it built.
 * Vite writes to a staging folder that then replaces `web/dist` by rename. A server or a second
 * build running at the same time finds the old build, the new one, or for a moment none (503),
 * but never a half-written folder.
 */
export async function ensureAdminBuild(): Promise<boolean> {
  if (!(await isAdminBuildStale())) {
    return false;
  }
  // Imported here so that a fresh build is the only case that loads Vite.
  const { build } = await import('vite');
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = path.join(webFolder, `.dist-staging-${stamp}`);
  const retired = path.join(webFolder, `.dist-retired-${stamp}`);
  // The build is dated by its newest input as read before it started, not by when it finished,
  // so a source saved while Vite was running still makes the build stale.
  // Rounded up, since a Date keeps whole milliseconds and file times can be finer.
  const inputsChangedAt = new Date(Math.ceil(await newestInputChange()));
  await build({ root: webFolder, logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
  await utimes(path.join(staging, 'index.html'), inputsChangedAt, inputsChangedAt);

  const dist = path.join(webFolder, 'dist');
  await rename(dist, retired).catch(() => undefined);
  try {
    await rename(staging, dist);
  } catch {
    // Another build put its folder in place first; it is built from the same sources.
    await rm(staging, { recursive: true, force: true });
  }
  await rm(retired, { recursive: true, force: true });

  return true;
}

const isCommand = process.argv[1] === fileURLToPath(import.meta.url);
if (isCommand) {
  process.stdout.write('checking the admin build (web/dist)\n');
  const hasBuilt = await ensureAdminBuild();
  process.stdout.write(
    hasBuilt ? 'built the admin into web/dist\n' : 'the admin build is current\n',
  );
}
