/**
 * A subcommand's options and positionals, read with Node's parseArgs: every mistake (an unknown
 * option, a missing value, a number out of range, one positional too many) is one line and
 * exit 2 that says what to write instead.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './errors';

export type Values = Record<string, string | boolean | undefined>;

export function parse(args: string[], options: ParseArgsConfig['options']): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: dashValues(args, options ?? {}), options, allowPositionals: true, strict: true });
    return { values: values as Values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    // Node calls an option followed by another option "ambiguous": say which value is missing.
    const needs = /^Option '(-{1,2}[^' ]+)[^']*' argument (is ambiguous|missing)/.exec(message);
    if (needs) throw new InputError(`${needs[1]} needs a value${needs[2] === 'missing' ? '' : ' before the next option'} (a value that starts with "-" is written ${needs[1]}=-1)`);
    // Node's own message names a positional with an unbalanced quote; say it plainly.
    throw new InputError(`${message.replace(/\. To specify a positional argument.*$/, '')} (--help lists the options)`);
  }
}

/**
 * `--cost-fp -1`, `--weight -w`: a word after an option that takes a value, starting with "-"
 * but naming no option of the command, is that option's value (Node's parser would refuse it as
 * ambiguous), so the value itself gets the one clear message (a range, a missing column).
 */
function dashValues(args: string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  const longOf = (arg: string): string | undefined => {
    if (arg.startsWith('--')) return arg.slice(2);
    const short = Object.entries(options).find(([, o]) => o.short !== undefined && `-${o.short}` === arg);
    return short?.[0];
  };
  const isOption = (arg: string) => arg === '--' || arg === '-h' || arg === '--help' || Object.hasOwn(options, longOf(arg.split('=')[0]) ?? '');
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') return [...out, ...args.slice(i)];
    const name = longOf(arg);
    const next = args[i + 1];
    if (name !== undefined && Object.hasOwn(options, name) && options[name].type === 'string' && next !== undefined && next.length > 1 && next.startsWith('-') && !isOption(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

export function text(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function number(values: Values, name: string, range: [number, number]): number | undefined {
  const v = text(values, name);
  if (v === undefined) return undefined;
  const x = Number(v);
  if (v.trim() === '' || !Number.isFinite(x) || x < range[0] || x > range[1]) {
    throw new InputError(`--${name} must be a number from ${range[0]} to ${range[1]}, not "${v}"`);
  }
  return x;
}

/** An option that must be one of a schema's values. */
export function oneOf<T extends string>(values: Values, name: string, allowed: readonly T[]): T | undefined {
  const v = text(values, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new InputError(`--${name} must be one of ${allowed.join(', ')}, not "${v}"`);
  return v as T;
}

/** A whole number option within `range` (the bounds come from the option's schema). */
export function wholeNumber(values: Values, name: string, range: [number, number]): number | undefined {
  const x = number(values, name, range);
  if (x !== undefined && !Number.isInteger(x)) throw new InputError(`--${name} must be a whole number, not ${x}`);
  return x;
}

export function positionals(got: string[], names: string[], command: string): string[] {
  if (got.length !== names.length) {
    throw new InputError(
      `cutoff ${command} takes ${names.join(' and ')}${got.length > names.length ? `; unexpected "${got[names.length]}"` : `; missing ${names.slice(got.length).join(' and ')}`}`,
    );
  }
  return got;
}

export const str = { type: 'string' } as const;
export const flag = { type: 'boolean' } as const;

export const output = { type: 'string', short: 'o' } as const;
