// The work queue: a unit's requests, what falls due first at the top; quick filters and a filter form, each
// with its count; paging; and search. Filters live in the address, so Back, a reload and a shared link show the
// same list. A search does not: it may be a resident's name or phone number, which must not sit in an address
// (the history list, a bookmark, a server log), so it lives only in the history entry's state.
import { api, h, announce, focusElement, statusTag, formatDateTime, NetworkError } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, formGroup, choiceGroup } from '../../js/forms.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';
import { dueLine, priorityTag, warningTag, humanise, unitName, PRIORITY_LABELS } from './words.js';

const FILTERS = ['unit', 'view', 'service', 'status', 'priority', 'assigned', 'due'];
const QUEUE_KEY = 'civicdesk.staff.queue'; // the last queue address, for the request page's way back

const summary = document.getElementById('error-summary');
const filtersArea = document.getElementById('queue-filters');
const results = document.getElementById('results');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('q');
const waitingArea = document.getElementById('referrals-waiting');

let me;
let services = []; // the catalogue's services, for the service filter
const statusLabels = {}; // status id → label, as the API has named them so far
let shown = 0;
let nextCursor = null;
let list;
let moreButton;
let countLine;

function filtersFromAddress() {
  const params = new URLSearchParams(location.search);
  const filters = Object.fromEntries(FILTERS.filter((name) => params.get(name)).map((name) => [name, params.get(name)]));
  if (!filters.unit) filters.unit = me.unit?.id || me.units?.[0]?.id;
  return filters;
}

function queueAddress(filters) {
  const params = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  return `${location.pathname}?${params}`;
}

// ---- Quick filters and the filter form ----

const QUICK = [
  { label: 'All open', filters: {}, count: 'open' },
  { label: 'Assigned to me', filters: { assigned: 'me' }, count: 'assignedToMe' },
  { label: 'Unassigned', filters: { assigned: 'unassigned' }, count: 'unassigned' },
  { label: 'Due soon', filters: { due: 'soon' }, count: 'dueSoon' },
  { label: 'Overdue', filters: { due: 'overdue' }, count: 'overdue' },
];

function sameFilters(a, b) {
  return FILTERS.every((name) => (a[name] || '') === (b[name] || ''));
}

function quickFilters(filters, counts) {
  return h('ul', { class: 'chips', 'aria-label': 'Quick filters' }, QUICK.map((quick) => {
    const target = { unit: filters.unit, ...quick.filters };
    const current = sameFilters({ view: 'open', ...filters }, { view: 'open', ...target });
    const link = h('a', { class: 'chip', href: queueAddress(target), 'aria-current': current ? 'true' : null }, [
      quick.label,
      h('span', { class: 'chip__count' }, [String(counts[quick.count] ?? 0), h('span', { class: 'visually-hidden', text: ' requests' })]),
    ]);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      go(target);
    });
    return h('li', {}, link);
  }));
}

function select(id, label, options, value) {
  return formGroup({ id, label, control: h('select', { class: 'select' }, options.map(([optionValue, text]) =>
    h('option', { value: optionValue, selected: optionValue === (value || ''), text }))) });
}

function withCount(text, count) {
  return count === undefined ? text : `${text} (${count})`;
}

