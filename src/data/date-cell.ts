/**
 * Dates and date-times as the tools people export from write them, read as a number: days
 * since 1970-01-01 (UTC), with the time of day as a fraction. An absolute origin, not the
 * file's earliest date, so a model trained on one file reads another file's dates the same
 * way. Only unambiguous forms are read: `03/04/2020` could be either month first or day first.
 */

/** The forms a date column can be written in, as the page names them. */
export const DATE_FORMS = ['ISO 8601 date', 'ISO 8601 date-time', 'SAS DATE9.', 'SAS DATETIME.', 'year/month/day'] as const;
export type DateForm = (typeof DATE_FORMS)[number];

export interface ReadDate {
  days: number;
  form: DateForm;
}

const MS_PER_DAY = 86_400_000;
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

// psql writes `2020-01-01 10:00:00+00`, JavaScript `…T10:00:00.000Z`, pandas `2020-01-01 10:00:00`.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const SAS = /^(\d{1,2})([A-Z]{3})(\d{4})(?::(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/i;
const YEAR_FIRST = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;

/** The cell as a date, or null when it is not one of the DATE_FORMS or not a real day. */
export function readDate(cell: string): ReadDate | null {
  const text = cell.trim();
  const first = text.charCodeAt(0);
  // A date starts with a digit and is at least 8 characters long: most cells fail here.
  if (text.length < 8 || text.length > 40 || first < 48 || first > 57) return null;
  const iso = ISO.exec(text);
  if (iso) {
    const days = dayNumber(+iso[1], +iso[2], +iso[3]);
    if (iso[4] === undefined) return days === null ? null : { days, form: 'ISO 8601 date' };
    const time = timeOfDay(iso[4], iso[5], iso[6], iso[7]);
    const offset = offsetMinutes(iso[8]);
    if (days === null || time === null || offset === null) return null;
    return { days: days + time - offset / 1440, form: 'ISO 8601 date-time' };
  }
  const sas = SAS.exec(text);
  if (sas) {
    const month = MONTHS.indexOf(sas[2].toUpperCase()) + 1;
    const days = month === 0 ? null : dayNumber(+sas[3], month, +sas[1]);
    if (days === null) return null;
    if (sas[4] === undefined) return { days, form: 'SAS DATE9.' };
    const time = timeOfDay(sas[4], sas[5], sas[6], sas[7]);
    return time === null ? null : { days: days + time, form: 'SAS DATETIME.' };
  }
  const slashed = YEAR_FIRST.exec(text);
  if (slashed) {
    const days = dayNumber(+slashed[1], +slashed[2], +slashed[3]);
    return days === null ? null : { days, form: 'year/month/day' };
  }
  return null;
}

/** Days from 1970-01-01 to the given day, or null when it does not exist (2021-02-29). */
function dayNumber(year: number, month: number, day: number): number | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

/** The time of day as a fraction of a day, or null when out of range. */
function timeOfDay(h: string, m: string, s: string | undefined, fraction: string | undefined): number | null {
  const hours = +h;
  const minutes = +m;
  const seconds = s === undefined ? 0 : +s + (fraction === undefined ? 0 : Number(`0.${fraction}`));
  if (hours > 24 || minutes > 59 || seconds >= 61 || (hours === 24 && (minutes > 0 || seconds > 0))) return null;
  return (hours * 3600 + minutes * 60 + seconds) / 86_400;
}

/** A UTC offset (`Z`, `+00`, `-05:30`, `+0100`) in minutes; 0 when absent; null when out of range. */
function offsetMinutes(offset: string | undefined): number | null {
  if (offset === undefined || offset.toUpperCase() === 'Z') return 0;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = +digits.slice(0, 2);
  const minutes = digits.length > 2 ? +digits.slice(2) : 0;
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

/** The date a day number stands for, as an ISO date (for notes). */
export function isoDay(days: number): string {
  return new Date(Math.floor(days) * MS_PER_DAY).toISOString().slice(0, 10);
}
