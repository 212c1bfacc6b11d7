/** Process entry of the `cutoff` command: argv in, exit code out, stdout with back-pressure. */
import { main } from './main';
import type { Io } from './io';
import { streamWriter } from './process-io';

/** A progress line on stderr, only on a terminal and only once a run has taken a few seconds. */
const started = Date.now();
let shown = 0;
let drawn = false;
function progress(rows: number): void {
  const now = Date.now();
  if (!process.stderr.isTTY || now - started < 3000 || now - shown < 500) return;
  shown = now;
  drawn = true;
  process.stderr.write(`\rcutoff: ${rows.toLocaleString('en-US')} rows…`);
}
process.on('exit', () => {
  if (drawn) process.stderr.write('\r\x1b[K');
});

// A closed pipe (cutoff apply … | head) ends the command quietly; any other write error is exit 2.
const io: Io = {
  progress,
  out: streamWriter(process.stdout, 'standard output', () => process.exit(0)),
  err: (text) => {
    process.stderr.write(text);
  },
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cutoff: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
