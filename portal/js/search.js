// Search the services and the help articles together (search.html?q=…): best first, with the words found marked.
import { api, h, announce, focusElement, setTitle, NetworkError } from './core.js';
import { snippet } from './snippets.js';
import { t, tn, tParts, language } from './i18n.js';

const input = document.getElementById('q');
const results = document.getElementById('results');
const count = document.getElementById('results-count');
const suggestion = document.getElementById('suggestion');

function resultItem(result) {
  const what = result.type === 'service' ? t('home.report') : t('search.article');
  return h('li', { class: 'search-result' }, [
    h('h2', { class: 'search-result__title' }, h('a', { href: result.url, text: result.title })),
    h('p', { class: 'search-result__kind', text: what }),
    snippet(result.snippetHtml || ''),
  ]);
}

function showSuggestion(words) {
  if (!words) {
    suggestion.hidden = true;
    return;
  }
  suggestion.replaceChildren(...tParts('search.didYouMean', {}, h('a', { href: `search.html?q=${encodeURIComponent(words)}`, text: words })));
  suggestion.hidden = false;
}

async function search(q) {
  input.value = q;
  setTitle([t('search.titleFor', { query: q })]);
  count.textContent = t('search.searching');
  try {
    const answer = await api(`/search?q=${encodeURIComponent(q)}&lang=${language}`);
    if (!answer.ok) {
      const message = (answer.data.errors && answer.data.errors[0] && answer.data.errors[0].message)
        || t('search.broken');
      count.textContent = message;
      results.replaceChildren();
      return;
    }
    const found = answer.data.results || [];
    results.replaceChildren(...found.map(resultItem));
    showSuggestion(answer.data.suggestion);
    count.textContent = found.length === 0 ? t('search.nothing', { query: q }) : tn('search.results', found.length, { query: q });
    announce(count.textContent);
    focusElement(count, { scroll: false });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    count.textContent = t('search.offline');
  }
}

const q = (new URLSearchParams(location.search).get('q') || '').trim();
if (q) search(q);
else focusElement(input, { scroll: false });
