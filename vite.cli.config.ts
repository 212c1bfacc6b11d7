/**
 * Builds the `cutoff` command (src/cli/bin.ts) into one Node ES module, dist-cli/cutoff.mjs,
 * run by `npm ci` (the `prepare` script) so `npx cutoff` works in a fresh clone on Node 20,
 * which cannot run TypeScript. Dependencies stay external: they are in node_modules.
 */
import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warn',
  publicDir: false,
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'cutoff.mjs', chunkFileNames: '[name]-[hash].mjs', banner: '#!/usr/bin/env node' } },
  },
  ssr: { target: 'node' },
});
