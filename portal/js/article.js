// A help article (article.html?id=…): read once opened, counted as read, and "was this helpful?" asked at the end.
// Opening it is remembered in this tab (sessionStorage civicdesk.readArticles) so that a report sent afterwards
// counts the article as read and reported all the same; only the article's id is kept, nothing personal.
import { api, h, announce, focusElement, setTitle, formatDate, NetworkError } from './core.js';
import { articleBody } from './article-body.js';
import { t, tParts, language } from './i18n.js';

const READ_ARTICLES = 'civicdesk.readArticles';
const articleId = (new URLSearchParams(location.search).get('id') || '').trim();
const problem = document.getElementById('problem');
const problemText = document.getElementById('problem-text');
const retry = document.getElementById('retry');

function remember(id) {
  try {
    const ids = JSON.parse(sessionStorage.getItem(READ_ARTICLES) || '[]');
    const list = Array.isArray(ids) ? ids.filter((each) => typeof each === 'string') : [];
    if (!list.includes(id)) sessionStorage.setItem(READ_ARTICLES, JSON.stringify([...list, id].slice(-20)));
  } catch {
    // Private browsing may refuse storage: the article still reads, it is just not counted with a later report.
  }
}

function outcome(event) {
  return api('/knowledge/outcomes', { method: 'POST', body: { event, articleId } });
}

function showProblem(heading, text, canRetry) {
  document.getElementById('loading').hidden = true;
  document.getElementById('article').hidden = true;
  document.getElementById('problem-heading').textContent = heading;
  problemText.textContent = text;
  retry.hidden = !canRetry;
  problem.hidden = false;
  setTitle([heading], { error: !canRetry });
  focusElement(document.getElementById('problem-heading'));
}

function show(article) {
  setTitle([article.title, t('article.help')]);
  document.getElementById('article-title').textContent = article.title;
  document.getElementById('article-summary').textContent = article.summary;
  document.getElementById('article-body').replaceChildren(articleBody(article.html));
  // A part nobody has translated yet is read in English: marked as English for screen readers, and said so above.
  const english = article.english || [];
  for (const [field, id] of [['title', 'article-title'], ['summary', 'article-summary'], ['body', 'article-body']]) {
    const element = document.getElementById(id);
    if (english.includes(field)) {
      element.lang = 'en';
      element.dir = 'ltr';
    } else {
      element.removeAttribute('lang');
      element.removeAttribute('dir');
    }
  }
  document.getElementById('article-english').hidden = english.length === 0;
  const changed = article.changedAt ? t('article.updated', { date: formatDate(article.changedAt.slice(0, 10)) }) : '';
  document.getElementById('article-changed').textContent = [changed, article.unitName ? t('article.by', { unit: article.unitName }) : '']
    .filter(Boolean).join(' ');
  const services = article.services || [];
  document.getElementById('services-list').replaceChildren(...services.map((service) =>
    h('li', {}, h('a', { href: `report.html?service=${encodeURIComponent(service.serviceId)}`, text: t('article.report', { service: service.name }) }))));
  document.getElementById('article-services').hidden = services.length === 0;
  document.getElementById('loading').hidden = true;
  problem.hidden = true;
  document.getElementById('article').hidden = false;
  focusElement(document.getElementById('article-title'), { scroll: false });
}

async function load() {
  if (!/^[a-z0-9-]{1,64}$/.test(articleId)) {
    showProblem(t('article.notFound'), t('article.noName'), false);
    return;
  }
  try {
    const answer = await api(`/articles/${encodeURIComponent(articleId)}?lang=${language}`);
    if (answer.status === 404) {
      showProblem(t('article.notFound'), t('article.gone'), false);
      return;
    }
    if (!answer.ok) {
      showProblem(t('article.broken'), t('article.couldNotOpen'), true);
      return;
    }
    show(answer.data);
    remember(articleId);
    outcome('read').catch(() => {});
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    showProblem(t('article.offline'), t('article.offlineText'), true);
  }
}

document.getElementById('helpful-buttons').addEventListener('click', async (event) => {
  const button = event.target.closest('button[data-helpful]');
  if (!button) return;
  const buttons = document.getElementById('helpful-buttons');
  const thanks = document.getElementById('helpful-thanks');
  buttons.hidden = true;
  const helpful = button.dataset.helpful === 'helpful';
  thanks.replaceChildren(helpful ? t('article.thanks')
    : h('span', {}, tParts('article.sorry', {}, h('a', { href: 'search.html', text: t('article.searchAgain') }),
      h('a', { href: 'services.html', text: t('article.reportProblem') }))));
  thanks.hidden = false;
  announce(thanks.textContent);
  try {
    await outcome(button.dataset.helpful);
  } catch {
    // A lost answer is one fewer in the figures; the resident is not asked again.
  }
});

retry.addEventListener('click', () => {
  problem.hidden = true;
  document.getElementById('loading').hidden = false;
  load();
});

load();
