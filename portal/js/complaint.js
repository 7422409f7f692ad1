// A complaint's private view, opened from the link in its first mail (complaint.html?ref=…#key=…): status, the
// targets and whether they were met, our answer, and asking for an internal review while that is possible.
// The key rides in the fragment, which browsers never send; it reaches the API only in X-Private-Key.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, formatDateTime, timeElement, summaryList } from './core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount } from './forms.js';

const REASON_MAX = 4000;
const STATUS_LABELS = {
  received: 'Received', acknowledged: 'Acknowledged', answered: 'Answered', 'under-review': 'Under review', reviewed: 'Reviewed',
};
const OUTCOME_LABELS = { upheld: 'Upheld', 'partly-upheld': 'Partly upheld', 'not-upheld': 'Not upheld' };

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
  if (!step) return ['Not yet. Our target is ', timeElement(target, formatDate(target)), '.'];
  const days = `${step.businessDays} business day${step.businessDays === 1 ? '' : 's'}`;
  return [timeElement(step.at, formatDateTime(step.at)), `, ${days} after we received it: `,
    h('strong', { text: step.withinTarget ? 'within our target' : 'later than our target' }), '.'];
}

// The rows a complaint and its review share: when received, each step against its target, and the answer.
function caseRows(item) {
  const rows = [
    ['Status', tag(item.status)],
    ['Received', timeElement(item.receivedAt, formatDateTime(item.receivedAt))],
    ['Acknowledged', h('span', {}, stepText(item.acknowledged, item.targets.acknowledgeBy))],
    ['Answered', h('span', {}, stepText(item.answered, item.targets.answerBy))],
  ];
  if (item.outcome) {
    rows.push(['Outcome', OUTCOME_LABELS[item.outcome] || item.outcome], ['Reasons', item.reasons || '']);
  }
  return rows;
}

function render(complaint) {
  const review = complaint.review;
  const request = complaint.reviewRequest;
  container.replaceChildren(
    h('h1', { id: 'heading' }, [h('span', { class: 'caption', text: 'Your complaint' }), `Complaint ${complaint.displayReference}`]),
    summaryList(caseRows(complaint)),
    h('h2', { text: 'What you told us' }),
    h('p', { class: 'pre-wrap', text: complaint.message }),
    ...(review ? [
      h('h2', { id: 'review-progress', text: 'Your internal review' }),
      h('p', { text: 'A supervisor from outside the team concerned is looking at your complaint again. We email you their answer.' }),
      summaryList(caseRows(review)),
    ] : []),
    request && !request.possible && !review
      ? h('p', {}, ['The time to ask for an internal review ended on ', timeElement(request.by, formatDate(request.by)), '.'])
      : null,
  );
  form.hidden = !(request && request.possible && !review);
  if (!form.hidden) {
    document.getElementById('review-intro').replaceChildren(
      'If you are not satisfied with our answer, you can ask for an internal review until ',
      timeElement(request.by, formatDate(request.by)),
      '. A supervisor from outside the team concerned looks at your complaint again and sends you their answer.');
  }
  setTitle([`Complaint ${complaint.displayReference}`]);
}

async function load() {
  const key = new URLSearchParams(location.hash.slice(1)).get('key');
  headers = { 'X-Private-Key': key || '' };
  if (!reference || !key) {
    return showMessage('Open your complaint from the link in your first email', [
      'For your privacy, your complaint can only be seen from the link in the first email we sent you when you made it.',
      'If you cannot find that email, phone the City of Melaleuca with your complaint reference.',
    ]);
  }
  let response;
  try {
    response = await api(`/complaints/${encodeURIComponent(reference)}`, { headers });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showMessage('Sorry, we could not show your complaint', ['Check you are online and reload the page.']);
  }
  if (!response.ok) {
    return showMessage('This link does not work', [response.data.message || 'Open your complaint from the link in the first email we sent you.']);
  }
  render(response.data);
  focusElement(document.getElementById('heading'), { scroll: false });
}

function showErrors(errors) {
  clearFieldErrors(form);
  for (const { fieldId, message } of errors) if (fieldId) setFieldError(fieldId, message);
  setTitle(['Ask for an internal review'], { error: true });
  showErrorSummary(summary, errors);
}

async function askForReview() {
  const reason = document.getElementById('reason').value.trim();
  if (!reason) return showErrors([{ fieldId: 'reason', message: 'Tell us why you are not satisfied with our answer' }]);
  if ([...reason].length > REASON_MAX) return showErrors([{ fieldId: 'reason', message: 'Your reason must be 4,000 characters or fewer' }]);
  button.setAttribute('aria-disabled', 'true');
  announce('Sending your request for a review…');
  let response;
  try {
    response = await api(`/complaints/${encodeURIComponent(reference)}/review`, { method: 'POST', headers, body: { reason } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showErrors([{ message: 'We could not send your request. Check you are online and select Ask for a review again.' }]);
  } finally {
    button.removeAttribute('aria-disabled');
  }
  if (response.ok) {
    clearFieldErrors(form);
    hideErrorSummary(summary);
    render(response.data);
    announce('We have received your request for an internal review.');
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
  return showErrors(errors.length ? errors : [{ message: response.data.message || 'Try again in a few minutes.' }]);
}

characterCount(document.getElementById('reason'), REASON_MAX);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') !== 'true') askForReview();
});
// Pasting the private link over a keyless one changes only the fragment: no reload.
window.addEventListener('hashchange', load);
load();
