// What an officer in the field keeps on the phone (docs/field.md), in IndexedDB: their assigned open requests as
// the staff API showed them, the photos' thumbnails, the services' staff articles, the day's plan, and the queue
// of changes made without signal. The queue outlives the tab and the browser; sign-out deletes all of it.
const NAME = 'civicdesk-field';
// The photos' thumbnails are kept in a cache the service worker answers from (the pages may show images only
// from their own origin: no blob: addresses); the pages and scripts in another. Sign-out clears both.
const CACHE_PREFIX = 'civicdesk-staff';
export const PHOTO_CACHE = 'civicdesk-staff-photos';

let opened;

function open() {
  opened ||= new Promise((resolve, reject) => {
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('meta');
      db.createObjectStore('requests', { keyPath: 'reference' });
      db.createObjectStore('photos');
      db.createObjectStore('articles');
      // Each change keyed by its idempotency key; `seq` keeps the order it was made in.
      db.createObjectStore('queue', { keyPath: 'key' }).createIndex('seq', 'seq');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function store(name, mode = 'readonly') {
  return (await open()).transaction(name, mode).objectStore(name);
}

export async function get(name, key) {
  return done((await store(name)).get(key));
}

export async function all(name) {
  return done((await store(name)).getAll());
}

export async function put(name, value, key) {
  return done((await store(name, 'readwrite')).put(value, key));
}

export async function remove(name, key) {
  return done((await store(name, 'readwrite')).delete(key));
}

/** The queue, oldest change first. */
export async function queued() {
  return done((await store('queue')).index('seq').getAll());
}

/**
 * Replaces the kept requests, photos (each reference's list of kept thumbnail addresses) and articles with these,
 * in one transaction; the queue is left alone.
 */
export async function replaceWork({ requests, photos, articles }) {
  const db = await open();
  const tx = db.transaction(['requests', 'photos', 'articles'], 'readwrite');
  for (const name of ['requests', 'photos', 'articles']) tx.objectStore(name).clear();
  requests.forEach((request) => tx.objectStore('requests').put(request));
  Object.entries(photos).forEach(([reference, list]) => tx.objectStore('photos').put(list, reference));
  Object.entries(articles).forEach(([serviceId, list]) => tx.objectStore('articles').put(list, serviceId));
  return new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
}

/** Sign-out: nothing of this officer's stays on the phone. */
export async function forgetEverything() {
  if (opened) (await opened).close();
  opened = null;
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  if (self.caches) {
    for (const name of await caches.keys()) if (name.startsWith(CACHE_PREFIX)) await caches.delete(name);
  }
}
