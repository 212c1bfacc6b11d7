/** Path of a Chromium from CHROME_PATH or Debian's package, or null when none is installed. */
export function findChromium(): string | null;