function filterForm(filters, counts) {
  const open = (filters.view || 'open') === 'open';
  const statuses = Object.keys(counts.byStatus || {});
  if (filters.status && !statuses.includes(filters.status)) statuses.push(filters.status);
  const unitServices = services.filter((service) => service.unit?.id === filters.unit);
  const applied = FILTERS.filter((name) => name !== 'unit' && filters[name] && !(name === 'view' && filters.view === 'open')).length;

  const form = h('form', { id: 'filter-form', novalidate: true }, [
    me.unit ? null : select('unit', 'Unit', (me.units || []).map((unit) => [unit.id, unit.name]), filters.unit),
    select('view', 'Show', [['open', withCount('Open requests', counts.open)], ['done', 'Finished requests']], filters.view || 'open'),
    select('service', 'Service', [['', 'Any service'], ...unitServices.map((service) => [service.id, withCount(service.name, counts.byService?.[service.id] ?? 0)])], filters.service),
    open ? select('status', 'Status', [['', 'Any status'], ...statuses.map((status) => [status, withCount(statusLabels[status] || humanise(status), counts.byStatus?.[status] ?? 0)])], filters.status) : null,
    select('priority', 'Priority', [['', 'Any priority'], ...Object.entries(PRIORITY_LABELS).map(([priority, label]) => [priority, open ? withCount(label, counts.byPriority?.[priority] ?? 0) : label])], filters.priority),
    choiceGroup({ id: 'assigned', legend: 'Assigned to', checked: filters.assigned || '', options: [['', 'Anyone'], ['me', withCount('Me', counts.assignedToMe)], ['unassigned', withCount('Nobody yet', counts.unassigned)]] }),
    open ? choiceGroup({ id: 'due', legend: 'Due', checked: filters.due || '', options: [['', 'Any time'], ['soon', withCount('Due in the next 24 hours', counts.dueSoon)], ['overdue', withCount('Overdue', counts.overdue)]] }) : null,
    h('div', { class: 'button-group' }, [
      h('button', { class: 'button', type: 'submit', text: 'Apply filters' }),
      h('a', { href: queueAddress({ unit: filters.unit }), id: 'clear-filters', text: 'Clear filters' }),
    ]),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const chosen = Object.fromEntries(FILTERS.map((name) => [name, data.get(name) || '']));
    chosen.unit = chosen.unit || filters.unit;
    if (chosen.view === 'done') Object.assign(chosen, { status: '', due: '' });
    if (chosen.view === 'open') chosen.view = '';
    go(chosen);
  });
  form.querySelector('#clear-filters').addEventListener('click', (event) => {
    event.preventDefault();
    go({ unit: filters.unit });
  });
  // Folded on a phone, so the list is one scroll away; open where there is room.
  return h('details', { class: 'details', open: matchMedia('(min-width: 641px)').matches || null }, [
    h('summary', { class: 'details__summary', text: applied ? `Filter requests (${applied} applied)` : 'Filter requests' }),
    h('div', { class: 'details__text' }, form),
  ]);
}

// ---- The list ----

function queueItem(item, { searched = false } = {}) {
  if (item.status && item.statusLabel) statusLabels[item.status] = item.statusLabel;
  const facts = [
    ['Status', statusTag(item)],
    ['Priority', priorityTag(item.priority)],
    item.warning ? ['Service level', warningTag(item.warning)] : null,
    item.resident?.name ? ['Resident', item.resident.name] : null,
    searched ? null : ['Assigned to', item.assignee?.name || 'Nobody yet'],
    me.unit?.id === item.unitId ? null : ['Unit', unitName(me, item.unitId)],
    item.address ? ['Where', item.address] : null,
  ].filter(Boolean);
  return h('li', { class: 'queue__item' }, [
    h('h3', { class: 'queue__title' }, h('a', { href: `request.html?ref=${encodeURIComponent(item.reference)}` }, [
      item.displayReference, h('span', { class: 'caption', text: item.service?.name || '' }),
    ])),
    dueLine(item),
    h('dl', { class: 'queue__facts' }, facts.map(([term, value]) => h('div', {}, [h('dt', { text: term }), h('dd', {}, value)]))),
  ]);
}

function countText(view) {
  return `Showing ${shown} ${view === 'done' ? 'finished' : 'open'} request${shown === 1 ? '' : 's'}, ${view === 'done' ? 'most recently finished first' : 'what falls due first at the top'}`;
}

