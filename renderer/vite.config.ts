import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer is served by two hosts (DESIGN.md §1): the browser host at
 * http://127.0.0.1:PORT/ and Electron at lotse://app/. Relative URLs
 * (`base: './'`) work under both. Everything is bundled: the CSP allows no
 * remote origin, no inline script or style, and no data: workers.
 */
export default defineConfig({
  root: rendererDir,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // pdf.js ships modern syntax (top-level await); both hosts run a current Chromium.
    target: 'es2022',
    // Never inline assets as data: URLs: `worker-src 'self'` refuses a data: worker.
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // shared/ lives beside renderer/.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
  },
});
