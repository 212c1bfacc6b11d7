// Makes sure PostgreSQL's programs are there before the unit tests run: the engine tests start
// a throwaway cluster with them. They can only come from Debian's package (apt-get), as the e2e
// tests' Chromium does; without root the Postgres test says in one line why it cannot start.
import { execSync } from 'node:child_process';
import { findPostgresBin } from './postgres-bin.mjs';

let bin = findPostgresBin();
if (!bin) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('No PostgreSQL found (initdb, pg_ctl): install Debian\'s "postgresql" package (apt-get install -y postgresql) or set PG_BIN, or the PostgreSQL test fails.');
    process.exit(0);
  }
  console.log('No PostgreSQL found: installing Debian\'s "postgresql" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq && apt-get install -y -qq postgresql', { stdio: 'inherit', env });
  bin = findPostgresBin();
  if (!bin) {
    console.error('apt-get finished but no initdb/pg_ctl was found.');
    process.exit(1);
  }
}
console.log(`PostgreSQL for the engine tests: ${bin}`);
