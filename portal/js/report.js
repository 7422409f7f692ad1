// The report flow for one service, as steps of one page: about the problem, where, contact, check, done.
// One page means the service is fetched once and moving between steps costs no network on a slow phone;
// each step is a history entry, so the browser's Back button and the page's Back link both work.
// The answers are kept in sessionStorage (this tab only, gone when it closes) because phones often reload
// a background tab, and a resident checking the bin's colour should not lose what they typed.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, CHANNEL_LABELS, summaryList, warningText } from './core.js';
import { sendOnce } from './send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, focusField } from './forms.js';
import {
  RESIDENT, emptyFields, questionFieldId, renderProblemFields, renderLocationFields, renderContactFields,
  readFields, writeFields, validateFields, submission, fieldIdFor,
} from './request-form.js';

const STEPS = ['problem', 'location', 'contact', 'check', 'done'];
const serviceId = new URLSearchParams(location.search).get('service') || '';
const storageKey = `civicdesk.report.${serviceId}`;

const main = document.getElementById('main-content');
const summary = document.getElementById('error-summary');
const status = document.getElementById('status');
const backLink = document.getElementById('back-link');
const sendButton = document.getElementById('send');
const sections = Object.fromEntries([...document.querySelectorAll('[data-step]')].map((section) => [section.dataset.step, section]));

let service;
let draft = emptyDraft();
let current;
let returnToCheck = false; // a "Change" link was followed: Continue goes back to the check page
let sending = false;
const fieldErrors = new Map(); // field id → message, across all steps
let generalErrors = []; // messages for no particular field, shown on the check page

function emptyDraft() {
  return {
    ...emptyFields(),
    result: null, // the 201 answer, once sent
  };
}

function loadDraft() {
  try {
    return { ...emptyDraft(), ...JSON.parse(sessionStorage.getItem(storageKey)) };
  } catch {
    return emptyDraft();
  }
}

function saveDraft() {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // Storage refused (private mode, full): the flow still works from memory.
  }
}

function stepOf(fieldId) {
  return document.getElementById(fieldId)?.closest('[data-step]')?.dataset.step;
}

function renderService() {
  for (const caption of document.querySelectorAll('[data-service-name]')) caption.textContent = service.name;
  document.getElementById('notice').replaceChildren(...(service.notice ? [warningText(service.notice)] : []));
  renderProblemFields(document.getElementById('questions'), service);
}

function readForm() {
  draft = readFields(main, service, draft);
}

// ---- Validation ----

