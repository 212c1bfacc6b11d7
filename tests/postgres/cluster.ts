/**
 * A throwaway PostgreSQL cluster for the engine tests: initdb in a temporary folder, pg_ctl on a
 * free port (a Unix socket in that folder, no TCP), run as a non-root user (postgres refuses
 * root: as root the server runs as `nobody`), and psql to talk to it. Stopped and removed by
 * stop(). Where it cannot start, start() says why in one line instead.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgresBin } from './postgres-bin.mjs';

export interface Cluster {
  /** The server's version line (`PostgreSQL 15.x …`). */
  version: string;
  /** Runs SQL (one statement or a psql meta-command) with `input` on standard input; returns standard output. */
  psql(sql: string, input?: string | Buffer): string;
  stop(): void;
}

/** A TCP port nothing listens on now, so the socket's name (.s.PGSQL.PORT) is a free port's. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(command: string, args: string[], options: { input?: string | Buffer; cwd?: string } = {}): { ok: boolean; out: string; err: string } {
  const r = spawnSync(command, args, { input: options.input, cwd: options.cwd, maxBuffer: 1 << 30, timeout: 120_000 });
  const err = `${r.error?.message ?? ''}${r.stderr?.toString() ?? ''}`.trim();
  return { ok: r.status === 0, out: r.stdout?.toString() ?? '', err };
}

const firstLine = (text: string) => text.split('\n').find((l) => l.trim() !== '') ?? '';

/** Starts a cluster, or returns the one-line reason it cannot start. */
export async function startCluster(): Promise<Cluster | string> {
  const bin = findPostgresBin();
  if (!bin) return "no PostgreSQL programs (initdb, pg_ctl) were found: install Debian's postgresql package or set PG_BIN";
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-pg-'));
  const data = join(dir, 'data');
  let as: string[] = [];
  if (isRoot) {
    const uid = run('id', ['-u', 'nobody']);
    const gid = run('id', ['-g', 'nobody']);
    if (!uid.ok || !gid.ok) return 'running as root, and there is no user "nobody" to run PostgreSQL as (it refuses root)';
    chownSync(dir, Number(uid.out), Number(gid.out));
    as = ['runuser', '-u', 'nobody', '--'];
  }
  const server = (program: string, args: string[]) =>
    as.length > 0 ? run(as[0], [...as.slice(1), join(bin, program), ...args], { cwd: dir }) : run(join(bin, program), args, { cwd: dir });
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  const init = server('initdb', ['-D', data, '-U', 'cutoff', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  if (!init.ok) {
    cleanup();
    return `initdb failed: ${firstLine(init.err)}`;
  }
  const port = await freePort();
  const log = join(dir, 'server.log');
  const options = `-k ${dir} -p ${port} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const started = server('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', '-t', '60', 'start']);
  if (!started.ok) {
    const why = existsSync(log) ? firstLine(readFileSync(log, 'utf8').split('\n').reverse().join('\n')) : firstLine(started.err);
    cleanup();
    return `pg_ctl could not start the server: ${why}`;
  }
  const psqlBin = existsSync(join(bin, 'psql')) ? join(bin, 'psql') : 'psql';
  const psql = (sql: string, input?: string | Buffer): string => {
    const r = run(psqlBin, ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'cutoff', '-d', 'postgres', '-c', sql], { input });
    if (!r.ok) throw new Error(`psql: ${firstLine(r.err)}`);
    return r.out;
  };
  const stop = () => {
    server('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    cleanup();
  };
  try {
    return { version: psql('SELECT version()').trim(), psql, stop };
  } catch (error) {
    stop();
    return `the server started but psql cannot reach it: ${error instanceof Error ? error.message : String(error)}`;
  }
}
