/**
 * `cutoff apply --model cutoff-model.zip`: scores raw feature rows in Node with the exported
 * TF.js model and its preprocessing, through the page's own code (loadModelFiles, scoreRows,
 * applyPreprocessor) on the tfjs CPU backend, so a batch job gets the page's scores.
 */
import { readFile } from 'node:fs/promises';
import * as tfc from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { loadModelFiles, type LoadedModel } from '../model/model-files';
import { scoreRows } from '../model/score';
import type { Tf } from '../model/tf';
import { isMissingToken } from '../data/missing';
import { DataError } from '../data/errors';
import type { RawColumn } from '../data/preprocess';
import type { BatchScorer } from './apply';
import { cellNumber, cellText } from './cells';
import { InputError } from './errors';
import type { Cell } from './table-reader';

const tf: Tf = { core: tfc, layers: tfl };

/** A batch's column as the page's table reader would type it: numbers when every present cell is one. */
export function rawColumn(name: string, cells: readonly Cell[], decimalComma = false): RawColumn {
  const values = new Float64Array(cells.length);
  let numeric = true;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const text = typeof cell === 'string' ? cell : null;
    if (cell === null || cell === undefined || (text !== null && isMissingToken(text))) {
      values[i] = Number.NaN;
      continue;
    }
    const v = cellNumber(cell, decimalComma);
    if (Number.isFinite(v) && typeof cell !== 'boolean') values[i] = v;
    else numeric = false;
  }
  if (numeric) return { kind: 'numeric', name, values };
  const levels: string[] = [];
  const index = new Map<string, number>();
  const codes = new Int32Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const text = cellText(cells[i]);
    if (isMissingToken(text)) {
      codes[i] = -1;
      continue;
    }
    let code = index.get(text);
    if (code === undefined) index.set(text, (code = levels.push(text) - 1));
    codes[i] = code;
  }
  return { kind: 'categorical', name, codes, levels };
}

export async function loadModel(path: string): Promise<LoadedModel> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch {
    throw new InputError(`--model ${path}: no such file`);
  }
  // PROD silences tfjs's banner about tfjs-node on stderr, which would break "one line on stderr".
  tfc.env().set('PROD', true);
  await tfc.setBackend('cpu');
  try {
    return await loadModelFiles(tf, [{ name: path, bytes }]);
  } catch (error) {
    throw new InputError(`--model ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function loadModelScorer(path: string): Promise<BatchScorer> {
  const model = await loadModel(path);
  const needed = model.preprocessor.steps.map((s) => s.column);
  return {
    needs: needed,
    score: async (rows, columns, decimalComma) => {
      const raw = needed.map((name) =>
        rawColumn(
          name,
          rows.map((r) => r[columns.indexOf(name)]),
          decimalComma,
        ),
      );
      try {
        const scores = await scoreRows(
          tf,
          model.network,
          model.preprocessor,
          raw,
          Uint32Array.from(rows, (_, i) => i),
        );
        return Float64Array.from(scores);
      } catch (error) {
        if (error instanceof DataError) throw new InputError(error.message);
        throw error;
      }
    },
  };
}
