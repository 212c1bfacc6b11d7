// Finds PostgreSQL's server programs (initdb, pg_ctl, postgres) for the tests that run a real
// PostgreSQL: PG_BIN first, then the PATH, then Debian's /usr/lib/postgresql/<version>/bin
// (the newest), where the `postgresql` package puts them outside the PATH.
import { existsSync, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** @returns {string | null} the folder holding initdb and pg_ctl */
export function findPostgresBin() {
  const has = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && has(fromEnv)) return fromEnv;
  const onPath = (process.env.PATH ?? '').split(delimiter).find((dir) => dir !== '' && has(dir));
  if (onPath) return onPath;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => has(join(root, v, 'bin')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : null;
}
