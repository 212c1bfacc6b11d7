import { describe, expect, it } from 'vitest';
import { exportSource } from '../../../src/session/export-source';
import { DEFAULT_SETTINGS } from '../../../src/session/settings';
import { INITIAL_TRAINING } from '../../../src/session/training-state';

const context = { sha256: 'a'.repeat(64), transform: null, features: ['age', 'dose'] };

describe("the export's source", () => {
  it('is the score column, with its rescaling, in scores mode', () => {
    const settings = { ...DEFAULT_SETTINGS, mode: 'scores' as const, scoreColumn: 'p', weightColumn: 'n' };
    expect(exportSource(settings, INITIAL_TRAINING, { ...context, transform: { kind: 'sigmoid' } })).toEqual({
      kind: 'scores',
      scoreColumn: 'p',
      weightColumn: 'n',
      scoreTransform: { kind: 'sigmoid' },
    });
  });

  it("is the model trained here, with the run's settings and the features it read", () => {
    const training = { ...INITIAL_TRAINING, posWeight: 42, loss: 'weighted BCE', backend: 'wasm' as const };
    const source = exportSource({ ...DEFAULT_SETTINGS, mode: 'train' }, training, context);
    expect(source).toMatchObject({ kind: 'trained', model: { posWeight: 42, loss: 'weighted BCE', backend: 'wasm', features: ['age', 'dose'] } });
  });
});
