// Find a service: the catalogue grouped by theme, narrowed live as the resident types.
import { api, h, announce, NetworkError, warningText } from './core.js';
import { t, tn, language } from './i18n.js';

const input = document.getElementById('q');
const list = document.getElementById('service-list');
const count = document.getElementById('results-count');
const entries = []; // { item, text } per service, text lower-cased for matching

function serviceItem(service) {
  return h('li', { class: 'service' }, [
    h('h3', {}, h('a', { href: `report.html?service=${encodeURIComponent(service.id)}`, text: service.name })),
    service.notice ? warningText(service.notice) : null,
    h('p', { text: service.description }),
    service.timeframe ? h('p', { text: service.timeframe }) : null,
  ]);
}

function render(catalogue) {
  const themes = catalogue.themes || [];
  list.replaceChildren(...themes.map((theme) => {
    const items = (theme.services || []).map((service) => {
      const item = serviceItem(service);
      const text = [service.name, service.description, theme.name, ...(service.keywords || [])].join(' ').toLowerCase();
      entries.push({ item, text });
      return item;
    });
    return h('section', { class: 'theme' }, [
      h('h2', { text: theme.name }),
      h('ul', { class: 'services' }, items),
    ]);
  }));
}

let announceTimer;
function filter({ speak = true } = {}) {
  const query = input.value.trim();
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const entry of entries) {
    entry.item.hidden = !words.every((word) => entry.text.includes(word));
    if (!entry.item.hidden) shown += 1;
  }
  for (const theme of list.querySelectorAll('.theme')) theme.hidden = !theme.querySelector('.service:not([hidden])');
  count.textContent = query
    ? (shown ? tn('services.matching', shown, { query }) : t('services.noMatch', { query }))
    : tn('services.count', shown);
  // Keep the filter in the address so Back from a service returns to the same list.
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query); else url.searchParams.delete('q');
  history.replaceState(history.state, '', url);
  // Wait for a pause in typing, so a screen reader hears the count once rather than on every key.
  clearTimeout(announceTimer);
  if (speak) announceTimer = setTimeout(() => announce(count.textContent), 600);
}

function showFailure() {
  const retry = h('button', { class: 'button button--secondary', type: 'button', text: t('action.tryAgain') });
  retry.addEventListener('click', load);
  list.replaceChildren(
    h('p', { text: t('services.failed') }),
    retry,
  );
  announce(t('services.failedShort'));
}

async function load() {
  list.replaceChildren(h('p', { text: t('services.loading') }));
  let response;
  try {
    response = await api(`/services?lang=${language}`);
  } catch (error) {
    if (error instanceof NetworkError) return showFailure();
    throw error;
  }
  if (!response.ok) return showFailure();
  entries.length = 0;
  render(response.data);
  filter({ speak: Boolean(input.value.trim()) });
}

input.value = new URLSearchParams(location.search).get('q') || '';
input.addEventListener('input', () => filter());
document.getElementById('filter-form').addEventListener('submit', (event) => {
  // Enter in the box filters in place; the results are right below.
  event.preventDefault();
  filter();
});
load();
