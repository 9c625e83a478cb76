import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

/** The API server that `npm run dev:web` forwards to, and the host its tenancy expects. */
const apiTarget = 'http://127.0.0.1:3000';
const mainPortalHost = 'mic.localhost:3000';

// The root is this folder: `vite build web` and `vite web` find this file there.
export default defineConfig({
  base: '/admin/',
  plugins: [solid()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      // The server resolves the portal from Host and checks Origin on every change, so both
      // are rewritten to the main portal's values.
      '/api': {
        target: apiTarget,
        headers: { host: mainPortalHost },
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin')) {
              request.setHeader('origin', `http://${mainPortalHost}`);
            }
          });
        },
      },
      '/healthz': { target: apiTarget, headers: { host: mainPortalHost } },
    },
  },
});
