import { describe, expect, it } from 'vitest';
import { createParseRunner, type ParseState } from '../../../../src/engine/runners/parse-runner';
import type { Dataset } from '../../../../src/data/dataset';
import { DataError, ParseCancelled } from '../../../../src/data/errors';
import type { ReadOptions } from '../../../../src/data/read-file';
import type { ParseEvent, ParseRequest } from '../../../../src/engine/protocol';
import { createWorkerClient } from '../../../../src/engine/worker-client';
import { fakeSpawner } from '../../fake-worker';

function setup() {
  const spawner = fakeSpawner();
  const client = createWorkerClient<ParseRequest, ParseEvent>({
    name: 'file reader',
    spawn: spawner.spawn,
    requestIdOf: (event) => event.requestId,
    isFinal: (event) => event.type !== 'progress',
    cancelMessage: (requestId) => ({ type: 'cancel', requestId }),
  });
  const states: ParseState[] = [];
  const runner = createParseRunner(client, (s) => states.push(s));
  return { spawner, runner, states };
}

const file = new File(['a,label\n1,yes\n'], 'small.csv');
// The runner passes the options through untouched; their content is the worker's business.
const options = {} as ReadOptions;
const dataset = { rowCount: 1 } as Dataset;

describe('useParser logic on the fake worker', () => {
  it('sends the file, shows progress and resolves with the dataset', async () => {
    const { spawner, runner, states } = setup();
    const result = runner.parse(file, options);
    expect(spawner.current().messages<ParseRequest>()).toEqual([{ type: 'parse', requestId: 1, file, options }]);
    expect(states.at(-1)).toMatchObject({ busy: true, fileName: 'small.csv', totalBytes: file.size });
    spawner.current().reply({ type: 'progress', requestId: 1, bytesRead: 5, totalBytes: file.size, rows: 1 });
    expect(states.at(-1)).toMatchObject({ busy: true, bytesRead: 5, rows: 1 });
    spawner.current().reply({ type: 'parsed', requestId: 1, dataset });
    await expect(result).resolves.toBe(dataset);
    expect(states.at(-1)?.busy).toBe(false);
  });

  it("rejects with the worker's DataError and its remedy", async () => {
    const { spawner, runner } = setup();
    const result = runner.parse(file, options);
    spawner.current().reply({ type: 'error', requestId: 1, message: 'no label column', remedy: null });
    await expect(result).rejects.toBeInstanceOf(DataError);
    await expect(result).rejects.toThrow('no label column');
  });

  it('cancel rejects at once and asks the worker to stop; a newer file supersedes an older one', async () => {
    const { spawner, runner } = setup();
    const first = runner.parse(file, options);
    const second = runner.parse(file, options);
    await expect(first).rejects.toBeInstanceOf(ParseCancelled);
    runner.cancel();
    await expect(second).rejects.toBeInstanceOf(ParseCancelled);
    expect(
      spawner
        .current()
        .messages<ParseRequest>()
        .map((m) => `${m.type} ${m.requestId}`),
    ).toEqual(['parse 1', 'cancel 1', 'parse 2', 'cancel 2']);
  });

  it('a crashed reader rejects with the restart message and the next file goes to a fresh worker', async () => {
    const { spawner, runner, states } = setup();
    const result = runner.parse(file, options);
    spawner.current().crash('Uncaught Error: simulated crash');
    await expect(result).rejects.toThrow('The file reader stopped unexpectedly (Uncaught Error: simulated crash); it has been restarted.');
    expect(states.at(-1)?.busy).toBe(false);
    const next = runner.parse(file, options);
    expect(spawner.workers).toHaveLength(2);
    spawner.current().reply({ type: 'parsed', requestId: 2, dataset });
    await expect(next).resolves.toBe(dataset);
  });

  it('a reader that cannot load says offline', async () => {
    const { spawner, runner } = setup();
    const result = runner.parse(file, options);
    spawner.current().failToLoad();
    await expect(result).rejects.toThrow(/^offline: the file reader could not be loaded/);
  });
});
