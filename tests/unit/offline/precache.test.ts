import { describe, expect, it } from 'vitest';
import { cacheNameOf, dropOtherBuilds, isAppRequest, precache, respond, type PrecacheManifest } from '../../../src/offline/precache';

/** Cache Storage in memory: enough of it for the service worker's logic (URL-keyed). */
function fakeCaches(fetched: Record<string, string>) {
  const stores = new Map<string, Map<string, Response>>();
  const requested: Request[] = [];
  const cache = (store: Map<string, Response>) => ({
    addAll: async (requests: Request[]) => {
      for (const request of requests) {
        requested.push(request);
        const body = fetched[request.url];
        if (body === undefined) throw new TypeError(`404 ${request.url}`);
        store.set(request.url, new Response(body));
      }
    },
    match: async (key: Request | string) => store.get(typeof key === 'string' ? key : key.url)?.clone(),
  });
  const caches = {
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      return cache(stores.get(name) ?? new Map());
    },
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  } as unknown as CacheStorage;
  return { caches, stores, requested };
}

const scope = 'https://app.example/cutoff/';
const manifest: PrecacheManifest = { version: 'abc', files: ['index.html', 'assets/train.worker-1.js', 'assets/tfjs-backend-wasm-2.wasm', 'demo/mammography.csv'] };
const served = Object.fromEntries(manifest.files.map((f) => [new URL(f, scope).href, `body of ${f}`]));
const offline = (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));

describe('precache', () => {
  it('stores every file of the build, past the HTTP cache, under the build version', async () => {
    const { caches, stores, requested } = fakeCaches(served);
    await precache(caches, scope, manifest);
    expect([...(stores.get('cutoff-abc')?.keys() ?? [])]).toEqual(Object.keys(served));
    expect(requested.every((r) => r.cache === 'reload')).toBe(true);
  });

  it('a missing file fails the install rather than leaving half an app', async () => {
    const { caches } = fakeCaches({});
    await expect(precache(caches, scope, manifest)).rejects.toThrow('404');
  });

  it('answers from the cache with the network off; a page load of any URL gets index.html', async () => {
    const { caches } = fakeCaches(served);
    await precache(caches, scope, manifest);
    const wasm = await respond(caches, scope, manifest, new Request(`${scope}assets/tfjs-backend-wasm-2.wasm`), offline);
    expect(await wasm.text()).toBe('body of assets/tfjs-backend-wasm-2.wasm');
    const page = { url: `${scope}?x=1`, mode: 'navigate', method: 'GET' } as Request;
    expect(await (await respond(caches, scope, manifest, page, offline)).text()).toBe('body of index.html');
    await expect(respond(caches, scope, manifest, new Request(`${scope}not-built.js`), offline)).rejects.toThrow('Failed to fetch');
  });

  it("a new build's activation drops the caches of earlier builds and keeps other apps' caches", async () => {
    const { caches, stores } = fakeCaches(served);
    await precache(caches, scope, { ...manifest, version: 'old' });
    await caches.open('someone-else');
    await precache(caches, scope, manifest);
    await dropOtherBuilds(caches, manifest);
    expect([...stores.keys()].sort()).toEqual([cacheNameOf(manifest), 'someone-else']);
  });

  it('handles only reads inside its scope', () => {
    expect(isAppRequest(new Request(`${scope}assets/a.js`), scope)).toBe(true);
    expect(isAppRequest(new Request(`${scope}assets/a.js`, { method: 'POST' }), scope)).toBe(false);
    expect(isAppRequest(new Request('https://elsewhere.example/x.js'), scope)).toBe(false);
  });
});
