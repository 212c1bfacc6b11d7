/**
 * What the training benchmarks share: the seeded synthetic rows, and the PyTorch peer that
 * trains the same MLP on the same rows on the CPU (Debian's python3-torch).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mulberry32 } from '../../src/data/random';

const PYTHON = '/usr/bin/python3';

/** Seeded rows: roughly normal features on different scales, label = a noisy linear rule, about 10% positive. */
export function syntheticData(n: number, d: number): { x: Float32Array; y: Uint8Array } {
  const rand = mulberry32(20240601);
  const x = new Float32Array(n * d);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let z = 0;
    for (let j = 0; j < d; j++) {
      const v = (rand() + rand() + rand() - 1.5) * 2;
      x[i * d + j] = v * (1 + j) + j;
      if (j < 8) z += v * (j % 2 ? -1 : 1);
    }
    y[i] = z + rand() * 2 > 3.2 ? 1 : 0;
  }
  return { x, y };
}

/** The rows as a CSV file's text (features f0 … f(d−1), then `label`). */
export function syntheticCsv(n: number, d: number): string {
  const { x, y } = syntheticData(n, d);
  const lines = [[...Array.from({ length: d }, (_, j) => `f${j}`), 'label'].join(',')];
  for (let i = 0; i < n; i++) {
    const cells: string[] = [];
    for (let j = 0; j < d; j++) cells.push(x[i * d + j].toFixed(3));
    cells.push(String(y[i]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** What torch_peer.py prints. */
export interface Peer {
  /** With a validation part: seconds from standardising to the end of the last validation predict. */
  totalSeconds?: number;
  validationSeconds?: number;
  samplesPerSecond: number;
  bestSamplesPerSecond: number;
  torch: string;
  threads: number;
}

/**
 * Trains PyTorch's MLP on the first `trainRows` rows for `epochs` epochs of `batch`; with
 * `validationRows`, the next rows are scored after every epoch (as the page validates).
 * A string says why there is no peer.
 */
export function torchPeer(
  data: { x: Float32Array; y: Uint8Array },
  shape: { d: number; trainRows: number; epochs: number; batch?: number; validationRows?: number },
): Peer | string {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return `PyTorch NOT available (${PYTHON} -c "import torch" failed): no peer, no ratio`;
  const dir = mkdtempSync(join(tmpdir(), 'cutoff-train-bench-'));
  try {
    const { d } = shape;
    const rows = shape.trainRows + (shape.validationRows ?? 0);
    writeFileSync(join(dir, 'x.f32'), new Uint8Array(data.x.buffer, 0, rows * d * 4));
    writeFileSync(join(dir, 'y.u8'), data.y.subarray(0, rows));
    const args = [join(__dirname, 'torch_peer.py'), join(dir, 'x.f32'), join(dir, 'y.u8'), String(rows), String(d), String(shape.epochs)];
    if (shape.validationRows) args.push(String(shape.batch ?? 512), String(shape.validationRows));
    const out = spawnSync(PYTHON, args, { encoding: 'utf8' });
    if (out.status !== 0) return `PyTorch peer failed: ${out.stderr.trim().split('\n').pop() ?? ''}`;
    return JSON.parse(out.stdout) as Peer;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
