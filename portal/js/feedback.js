// A compliment, suggestion or complaint, as steps of one page: what kind, what about, the message, contact,
// check, done. Each step is a history entry; the answers stay in sessionStorage (this tab only) so a phone
// reloading a background tab loses nothing. A complaint needs an email address, or a mobile if they choose texts:
// its outcome is sent there.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, summaryList, warningText, CHANNEL_LABELS } from './core.js';
import { sendOnce } from './send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount, focusField, isMobile } from './forms.js';
import { t, tParts, language, formatNumber } from './i18n.js';

// Limits mirror the server's (FeedbackService); the server stays the authority.
const MESSAGE_MAX = 4000;
const LIMITS = { 'officer-name': 100, 'about-booking': 40, 'contact-name': 100, 'contact-phone': 30 };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const REFERENCE = /^[A-Z0-9]{8}$/;
const STEPS = ['kind', 'about', 'message', 'contact', 'check', 'done'];
const STORAGE_KEY = 'civicdesk.feedback';
const KINDS = ['compliment', 'suggestion', 'complaint'];
const ABOUT_FIELD = { unit: 'about-unit', service: 'about-service', request: 'about-request', booking: 'about-booking' };
// The server's field names (docs/api.md) → the ids of the fields that hold them.
const FIELD_IDS = {
  kind: 'kind', about: 'about', 'about.unitId': 'about-unit', 'about.serviceId': 'about-service',
  'about.requestReference': 'about-request', 'about.bookingReference': 'about-booking', 'about.officerName': 'officer-name',
  message: 'message', preferredChannel: 'channel', 'contact.name': 'contact-name', 'contact.email': 'contact-email', 'contact.phone': 'contact-phone',
};
const INPUTS = ['about-unit', 'about-service', 'about-request', 'about-booking', 'officer-name', 'message', 'contact-name', 'contact-email', 'contact-phone'];

const main = document.getElementById('main-content');
const summary = document.getElementById('error-summary');
const status = document.getElementById('status');
const backLink = document.getElementById('back-link');
const sendButton = document.getElementById('send');
const sections = Object.fromEntries([...document.querySelectorAll('[data-step]')].map((section) => [section.dataset.step, section]));

let draft = emptyDraft();
let current;
let returnToCheck = false;
let sending = false;
let catalogue = { units: new Map(), services: new Map() };
let errors = []; // [{ fieldId?, message }] on the current step

function emptyDraft() {
  return { kind: '', about: '', channel: 'email', fields: {}, result: null };
}

function saveDraft() {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage refused (private mode, full): the flow still works from memory.
  }
}

function loadDraft() {
  try {
    return { ...emptyDraft(), ...JSON.parse(sessionStorage.getItem(STORAGE_KEY)) };
  } catch {
    return emptyDraft();
  }
}

const field = (id) => (draft.fields[id] || '').trim();
const length = (text) => [...text].length;
// The words that name the kind ("your compliment"): one key per kind, each language's grammar its own.
const byKind = (key, params) => t(`feedback.${key}.${KINDS.includes(draft.kind) ? draft.kind : 'feedback'}`, params);

// ---- The page and the draft ----

function readForm() {
  draft.kind = main.querySelector('input[name="kind"]:checked')?.value || '';
  draft.about = main.querySelector('input[name="about"]:checked')?.value || '';
  draft.channel = main.querySelector('input[name="channel"]:checked')?.value || 'email';
  for (const id of INPUTS) draft.fields[id] = document.getElementById(id).value;
}

function writeForm() {
  for (const input of main.querySelectorAll('input[name="kind"], input[name="about"], input[name="channel"]')) {
    input.checked = input.value === { kind: draft.kind, about: draft.about, channel: draft.channel || 'email' }[input.name];
  }
  for (const id of INPUTS) document.getElementById(id).value = draft.fields[id] || '';
  syncAbout();
  document.getElementById('message').dispatchEvent(new Event('input'));
}

// GOV.UK conditional reveal: the chosen kind of subject shows the one field it needs.
function syncAbout() {
  for (const input of main.querySelectorAll('input[name="about"]')) {
    document.getElementById(input.getAttribute('aria-controls')).hidden = !input.checked;
  }
}

