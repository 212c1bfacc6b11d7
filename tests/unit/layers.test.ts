/**
 * The core's folders import one another in one direction only: the graph of src/'s folders has no
 * cycle, and each folder imports only the ones listed for it here (docs/architecture.md draws
 * the same). Together with the ESLint import rules and tsconfig.core.json, the layers are held by
 * the tools, not by review.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src', import.meta.url));

/** What each folder of src/ may import (besides itself). */
const ALLOWED: Record<string, string[]> = {
  data: [],
  metrics: ['data'],
  model: ['data', 'metrics'],
  decision: ['data', 'metrics'],
  session: ['data', 'metrics', 'model', 'decision'],
  report: ['metrics', 'session'],
  engine: ['data', 'metrics', 'model', 'decision', 'session'],
  offline: [],
  cli: ['data', 'metrics', 'model', 'decision', 'session', 'report'],
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function importedFolders(folder: string): Set<string> {
  const found = new Set<string>();
  for (const file of filesUnder(join(SRC, folder))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s+'\.\.\/([a-z-]+)\//g)) found.add(match[1]);
  }
  return found;
}

describe('the layers of src/', () => {
  const folders = readdirSync(SRC).filter((name) => statSync(join(SRC, name)).isDirectory());

  it('every folder is known to the layer table', () => {
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it.each(Object.keys(ALLOWED))('%s imports only the folders below it', (folder) => {
    const extra = [...importedFolders(folder)].filter((f) => !ALLOWED[folder].includes(f));
    expect(extra).toEqual([]);
  });

  it('the allowed imports form no cycle', () => {
    const seen = new Map<string, 'open' | 'done'>();
    const visit = (folder: string, path: string[]): void => {
      if (seen.get(folder) === 'done') return;
      if (seen.get(folder) === 'open') throw new Error(`cycle: ${[...path, folder].join(' → ')}`);
      seen.set(folder, 'open');
      for (const next of ALLOWED[folder]) visit(next, [...path, folder]);
      seen.set(folder, 'done');
    };
    for (const folder of Object.keys(ALLOWED)) visit(folder, []);
  });
});
