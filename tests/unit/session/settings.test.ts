import { describe, expect, it } from 'vitest';
import { trainingScheduleOf } from '../../../src/model/schedule';
import {
  DATA_SETTING_KEYS,
  dataSettingsOf,
  DEFAULT_SETTINGS,
  LOSS_NAMES,
  restoreSettings,
  settingsFromFragment,
  settingsSchema,
  settingsToFragment,
  TRAIN_SETTING_KEYS,
  trainOptionsOf,
} from '../../../src/session/settings';

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

describe('settings declared once', () => {
  it('takes every default from the schema', () => {
    expect(DEFAULT_SETTINGS).toEqual(settingsSchema.parse({}));
    expect(DEFAULT_SETTINGS.loss).toBe(LOSS_NAMES[0]);
    expect(DEFAULT_SETTINGS.backend).toBe('auto');
    // Batch size and epochs follow the data unless the user sets them.
    expect(DEFAULT_SETTINGS.batchSize).toBeNull();
    expect(DEFAULT_SETTINGS.epochs).toBeNull();
  });

  it('derives the training options from the training fields', () => {
    const settings = { ...DEFAULT_SETTINGS, epochs: 7, loss: 'focal' as const, threshold: 0.3, costFn: 99 };
    const options = trainOptionsOf(settings);
    expect(Object.keys(options).sort()).toEqual([...TRAIN_SETTING_KEYS, 'threshold'].sort());
    expect(options).toMatchObject({ epochs: 7, loss: 'focal', threshold: 0.3 });
    expect(options).not.toHaveProperty('costFn');
  });

  it('resolves an open schedule from the rows one model trains on', () => {
    // 400 rows, 20% held out: 320 training rows, batch 32, 10 steps an epoch; early stopping
    // ends the run, so the epochs are a ceiling of ROW_BUDGET rows seen, capped at 300.
    expect(trainingScheduleOf(DEFAULT_SETTINGS, 400)).toEqual({ batchSize: 32, epochs: 300, stepsPerEpoch: 10, steps: 3000 });
    expect(trainingScheduleOf({ ...DEFAULT_SETTINGS, patience: 0 }, 400)).toEqual({ batchSize: 32, epochs: 60, stepsPerEpoch: 10, steps: 600 });
    const cv = trainingScheduleOf({ ...DEFAULT_SETTINGS, evaluation: 'cv', folds: 5, batchSize: 64, epochs: 3 }, 1000);
    expect(cv).toEqual({ batchSize: 64, epochs: 3, stepsPerEpoch: 13, steps: 39 });
  });
});

describe('data settings', () => {
  it('picks exactly DATA_SETTING_KEYS', () => {
    const data = dataSettingsOf({ ...DEFAULT_SETTINGS, labelColumn: 'y', threshold: 0.3 });
    expect(Object.keys(data)).toEqual([...DATA_SETTING_KEYS]);
    expect(data.labelColumn).toBe('y');
  });
});

describe('trainFieldBounds: forms read the schema, repeat no number', () => {
  it('gives the declared bounds and validity, exclusive bounds included', async () => {
    const { trainFieldBounds } = await import('../../../src/session/settings');
    expect(trainFieldBounds('folds')).toMatchObject({ min: 2, max: 20, integer: true });
    expect(trainFieldBounds('epochs')).toMatchObject({ min: 1, max: 1000, integer: true });
    const alpha = trainFieldBounds('focalAlpha');
    expect([alpha.accepts(0), alpha.accepts(0.5), alpha.accepts(1)]).toEqual([false, true, false]);
    expect(trainFieldBounds('batchSize').accepts(2.5)).toBe(false);
  });
});
