/**
 * A file on disk as the page's reader takes it (a ByteSource read at any offset), so a command
 * that builds the page's Dataset reads the file as it parses it instead of holding it whole,
 * with the file's SHA-256 taken on a read of its own (the page hashes the bytes it holds).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource } from '../data/byte-source';
import { InputError } from './errors';

/** An open file of `size` bytes as a ByteSource: `read` fills the range, short only at the end. */
export function handleSource(name: string, handle: FileHandle, size: number): ByteSource {
  return {
    name,
    size,
    async read(start, end) {
      const bytes = new Uint8Array(Math.max(0, Math.min(end, size) - start));
      let at = 0;
      while (at < bytes.length) {
        const { bytesRead } = await handle.read(bytes, at, bytes.length - at, start + at);
        if (bytesRead === 0) break;
        at += bytesRead;
      }
      return at === bytes.length ? bytes : bytes.subarray(0, at);
    },
  };
}

export interface DiskFile {
  source: ByteSource;
  /** Hex SHA-256 of the file's bytes, read alongside the parse. */
  sha256: Promise<string>;
  close(): Promise<void>;
}

/**
 * Opens `path` for reading under `name` (what messages and the export call it); exit 2 with one
 * line when it cannot be. Null for a pipe or device (a process substitution, say), which can
 * be read only once and in order: the caller reads it whole, as standard input.
 */
export async function openDiskFile(path: string, name: string): Promise<DiskFile | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputError(cannotOpen(path, error));
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    if (stat.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
    return null;
  }
  const source = handleSource(name, handle, stat.size);
  const sha256 = hashOf(path);
  // Awaited only once the rows are read; a failed read is reported by the parse first.
  sha256.catch(() => undefined);
  return { source, sha256, close: () => handle.close() };
}

function hashOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

function cannotOpen(path: string, error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return `${path}: no such file`;
  if (code === 'EISDIR') return `${path} is a folder, not a file`;
  return `${path}: cannot be read (${code ?? String(error)})`;
}
