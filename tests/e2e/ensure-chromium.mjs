// Makes sure a Chromium is there before the e2e tests run. Browsers can only come from
// CHROME_PATH or Debian's package: downloads from elsewhere cannot work on these machines.
import { execSync } from 'node:child_process';
import { findChromium } from './chromium-path.mjs';

let path = findChromium();
if (!path) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('No Chromium found. Set CHROME_PATH or install Debian\'s "chromium" package (apt-get install -y chromium).');
    process.exit(1);
  }
  console.log('No Chromium found: installing Debian\'s "chromium" with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update -qq && apt-get install -y -qq chromium', { stdio: 'inherit', env });
  path = findChromium();
  if (!path) {
    console.error('apt-get finished but no Chromium binary was found.');
    process.exit(1);
  }
}
console.log(`Chromium for e2e tests: ${path}`);
