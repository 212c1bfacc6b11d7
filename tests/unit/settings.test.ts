import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, restoreSettings, settingsFromFragment, settingsToFragment } from '../../src/settings';

describe('settings persistence', () => {
  it('round-trips through a URL fragment', () => {
    const settings = { ...DEFAULT_SETTINGS, threshold: 0.37, costFn: 25, labelColumn: '__proto__', prevalence: 0.01 };
    expect(settingsFromFragment(settingsToFragment(settings))).toEqual(settings);
  });

  it('keeps valid fields and drops invalid ones', () => {
    const restored = restoreSettings({ threshold: 0.2, costFp: -3, epochs: 'many', unknown: 1 });
    expect(restored.threshold).toBe(0.2);
    expect(restored.costFp).toBe(DEFAULT_SETTINGS.costFp);
    expect(restored.epochs).toBe(DEFAULT_SETTINGS.epochs);
    expect(restored).not.toHaveProperty('unknown');
  });

  it('ignores fragments that are not settings', () => {
    expect(settingsFromFragment('#section-2')).toBeNull();
    expect(settingsFromFragment('#settings=%7Bbroken')).toBeNull();
  });
});
