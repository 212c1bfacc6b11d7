import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The built app's Content-Security-Policy. Everything is served by the app itself;
 * 'wasm-unsafe-eval' lets the tfjs WASM backend compile its binary, nothing else is relaxed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

// The dev server needs inline scripts for hot reload, so the policy is only put into the build.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cutoff-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`);
    },
  };
}

/** The service worker's file in dist/, at the root so that its scope is the whole app. */
const SERVICE_WORKER = 'sw.js';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * Writes the precache manifest into dist/sw.js once everything is written (the app, the
 * workers' chunks, their .wasm files, public/ with the demo): every file of the build, and a
 * version hashed from their contents, so a build that changes anything is a new cache and
 * the browser's byte check of sw.js sees an update.
 */
function offlineServiceWorker(): Plugin {
  let outDir = 'dist';
  return {
    name: 'cutoff-offline-service-worker',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      handler() {
        const swPath = join(outDir, SERVICE_WORKER);
        const files = filesUnder(outDir)
          .map((file) => relative(outDir, file).split(sep).join('/'))
          .filter((file) => file !== SERVICE_WORKER && !file.endsWith('.map'))
          .sort();
        const hash = createHash('sha256');
        for (const file of files) hash.update(file).update(readFileSync(join(outDir, file)));
        const manifest = { version: hash.digest('hex').slice(0, 16), files };
        const source = readFileSync(swPath, 'utf8');
        const placeholder = /(["'`])__CUTOFF_PRECACHE_MANIFEST__\1/;
        if (!placeholder.test(source)) throw new Error(`${swPath} has no precache placeholder`);
        writeFileSync(
          swPath,
          source.replace(placeholder, () => JSON.stringify(JSON.stringify(manifest))),
        );
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), offlineServiceWorker()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  worker: { format: 'es' },
  // Workers' imports are found only when a worker starts; pre-bundling them up front keeps the
  // dev server from reloading the page in the middle of a first training run.
  optimizeDeps: {
    entries: ['index.html', 'workers/*.ts'],
    include: ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-wasm', 'papaparse'],
  },
  // Not 5173, where `npm start` serves the build: the build's service worker would answer the dev
  // server's requests from its cache on the same origin.
  server: { host: '127.0.0.1', port: 5174, strictPort: true },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
    rolldownOptions: {
      input: { index: 'index.html', sw: 'src/offline/service-worker.ts' },
      // The service worker keeps one unhashed name: the browser checks that URL for updates.
      output: { entryFileNames: (chunk) => (chunk.name === 'sw' ? SERVICE_WORKER : 'assets/[name]-[hash].js') },
    },
  },
});