/** The referrals waiting for the unit's answer, oldest first: each opens the request, where it is accepted or sent back. */
async function showWaitingReferrals(unit) {
  let response;
  try {
    response = await staffApi(`/staff/referrals?${new URLSearchParams({ unit })}`);
  } catch {
    return; // the queue works without it
  }
  const items = response.ok ? response.data.items : [];
  waitingArea.hidden = !items.length;
  waitingArea.replaceChildren(...(items.length ? [
    h('h2', { id: 'referrals-waiting-heading', text: `Referred to ${response.data.unit.name}, waiting for your answer` }),
    h('ul', { class: 'list' }, items.map((item) => h('li', {}, [
      h('a', { href: `request.html?ref=${encodeURIComponent(item.displayReference)}`, text: `${item.displayReference} ${item.serviceName}` }),
      `, from ${item.fromUnitName}: answer due ${formatDateTime(item.dueAt)}${item.overdue ? ' (overdue)' : ''}`,
    ]))),
  ] : []));
}

function renderList(data, filters) {
  const view = data.view || filters.view || 'open';
  shown = data.items.length;
  nextCursor = data.nextCursor || null;
  list = h('ol', { class: 'queue' }, data.items.map((item) => queueItem(item)));
  countLine = h('p', { class: 'results-count', text: countText(view) });
  moreButton = h('button', { class: 'button button--secondary', type: 'button', text: 'Show more', hidden: !nextCursor });
  moreButton.addEventListener('click', () => showMore(filters, view));
  results.replaceChildren(
    h('h2', { id: 'results-heading', text: view === 'done' ? 'Finished requests' : 'Open requests' }),
    countLine,
    shown ? list : h('p', { id: 'no-requests', text: 'No requests match these filters.' }),
    moreButton,
  );
}

async function showMore(filters, view) {
  if (moreButton.getAttribute('aria-disabled') === 'true') return undefined;
  moreButton.setAttribute('aria-disabled', 'true');
  announce('Loading more requests…');
  let items = [];
  let problem = null;
  try {
    // A page may come back short or even empty while more follow (filters apply as the queue is read).
    for (let tries = 0; nextCursor && !items.length && !problem && tries < 5; tries += 1) {
      const response = await staffApi(`/staff/queue?${new URLSearchParams({ ...cleaned(filters), cursor: nextCursor })}`);
      if (response.ok) {
        items = response.data.items || [];
        nextCursor = response.data.nextCursor || null;
      } else {
        problem = response.data.message || 'Sorry, we could not show more requests. Try again.';
      }
    }
  } catch (error) {
    if (!(error instanceof NetworkError)) return showProblem(...problemFor(error));
    problem = 'We could not load more requests. Check you are online and try again.';
  }
  moreButton.removeAttribute('aria-disabled');
  if (problem) return announce(problem);
  moreButton.hidden = !nextCursor;
  const added = items.map((item) => queueItem(item));
  list.append(...added);
  document.getElementById('no-requests')?.replaceWith(list);
  shown += added.length;
  countLine.textContent = countText(view);
  if (added.length) added[0].querySelector('a').focus();
  return announce(added.length ? `${added.length} more request${added.length === 1 ? '' : 's'} shown. ${countLine.textContent}.` : 'There are no more requests.');
}

function cleaned(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
}

function showListProblem(heading, message) {
  results.replaceChildren(h('h2', { id: 'results-heading', text: heading }), h('p', { text: message }));
}

// ---- Loading ----

