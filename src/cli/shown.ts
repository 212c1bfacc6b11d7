/**
 * A name from a file (a column, a label, a group), quoted for a message or a report line, with
 * control characters escaped: a header holding `\x1b[2J` must not clear the user's terminal.
 */
export function escaped(text: string): string {
  // C0 and C1 controls, DEL, and the line and paragraph separators: matching them is the point.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** The name in double quotes, escaped. */
export function shown(text: string): string {
  return `"${escaped(text)}"`;
}
