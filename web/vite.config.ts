/**
 * Vite configuration of the playground: the page lives in web/, imports the library from ../src, and builds to
 * ../dist-web with relative URLs (base './'), so the site works from any file host, a sub-folder, or offline.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: {
    outDir: '../dist-web',
    emptyOutDir: true,
    target: 'es2022',
    // One small app: a single chunk keeps the offline copy to three files.
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: ['..'] } },
});
