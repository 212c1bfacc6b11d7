/**
 * `cutoff serve [--port N]`: the page itself, served from the installed package's built app
 * on 127.0.0.1 only, so the whole product runs from one install with no network. The files
 * are the page's own build (with its Content-Security-Policy); the data a user opens never
 * leaves their browser.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from './errors';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The built app beside the command: dist/ next to dist-cli/ in the package. */
export function appFolder(): string {
  return fileURLToPath(new URL('../dist/', import.meta.url));
}

/** Serves `root` on 127.0.0.1:port; resolves once it listens. */
export async function serveApp(root: string, port: number): Promise<Server> {
  try {
    await stat(join(root, 'index.html'));
  } catch {
    throw new InputError(`no built page in ${root} (index.html is missing): in a clone of the repository run npm run build first`);
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    // Nothing outside the app's folder is ever served.
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' });
        response.end(body);
      },
      () => response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new InputError(error.code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port` : `cannot listen on 127.0.0.1:${port} (${error.code ?? error.message})`),
      ),
    );
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}
