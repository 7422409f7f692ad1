// Track a request by its reference. The private link's secret rides in the URL fragment (#key=…), which
// browsers never send to a server; it goes to the API only in the X-Private-Key header.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, formatDateTime, timeElement, CHANNEL_LABELS, summaryList, statusTag, answerText } from './core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from './forms.js';

const form = document.getElementById('track-form');
const input = document.getElementById('reference');
const button = document.getElementById('track-button');
const result = document.getElementById('result');
const summary = document.getElementById('error-summary');

let privateKey;
let keyReference; // the key belongs to the reference in its link, and is never sent for another one

function readAddress() {
  const reference = new URLSearchParams(location.search).get('ref') || '';
  privateKey = new URLSearchParams(location.hash.slice(1)).get('key');
  keyReference = privateKey ? normalise(reference) : null;
  input.value = reference;
  if (reference) lookUp(reference);
}

/** The server ignores case, spaces and hyphens; so does the page, to compare and to build the URL. */
function normalise(reference) {
  return reference.toUpperCase().replace(/[\s-]/g, '');
}

function showFieldError(message) {
  clearFieldErrors(form);
  setFieldError('reference', message);
  setTitle(['Track a request'], { error: true });
  showErrorSummary(summary, [{ fieldId: 'reference', message }]);
}

function clearErrors() {
  clearFieldErrors(form);
  hideErrorSummary(summary);
}

function showMessage(heading, paragraphs) {
  clearErrors();
  result.replaceChildren(h('h2', { text: heading }), ...paragraphs.map((text) => h('p', { text })));
  setTitle([heading, 'Track a request']);
  focusElement(result.querySelector('h2'));
}

function updatesTimeline(updates, timeZone) {
  // Newest first, whatever order they came in.
  const sorted = [...(updates || [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  if (!sorted.length) return h('p', { text: 'There are no updates yet.' });
  return h('ol', { class: 'timeline' }, sorted.map((update) => h('li', { class: 'timeline__item' }, [
    h('h3', { class: 'timeline__title', text: update.statusLabel || update.status }),
    h('p', { class: 'timeline__date' }, timeElement(update.at, formatDateTime(update.at, timeZone))),
    update.message ? h('p', { class: 'pre-wrap', text: update.message }) : null,
  ])));
}

function detailsSection(details) {
  const contact = details.contact || {};
  const where = details.location || {};
  const place = [where.address, where.latitude != null ? `Latitude ${where.latitude}, longitude ${where.longitude}` : null].filter(Boolean).join('\n');
  const rows = [
    ['Full name', contact.name || 'Not given'],
    ['Email', contact.email || 'Not given'],
    ['Phone', contact.phone || 'Not given'],
    ['Updates by', CHANNEL_LABELS[details.preferredChannel] || details.preferredChannel || 'Not given'],
    ['Location', place || 'Not given'],
    ['Description', details.description || 'Not given'],
    ...(details.answers || []).map(({ question, answer }) => [question, answerText(answer)]),
  ];
  return [
    h('h2', { text: 'Your details' }),
    h('p', { text: 'Only people with your private link can see these details. Keep the link private.' }),
    summaryList(rows),
  ];
}

// Shown only to the private link's holder while the request's survey waits; the survey accepts the same key.
function surveyInvitation(request) {
  const link = `survey.html?ref=${encodeURIComponent(request.reference)}#private=${encodeURIComponent(privateKey)}`;
  return [
    h('h2', { text: 'Tell us how we did' }),
    h('p', { text: 'Your request has been resolved. It takes a minute to tell us how it went.' }),
    h('p', {}, h('a', { href: link, class: 'button', text: 'Tell us how we did' })),
  ];
}

function render(request) {
  const expected = request.expected || {};
  const rows = [
    ['Status', statusTag(request)],
    ['Service', request.service?.name || ''],
    ['Submitted', timeElement(request.submittedAt, formatDateTime(request.submittedAt, request.timeZone))],
  ];
  if (expected.response) rows.push(['Expected response by', timeElement(expected.response, formatDate(expected.response))]);
  if (expected.resolution) rows.push(['Expected to be resolved by', timeElement(expected.resolution, formatDate(expected.resolution))]);
  if (request.onHold) rows.push(['On hold', 'We are waiting to hear from you. Our time stops until we do, so these dates move on by the time we waited.']);
  result.replaceChildren(
    h('h2', { id: 'result-heading' }, [h('span', { class: 'caption', text: request.service?.name || '' }), `Request ${request.displayReference}`]),
    summaryList(rows),
    h('h2', { text: 'Updates' }),
    updatesTimeline(request.updates, request.timeZone),
    ...(request.private && request.survey?.open ? surveyInvitation(request) : []),
    ...(request.private && request.details ? detailsSection(request.details) : []),
  );
  setTitle([`Request ${request.displayReference}`, 'Track a request']);
  focusElement(document.getElementById('result-heading'));
}

async function lookUp(typed) {
  const reference = normalise(typed);
  if (!reference) return showFieldError('Enter your reference');
  clearErrors();
  const withKey = privateKey && reference === keyReference;
  button.setAttribute('aria-disabled', 'true');
  announce('Looking up your request…');
  let response;
  try {
    response = await api(`/requests/${encodeURIComponent(reference)}`, { headers: withKey ? { 'X-Private-Key': privateKey } : {} });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showMessage('Sorry, we could not look up your request', ['Check you are online and try again.']);
  } finally {
    button.removeAttribute('aria-disabled');
  }
  // Keep the address shareable and current; the fragment stays only with its own reference.
  history.replaceState(null, '', `?ref=${encodeURIComponent(reference)}${withKey ? location.hash : ''}`);
  if (response.ok) return render(response.data);
  result.replaceChildren();
  if (response.status === 400) return showFieldError(response.data.message || 'Enter your reference as it appears on your confirmation, like K7MP-3QXR');
  if (response.status === 404) {
    return showMessage(`We cannot find a request with reference ${typed.trim()}`, [
      'Check the reference in your confirmation email or on the page you saw when you reported it. It looks like K7MP-3QXR.',
      'If it still does not work, contact the City of Melaleuca with the details of your request.',
    ]);
  }
  return showMessage('Sorry, there is a problem with the service', [response.data.message || 'Try again in a few minutes.']);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') !== 'true') lookUp(input.value);
});

// Opening the private link from the page's own tracking link changes only the fragment: no reload.
window.addEventListener('hashchange', readAddress);
readAddress();