/** Errors to list on a step, in page order; the check page lists every error of the flow. */
function errorsIn(step) {
  const fields = [...fieldErrors.keys()]
    .filter((id) => step === 'check' || stepOf(id) === step)
    .sort((a, b) => (document.getElementById(a).compareDocumentPosition(document.getElementById(b)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return [
    ...(step === 'check' ? generalErrors.map((message) => ({ message })) : []),
    ...fields.map((fieldId) => ({ fieldId, message: fieldErrors.get(fieldId) })),
  ];
}

function renderFieldErrors() {
  clearFieldErrors(main);
  for (const [fieldId, message] of fieldErrors) setFieldError(fieldId, message);
}

function showErrors(step) {
  setTitle([headingText(step), service.name], { error: true });
  showErrorSummary(summary, errorsIn(step), { reveal });
}

// An error summary link to a field on another step (after the server refused the report) opens that step.
function reveal(fieldId) {
  const step = stepOf(fieldId);
  if (step && step !== current) {
    returnToCheck = true;
    show(step, { focusId: fieldId });
  }
}

// ---- Steps ----

function headingText(step) {
  return sections[step].querySelector('h1').lastChild.textContent.trim();
}

function show(step, { push = true, focusId, initial = false } = {}) {
  current = step;
  if (step === 'check') {
    returnToCheck = false;
    renderCheck();
  }
  if (step === 'done') renderDone();
  for (const [name, section] of Object.entries(sections)) section.hidden = name !== step;
  backLink.hidden = step === 'done';
  if (push) history.pushState({ step }, '');
  else history.replaceState({ step }, '');

  const errors = errorsIn(step);
  setTitle([headingText(step), service.name], { error: errors.length > 0 });
  if (errors.length) showErrorSummary(summary, errors, { focus: !focusId && !initial, reveal });
  else hideErrorSummary(summary);
  if (focusId) focusField(document.getElementById(focusId));
  else if (!errors.length && !initial) {
    window.scrollTo(0, 0);
    focusElement(sections[step].querySelector('h1'), { scroll: false });
  }
}

function onContinue(step, event) {
  event.preventDefault();
  readForm();
  saveDraft();
  generalErrors = [];
  for (const fieldId of [...fieldErrors.keys()]) if (stepOf(fieldId) === step) fieldErrors.delete(fieldId);
  for (const { fieldId, message } of validateFields(step, service, draft, RESIDENT)) fieldErrors.set(fieldId, message);
  renderFieldErrors();
  if (errorsIn(step).length) showErrors(step);
  else show(returnToCheck ? 'check' : STEPS[STEPS.indexOf(step) + 1]);
}

// ---- Check your answers ----

function answerText(question, answer) {
  if (Array.isArray(answer)) return answer.length ? answer.join(', ') : 'Not answered';
  if (!String(answer || '').trim()) return 'Not answered';
  return question.type === 'date' ? formatDate(answer) : String(answer).trim();
}

function changeLink(fieldId, what) {
  const link = h('a', { href: `#${fieldId}` }, ['Change', h('span', { class: 'visually-hidden', text: ` ${what}` })]);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    returnToCheck = true;
    show(stepOf(fieldId), { focusId: fieldId });
  });
  return link;
}

function locationText() {
  const parts = [];
  if (draft.address.trim()) parts.push(draft.address.trim());
  if (draft.latitude != null) parts.push(`Your current location (latitude ${draft.latitude.toFixed(5)}, longitude ${draft.longitude.toFixed(5)})`);
  return parts.join('\n');
}

/** The chosen channel's radio (the first radio's id is "channel", as the error summary links to it). */
function channelFieldId() {
  return { sms: 'channel-sms', phone: 'channel-phone', none: 'channel-none' }[draft.channel] || 'channel';
}

function channelText() {
  const detail = { email: draft.email, sms: draft.mobile, phone: draft.phone }[draft.channel];
  return detail ? `${CHANNEL_LABELS[draft.channel]}: ${detail.trim()}` : CHANNEL_LABELS[draft.channel] || '';
}

function renderCheck() {
  const questions = (service.questions || []).map((question) => [
    question.label, answerText(question, draft.answers[question.id]),
    changeLink(questionFieldId(question.id), question.label.toLowerCase()),
  ]);
  document.getElementById('answers').replaceChildren(
    h('h2', { text: 'About the problem' }),
    summaryList([...questions, ['Description', draft.description.trim() || 'Not given', changeLink('description', 'description')]]),
    h('h2', { text: 'Where' }),
    summaryList([['Location', locationText(), changeLink('address', 'location')]]),
    h('h2', { text: 'Your contact details' }),
    summaryList([
      ['Full name', draft.name.trim() || 'Not given', changeLink('contact-name', 'full name')],
      ['Updates by', channelText(), changeLink(channelFieldId(), 'how we contact you')],
    ]),
  );
  document.getElementById('send-area').hidden = Boolean(draft.result);
  document.getElementById('sent-area').hidden = !draft.result;
  if (draft.result) document.getElementById('sent-reference').textContent = draft.result.displayReference;
}

// ---- Sending ----

function setSending(on) {
  sending = on;
  // aria-disabled rather than disabled: the button keeps focus, so a screen reader user is not lost.
  if (on) sendButton.setAttribute('aria-disabled', 'true');
  else sendButton.removeAttribute('aria-disabled');
  sendButton.textContent = on ? 'Sending…' : 'Send report';
  if (on) announce('Sending your report…');
}

async function send() {
  if (sending || draft.result) return; // a double tap sends once
  const body = submission(service, draft);
  setSending(true);
  let response;
  try {
    // Pressing Send again after a failure sends the same answers with the same key: never a second request.
    response = await sendOnce(`report.${serviceId}`, body, (headers) => api('/requests', { method: 'POST', headers, body }));
  } catch (error) {
    setSending(false);
    if (!(error instanceof NetworkError)) throw error;
    generalErrors = ['We could not send your report because the connection failed. Check you are online and select Send report again. You will not send it twice.'];
    showErrors('check');
    return;
  }
  setSending(false);
  fieldErrors.clear();
  generalErrors = [];
  if (response.ok) {
    draft.result = response.data;
    saveDraft();
    show('done');
    document.dispatchEvent(new CustomEvent('civicdesk:report-sent')); // suggest.js counts the articles read first
    return;
  }
  const errors = response.status === 400 && Array.isArray(response.data.errors) ? response.data.errors : [];
  for (const { field, message } of errors) {
    const fieldId = field && fieldIdFor(field, draft);
    if (fieldId && document.getElementById(fieldId)) fieldErrors.set(fieldId, message);
    else generalErrors.push(message);
  }
  if (!errors.length) {
    generalErrors.push(response.data.message || (response.status === 413
      ? 'Your report is too long. Shorten what you wrote and send it again.'
      : 'Sorry, there is a problem with the service. Try again in a few minutes. You will not send it twice.'));
  }
  renderFieldErrors();
  renderCheck();
  showErrors('check');
}

// ---- Confirmation ----

function renderDone() {
  const result = draft.result;
  const reference = h('strong', { class: 'reference', id: 'reference', text: result.displayReference });
  const copyButton = h('button', { class: 'button button--secondary', type: 'button', text: 'Copy reference' });
  const copyStatus = h('p', { class: 'secondary-text' });
  copyButton.addEventListener('click', () => copyReference(result.displayReference, reference, copyStatus));

  const contactLine = {
    email: `We have sent a confirmation email to ${draft.email.trim()}. We will email you when there is progress.`,
    sms: `We will send updates by text message to ${draft.mobile.trim()}.`,
    phone: `We will phone you on ${draft.phone.trim()} if we need to.`,
    none: 'You asked for no updates. Use your reference to check progress at any time.',
  }[draft.channel];
  const expected = result.expected || {};
  const timeline = [];
  if (expected.response) timeline.push('We aim to respond by ', h('strong', { text: formatDate(expected.response) }));
  if (expected.resolution) timeline.push(expected.response ? ' and to resolve it by ' : 'We aim to resolve it by ', h('strong', { text: formatDate(expected.resolution) }));

  // replaceChildren would print a null as "null": the optional parts are filtered out.
  sections.done.replaceChildren(...[
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: 'Request received' }),
      h('div', { class: 'panel__body' }, ['Your reference is', reference]),
    ]),
    copyButton,
    copyStatus,
    h('p', { text: 'Keep your reference: you need it to track your request, or if you call us about it.' }),
    contactLine ? h('p', { text: contactLine }) : null,
    h('h2', { text: 'What happens next' }),
    timeline.length ? h('p', {}, [...timeline, '.']) : null,
    service.whatHappensNext ? h('p', { text: service.whatHappensNext }) : null,
    h('h2', { text: 'Track your request' }),
    h('p', {}, h('a', { href: result.privateLink, text: 'See your request with your details' })),
    warningText('This link shows your name, contact details and what you told us. Keep it private: do not share it or post it online.'),
    h('p', {}, [
      'To check progress or share it without your details, use ',
      h('a', { href: result.trackingLink, text: `the tracking page for ${result.displayReference}` }),
      '. Anyone with the reference can see its progress, but not your details.',
    ]),
    h('p', {}, h('a', { href: 'services.html', text: 'Report another problem' })),
  ].filter(Boolean));
}

