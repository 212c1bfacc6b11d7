/**
 * What the export says about a model loaded from an archive and used to score the file: its own
 * training settings, features and training file, read from its preprocessing.json (the model
 * card), so the export never falls back to the page's defaults for a model it did not train.
 */
import '../data/zod-setup';
import { z } from 'zod';

export interface ImportedModelInfo {
  fileName: string;
  layers?: number[];
  loss: string;
  posWeight: number | null;
  epochs: number | null;
  learningRate: number | null;
  batchSize: number | null;
  seed: number | null;
  features: string[];
  trainedOn: { fileName: string; labelColumn: string; positiveValue: string; sha256: string | null };
}

const number = z.number().finite().nullable().optional().catch(null);

/** Lenient: a card from an older Cutoff lacks some fields, which become null rather than a refusal. */
const cardSchema = z.object({
  data: z
    .object({
      fileName: z.string().catch(''),
      labelColumn: z.string().catch(''),
      positiveValue: z.string().catch(''),
      sha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .nullable()
        .optional()
        .catch(null),
    })
    .catch({ fileName: '', labelColumn: '', positiveValue: '', sha256: null }),
  training: z
    .object({
      lossDescription: z.string().catch('unknown loss'),
      posWeight: number,
      epochsRun: number,
      learningRate: number,
      batchSize: number,
      seed: number,
      hiddenUnits: z.array(z.number().int().positive()).optional().catch(undefined),
    })
    .catch({ lossDescription: 'unknown loss' }),
  preprocessing: z.object({ steps: z.array(z.object({ column: z.string() })).catch([]) }).catch({ steps: [] }),
});

const positive = (x: number | null | undefined): number | null => (typeof x === 'number' && x > 0 ? x : null);

export function importedModelInfo(card: unknown, fileName: string): ImportedModelInfo {
  const c = cardSchema.parse(card ?? {});
  const t = c.training;
  const epochs = typeof t.epochsRun === 'number' && Number.isInteger(t.epochsRun) && t.epochsRun >= 0 ? t.epochsRun : null;
  const batch = positive(t.batchSize);
  return {
    fileName,
    ...(t.hiddenUnits ? { layers: t.hiddenUnits } : {}),
    loss: t.lossDescription,
    posWeight: positive(t.posWeight),
    epochs,
    learningRate: positive(t.learningRate),
    batchSize: batch !== null && Number.isInteger(batch) ? batch : null,
    seed: typeof t.seed === 'number' && Number.isInteger(t.seed) ? t.seed : null,
    features: [...new Set(c.preprocessing.steps.map((s) => s.column))],
    trainedOn: { fileName: c.data.fileName, labelColumn: c.data.labelColumn, positiveValue: c.data.positiveValue, sha256: c.data.sha256 ?? null },
  };
}

/** The export's source for an imported model; scoredOwnTrainingRows when the scored file is its training file. */
export function importedModelSource(info: ImportedModelInfo, scoredSha256: string) {
  return {
    kind: 'imported-model' as const,
    model: { ...info, scoredOwnTrainingRows: info.trainedOn.sha256 !== null && info.trainedOn.sha256 === scoredSha256 },
  };
}
