/**
 * What the service worker does, as functions of the Cache Storage it is given, so they can be
 * tested in node: precache one build's files, drop other builds' caches, answer from the cache.
 */

/** One build's files, relative to the service worker's scope, and a hash of their contents. */
export interface PrecacheManifest {
  version: string;
  files: string[];
}

const CACHE_PREFIX = 'cutoff-';

export const cacheNameOf = (manifest: PrecacheManifest): string => `${CACHE_PREFIX}${manifest.version}`;

/** Fetches every file of the build into its own cache; a failed file fails the install (no half app). */
export async function precache(caches: CacheStorage, scope: string, manifest: PrecacheManifest): Promise<void> {
  const cache = await caches.open(cacheNameOf(manifest));
  // 'reload': past the HTTP cache, so an update never stores a stale copy of a file.
  await cache.addAll(manifest.files.map((file) => new Request(new URL(file, scope).href, { cache: 'reload' })));
}

/** Deletes the caches of earlier builds once this one is in charge. */
export async function dropOtherBuilds(caches: CacheStorage, manifest: PrecacheManifest): Promise<void> {
  const keep = cacheNameOf(manifest);
  const stale = (await caches.keys()).filter((key) => key.startsWith(CACHE_PREFIX) && key !== keep);
  await Promise.all(stale.map((key) => caches.delete(key)));
}

/** Requests the service worker answers: reads of the app's own files. */
export function isAppRequest(request: Request, scope: string): boolean {
  return request.method === 'GET' && request.url.startsWith(scope);
}

/**
 * The cached copy, else the network. A page load (any query or fragment: settings ride in the
 * fragment) gets the cached index.html.
 */
export async function respond(
  caches: CacheStorage,
  scope: string,
  manifest: PrecacheManifest,
  request: Request,
  network: (request: Request) => Promise<Response>,
): Promise<Response> {
  const cache = await caches.open(cacheNameOf(manifest));
  // ignoreVary: the server's `Vary: Origin` would otherwise set a module script's request (it
  // carries an Origin header) apart from the header-less one the install stored.
  const key = request.mode === 'navigate' ? new URL('index.html', scope).href : request;
  const hit = await cache.match(key, { ignoreVary: true });
  return hit ?? network(request);
}
