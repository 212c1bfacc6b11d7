/**
 * The user's decisions as one serialisable object: what the views show and what the export
 * records. Data never goes in here, only choices about it.
 */
import { z } from 'zod';

export const settingsSchema = z.object({
  mode: z.enum(['train', 'scores']),
  labelColumn: z.string().nullable(),
  positiveValue: z.string().nullable(),
  scoreColumn: z.string().nullable(),
  weightColumn: z.string().nullable(),
  threshold: z.number().finite(),
  costFp: z.number().finite().min(0),
  costFn: z.number().finite().min(0),
  /** Assumed deployment prevalence; null means as observed in the data. */
  prevalence: z.number().gt(0).lt(1).nullable(),
  /** Three-way mode: scores in [lower, upper) go to human review; null when off. */
  band: z
    .object({ lower: z.number().min(0).max(1), upper: z.number().min(0).max(1) })
    .refine((b) => b.lower <= b.upper)
    .nullable(),
  epochs: z.number().int().min(1).max(1000),
  /** null means neg/pos of the training split. */
  posWeight: z.number().positive().finite().nullable(),
  seed: z.number().int(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  mode: 'train',
  labelColumn: null,
  positiveValue: null,
  scoreColumn: null,
  weightColumn: null,
  threshold: 0.5,
  costFp: 1,
  costFn: 10,
  prevalence: null,
  band: null,
  epochs: 20,
  posWeight: null,
  seed: 42,
};

/**
 * Reads settings saved earlier (local storage or a shared link), keeping every field that is
 * valid and dropping the rest, so an old or hand-edited link never breaks the page.
 */
export function restoreSettings(saved: unknown, base: Settings = DEFAULT_SETTINGS): Settings {
  if (typeof saved !== 'object' || saved === null) return base;
  const restored: Settings = { ...base };
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as (keyof Settings)[]) {
    if (!Object.prototype.hasOwnProperty.call(saved, key)) continue;
    const parsed = shape[key].safeParse((saved as Record<string, unknown>)[key]);
    if (parsed.success) Object.assign(restored, { [key]: parsed.data });
  }
  return restored;
}

const FRAGMENT_KEY = 'settings=';

/** The settings as a URL fragment: a link that reproduces the view without any data. */
export function settingsToFragment(settings: Settings): string {
  return `#${FRAGMENT_KEY}${encodeURIComponent(JSON.stringify(settings))}`;
}

/** Settings from a URL fragment made by settingsToFragment, or null when it holds none. */
export function settingsFromFragment(hash: string, base: Settings = DEFAULT_SETTINGS): Settings | null {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text.startsWith(FRAGMENT_KEY)) return null;
  try {
    return restoreSettings(JSON.parse(decodeURIComponent(text.slice(FRAGMENT_KEY.length))), base);
  } catch {
    return null;
  }
}
