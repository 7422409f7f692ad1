// The knowledge base's articles (articles.html): GET /staff/articles, filtered here by unit and by what needs doing
// (past review, a draft waiting, taken down). Each opens on the staff article page.
import { h, formatDate } from '../../js/core.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';

const AUDIENCES = { residents: 'Residents', staff: 'Staff only' };
const KINDS = { guidance: 'Article', 'unit-page': 'Unit page' };
const unitSelect = document.getElementById('unit');
const showSelect = document.getElementById('show');
let listed = { articles: [], units: [] };

function statusText(article) {
  if (article.status === 'retired') return 'Taken down';
  if (article.status === 'draft') return 'Draft, never published';
  return article.hasDraft ? 'Published, with a draft waiting' : 'Published';
}

function row(article, unitNames) {
  const review = article.reviewBy ? formatDate(article.reviewBy) : 'No date';
  return h('tr', {}, [
    h('td', {}, h('a', { href: `article.html?id=${encodeURIComponent(article.articleId)}`, text: article.title })),
    h('td', { text: `${KINDS[article.kind] || article.kind}, ${AUDIENCES[article.audience] || article.audience}` }),
    h('td', { text: unitNames.get(article.unitId) || article.unitId }),
    h('td', { text: statusText(article) }),
    h('td', {}, article.dueForReview ? [h('strong', { class: 'tag tag--warning-breached', text: 'Review due' }), ` ${review}`] : review),
  ]);
}

function wanted(article) {
  if (unitSelect.value && article.unitId !== unitSelect.value) return false;
  switch (showSelect.value) {
    case 'review': return article.dueForReview;
    case 'draft': return article.status !== 'retired' && article.hasDraft;
    case 'retired': return article.status === 'retired';
    default: return true;
  }
}

function render() {
  const unitNames = new Map(listed.units.map((unit) => [unit.unitId, unit.name]));
  const shown = listed.articles.filter(wanted);
  document.getElementById('articles').replaceChildren(...shown.map((article) => row(article, unitNames)));
  const due = listed.articles.filter((article) => article.dueForReview).length;
  document.getElementById('articles-count').textContent = `${shown.length} of ${listed.articles.length} articles`
    + (due ? `; ${due} past ${due === 1 ? 'its' : 'their'} review date` : '');
}

async function start() {
  const me = await startStaffPage();
  if (!me) return;
  const { ok, data } = await staffApi('/staff/articles');
  if (!ok) {
    showProblem('Sorry, the articles cannot be shown', data.message || 'Try again in a few minutes.');
    return;
  }
  listed = data;
  unitSelect.append(...data.units.map((unit) => h('option', { value: unit.unitId, text: unit.name })));
  const params = new URLSearchParams(location.search);
  unitSelect.value = params.get('unit') || '';
  showSelect.value = params.get('show') || '';
  unitSelect.addEventListener('change', render);
  showSelect.addEventListener('change', render);
  render();
}

start().catch((error) => showProblem(...problemFor(error)));