async function loadQueue({ focus = false } = {}) {
  const filters = filtersFromAddress();
  searchInput.value = '';
  clearFieldErrors(searchForm);
  hideErrorSummary(summary);
  document.getElementById('queue-unit').textContent = unitName(me, filters.unit);
  staffTitle('Work queue');
  try {
    sessionStorage.setItem(QUEUE_KEY, queueAddress(filters));
  } catch {
    // Without storage the request page's way back is the plain queue.
  }
  let response;
  try {
    response = await staffApi(`/staff/queue?${new URLSearchParams(cleaned(filters))}`);
  } catch (error) {
    return showProblem(...problemFor(error));
  }
  if (response.status === 400 && Array.isArray(response.data.errors)) {
    // Only a hand-edited address gets here: say what was wrong and offer the plain queue.
    filtersArea.replaceChildren();
    showListProblem('These filters do not work', response.data.errors.map((error) => error.message).join(' '));
    results.append(h('p', {}, h('a', { href: queueAddress({ unit: filters.unit }), text: 'Show all open requests' })));
    return undefined;
  }
  if (!response.ok) {
    filtersArea.replaceChildren();
    return showListProblem(response.status === 403 ? 'You cannot see this unit’s queue' : 'Sorry, there is a problem with the staff service',
      response.data.message || 'Try again in a few minutes.');
  }
  const data = response.data;
  renderList(data, filters);
  showWaitingReferrals(filters.unit);
  filtersArea.replaceChildren(quickFilters(filters, data.counts || {}), filterForm(filters, data.counts || {}));
  if (focus) {
    focusElement(document.getElementById('results-heading'));
    announce(countLine.textContent);
  }
  return undefined;
}

async function search(q, { focus = true } = {}) {
  searchInput.value = q;
  clearFieldErrors(searchForm);
  hideErrorSummary(summary);
  staffTitle(['Search results', 'Work queue']);
  let response;
  try {
    response = await staffApi(`/staff/search?${new URLSearchParams({ q })}`);
  } catch (error) {
    return showProblem(...problemFor(error));
  }
  if (response.status === 400) return searchError(response.data.errors?.[0]?.message || response.data.message);
  if (!response.ok) return showListProblem('Sorry, there is a problem with the staff service', response.data.message || 'Try again in a few minutes.');
  const items = response.data.items || [];
  const back = h('a', { href: queueAddress(filtersFromAddress()), text: 'Back to the work queue' });
  back.addEventListener('click', (event) => {
    event.preventDefault();
    go(filtersFromAddress());
  });
  filtersArea.replaceChildren();
  results.replaceChildren(...[
    h('h2', { id: 'results-heading', text: 'Search results' }),
    h('p', { class: 'results-count', text: items.length
      ? `${items.length} request${items.length === 1 ? '' : 's'} found${response.data.truncated ? ', the newest first. There are more: add words to narrow the search' : ', the newest first'}.`
      : 'No requests found. Check the reference or the spelling, or search by something else.' }),
    items.length ? h('ol', { class: 'queue' }, items.map((item) => queueItem(item, { searched: true }))) : null,
    h('p', {}, back),
  ].filter(Boolean));
  if (focus) {
    focusElement(document.getElementById('results-heading'));
    announce(results.querySelector('.results-count').textContent);
  }
  return undefined;
}

function searchError(message) {
  setFieldError('q', message);
  staffTitle(['Work queue'], { error: true });
  showErrorSummary(summary, [{ fieldId: 'q', message }]);
}

/** Shows other filters, as a new history entry, without reloading the page. */
function go(filters) {
  history.pushState(null, '', queueAddress(cleaned(filters)));
  loadQueue({ focus: true });
}

function load() {
  const q = history.state && history.state.q;
  return q ? search(q, { focus: false }) : loadQueue();
}

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const q = searchInput.value.trim();
  if (!q) {
    clearFieldErrors(searchForm);
    return searchError('Enter a reference, or a resident’s name, email, phone number or address');
  }
  history.pushState({ q }, '', location.pathname + location.search);
  return search(q);
});
window.addEventListener('popstate', load);

async function start() {
  me = await startStaffPage();
  if (!me) return;
  document.getElementById('loading').hidden = true;
  if (!me.can?.workQueue) {
    showProblem('The work queue is not part of your role', 'Ask an administrator if you need to work requests.', { retry: false });
    return;
  }
  // The catalogue names the unit's services for the service filter; the queue still works without it.
  try {
    const catalogue = await api('/services');
    services = (catalogue.data.themes || []).flatMap((theme) => theme.services || []);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
  }
  document.getElementById('queue').hidden = false;
  await load();
}

start();
