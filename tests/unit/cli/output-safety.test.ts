/**
 * Write errors are exit 2 and `-o` never harms what is at its path. Devices and FIFOs are made
 * in a temporary folder (mknod c 1 7 is a twin of /dev/full, c 1 3 of /dev/null), never at a
 * system path; mknod needs root (as CI runs), and the device cases fail saying so otherwise.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import { streamWriter } from '../../../src/cli/process-io';
import { cutoff, scoredRows, tempDir, writeCsv, writePoint } from './fixtures';

const dir = tempDir();
const file = writeCsv(dir, scoredRows(300));
const point = writePoint(dir);

/** A character device made here; null when mknod is refused, and then each device case fails saying why. */
function device(name: string, minor: number): string | null {
  const path = join(dir, name);
  try {
    execFileSync('mknod', [path, 'c', '1', String(minor)], { stdio: 'pipe' });
    return path;
  } catch {
    return null;
  }
}

function made(path: string | null): string {
  if (path === null) throw new Error('mknod was refused: the device cases need root (run the tests as root, as CI does)');
  return path;
}

const full = device('full', 7);
const nul = device('null', 3);
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('a write error is exit 2 with one line', () => {
  it('stdout on a full device', async () => {
    const stream = createWriteStream(made(full));
    let stderr = '';
    let closed = false;
    const code = await main(['apply', point, file], {
      out: streamWriter(stream, 'standard output', () => (closed = true)),
      err: (t) => void (stderr += t),
    });
    expect(code).toBe(2);
    expect(closed).toBe(false);
    expect(stderr).toMatch(/^cutoff: cannot write to standard output \(no space left on the device\)/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('-o onto a full device: written into, refused with exit 2, still a device', async () => {
    for (const args of [
      ['apply', point, file],
      ['check', point, file],
      ['curve', file, '--score', 'score', '--label', 'y'],
    ]) {
      const r = await cutoff(...args, '-o', made(full));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^cutoff: cannot write to -o .*full \(no space left on the device\)/);
      expect(statSync(made(full)).isCharacterDevice()).toBe(true);
    }
    expect(leftovers()).toEqual([]);
  });

  it('a closed reader (EPIPE) is not a failure', async () => {
    let closed = false;
    const listeners: ((e: Error) => void)[] = [];
    const epipe = Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
    const out = streamWriter(
      {
        on: (_event, listener) => listeners.push(listener),
        write: (_text, done) => {
          setTimeout(() => done(epipe), 0);
          return false;
        },
      },
      'standard output',
      () => (closed = true),
    );
    void out('x');
    await new Promise((r) => setTimeout(r, 10));
    expect(closed).toBe(true);
  });
});

describe('-o never harms what is at its path', () => {
  it('a device is written into, never renamed over', async () => {
    const r = await cutoff('apply', point, file, '-o', made(nul));
    expect(r.code).toBe(0);
    expect(statSync(made(nul)).isCharacterDevice()).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('a symlink is followed: the target gets the output, the link stays a link', async () => {
    const target = join(dir, 'target.csv');
    writeFileSync(target, 'old\n', { mode: 0o640 });
    const link = join(dir, 'link.csv');
    symlinkSync('target.csv', link);
    const r = await cutoff('apply', point, file, '-o', link);
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8').split('\n')[0]).toBe('id,score,y,region,decision');
    expect(statSync(target).mode & 0o777).toBe(0o640);
  });

  it('a dangling symlink: its target is created', async () => {
    const link = join(dir, 'dangling.csv');
    symlinkSync('made.csv', link);
    expect((await cutoff('curve', file, '--label', 'y', '-o', link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'made.csv'), 'utf8').split('\n')[0]).toBe('score,y,count');
  });

  it('a FIFO is written into (its reader gets the output), never replaced', async () => {
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const ended = new Promise((r) => reader.on('close', r));
    const r = await cutoff('apply', point, file, '-o', fifo);
    await ended;
    expect(r.code).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(got.split('\n')[0]).toBe('id,score,y,region,decision');
  });

  it('a missing folder is named, not the temporary file', async () => {
    const r = await cutoff('apply', point, file, '-o', join(dir, 'nosuch', 'out.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the folder .*nosuch does not exist/);
    expect(r.stderr).not.toMatch(/\.tmp/);
  });

  it('a folder is refused', async () => {
    const r = await cutoff('apply', point, file, '-o', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a folder/);
    expect(existsSync(dir)).toBe(true);
  });
});
