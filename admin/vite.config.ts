/**
 * Vite build of the admin workbench: root admin/, served by the server under /admin/ from admin/dist.
 * `npm run build:admin` builds it; `npm start` builds it first when admin/dist is stale
 * (scripts/build-admin.mjs). For development: `npx vite --config admin/vite.config.ts` with the
 * server running on :3000 (the API is proxied).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/progress': 'http://127.0.0.1:3000',
    },
  },
  logLevel: 'warn',
});
