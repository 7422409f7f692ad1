// The complaints review panel (supervisors and admins): GET /staff/complaints/panel and its CSV (docs/api.md).
import { h, announce, focusElement, formatDateTime } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary } from '../../js/forms.js';
import { startStaffPage, staffApi, staffDownload, showProblem, problemFor } from './session.js';

const summary = document.getElementById('error-summary');
const panel = document.getElementById('panel');
const FIELDS = { from: 'from', to: 'to', score: 'score-1' };
const SCORE_LABELS = { 1: '1 Very dissatisfied', 2: '2 Dissatisfied', 3: '3 Neither', 4: '4 Satisfied', 5: '5 Very satisfied' };

function query() {
  const params = new URLSearchParams();
  const from = document.getElementById('from').value;
  const to = document.getElementById('to').value;
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  const scores = [...document.querySelectorAll('input[name="score"]:checked')].map((input) => input.value);
  if (scores.length) params.set('score', scores.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function problem(data) {
  const errors = (data.errors || []).map((error) => ({ message: error.message, fieldId: FIELDS[error.field] }));
  showErrorSummary(summary, errors.length ? errors : [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]);
}

function timeliness(step) {
  const average = step.averageBusinessDays == null ? '' : `, average ${step.averageBusinessDays} business days`;
  return `${step.withinTarget} of ${step.done} within target${average}${step.overdue ? `, ${step.overdue} overdue` : ''}`;
}

/** Figures for each unit (or theme) and all of them, as a table that scrolls on its own on a narrow screen. */
function figuresTable(caption, rows, all) {
  const headings = ['Received', 'Upheld', 'Partly upheld', 'Not upheld', 'Not answered', 'Acknowledged', 'Answered'];
  const row = (figures, total) => h('tr', total ? { class: 'table__total' } : {}, [
    h('th', { scope: 'row', text: figures.name }),
    ...[figures.received, figures.upheld, figures.partlyUpheld, figures.notUpheld, figures.notAnswered]
      .map((value) => h('td', { class: 'table__number', text: String(value) })),
    h('td', { text: timeliness(figures.acknowledge) }),
    h('td', { text: timeliness(figures.answer) }),
  ]);
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: caption }),
    h('thead', {}, h('tr', {}, [h('th', { scope: 'col', text: caption.startsWith('By theme') ? 'Theme' : 'Unit' }),
      ...headings.map((text) => h('th', { scope: 'col', text }))])),
    h('tbody', {}, rows.length ? rows.map((figures) => row(figures, false))
      : h('tr', {}, h('td', { colspan: '8', text: 'No complaints in these months.' }))),
    h('tfoot', {}, row(all, true)),
  ]));
}

function openReviews(reviews) {
  if (!reviews.length) return h('p', { text: 'No reviews are open.' });
  return h('ul', { class: 'list' }, reviews.map((review) => h('li', {}, [
    h('strong', { text: review.displayReference }),
    ` of ${review.parentReference || 'a complaint'} · ${review.unitId || ''} · ${review.status}`,
    review.targets && review.targets.answerBy ? ` · answer by ${review.targets.answerBy}` : '',
  ])));
}

function comments(list) {
  if (!list.length) return h('p', { text: 'No survey comments in these months.' });
  return h('ul', { class: 'list' }, list.map((comment) => h('li', {}, [
    h('p', {}, [h('strong', { text: `${SCORE_LABELS[comment.satisfaction] || comment.satisfaction}` }),
      ` · ${comment.serviceName || ''} · ${comment.channel === 'counter' ? 'at the counter' : 'online'} · ${formatDateTime(comment.at)}`]),
    h('p', { class: 'pre-wrap', text: comment.comment }),
  ])));
}

async function show({ focus = false } = {}) {
  const { ok, data } = await staffApi(`/staff/complaints/panel${query()}`);
  if (!ok) { panel.replaceChildren(); problem(data); return; }
  hideErrorSummary(summary);
  document.getElementById('from').value = data.from;
  document.getElementById('to').value = data.to;
  const heading = h('h2', { tabindex: '-1', text: data.from === data.to ? `Complaints in ${data.from}` : `Complaints from ${data.from} to ${data.to}` });
  panel.replaceChildren(
    heading,
    h('p', { text: `Targets: acknowledge within ${data.targets.acknowledgeDays} business days, answer within ${data.targets.answerDays}.` }),
    figuresTable('By unit', data.byUnit, data.all),
    figuresTable('By theme', data.byTheme, data.all),
    h('h2', { text: 'Open reviews' }), openReviews(data.openReviews),
    h('h2', { text: 'Survey comments' }), comments(data.comments),
  );
  announce('Panel updated.');
  if (focus) focusElement(heading);
}

function renderScores() {
  document.getElementById('scores').replaceChildren(...[1, 2, 3, 4, 5].map((score) => h('div', { class: 'radios__item' }, [
    h('input', { class: 'radios__input', id: `score-${score}`, name: 'score', type: 'checkbox', value: String(score) }),
    h('label', { class: 'label radios__label', for: `score-${score}`, text: SCORE_LABELS[score] }),
  ])));
}

document.getElementById('panel-form').addEventListener('submit', (event) => {
  event.preventDefault();
  show({ focus: true });
});
document.getElementById('csv-button').addEventListener('click', async () => {
  const { ok, blob, data } = await staffDownload(`/staff/complaints/panel.csv${query()}`);
  if (!ok) { problem(data); return; }
  const link = h('a', { href: URL.createObjectURL(blob), download: 'complaints-review-panel.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  announce('CSV downloaded.');
});

try {
  renderScores();
  if (await startStaffPage()) await show();
} catch (error) {
  showProblem(...problemFor(error));
}
