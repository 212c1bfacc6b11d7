/** Process entry of the `cutoff` command: argv in, exit code out, stdout with back-pressure. */
import { main } from './main';
import type { Io } from './io';

const io: Io = {
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