// The wording that depends on the kind: a complaint explains why its email address is needed.
function renderKind() {
  const complaint = draft.kind === 'complaint';
  document.getElementById('message-label').textContent = byKind('your');
  document.getElementById('message-hint').textContent = byKind('hint');
  const texts = complaint && draft.channel === 'sms';
  document.getElementById('channel-group').hidden = !complaint;
  document.getElementById('contact-email-label').textContent = complaint && !texts ? t('form.email') : t('form.optional', { label: t('form.email') });
  document.getElementById('contact-why').textContent = t(texts ? 'feedback.whyComplaintSms' : complaint ? 'feedback.whyComplaint' : 'feedback.whyOther');
  document.getElementById('send-text').textContent = byKind('sendText');
  sendButton.textContent = byKind('send');
}

// ---- Validation, worded as the server words it ----

function validate(step) {
  const found = [];
  const add = (fieldId, message) => found.push({ fieldId, message });
  const tooLong = (id, label) => {
    if (length(field(id)) > LIMITS[id]) add(id, t(label, { max: formatNumber(LIMITS[id]) }));
  };
  if (step === 'kind' && !draft.kind) add('kind', t('feedback.chooseKind'));
  if (step === 'about') {
    if (!draft.about) add('about', t('feedback.chooseAbout'));
    else if (draft.about === 'unit' && !field('about-unit')) add('about-unit', t('feedback.teamMissing'));
    else if (draft.about === 'service' && !field('about-service')) add('about-service', t('feedback.serviceMissing'));
    else if (draft.about === 'request' && !REFERENCE.test(normalise(field('about-request')))) {
      add('about-request', t('feedback.requestMissing'));
    } else if (draft.about === 'booking') {
      if (!field('about-booking')) add('about-booking', t('feedback.bookingMissing'));
      else tooLong('about-booking', 'feedback.bookingTooLong');
    }
    tooLong('officer-name', 'feedback.officerTooLong');
  }
  if (step === 'message') {
    if (!field('message')) add('message', byKind('enter'));
    else if (length(field('message')) > MESSAGE_MAX) add('message', byKind('tooLong', { max: formatNumber(MESSAGE_MAX) }));
  }
  if (step === 'contact') {
    tooLong('contact-name', 'form.nameTooLong');
    const texts = draft.kind === 'complaint' && draft.channel === 'sms';
    if (texts && !field('contact-phone')) add('contact-phone', t('form.mobileMissing'));
    else if (texts && !isMobile(field('contact-phone'))) add('contact-phone', t('form.mobileFormat'));
    if (!field('contact-email') && draft.kind === 'complaint' && !texts) {
      add('contact-email', t('feedback.emailMissing'));
    } else if (field('contact-email') && !EMAIL.test(field('contact-email'))) {
      add('contact-email', t('form.emailFormat'));
    }
    tooLong('contact-phone', 'feedback.phoneTooLong');
  }
  return found;
}

function normalise(reference) {
  return reference.toUpperCase().replace(/[\s-]/g, '');
}

function showErrors() {
  clearFieldErrors(main);
  for (const { fieldId, message } of errors) if (fieldId) setFieldError(fieldId, message);
  setTitle([headingText(current)], { error: true });
  showErrorSummary(summary, errors, { reveal });
}

// A server error on a field of another step (shown on the check page) opens that step.
function reveal(fieldId) {
  const step = document.getElementById(fieldId)?.closest('[data-step]')?.dataset.step;
  if (step && step !== current) {
    returnToCheck = true;
    show(step, { focusId: fieldId });
  }
}

// ---- Steps ----

function headingText(step) {
  return sections[step].querySelector('h1').textContent.trim();
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
  const stepErrors = errors.filter(({ fieldId }) => !fieldId || step === 'check' || sections[step].contains(document.getElementById(fieldId)));
  clearFieldErrors(main);
  if (stepErrors.length) {
    errors = stepErrors;
    showErrors();
    if (focusId) focusField(document.getElementById(focusId));
    return;
  }
  errors = [];
  hideErrorSummary(summary);
  setTitle([headingText(step), t('home.feedback')]);
  if (focusId) focusField(document.getElementById(focusId));
  else if (!initial) {
    window.scrollTo(0, 0);
    focusElement(sections[step].querySelector('h1'), { scroll: false });
  }
}

