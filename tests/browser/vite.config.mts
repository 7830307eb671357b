// Builds the harness page (tests/browser/harness) into .tmp/browser-harness for the browser test.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: resolve(here, 'harness'),
  base: './',
  logLevel: 'error',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: { outDir: resolve(here, '..', '..', '.tmp', 'browser-harness'), emptyOutDir: true, chunkSizeWarningLimit: 20_000, sourcemap: false },
});
