/**
 * The exported model: a ZIP of model.json + model.weights.bin (TensorFlow.js layers format,
 * loadable with tf.loadLayersModel once unzipped) and preprocessing.json (the fitted
 * preprocessing and the training settings). Saving goes through a custom IOHandler that
 * hands the artifacts back instead of writing them anywhere.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import '../data/zod-setup';
import { z } from 'zod';
import { parsePreprocessor, preprocessorSchema, type Preprocessor } from '../data/preprocess-schema';
import type { ModelContext } from './train-protocol';
import { disposeMlp } from './mlp';
import type { Tf } from './tf';
import { toLayersModel, type TrainedModel, type TrainedSettings } from './trained-model';
import { isZip, readZip, writeZip } from './zip';

/** The names of the three files in the exported archive. */
export const MODEL_JSON = 'model.json';
/** The weights file that model.json's manifest names. */
export const WEIGHTS_BIN = 'model.weights.bin';
/** The {@link ModelCard}. */
export const PREPROCESSING_JSON = 'preprocessing.json';

/** The run's settings as the card records them: what a reader needs is the loss; the rest is kept as written. */
const trainingSchema = z.custom<TrainedSettings>((v) => typeof v === 'object' && v !== null && typeof (v as { lossDescription?: unknown }).lossDescription === 'string');

/** preprocessing.json: everything but the network needed to score new rows, and how it was trained. */
export const modelCardSchema = z.object({
  format: z.literal('cutoff-model'),
  version: z.literal(1),
  /** The network's single output is a logit: probability = σ(output). */
  output: z.literal('logit'),
  tool: z.object({ name: z.literal('Cutoff'), version: z.string() }),
  /** sha256: the training file's hash, so scoring that same file again can be recognised. */
  data: z.object({ fileName: z.string(), labelColumn: z.string(), positiveValue: z.string(), sha256: z.string().optional() }),
  training: trainingSchema,
  preprocessing: preprocessorSchema,
});
export type ModelCard = z.infer<typeof modelCardSchema>;

/** The model of the last run as a ZIP archive's bytes. */
export async function exportModelZip(tf: Tf, model: TrainedModel, context: ModelContext): Promise<Uint8Array> {
  const layers = toLayersModel(tf, model);
  const captured: { artifacts: tfc.io.ModelArtifacts | null } = { artifacts: null };
  try {
    await layers.save(
      tf.core.io.withSaveHandler(async (a) => {
        captured.artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
  } finally {
    disposeMlp(layers);
  }
  const saved = captured.artifacts;
  if (!saved) throw new Error('the model could not be serialised');
  const modelJson = {
    modelTopology: saved.modelTopology,
    format: saved.format,
    generatedBy: saved.generatedBy,
    convertedBy: saved.convertedBy ?? null,
    weightsManifest: [{ paths: [WEIGHTS_BIN], weights: saved.weightSpecs ?? [] }],
  };
  const card: ModelCard = {
    format: 'cutoff-model',
    version: 1,
    output: 'logit',
    tool: { name: 'Cutoff', version: context.toolVersion },
    data: { fileName: context.fileName, labelColumn: context.labelColumn, positiveValue: context.positiveValue, ...(context.sha256 ? { sha256: context.sha256 } : {}) },
    training: model.settings,
    preprocessing: model.preprocessor,
  };
  const text = (value: unknown): Uint8Array => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return writeZip([
    { name: MODEL_JSON, data: text(modelJson) },
    { name: WEIGHTS_BIN, data: new Uint8Array(tf.core.io.CompositeArrayBuffer.join(saved.weightData)) },
    { name: PREPROCESSING_JSON, data: text(card) },
  ]);
}

/** What a card read back must have: an older card may lack tool and data, and its preprocessing is checked apart (parsePreprocessor names the bad field). */
const cardSchema = modelCardSchema.pick({ format: true, version: true, output: true, training: true }).extend({ preprocessing: z.unknown() });

const modelJsonSchema = z.object({
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()), weights: z.array(z.object({ name: z.string(), shape: z.array(z.number()), dtype: z.string() }).passthrough()) })),
});

/** A loaded model: the network (dispose with disposeMlp), its preprocessing, and a line about it. */
export interface LoadedModel {
  network: tfl.LayersModel;
  preprocessor: Preprocessor;
  description: string;
  /** The preprocessing.json as read, for the export's record of the model (src/model/imported-model.ts). */
  card: unknown;
}

/**
 * Loads a model from the files the user picked: the exported ZIP, or model.json, the weights
 * file and preprocessing.json. Throws an Error that says what is missing or wrong.
 */
export async function loadModelFiles(tf: Tf, files: { name: string; bytes: Uint8Array }[]): Promise<LoadedModel> {
  const entries: { name: string; bytes: Uint8Array }[] = [];
  for (const f of files) {
    if (isZip(f.bytes)) for (const e of await readZip(f.bytes)) entries.push({ name: e.name, bytes: e.data });
    else entries.push(f);
  }
  const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
  let modelJson: z.infer<typeof modelJsonSchema> | null = null;
  let card: z.infer<typeof cardSchema> | null = null;
  let rawCard: unknown = null;
  for (const e of entries.filter((x) => x.name.toLowerCase().endsWith('.json'))) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(e.bytes));
    } catch {
      throw new Error(`${baseName(e.name)} is not valid JSON`);
    }
    const asModel = modelJsonSchema.safeParse(parsed);
    if (asModel.success) modelJson = asModel.data;
    const asCard = cardSchema.safeParse(parsed);
    if (asCard.success) {
      card = asCard.data;
      rawCard = parsed;
    }
  }
  if (!modelJson) throw new Error(`no TensorFlow.js ${MODEL_JSON} among the files; choose the exported .zip, or ${MODEL_JSON}, ${WEIGHTS_BIN} and ${PREPROCESSING_JSON}`);
  if (!card) throw new Error(`no Cutoff ${PREPROCESSING_JSON} among the files: a model cannot score new rows without its preprocessing`);
  const preprocessor = parsePreprocessor(card.preprocessing);
  const weightSpecs = modelJson.weightsManifest.flatMap((g) => g.weights) as tfc.io.WeightsManifestEntry[];
  const buffers = modelJson.weightsManifest.flatMap((g) =>
    g.paths.map((path) => {
      const found = entries.find((e) => baseName(e.name) === baseName(path));
      if (!found) throw new Error(`the weights file ${baseName(path)} named in ${MODEL_JSON} is missing`);
      return found.bytes.slice().buffer;
    }),
  );
  const network = await tf.layers.loadLayersModel(
    tf.core.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData: tf.core.io.CompositeArrayBuffer.join(buffers) }),
  );
  const inputShape = network.inputs[0]?.shape ?? [];
  const outputShape = network.outputs[0]?.shape ?? [];
  if (inputShape[1] !== preprocessor.inputs.length || outputShape[1] !== 1 || network.inputs.length !== 1 || network.outputs.length !== 1) {
    network.dispose();
    throw new Error(
      `the network takes ${String(inputShape[1])} inputs and gives ${String(outputShape[1])} outputs, but the preprocessing makes ${preprocessor.inputs.length} inputs and Cutoff needs 1 output`,
    );
  }
  return { network, preprocessor, description: card.training.lossDescription, card: rawCard };
}
