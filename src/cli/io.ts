/** Where a subcommand reads and writes: the process's streams, or strings in a test. */
export interface Io {
  /** Writes to stdout; resolves when the stream can take more (back-pressure for streamed output). */
  out(text: string): Promise<void> | void;
  err(text: string): void;
  /** Standard input's bytes, for FILE `-`; the process's stdin when absent. */
  stdin?: () => AsyncIterable<Uint8Array>;
  /** Rows done so far, for a progress line on a terminal (bin.ts shows it once a run takes a few seconds). */
  progress?: (rows: number) => void;
}
