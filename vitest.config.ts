import solid from 'vite-plugin-solid';
import { defineConfig } from 'vitest/config';

// Three projects: the server in Node, the admin's components in jsdom, and the browser tests
// that drive Chromium against a real server. `npm test` runs all three.
export default defineConfig({
  test: {
    // Each file opens its own database; PGlite's start-up (initdb) takes a few seconds.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/e2e/**', 'tests/web/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        // The plugin compiles Solid's JSX; it is kept out of the server project because it
        // switches the environment to jsdom.
        plugins: [solid({ hot: false })],
        resolve: { conditions: ['browser', 'development'] },
        test: {
          name: 'web',
          environment: 'jsdom',
          include: ['tests/web/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/web/setup.ts'],
          server: { deps: { inline: [/solid-js/, /@solidjs\/router/] } },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // One server and one browser for the whole suite, started once per file.
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
