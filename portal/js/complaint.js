// A complaint's private view, opened from the link in its first mail (complaint.html?ref=…#key=…): status, the
// targets and whether they were met, our answer, and asking for an internal review while that is possible.
// The key rides in the fragment, which browsers never send; it reaches the API only in X-Private-Key.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, formatDateTime, timeElement, summaryList } from './core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount } from './forms.js';
import { t, tn, tParts, formatNumber } from './i18n.js';

const REASON_MAX = 4000;
const STATUS_LABELS = {
  received: t('status.received'), acknowledged: t('status.acknowledged'), answered: t('complaint.status.answered'),
  'under-review': t('complaint.status.under-review'), reviewed: t('complaint.status.reviewed'),
};
const OUTCOME_LABELS = {
  upheld: t('complaint.outcome.upheld'), 'partly-upheld': t('complaint.outcome.partly-upheld'), 'not-upheld': t('complaint.outcome.not-upheld'),
};

const container = document.getElementById('complaint');
const form = document.getElementById('review-form');
const button = document.getElementById('review-button');
const summary = document.getElementById('error-summary');

const reference = (new URLSearchParams(location.search).get('ref') || '').toUpperCase().replace(/[\s-]/g, '');
let headers;

function showMessage(heading, paragraphs) {
  form.hidden = true;
  container.replaceChildren(h('h1', { text: heading }), ...paragraphs.map((text) => h('p', { text })));
  setTitle([heading]);
  focusElement(container.querySelector('h1'));
}

function tag(status) {
  return h('strong', { class: `tag tag--${String(status).replace(/[^a-z-]/g, '')}`, text: STATUS_LABELS[status] || status });
}

/** "Monday 2 March 2026 at 10:15am, 1 business day after we received it: within our target". */
function stepText(step, target) {
  if (!step) return tParts('complaint.notYet', {}, timeElement(target, formatDate(target)));
  return tParts('complaint.step', { days: tn('complaint.days', step.businessDays) },
    timeElement(step.at, formatDateTime(step.at)),
    h('strong', { text: t(step.withinTarget ? 'complaint.within' : 'complaint.later') }));
}

// The rows a complaint and its review share: when received, each step against its target, and the answer.
function caseRows(item) {
  const rows = [
    [t('track.status'), tag(item.status)],
    [t('status.received'), timeElement(item.receivedAt, formatDateTime(item.receivedAt))],
    [t('status.acknowledged'), h('span', {}, stepText(item.acknowledged, item.targets.acknowledgeBy))],
    [t('complaint.status.answered'), h('span', {}, stepText(item.answered, item.targets.answerBy))],
  ];
  if (item.outcome) {
    rows.push([t('complaint.outcome'), OUTCOME_LABELS[item.outcome] || item.outcome], [t('complaint.reasons'), item.reasons || '']);
  }
  return rows;
}

function render(complaint) {
  const review = complaint.review;
  const request = complaint.reviewRequest;
  container.replaceChildren(
    h('h1', { id: 'heading' }, [h('span', { class: 'caption', text: t('complaint.yours') }), t('complaint.reference', { reference: complaint.displayReference })]),
    summaryList(caseRows(complaint)),
    h('h2', { text: t('complaint.told') }),
    h('p', { class: 'pre-wrap', text: complaint.message }),
    ...(review ? [
      h('h2', { id: 'review-progress', text: t('complaint.yourReview') }),
      h('p', { text: t('complaint.reviewing') }),
      summaryList(caseRows(review)),
    ] : []),
    request && !request.possible && !review
      ? h('p', {}, tParts('complaint.reviewEnded', {}, timeElement(request.by, formatDate(request.by))))
      : null,
  );
  form.hidden = !(request && request.possible && !review);
  if (!form.hidden) {
    document.getElementById('review-intro').replaceChildren(...tParts('complaint.reviewIntro', {}, timeElement(request.by, formatDate(request.by))));
  }
  setTitle([t('complaint.reference', { reference: complaint.displayReference })]);
}

async function load() {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  headers = { 'X-Private-Key': key || '' };
  if (!reference || !key) {
    return showMessage(t('complaint.openFromMail'), [
      t('complaint.privacy'),
      t('complaint.phone'),
    ]);
  }
  let response;
  try {
    response = await api(`/complaints/${encodeURIComponent(reference)}`, { headers });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showMessage(t('complaint.offline'), [t('complaint.reload')]);
  }
  if (!response.ok) {
    return showMessage(t('complaint.broken'), [t('complaint.openFromFirst')]);
  }
  render(response.data);
  focusElement(document.getElementById('heading'), { scroll: false });
}

function showErrors(errors) {
  clearFieldErrors(form);
  for (const { fieldId, message } of errors) if (fieldId) setFieldError(fieldId, message);
  setTitle([t('complaint.askReview')], { error: true });
  showErrorSummary(summary, errors);
}

async function askForReview() {
  const reason = document.getElementById('reason').value.trim();
  if (!reason) return showErrors([{ fieldId: 'reason', message: t('complaint.reasonMissing') }]);
  if ([...reason].length > REASON_MAX) return showErrors([{ fieldId: 'reason', message: t('complaint.reasonTooLong', { max: formatNumber(REASON_MAX) }) }]);
  button.setAttribute('aria-disabled', 'true');
  announce(t('complaint.sending'));
  let response;
  try {
    response = await api(`/complaints/${encodeURIComponent(reference)}/review`, { method: 'POST', headers, body: { reason } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showErrors([{ message: t('complaint.connectionFailed') }]);
  } finally {
    button.removeAttribute('aria-disabled');
  }
  if (response.ok) {
    clearFieldErrors(form);
    hideErrorSummary(summary);
    render(response.data);
    announce(t('complaint.received'));
    return focusElement(document.getElementById('review-progress'));
  }
  // Already asked for (a retry after a lost answer), or the window closed meanwhile: show it as it now is.
  if (response.status === 409) {
    clearFieldErrors(form);
    hideErrorSummary(summary);
    await load();
    return announce(response.data.message || '');
  }
  const errors = (response.data.errors || []).filter(({ field }) => field === 'reason').map(({ message }) => ({ fieldId: 'reason', message }));
  return showErrors(errors.length ? errors : [{ message: response.data.message || t('error.tryLater') }]);
}

characterCount(document.getElementById('reason'), REASON_MAX);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') !== 'true') askForReview();
});
// Pasting the private link over a keyless one changes only the fragment: no reload.
window.addEventListener('hashchange', load);
load();
