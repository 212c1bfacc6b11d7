/** A metric as shown: four decimals, or an em dash when it is undefined for the data. */
export function formatMetric(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : value.toFixed(4);
}

/** A count as shown: a plain integer, or up to six significant digits when weighted. */
export function formatCount(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/**
 * 1234567.891 as "1,234,567.89" (at most `maxDecimals` decimals). Not toLocaleString: its
 * first call on a page builds an Intl formatter, which took 26 to 40 ms of a main-thread task
 * (in the middle of a parse, and when a trained model's first curve was drawn).
 */
export function formatThousands(value: number, maxDecimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const [whole, fraction] = String(Number(Math.abs(value).toFixed(maxDecimals))).split('.');
  const sign = value < 0 && Number(whole + '.' + (fraction ?? '0')) !== 0 ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** A cost ratio in words-friendly form: 12, 3.5, 0.25. */
export function formatRatio(value: number): string {
  if (!Number.isFinite(value)) return '∞';
  return value >= 10 ? value.toFixed(0) : String(Number(value.toPrecision(2)));
}

/** A share as a percentage with one decimal. */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A threshold as the page shows it: enough digits to tell neighbouring scores apart. */
export function formatThreshold(t: number): string {
  return Number.isFinite(t) ? String(Number(t.toPrecision(6))) : String(t);
}
