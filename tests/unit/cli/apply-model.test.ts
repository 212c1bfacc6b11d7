/** `cutoff apply --model`: a model trained and exported by the page's code scores a CSV in Node to the page's scores. */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTrainController } from '../../../src/model/train-controller';
import { ofType, recorder, tf, trainRun } from '../model/helpers';
import { baseInput, cutoff, tempDir, writePoint } from './fixtures';
import { importedModelSource } from '../../../src/model/imported-model';
import { buildOperatingPoint } from '../../../src/session/operating-point';

describe('cutoff apply --model, and the export of an imported model', () => {
  it('scores raw feature rows with the exported model as the page does (to 1e-6) and applies the threshold', async () => {
    const { events, emit } = recorder();
    const controller = createTrainController(tf, emit);
    const run = trainRun(400, 3, { epochs: 3, batchSize: 32, learningRate: 0.01 }, 1);
    controller.handle(run);
    controller.handle({ type: 'export', runId: 2, context: { fileName: 'toy.csv', labelColumn: 'y', positiveValue: '1', toolVersion: '0.1.0', sha256: 'c'.repeat(64) } });
    await controller.idle();
    const [exported] = ofType(events, 'exported');
    // The page's path: the score job on the same rows.
    controller.handle({
      type: 'score',
      runId: 3,
      files: [new File([exported.zip], 'cutoff-model.zip')],
      data: { ...run.data, labels: new Uint8Array(run.data.rows.length) },
      options: { backend: 'cpu', threshold: 0.5 },
    });
    await controller.idle();
    const [scored] = ofType(events, 'scored');
    // The export records the model's own settings, not the page's defaults.
    const [split] = ofType(events, 'split');
    expect(scored.model).toMatchObject({
      fileName: 'cutoff-model.zip',
      epochs: 3,
      posWeight: split.posWeight,
      learningRate: 0.01,
      features: ['x0', 'x1', 'x2'],
      trainedOn: { fileName: 'toy.csv', labelColumn: 'y', sha256: 'c'.repeat(64) },
    });
    if (!scored.model) throw new Error('no model info');
    const source = importedModelSource(scored.model, 'c'.repeat(64));
    expect(source.model.scoredOwnTrainingRows).toBe(true);
    expect(importedModelSource(scored.model, 'd'.repeat(64)).model.scoredOwnTrainingRows).toBe(false);
    expect(buildOperatingPoint({ ...baseInput, source }).source).toEqual(source);

    const dir = tempDir();
    const model = join(dir, 'cutoff-model.zip');
    writeFileSync(model, new Uint8Array(exported.zip));
    const columns = run.data.columns.map((c) => (c.kind === 'numeric' ? c.values : new Float64Array()));
    const names = run.data.columns.map((c) => c.name);
    const lines = [names.join(','), ...Array.from(run.data.rows, (_, i) => columns.map((v) => (Number.isNaN(v[i]) ? '' : String(v[i]))).join(','))];
    const file = join(dir, 'features.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const point = writePoint(dir, { threshold: 0.5 });
    const r = await cutoff('apply', point, file, '--model', model);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n');
    expect(out[0]).toBe(`${names.join(',')},score,decision`);
    out.slice(1).forEach((line, i) => {
      const cells = line.split(',');
      const score = Number(cells[cells.length - 2]);
      expect(Math.abs(score - scored.scores[i])).toBeLessThanOrEqual(1e-6);
      expect(cells[cells.length - 1]).toBe(score >= 0.5 ? 'positive' : 'negative');
    });
    expect(out).toHaveLength(run.data.rows.length + 1);

    const missing = join(dir, 'missing.csv');
    writeFileSync(missing, 'x0,x1\n1,2\n');
    const bad = await cutoff('apply', point, missing, '--model', model);
    expect([bad.code, bad.stdout]).toEqual([2, '']);
    expect(bad.stderr).toMatch(/has no column "x2" .*name the right one with a column the model was trained on/);
    expect((await cutoff('apply', point, file, '--model', join(dir, 'nope.zip'))).stderr).toMatch(/--model .*nope\.zip: no such file/);
  }, 60_000);
});
