// "My day" (docs/field.md): an officer's open assigned requests in the order to visit them (the supervisor's plan,
// due time, or distance from here), kept on the phone so the officer can work them without signal. Notes, status
// changes and resolutions made here are queued (field-sync.js) and sent when the signal and a sign-in are back.
import { h, announce, formatDateTime, focusElement, COUNCIL_TIME_ZONE } from '../../js/core.js';
import { startStaffPage, staffApi, signedIn, staffTitle } from './session.js';
import { dueLine } from './words.js';
import * as kept from './field-store.js';
import { enqueue, sendQueue, applyAgain, drop } from './field-sync.js';

const connection = document.getElementById('connection');
const signInAgain = document.getElementById('sign-in-again');
const changesArea = document.getElementById('changes');
const changeList = document.getElementById('change-list');
const orderArea = document.getElementById('order');
const visits = document.getElementById('visits');
const ACTION_WORDS = { note: 'Note', status: 'Status change', resolve: 'Resolve' };
// The queue's own read: a reference list of at most this many pages of 100 (an officer's open work).
const MAX_PAGES = 5;
const READS_AT_ONCE = 6;

let me;
let chosen = null; // the officer's choice of order; until then, the plan if there is one, else due first
let here = null; // { latitude, longitude } once the officer shares where they are

if ('serviceWorker' in navigator) navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {});

function distanceKm(a, b) {
  const rad = (degrees) => (degrees * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(s));
}

function located(request) {
  const { latitude, longitude } = request.location || {};
  return typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : null;
}

function dueAt(request) {
  return request.sla?.due?.at ? Date.parse(request.sla.due.at) : Infinity;
}

function orderOf(plan) {
  if (chosen === 'plan' && !plan) return 'due';
  return chosen || (plan ? 'plan' : 'due');
}

function ordered(requests, plan) {
  const list = [...requests];
  const order = orderOf(plan);
  if (order === 'distance' && here) {
    const away = (request) => (located(request) ? distanceKm(here, located(request)) : Infinity);
    return list.sort((a, b) => away(a) - away(b) || dueAt(a) - dueAt(b));
  }
  if (order === 'plan' && plan) {
    const place = (request) => {
      const at = plan.references.indexOf(request.reference);
      return at < 0 ? Infinity : at;
    };
    return list.sort((a, b) => place(a) - place(b) || dueAt(a) - dueAt(b));
  }
  return list.sort((a, b) => dueAt(a) - dueAt(b));
}

// ---- Showing what is kept ----

function describe(change) {
  const body = change.body;
  const what = body.action === 'status' ? `to ${change.label || body.status}` : `“${body.note || body.resolution}”`;
  return `${ACTION_WORDS[body.action]} ${what}, on version ${body.expectedVersion}, made ${formatDateTime(change.madeAt)}`;
}

function historyLine(entry) {
  const who = entry.by ? entry.by.name : 'The resident';
  const after = entry.after && entry.after.status ? ` to ${entry.after.status}` : '';
  const words = entry.publicMessage || entry.note;
  return h('li', {}, [`${formatDateTime(entry.at)}: ${who}, ${entry.action}${after}`, words ? ` – ${words}` : null]);
}

function changeItem(change) {
  const children = [h('p', {}, [h('strong', { text: `${change.displayReference} ${change.serviceName}` })]),
    h('p', { text: `Your change: ${describe(change)}` })];
  if (change.state === 'waiting') {
    children.push(h('p', { class: 'secondary-text', text: 'Waiting to be sent.' }));
  } else if (change.state === 'conflict') {
    const current = change.current;
    const heading = h('h3', { tabindex: '-1', text: `${change.displayReference} changed while you were working on it` });
    const again = h('button', { type: 'button', class: 'button', text: `Apply my change on version ${current.version}` });
    const dropIt = h('button', { type: 'button', class: 'button button--secondary', text: 'Drop my change' });
    again.addEventListener('click', () => choose(change, 'again'));
    dropIt.addEventListener('click', () => choose(change, 'drop'));
    children.unshift(heading);
    children.push(
      h('p', { text: change.message }),
      h('p', { text: `The request when you made your change (version ${change.madeOn.version}): ${change.madeOn.statusLabel}.` }),
      h('p', { text: `The request now (version ${current.version}): ${current.statusLabel}.` }),
      h('ul', { 'aria-label': 'What changed' }, (current.history || []).slice(-3).map(historyLine)),
      h('div', { class: 'button-group' }, [again, dropIt]),
    );
  } else {
    const dropIt = h('button', { type: 'button', class: 'button button--secondary', text: 'Drop my change' });
    dropIt.addEventListener('click', () => choose(change, 'drop'));
    children.push(h('p', { class: 'error-message', text: `Not taken: ${change.message}` }), dropIt);
  }
  return h('li', { class: `field-change field-change--${change.state}`, 'data-key': change.key }, children);
}

