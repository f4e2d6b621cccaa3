// Hotline's service worker: keeps the app shell so that after one visit the app loads and
// works with the network off. Cache-first: the shell's files are immutable within one build,
// and the cache is named after a hash of them (filled in at build time by
// src/platform/web/configure_service_worker.cmake), so a new build installs a new cache and
// drops the old. Requests outside the shell (the sync API) go to the network untouched.
'use strict';

const CACHE = 'hotline-shell-@HOTLINE_CACHE_VERSION@';
// Relative to this script's folder. Keep in step with the list in configure_service_worker.cmake.
// The page asks for the build files with "?v=<version>"; matching ignores the query.
const SHELL = ['./', 'index.html', 'page.js', 'page.css', 'app.js', 'app.wasm', 'app.data',
               'manifest.webmanifest', 'icon.svg'];

self.addEventListener('install', (event) => {
  // cache: 'reload' bypasses the HTTP cache, so the new cache holds this build's files.
  event.waitUntil(caches.open(CACHE)
    .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, {cache: 'reload'}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('hotline-shell-') && name !== CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/api/v1/health')) {
    // The app's "is there a server?" probe: with the network down, say so without an error
    // (the app then opens the browser's own desk, or the signed-in user's, as it would).
    event.respondWith(fetch(request).catch(() => new Response('{"status":"offline"}',
      {headers: {'Content-Type': 'application/json'}})));
    return;
  }
  if (url.pathname.includes('/api/')) return;  // the sync API: always the network
  event.respondWith(caches.open(CACHE)
    // ignoreSearch: "./?demo" is the cached "./", "app.js?v=..." the cached "app.js".
    .then((cache) => cache.match(request, {ignoreSearch: true}))
    .then((cached) => cached || fetch(request)));
});
