/** Where a subcommand writes: the process's streams, or strings in a test. */
export interface Io {
  /** Writes to stdout; resolves when the stream can take more (back-pressure for streamed output). */
  out(text: string): Promise<void> | void;
  err(text: string): void;
}
