/// <reference lib="webworker" />
/**
 * Cutoff's service worker: after one visit every file of the build is in the cache, so a reload
 * with the network off runs the whole app (the demo, training on WASM, drag, export). A new
 * build is fetched in the background on a visit and takes over on the next one.
 *
 * Built as its own entry (dist/sw.js, see vite.config.ts); the build writes the manifest in.
 */
import { dropOtherBuilds, isAppRequest, precache, respond, type PrecacheManifest } from './precache';

declare const self: ServiceWorkerGlobalScope;

// Replaced by the build with this build's file list and version (offlineServiceWorker in vite.config.ts).
const manifest = JSON.parse('__CUTOFF_PRECACHE_MANIFEST__') as PrecacheManifest;
const scope = self.registration.scope;

self.addEventListener('install', (event) => {
  // Waiting would keep the old build in charge until every tab closed; the open page keeps
  // running the code it has, and the next load is the new build.
  event.waitUntil(precache(self.caches, scope, manifest).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(dropOtherBuilds(self.caches, manifest).then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  if (!isAppRequest(event.request, scope)) return;
  event.respondWith(respond(self.caches, scope, manifest, event.request, (request) => fetch(request)));
});