function photoList(photos) {
  if (!photos || !photos.length) return null;
  return h('ul', { class: 'photo-grid', 'aria-label': 'Photos' }, photos.map((address) =>
    h('li', { class: 'photo' }, h('img', { src: address, alt: 'A photo of the problem', width: 160, height: 120 }))));
}

function articleList(articles) {
  if (!articles || !articles.length) return null;
  return [h('h3', { text: 'Guidance for this service' }), h('ul', {}, articles.map((article) =>
    h('li', {}, [h('strong', { text: article.title }), article.audience === 'staff' ? ' (staff only)' : '',
      article.summary ? h('span', { class: 'guidance__summary', text: ` ${article.summary}` }) : null])))];
}

function field(id, label, control, error) {
  return h('div', { class: 'form-group' }, [h('label', { class: 'label', for: id, text: label }), error, control]);
}

/** One small form that queues one change: its fields, and what it asks of the API. */
function changeForm(request, { id, label, button, control, action, describe = () => null }) {
  const error = h('p', { class: 'error-message', id: `${id}-error`, hidden: true });
  const form = h('form', { class: 'field-form', novalidate: true }, [field(id, label, control, error),
    h('button', { type: 'submit', class: 'button', text: button })]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = control.value.trim();
    if (!value) {
      error.textContent = `Error: enter ${label.toLowerCase()}.`;
      error.hidden = false;
      control.setAttribute('aria-describedby', error.id);
      control.setAttribute('aria-invalid', 'true');
      focusElement(control);
      return;
    }
    error.hidden = true;
    control.removeAttribute('aria-invalid');
    const body = action(value);
    await enqueue(me, request, body, describe(control));
    control.value = '';
    announce(`${ACTION_WORDS[body.action]} kept on this phone for ${request.displayReference}.`);
    await sync();
  });
  return form;
}

function visitCard(request, photos, articles, waiting) {
  const spot = located(request);
  const statuses = (request.allowedNextStatuses || []).filter((next) => !next.final);
  const statusSelect = h('select', { class: 'select', id: `status-${request.reference}` },
    [h('option', { value: '', text: 'Choose a status' }), ...statuses.map((next) => h('option', { value: next.status, text: next.label }))]);
  const forms = request.canAct ? [
    changeForm(request, { id: `note-${request.reference}`, label: 'Note', button: 'Add the note',
      control: h('textarea', { class: 'textarea', id: `note-${request.reference}`, rows: 3, maxlength: 4000 }),
      action: (value) => ({ action: 'note', note: value }) }),
    statuses.length ? changeForm(request, { id: `status-${request.reference}`, label: 'Status', button: 'Change the status',
      control: statusSelect,
      action: (value) => ({ action: 'status', status: value }), describe: (control) => control.selectedOptions[0].text }) : null,
    changeForm(request, { id: `resolution-${request.reference}`, label: 'Resolution (the resident sees this)', button: 'Resolve',
      control: h('textarea', { class: 'textarea', id: `resolution-${request.reference}`, rows: 3, maxlength: 2000 }),
      action: (value) => ({ action: 'resolve', resolution: value }) }),
  ] : [h('p', { text: 'This request is in another unit: read only.' })];
  const distance = here && spot ? `${distanceKm(here, spot).toFixed(1)} km away` : null;
  return h('li', { class: 'field-visit', 'data-reference': request.reference }, h('details', {}, [
    h('summary', {}, [h('strong', { text: request.displayReference }), ` ${request.service.name}`,
      h('span', { class: 'field-visit__where', text: ` ${request.location?.address || 'No address'}` }),
      distance ? ` (${distance})` : null,
      waiting ? h('span', { class: 'tag', text: `${waiting} waiting to send` }) : null]),
    h('p', { text: `${request.statusLabel}, ${request.priority} priority` }),
    dueLine(request.sla || {}, request.timeZone),
    request.location?.mapLink ? h('p', {}, h('a', { href: request.location.mapLink, text: `Map of ${request.displayReference} (OpenStreetMap)` })) : null,
    request.description ? h('p', { text: request.description }) : null,
    (request.answers || []).length ? h('dl', { class: 'field-answers' }, request.answers.flatMap((answer) =>
      [h('dt', { text: answer.question }), h('dd', { text: answer.answer })])) : null,
    photoList(photos),
    ...(articleList(articles) || []),
    h('h3', { text: 'History' }),
    h('ul', {}, (request.history || []).slice(-5).map(historyLine)),
    ...forms,
  ]));
}

