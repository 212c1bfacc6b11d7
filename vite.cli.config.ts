/**
 * Builds the `cutoff` command (src/cli/bin.ts) into one Node ES module, dist-cli/cutoff.mjs,
 * run by `npm ci` (the `prepare` script) so `npx cutoff` works in a fresh clone on Node 20,
 * which cannot run TypeScript. Every dependency is bundled in, so the published package has no
 * runtime dependencies: `npm install cutoff-*.tgz` installs the command and the built page alone.
 */
import { defineConfig, type Plugin } from 'vite';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** npx runs the bin file itself (`#!/usr/bin/env node`), so it must stay executable after every build. */
function executableBin(): Plugin {
  return {
    name: 'cutoff-executable-bin',
    writeBundle(options) {
      chmodSync(join(options.dir ?? 'dist-cli', 'cutoff.mjs'), 0o755);
    },
  };
}

export default defineConfig({
  plugins: [executableBin()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warn',
  publicDir: false,
  build: {
    // The command, and beside it the parallel CSV reader's worker thread (src/cli/csv-parallel).
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      input: { cutoff: 'src/cli/bin.ts', 'csv-range-worker': 'src/cli/csv-range-worker.ts' },
      output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs', banner: '#!/usr/bin/env node' },
    },
  },
  ssr: { target: 'node', noExternal: true },
});
