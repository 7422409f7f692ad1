// Track a request by its reference. The private link's secret rides in the URL fragment (#key=…), which
// browsers never send to a server; it goes to the API only in the X-Private-Key header.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, formatDateTime, timeElement, CHANNEL_LABELS, summaryList, statusTag, statusLabel, answerText, serviceName } from './core.js';
import { t } from './i18n.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from './forms.js';
import { conversationSection, followSection } from './track-conversation.js';

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
  setTitle([t('track.heading')], { error: true });
  showErrorSummary(summary, [{ fieldId: 'reference', message }]);
}

function clearErrors() {
  clearFieldErrors(form);
  hideErrorSummary(summary);
}

function showMessage(heading, paragraphs) {
  clearErrors();
  result.replaceChildren(h('h2', { text: heading }), ...paragraphs.map((text) => h('p', { text })));
  setTitle([heading, t('track.heading')]);
  focusElement(result.querySelector('h2'));
}

function updatesTimeline(updates, timeZone) {
  // Newest first, whatever order they came in.
  const sorted = [...(updates || [])].sort((a, b) => String(b.at).localeCompare(String(a.at)));
  if (!sorted.length) return h('p', { text: t('track.noUpdates') });
  return h('ol', { class: 'timeline' }, sorted.map((update) => h('li', { class: 'timeline__item' }, [
    h('h3', { class: 'timeline__title', text: statusLabel(update) }),
    h('p', { class: 'timeline__date' }, timeElement(update.at, formatDateTime(update.at, timeZone))),
    update.message ? h('p', { class: 'pre-wrap', text: update.message }) : null,
  ])));
}

function detailsSection(details) {
  const contact = details.contact || {};
  const where = details.location || {};
  const place = [where.address, where.latitude != null ? t('track.position', { latitude: where.latitude, longitude: where.longitude }) : null].filter(Boolean).join('\n');
  const rows = [
    [t('details.name'), contact.name || t('details.notGiven')],
    [t('details.email'), contact.email || t('details.notGiven')],
    [t('details.phone'), contact.phone || t('details.notGiven')],
    [t('details.updatesBy'), CHANNEL_LABELS[details.preferredChannel] || details.preferredChannel || t('details.notGiven')],
    [t('details.location'), place || t('details.notGiven')],
    [t('details.description'), details.description || t('details.notGiven')],
    ...(details.answers || []).map(({ question, answer }) => [question, answerText(answer)]),
  ];
  return [
    h('h2', { text: t('track.yourDetails') }),
    h('p', { text: t('track.privateOnly') }),
    summaryList(rows),
  ];
}

// Shown only to the private link's holder while the request's survey waits; the survey accepts the same key.
function surveyInvitation(request) {
  const link = `survey.html?ref=${encodeURIComponent(request.reference)}#private=${encodeURIComponent(privateKey)}`;
  return [
    h('h2', { text: t('track.survey') }),
    h('p', { text: t('track.surveyLead') }),
    h('p', {}, h('a', { href: link, class: 'button', text: t('track.survey') })),
  ];
}

async function render(request) {
  const expected = request.expected || {};
  const name = await serviceName(request.service);
  const rows = [
    [t('track.status'), statusTag(request)],
    [t('track.service'), name],
    [t('track.submitted'), timeElement(request.submittedAt, formatDateTime(request.submittedAt, request.timeZone))],
  ];
  if (expected.response) rows.push([t('track.responseBy'), timeElement(expected.response, formatDate(expected.response))]);
  if (expected.resolution) rows.push([t('track.resolutionBy'), timeElement(expected.resolution, formatDate(expected.resolution))]);
  if (request.onHold) rows.push([t('track.onHold'), t('track.onHoldText')]);
  result.replaceChildren(
    h('h2', { id: 'result-heading' }, [h('span', { class: 'caption', text: name }), t('track.request', { reference: request.displayReference })]),
    summaryList(rows),
    h('h2', { text: t('track.updates') }),
    updatesTimeline(request.updates, request.timeZone),
    ...(request.private && request.survey?.open ? surveyInvitation(request) : []),
    ...(request.private && request.details ? conversationSection(request, privateKey, () => lookUp(request.reference)) : []),
    ...(request.private && request.details ? detailsSection(request.details) : []),
    ...(request.private ? [] : followSection(request)),
  );
  setTitle([t('track.request', { reference: request.displayReference }), t('track.heading')]);
  focusElement(document.getElementById('result-heading'));
}

async function lookUp(typed) {
  const reference = normalise(typed);
  if (!reference) return showFieldError(t('track.enterReference'));
  clearErrors();
  const withKey = privateKey && reference === keyReference;
  button.setAttribute('aria-disabled', 'true');
  announce(t('track.lookingUp'));
  let response;
  try {
    response = await api(`/requests/${encodeURIComponent(reference)}`, { headers: withKey ? { 'X-Private-Key': privateKey } : {} });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showMessage(t('track.offline'), [t('error.checkOnline')]);
  } finally {
    button.removeAttribute('aria-disabled');
  }
  // Keep the address shareable and current; the fragment stays only with its own reference.
  history.replaceState(null, '', `?ref=${encodeURIComponent(reference)}${withKey ? location.hash : ''}`);
  if (response.ok) {
    await render(response.data);
    // photos.js adds the request's photos below it.
    document.dispatchEvent(new CustomEvent('civicdesk:tracked', { detail: { reference, privateKey: withKey ? privateKey : null } }));
    return;
  }
  result.replaceChildren();
  if (response.status === 400) return showFieldError(t('track.badReference'));
  if (response.status === 404) {
    return showMessage(t('track.notFound', { reference: typed.trim() }), [t('track.notFoundCheck'), t('track.notFoundContact')]);
  }
  return showMessage(t('error.service'), [t('error.tryLater')]);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') !== 'true') lookUp(input.value);
});

// Opening the private link from the page's own tracking link changes only the fragment: no reload.
window.addEventListener('hashchange', readAddress);
readAddress();
