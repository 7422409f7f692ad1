// The report flow for one service, as steps of one page: about the problem, where, contact, check, done.
// One page means the service is fetched once and moving between steps costs no network on a slow phone;
// each step is a history entry, so the browser's Back button and the page's Back link both work.
// The answers are kept in sessionStorage (this tab only, gone when it closes) because phones often reload
// a background tab, and a resident checking the bin's colour should not lose what they typed.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, CHANNEL_LABELS, summaryList, warningText } from './core.js';
import { sendOnce } from './send-once.js';
import { t, tParts, language } from './i18n.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, focusField } from './forms.js';
import {
  RESIDENT, emptyFields, questionFieldId, renderProblemFields, renderLocationFields, renderContactFields,
  readFields, writeFields, validateFields, submission, fieldIdFor,
} from './request-form.js';
import { renderPhotoPicker, sendChosen } from './photos.js';

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
  document.getElementById('notice').replaceChildren(...(service.notice ? [warningText(service.notice)] : []), ...feeText());
  renderProblemFields(document.getElementById('questions'), service);
}

// What the service costs, in the resident's language and its number format, before anything is sent.
function feeText() {
  if (!service.fee) return [];
  const amount = new Intl.NumberFormat(`${language}-AU`, { style: 'currency', currency: service.fee.currency }).format(service.fee.amountCents / 100);
  return [h('div', { class: 'inset-text', id: 'fee' }, [
    h('p', {}, h('strong', { text: t('report.fee', { amount, covers: service.fee.covers }) })),
    h('p', { text: t(service.fee.payOnline ? 'report.feeOnline' : 'report.feeElsewhere') }),
  ])];
}

// A report held for its fee: straight on to the provider's page; if that fails, the resident is told why and can send again.
async function pay(held) {
  const key = new URLSearchParams(new URL(held.privateLink, location.href).hash.slice(1)).get('key');
  const { ok, data } = await api(`/requests/${encodeURIComponent(held.reference)}/checkout`,
    { method: 'POST', headers: { 'X-Private-Key': key }, body: {} }).catch(() => ({ ok: false, data: {} }));
  if (ok && data.checkoutUrl) { location.assign(data.checkoutUrl); return; }
  generalErrors = [(data && data.message) || t('pay.failed')];
  renderCheck();
  showErrors('check');
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
  if (Array.isArray(answer)) return answer.length ? answer.map((value) => optionLabel(question, value)).join(t('list.separator')) : t('answer.none');
  if (!String(answer || '').trim()) return t('answer.none');
  if (question.type === 'single-choice') return optionLabel(question, answer);
  return question.type === 'date' ? formatDate(answer) : String(answer).trim();
}

/** A chosen option as the resident read it (the API answers with the English option, and labels it in their language). */
function optionLabel(question, value) {
  const index = (question.options || []).indexOf(value);
  return (question.optionLabels || [])[index] || value;
}

