/** Reads POINT.json: size-limited, JSON-parsed, then validated by the page's own schema. */
import { readFile, stat } from 'node:fs/promises';
import { parseOperatingPoint, type OperatingPoint } from '../session/operating-point';
import { InputError } from './errors';

/** An operating point is a few hundred kB at most (curves decimated to ~200 points). */
const MAX_POINT_BYTES = 16 << 20;

/** POINT.json's text; `-` reads standard input (when FILE is not also `-`). */
async function pointText(path: string, stdin?: () => AsyncIterable<Uint8Array>): Promise<string> {
  const tooBig = (size: number) =>
    new InputError(`${path === '-' ? 'standard input' : path} is ${size} bytes: not an operating point (those are under ${MAX_POINT_BYTES >> 20} MB)`);
  if (path === '-') {
    const parts: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of stdin?.() ?? (process.stdin as AsyncIterable<Uint8Array>)) {
      size += chunk.length;
      if (size > MAX_POINT_BYTES) throw tooBig(size);
      parts.push(chunk);
    }
    return Buffer.concat(parts).toString('utf8');
  }
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(`${path}: no such file`);
  }
  if (size > MAX_POINT_BYTES) throw tooBig(size);
  return readFile(path, 'utf8');
}

export async function loadPoint(path: string, stdin?: () => AsyncIterable<Uint8Array>): Promise<OperatingPoint> {
  const raw = await pointText(path, stdin);
  // A byte-order mark (Notepad writes one) is no part of the JSON.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const name = path === '-' ? 'standard input' : path;
  if (text.trim() === '') throw new InputError(`${name} is empty: export the operating point from Cutoff first`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${name} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  let point: OperatingPoint;
  try {
    point = parseOperatingPoint(value);
  } catch (error) {
    throw new InputError(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Two thresholds for one group would leave which one applies to chance.
  const seen = new Set<string>();
  for (const g of point.groups?.thresholds ?? []) {
    if (seen.has(g.value)) throw new InputError(`${name} lists the group "${g.value}" of "${point.groups?.column}" twice; each group has one threshold: export the point again`);
    seen.add(g.value);
  }
  return point;
}