function onContinue(step, event) {
  event.preventDefault();
  readForm();
  saveDraft();
  renderKind();
  errors = validate(step);
  if (errors.length) showErrors();
  else show(returnToCheck ? 'check' : STEPS[STEPS.indexOf(step) + 1]);
}

// ---- Check your answers ----

function changeLink(fieldId, what) {
  const link = h('a', { href: `#${fieldId}` }, [t('action.change'), h('span', { class: 'visually-hidden', text: ` ${what}` })]);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    returnToCheck = true;
    show(document.getElementById(fieldId).closest('[data-step]').dataset.step, { focusId: fieldId });
  });
  return link;
}

function aboutText() {
  if (draft.about === 'unit') return catalogue.units.get(field('about-unit')) || field('about-unit');
  if (draft.about === 'service') return catalogue.services.get(field('about-service'))?.name || field('about-service');
  if (draft.about === 'request') return t('track.request', { reference: field('about-request').toUpperCase() });
  return t('feedback.booking', { booking: field('about-booking') });
}

function renderCheck() {
  const aboutId = draft.about === 'unit' ? 'about' : `about-kind-${draft.about}`;
  document.getElementById('answers').replaceChildren(summaryList([
    [t('feedback.sending'), byKind('a'), changeLink(draft.kind === 'compliment' ? 'kind' : `kind-${draft.kind}`, t('feedback.changeSending'))],
    [t('feedback.about'), aboutText(), changeLink(aboutId, t('feedback.changeAbout'))],
    [t('feedback.staff'), field('officer-name') || t('details.notGiven'), changeLink('officer-name', t('feedback.changeStaff'))],
    [byKind('your'), field('message'), changeLink('message', byKind('your').toLocaleLowerCase(language))],
    draft.kind === 'complaint' ? [t('details.updatesBy'), CHANNEL_LABELS[draft.channel], changeLink(draft.channel === 'sms' ? 'channel-sms' : 'channel', t('report.changeChannel'))] : null,
    [t('details.name'), field('contact-name') || t('details.notGiven'), changeLink('contact-name', t('report.changeName'))],
    [t('form.email'), field('contact-email') || t('details.notGiven'), changeLink('contact-email', t('feedback.changeEmail'))],
    [t('form.phone'), field('contact-phone') || t('details.notGiven'), changeLink('contact-phone', t('feedback.changePhone'))],
  ].filter(Boolean)));
}

// ---- Sending ----

function payload() {
  const about = {
    unit: { unitId: field('about-unit') },
    service: { serviceId: field('about-service') },
    request: { requestReference: normalise(field('about-request')) },
    booking: { bookingReference: field('about-booking') },
  }[draft.about];
  if (field('officer-name')) about.officerName = field('officer-name');
  const contact = {};
  for (const [name, id] of [['name', 'contact-name'], ['email', 'contact-email'], ['phone', 'contact-phone']]) {
    if (field(id)) contact[name] = field(id);
  }
  const preferredChannel = draft.kind === 'complaint' ? draft.channel : undefined;
  return { kind: draft.kind, about, message: field('message'), contact, preferredChannel, language };
}

function setSending(on) {
  sending = on;
  // aria-disabled rather than disabled: the button keeps focus, so a screen reader user is not lost.
  if (on) sendButton.setAttribute('aria-disabled', 'true');
  else sendButton.removeAttribute('aria-disabled');
  sendButton.textContent = on ? t('report.sending') : byKind('send');
  if (on) announce(byKind('sendingAnnounce'));
}

async function send() {
  if (sending || draft.result) return; // a double tap sends once
  const body = payload();
  setSending(true);
  let response;
  try {
    // Sending the same answers again after a failure reuses their key: the server never stores them twice.
    response = await sendOnce('feedback', body, (headers) => api('/feedback', { method: 'POST', headers, body }));
  } catch (error) {
    setSending(false);
    if (!(error instanceof NetworkError)) throw error;
    errors = [{ message: byKind('connectionFailed') }];
    return showErrors();
  }
  setSending(false);
  if (response.ok) {
    draft.result = response.data;
    saveDraft();
    return show('done');
  }
  errors = (response.status === 400 && response.data.errors || []).map(({ field: name, message }) => ({ fieldId: FIELD_IDS[name], message }));
  if (!errors.length) errors = [{ message: response.data.message || t('report.serviceProblem') }];
  showErrors();
}