async function copyReference(text, element, statusLine) {
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    // No Clipboard API here (an insecure page, or permission refused): select the text and ask the browser to copy.
    const range = document.createRange();
    range.selectNodeContents(element);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
  }
  statusLine.textContent = copied
    ? `Reference ${text} copied.`
    : 'Your reference is selected. Use your device’s copy command to copy it.';
  announce(statusLine.textContent);
}

// ---- Start ----

function showStatus(heading, message, retry) {
  const children = [h('h1', { text: heading }), ...[].concat(message).map((text) => (text instanceof Node ? text : h('p', { text })))];
  if (retry) {
    const button = h('button', { class: 'button button--secondary', type: 'button', text: 'Try again' });
    button.addEventListener('click', start);
    children.push(button);
  }
  status.replaceChildren(...children);
  setTitle([heading]);
  focusElement(status.querySelector('h1'));
}

async function start() {
  const servicesLink = h('p', {}, h('a', { href: 'services.html', text: 'Choose what you want to report' }));
  if (!serviceId) return showStatus('Choose what you want to report', servicesLink);
  let response;
  try {
    response = await api(`/services/${encodeURIComponent(serviceId)}`);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showStatus('Sorry, we could not load this page', 'Check you are online and try again.', true);
  }
  // 400: the link names something that is not a service id at all.
  if (response.status === 404 || response.status === 400) return showStatus('We cannot find that service', servicesLink);
  if (!response.ok) return showStatus('Sorry, there is a problem with the service', 'Try again in a few minutes.', true);

  service = response.data;
  renderService();
  draft = loadDraft();
  const step = history.state && history.state.step;
  // A fresh visit after a report was sent starts a new one; a reload keeps the step the resident was on.
  if (!step && draft.result) draft = emptyDraft();
  writeFields(main, service, draft);
  status.hidden = true;
  show(STEPS.includes(step) && (step !== 'done' || draft.result) ? step : 'problem', { push: false, initial: true });
}

for (const step of ['problem', 'location', 'contact']) {
  sections[step].querySelector('form').addEventListener('submit', (event) => onContinue(step, event));
}
main.addEventListener('input', () => {
  if (!service) return;
  readForm();
  saveDraft();
});
backLink.addEventListener('click', (event) => {
  if (service && current !== 'problem') {
    event.preventDefault();
    history.back();
  }
});
window.addEventListener('popstate', (event) => {
  const step = event.state && event.state.step;
  if (service && STEPS.includes(step) && (step !== 'done' || draft.result)) show(step, { push: false });
});
renderLocationFields(document.getElementById('location-fields'));
renderContactFields(document.getElementById('contact-fields'), RESIDENT);
sendButton.addEventListener('click', send);
document.getElementById('show-confirmation').addEventListener('click', (event) => {
  event.preventDefault();
  show('done');
});
start();