function orderChoice(plan) {
  const order = orderOf(plan);
  const options = [...(plan ? [['plan', `As planned by ${plan.plannedBy?.name || 'your supervisor'}`]] : []),
    ['due', 'Due first'], ['distance', 'Nearest first']];
  const fieldset = h('fieldset', { class: 'fieldset' }, [h('legend', { class: 'fieldset__legend', text: 'Order' }),
    h('div', { class: 'radios radios--inline' }, options.map(([value, label]) => h('div', { class: 'radios__item' }, [
      h('input', { class: 'radios__input', type: 'radio', name: 'order', id: `order-${value}`, value, checked: order === value }),
      h('label', { class: 'label radios__label', for: `order-${value}`, text: label })])))]);
  fieldset.addEventListener('change', async (event) => {
    chosen = event.target.value;
    if (chosen === 'distance' && !here) await locate();
    await render();
  });
  return fieldset;
}

function locate() {
  return new Promise((resolve) => {
    if (!navigator.geolocation) {
      announce('This phone cannot say where it is: the list stays in due order.');
      resolve();
      return;
    }
    navigator.geolocation.getCurrentPosition((position) => {
      here = { latitude: position.coords.latitude, longitude: position.coords.longitude };
      resolve();
    }, () => {
      announce('Your position is not shared: the list stays in due order.');
      chosen = 'due';
      resolve();
    }, { maximumAge: 300000, timeout: 10000 });
  });
}

async function render() {
  const [requests, queue, plan] = await Promise.all([kept.all('requests'), kept.queued(), kept.get('meta', 'plan')]);
  const mine = queue.filter((change) => change.officerId === me.id);
  changesArea.hidden = mine.length === 0;
  changeList.replaceChildren(...mine.map(changeItem));
  const open = requests.filter((request) => !request.final);
  const todaysPlan = plan && plan.officerId === me.id && plan.date === today() && plan.references.length ? plan : null;
  orderArea.replaceChildren(orderChoice(todaysPlan));
  // A sync that ends while the officer is writing a note leaves the visits as they are: nothing typed is lost.
  const typing = visits.contains(document.activeElement) && document.activeElement.value;
  document.getElementById('loading').hidden = true;
  if (typing) return;
  const opened = new Set([...visits.querySelectorAll('details[open]')].map((details) => details.closest('li').dataset.reference));
  const cards = [];
  for (const request of ordered(open, todaysPlan)) {
    const [photos, articles] = await Promise.all([kept.get('photos', request.reference), kept.get('articles', request.service.id)]);
    const card = visitCard(request, photos, articles, mine.filter((change) => change.reference === request.reference).length);
    if (opened.has(request.reference)) card.querySelector('details').open = true;
    cards.push(card);
  }
  visits.replaceChildren(...cards);
  if (!open.length) visits.replaceChildren(h('li', { text: 'No open requests are assigned to you.' }));
}

function showConnection(why) {
  const waiting = changeList.querySelectorAll('.field-change--waiting').length;
  connection.textContent = why === 'offline' || !navigator.onLine
    ? 'No signal: your changes are kept on this phone and sent when the signal is back.'
    : why === 'busy' ? 'The staff service is busy: your changes are kept and sent again shortly.'
      : `Online. ${waiting ? `${waiting} change${waiting === 1 ? '' : 's'} waiting.` : 'Everything is sent.'}`;
  signInAgain.hidden = why !== 'sign-in';
  if (why === 'sign-in') {
    const button = h('button', { type: 'button', class: 'button', text: 'Sign in again to send your changes' });
    button.addEventListener('click', () => staffApi('/staff/me'));
    signInAgain.replaceChildren(h('p', { text: 'Your sign-in has run out. Your changes stay on this phone until you sign in again.' }), button);
  }
}

// ---- Keeping the phone's copy up to date ----