function changeLink(fieldId, what) {
  const link = h('a', { href: `#${fieldId}` }, [t('action.change'), h('span', { class: 'visually-hidden', text: ` ${what}` })]);
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
  if (draft.latitude != null) parts.push(t('report.currentLocation', { latitude: draft.latitude.toFixed(5), longitude: draft.longitude.toFixed(5) }));
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
    changeLink(questionFieldId(question.id), question.label.toLocaleLowerCase(language)),
  ]);
  document.getElementById('answers').replaceChildren(
    h('h2', { text: t('report.aboutProblem') }),
    summaryList([...questions, [t('details.description'), draft.description.trim() || t('details.notGiven'), changeLink('description', t('report.changeDescription'))]]),
    h('h2', { text: t('report.whereHeading') }),
    summaryList([[t('details.location'), locationText(), changeLink('address', t('report.changeLocation'))]]),
    h('h2', { text: t('report.yourContact') }),
    summaryList([
      [t('details.name'), draft.name.trim() || t('details.notGiven'), changeLink('contact-name', t('report.changeName'))],
      [t('details.updatesBy'), channelText(), changeLink(channelFieldId(), t('report.changeChannel'))],
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
  sendButton.textContent = on ? t('report.sending') : t('report.send');
  if (on) announce(t('report.sendingAnnounce'));
}

async function send() {
  if (sending || draft.result) return; // a double tap sends once
  const body = { ...submission(service, draft), language };
  setSending(true);
  let response;
  try {
    // Pressing Send again after a failure sends the same answers with the same key: never a second request.
    response = await sendOnce(`report.${serviceId}`, body, (headers) => api('/requests', { method: 'POST', headers, body }));
  } catch (error) {
    setSending(false);
    if (!(error instanceof NetworkError)) throw error;
    generalErrors = [t('report.connectionFailed')];
    showErrors('check');
    return;
  }
  setSending(false);
  fieldErrors.clear();
  generalErrors = [];
  if (response.ok && response.data.status === 'awaiting-payment') {
    await pay(response.data);
    return;
  }
  if (response.ok) {
    draft.result = response.data;
    saveDraft();
    show('done');
    const key = new URLSearchParams(new URL(response.data.privateLink, location.href).hash.slice(1)).get('key');
    sendChosen(response.data.reference, key, document.getElementById('photo-uploads'));
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
    generalErrors.push(response.status === 413 ? t('report.tooLong') : response.data.message || t('report.serviceProblem'));
  }
  renderFieldErrors();
  renderCheck();
  showErrors('check');
}

// ---- Confirmation ----

function renderDone() {
  const result = draft.result;
  const reference = h('strong', { class: 'reference', id: 'reference', text: result.displayReference });
  const copyButton = h('button', { class: 'button button--secondary', type: 'button', text: t('report.copy') });
  const copyStatus = h('p', { class: 'secondary-text' });
  copyButton.addEventListener('click', () => copyReference(result.displayReference, reference, copyStatus));

  const contactLine = {
    email: t('done.email', { email: draft.email.trim() }),
    sms: t('done.sms', { mobile: draft.mobile.trim() }),
    phone: t('done.phone', { phone: draft.phone.trim() }),
    none: t('done.none'),
  }[draft.channel];
  const expected = result.expected || {};
  const response = expected.response && h('strong', { text: formatDate(expected.response) });
  const resolution = expected.resolution && h('strong', { text: formatDate(expected.resolution) });
  const dates = [];
  if (response && resolution) dates.push(...tParts('done.dates', {}, response, resolution));
  else if (response || resolution) dates.push(...tParts(response ? 'done.respondBy' : 'done.resolveBy', {}, response || resolution));

  // replaceChildren would print a null as "null": the optional parts are filtered out.
  sections.done.replaceChildren(...[
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: t('done.heading') }),
      h('div', { class: 'panel__body' }, [t('done.referenceIs'), reference]),
    ]),
    copyButton,
    copyStatus,
    h('div', { id: 'photo-uploads', role: 'status' }),
    h('p', { text: t('done.keep') }),
    contactLine ? h('p', { text: contactLine }) : null,
    h('h2', { text: t('done.next') }),
    dates.length ? h('p', {}, dates) : null,
    service.whatHappensNext ? h('p', { text: service.whatHappensNext }) : null,
    h('h2', { text: t('done.track') }),
    h('p', {}, h('a', { href: result.privateLink, text: t('done.privateLink') })),
    warningText(t('done.privateWarning')),
    h('p', {}, tParts('done.tracking', {},
      h('a', { href: result.trackingLink, text: t('done.trackingLink', { reference: result.displayReference }) }))),
    h('p', {}, h('a', { href: 'services.html', text: t('done.another') })),
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
  statusLine.textContent = copied ? t('done.copied', { reference: text }) : t('done.selected');
  announce(statusLine.textContent);
}

// ---- Start ----

function showStatus(heading, message, retry) {
  const children = [h('h1', { text: heading }), ...[].concat(message).map((text) => (text instanceof Node ? text : h('p', { text })))];
  if (retry) {
    const button = h('button', { class: 'button button--secondary', type: 'button', text: t('action.tryAgain') });
    button.addEventListener('click', start);
    children.push(button);
  }
  status.replaceChildren(...children);
  setTitle([heading]);
  focusElement(status.querySelector('h1'));
}

async function start() {
  const servicesLink = h('p', {}, h('a', { href: 'services.html', text: t('report.choose') }));
  if (!serviceId) return showStatus(t('report.choose'), servicesLink);
  let response;
  try {
    response = await api(`/services/${encodeURIComponent(serviceId)}?lang=${language}`);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showStatus(t('error.pageOffline'), t('error.checkOnline'), true);
  }
  // 400: the link names something that is not a service id at all.
  if (response.status === 404 || response.status === 400) return showStatus(t('report.noService'), servicesLink);
  if (!response.ok) return showStatus(t('error.service'), t('error.tryLater'), true);

  service = response.data;
  renderService();
  draft = loadDraft();
  const step = history.state && history.state.step;
  // A fresh visit after a report was sent starts a new one; a reload keeps the step the resident was on.
  if (!step && draft.result) draft = emptyDraft();
  writeFields(main, service, draft);
  status.hidden = true;
  if (new URLSearchParams(location.search).get('unpaid')) {
    // Back from the provider's page without paying: the report waits, and Send report pays for it again.
    generalErrors = [t('report.feeUnpaid')];
    show('check', { push: false, initial: true });
    showErrors('check');
    return;
  }
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
renderPhotoPicker(document.getElementById('photo-fields'));
renderContactFields(document.getElementById('contact-fields'), RESIDENT);
sendButton.addEventListener('click', send);
document.getElementById('show-confirmation').addEventListener('click', (event) => {
  event.preventDefault();
  show('done');
});
start();
