// "This may answer your question": as a resident describes what is wrong (the home page's search box, the report
// form's description), the best matching help articles and services are shown below the field, before they submit.
// The list is in a polite live region and never takes the focus. On the report form, once the report is sent, each
// article the resident opened in this tab (sessionStorage civicdesk.readArticles, written by the article page) is
// counted as read and reported all the same (POST /knowledge/outcomes): the help did not settle it.
import { api, h, NetworkError } from './core.js';
import { t, language } from './i18n.js';

const WAIT_MS = 400; // after the last key, so a phone's typing sends a few searches, not one per letter
const FEWEST_LETTERS = 4;
const SHOWN = 3;

const timers = new WeakMap();
const shownFor = new WeakMap();

function regionFor(field) {
  const group = field.closest('.form-group') || field;
  let region = group.nextElementSibling;
  if (!region || !region.classList.contains('suggestions')) {
    region = h('div', { class: 'suggestions', 'aria-live': 'polite' });
    group.after(region);
  }
  return region;
}

function render(region, results) {
  if (results.length === 0) {
    region.replaceChildren();
    return;
  }
  region.replaceChildren(
    h('h2', { class: 'suggestions__title', text: t('suggest.title') }),
    h('ul', { class: 'suggestions__list' }, results.map((result) => h('li', {}, [
      h('a', { href: result.url, text: result.title }),
      result.summary ? h('span', { class: 'suggestions__summary', text: ` – ${result.summary}` }) : null,
    ]))));
}

async function suggest(field) {
  const words = field.value.trim();
  const region = regionFor(field);
  if (words.length < FEWEST_LETTERS) {
    render(region, []);
    return;
  }
  if (shownFor.get(field) === words) return;
  shownFor.set(field, words);
  try {
    // typing=1: a search sent while typing is not counted among the searches that found nothing.
    const answer = await api(`/search?q=${encodeURIComponent(words.slice(0, 200))}&lang=${language}&limit=${SHOWN + 1}&typing=1`);
    if (!answer.ok || field.value.trim() !== words) return; // a newer search is on its way
    const current = new URLSearchParams(location.search).get('service');
    const results = (answer.data.results || [])
      .filter((result) => !(result.type === 'service' && result.id === current)).slice(0, SHOWN);
    render(region, results);
  } catch (error) {
    // Suggestions are a help, never in the way: without a connection the form works as before.
    if (!(error instanceof NetworkError)) throw error;
  }
}

document.addEventListener('input', (event) => {
  const field = event.target;
  if (!(field instanceof HTMLElement) || !field.matches('#q, #description')) return;
  clearTimeout(timers.get(field));
  timers.set(field, setTimeout(() => suggest(field), WAIT_MS));
});

const READ_ARTICLES = 'civicdesk.readArticles';

function readArticles() {
  try {
    const ids = JSON.parse(sessionStorage.getItem(READ_ARTICLES) || '[]');
    return Array.isArray(ids) ? [...new Set(ids.filter((id) => typeof id === 'string' && /^[a-z0-9-]{1,64}$/.test(id)))] : [];
  } catch {
    return [];
  }
}

// report.js tells when a report has been sent. Each read article is counted once: the list is emptied first, so a
// second report from the same tab does not count them again. Nothing personal is sent, only the article's id.
document.addEventListener('civicdesk:report-sent', () => {
  const ids = readArticles();
  sessionStorage.removeItem(READ_ARTICLES);
  for (const articleId of ids) {
    api('/knowledge/outcomes', { method: 'POST', body: { event: 'reported-after-reading', articleId } }).catch(() => {});
  }
});