async function photosOf(reference) {
  const answer = await staffApi(`/staff/requests/${encodeURIComponent(reference)}/photos`);
  const ready = answer.ok ? (answer.data.photos || []).filter((photo) => photo.state === 'ready' && photo.thumbnailUrl) : [];
  const cache = await caches.open(kept.PHOTO_CACHE);
  const addresses = [];
  for (const photo of ready) {
    const address = new URL(`../field-photos/${reference}/${photo.id}.jpg`, import.meta.url).href;
    try {
      const image = await fetch(photo.thumbnailUrl, { credentials: 'omit' });
      if (image.ok) {
        await cache.put(address, new Response(await image.blob(), { headers: { 'Content-Type': 'image/jpeg' } }));
        addresses.push(address);
      }
    } catch {
      // The thumbnail stays off the phone; the request's other details are kept.
    }
  }
  return addresses;
}

/** Today in the council's time zone, as the API writes a date. */
function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** Reads the officer's open assigned requests, what the phone shows of each, and today's plan. */
async function refresh() {
  const references = [];
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({ unit: me.unit.id, assigned: 'me', limit: '100' });
    if (cursor) params.set('cursor', cursor);
    const answer = await staffApi(`/staff/queue?${params}`);
    if (!answer.ok) return;
    references.push(...answer.data.items.map((item) => item.reference));
    cursor = answer.data.nextCursor;
    if (!cursor) break;
  }
  const requests = [];
  const photos = {};
  const articles = {};
  const keep = async (reference) => {
    const answer = await staffApi(`/staff/requests/${encodeURIComponent(reference)}`);
    if (!answer.ok) return;
    requests.push(answer.data);
    photos[reference] = await photosOf(reference);
    const serviceId = answer.data.service.id;
    if (!(serviceId in articles)) {
      articles[serviceId] = [];
      const guidance = await staffApi(`/staff/articles?serviceId=${encodeURIComponent(serviceId)}`);
      if (guidance.ok) articles[serviceId] = guidance.data.articles.map(({ articleId, title, summary, audience }) => ({ articleId, title, summary, audience }));
    }
  };
  // A few at a time: quicker on a phone's connection, and gentle on the API.
  for (let at = 0; at < references.length; at += READS_AT_ONCE) {
    await Promise.all(references.slice(at, at + READS_AT_ONCE).map(keep));
  }
  const plan = await staffApi(`/staff/day-plans/${encodeURIComponent(me.id)}/${today()}`);
  if (plan.ok) await kept.put('meta', plan.data, 'plan');
  await kept.replaceWork({ requests, photos, articles });
  await kept.put('meta', { at: new Date().toISOString() }, 'refreshed');
}

async function choose(change, choice) {
  if (choice === 'again') await applyAgain(change);
  else await drop(change);
  announce(choice === 'again' ? 'Your change will be sent on the new version.' : 'Your change is dropped.');
  await sync();
}

let syncing = null;

/** Sends what waits, then, online, reads the work again; shows the phone's copy either way. */
async function sync() {
  syncing ||= (async () => {
    let why = navigator.onLine ? null : 'offline';
    try {
      if (!why) why = await sendQueue(me);
      await render();
      showConnection(why);
      if (!why) await refresh();
    } catch {
      why = 'offline';
    }
    await render();
    showConnection(why);
  })().finally(() => { syncing = null; });
  return syncing;
}

async function start() {
  staffTitle('My day');
  const keptMe = await kept.get('meta', 'me');
  if (navigator.onLine && signedIn()) {
    me = await startStaffPage();
  } else if (navigator.onLine && !keptMe) {
    me = await startStaffPage(); // not signed in on this phone yet: the sign-in page
  }
  if (!me && keptMe) me = keptMe; // no signal, or the sign-in ran out: the officer's own copy
  if (!me) return;
  if (!me.unit) {
    visits.replaceChildren(h('li', { text: 'My day lists the requests assigned to an officer of a unit.' }));
    document.getElementById('loading').hidden = true;
    return;
  }
  if (keptMe && keptMe.id !== me.id) {
    // Another officer's work on this phone (they did not sign out): it stays theirs, never sent as this one's.
    await kept.replaceWork({ requests: [], photos: {}, articles: {} });
  }
  await kept.put('meta', me, 'me');
  window.addEventListener('online', sync);
  window.addEventListener('offline', () => showConnection('offline'));
  await sync();
}

start();
