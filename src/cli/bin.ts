/** Process entry of the `cutoff` command: argv in, exit code out, stdout with back-pressure. */
import { main } from './main';
import type { Io } from './io';

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

const io: Io = {
  progress,
  out: (text) =>
    new Promise<void>((resolve) => {
      if (process.stdout.write(text)) resolve();
      else process.stdout.once('drain', resolve);
    }),
  err: (text) => {
    process.stderr.write(text);
  },
};

// A closed pipe (cutoff apply … | head) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`cutoff: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
