/** Reads POINT.json: size-limited, JSON-parsed, then validated by the page's own schema. */
import { readFile, stat } from 'node:fs/promises';
import { parseOperatingPoint, type OperatingPoint } from '../session/operating-point';
import { InputError } from './errors';

/** An operating point is a few hundred kB at most (curves decimated to ~200 points). */
const MAX_POINT_BYTES = 16 << 20;

export async function loadPoint(path: string): Promise<OperatingPoint> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError(`${path}: no such file`);
  }
  if (size > MAX_POINT_BYTES) throw new InputError(`${path} is ${size} bytes: not an operating point (those are under ${MAX_POINT_BYTES >> 20} MB)`);
  const text = await readFile(path, 'utf8');
  if (text.trim() === '') throw new InputError(`${path} is empty: export the operating point from Cutoff first`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${path} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return parseOperatingPoint(value);
  } catch (error) {
    throw new InputError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
