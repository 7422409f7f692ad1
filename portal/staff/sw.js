// The staff pages' service worker (docs/field.md), scoped to /staff/: it keeps the pages and scripts an officer
// needs in the field, so "My day" opens without signal. The API is never cached here: answers from /api pass
// straight by, and the page keeps the officer's work in IndexedDB. The one personal thing it answers is a request
// photo's thumbnail, which the page put in the photos cache (sign-out deletes it with the database).
const VERSION = 'civicdesk-staff-shell-1';
const SHELL = [
  './my-day.html', './manifest.webmanifest', './icons/icon.svg', './icons/icon-192.png', './icons/icon-512.png',
  './css/staff.css', './js/field.js', './js/field-store.js', './js/field-sync.js', './js/session.js', './js/words.js',
  '../css/site.css', '../js/core.js', '../js/forms.js', '../js/i18n.js', '../i18n/en.json', '../config.js', '../favicon.svg',
].map((path) => new URL(path, self.location).href);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith('civicdesk-staff-shell') && name !== VERSION)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

/** The shell's own copy of a file, or of my-day.html for any address of it (its query string says nothing to it). */
function shellKey(request) {
  const url = new URL(request.url);
  url.hash = '';
  if (url.pathname.endsWith('/staff/my-day.html')) url.search = '';
  return SHELL.includes(url.href) ? url.href : null;
}

const PHOTO_CACHE = 'civicdesk-staff-photos';
const PHOTOS = new URL('./field-photos/', self.location).href;

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  if (event.request.url.startsWith(PHOTOS)) {
    event.respondWith(caches.open(PHOTO_CACHE).then((cache) => cache.match(event.request.url))
      .then((kept) => kept || new Response('', { status: 404 })));
    return;
  }
  const key = shellKey(event.request);
  if (!key) return;
  // The network first, so a deploy reaches the phone at once; the kept copy when there is no signal.
  event.respondWith(fetch(event.request).then(async (response) => {
    if (response.ok) await (await caches.open(VERSION)).put(key, response.clone());
    return response;
  }).catch(async () => (await caches.match(key)) || Response.error()));
});