// ---- Confirmation ----

function renderDone() {
  const result = draft.result;
  if (result.kind !== 'complaint') {
    sections.done.replaceChildren(
      // The API words its thanks in English; another language has its own.
      h('div', { class: 'panel' }, [h('h1', { class: 'panel__title', text: t('survey.thanks') }),
        h('div', { class: 'panel__body', text: language === 'en' ? result.message : byKind('passed') })]),
      field('contact-email') ? h('p', { text: t('feedback.willEmail') }) : null,
      h('p', {}, h('a', { href: 'index.html', text: t('feedback.home') })),
    );
    return;
  }
  const targets = result.targets || {};
  sections.done.replaceChildren(
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: t('feedback.complaintReceived') }),
      h('div', { class: 'panel__body' }, [t('done.referenceIs'), h('strong', { class: 'reference', id: 'reference', text: result.displayReference })]),
    ]),
    h('p', { text: draft.channel === 'sms' ? t('done.sms', { mobile: field('contact-phone') })
      : t('feedback.confirmationSent', { email: field('contact-email') }) }),
    h('h2', { text: t('done.next') }),
    h('p', {}, tParts('feedback.dates', {}, h('strong', { text: formatDate(targets.acknowledgeBy) }), h('strong', { text: formatDate(targets.answerBy) }))),
    h('p', { text: t('feedback.reviewPossible') }),
    h('h2', { text: t('feedback.follow') }),
    h('p', {}, h('a', { href: result.privateLink, text: t('feedback.seeComplaint') })),
    warningText(t('feedback.privateWarning')),
  );
}

// ---- Start ----

async function loadCatalogue() {
  let response;
  try {
    response = await api(`/services?lang=${language}`);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return false;
  }
  if (!response.ok) return false;
  const units = new Map();
  const services = new Map();
  const serviceSelect = document.getElementById('about-service');
  for (const theme of response.data.themes || []) {
    serviceSelect.append(h('optgroup', { label: theme.name }, theme.services.map((service) => {
      services.set(service.id, service);
      if (service.unit) units.set(service.unit.id, service.unit.name);
      return h('option', { value: service.id, text: service.name });
    })));
  }
  const sorted = [...units].sort((a, b) => a[1].localeCompare(b[1]));
  document.getElementById('about-unit').append(...sorted.map(([id, name]) => h('option', { value: id, text: name })));
  catalogue = { units: new Map(sorted), services };
  return true;
}

async function start() {
  if (!(await loadCatalogue())) {
    const retry = h('button', { class: 'button button--secondary', type: 'button', text: t('action.tryAgain') });
    retry.addEventListener('click', start);
    status.replaceChildren(h('h1', { text: t('error.pageOffline') }), h('p', { text: t('error.checkOnline') }), retry);
    return focusElement(status.querySelector('h1'));
  }
  status.replaceChildren();
  draft = loadDraft();
  const step = history.state && history.state.step;
  // A fresh visit after sending starts anew; a reload keeps the step the resident was on.
  if (!step && draft.result) draft = emptyDraft();
  writeForm();
  renderKind();
  show(STEPS.includes(step) && (step !== 'done' || draft.result) ? step : 'kind', { push: false, initial: true });
}

for (const step of ['kind', 'about', 'message', 'contact']) {
  sections[step].querySelector('form').addEventListener('submit', (event) => onContinue(step, event));
}
characterCount(document.getElementById('message'), MESSAGE_MAX);
main.addEventListener('input', () => {
  readForm();
  saveDraft();
});
main.addEventListener('change', (event) => {
  if (event.target.name === 'about') syncAbout();
  if (event.target.name === 'channel') {
    draft.channel = event.target.value;
    renderKind();
  }
});
backLink.addEventListener('click', (event) => {
  if (current && current !== 'kind') {
    event.preventDefault();
    history.back();
  }
});
window.addEventListener('popstate', (event) => {
  const step = event.state && event.state.step;
  if (STEPS.includes(step) && (step !== 'done' || draft.result)) show(step, { push: false });
});
sendButton.addEventListener('click', send);
start();
