// A compliment, suggestion or complaint, as steps of one page: what kind, what about, the message, contact,
// check, done. Each step is a history entry; the answers stay in sessionStorage (this tab only) so a phone
// reloading a background tab loses nothing. A complaint needs an email address: its outcome is mailed.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, summaryList, warningText } from './core.js';
import { sendOnce } from './send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount, focusField } from './forms.js';

// Limits mirror the server's (FeedbackService); the server stays the authority.
const MESSAGE_MAX = 4000;
const LIMITS = { 'officer-name': 100, 'about-booking': 40, 'contact-name': 100, 'contact-phone': 30 };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const REFERENCE = /^[A-Z0-9]{8}$/;
const STEPS = ['kind', 'about', 'message', 'contact', 'check', 'done'];
const STORAGE_KEY = 'civicdesk.feedback';
const KIND_WORDS = { compliment: 'compliment', suggestion: 'suggestion', complaint: 'complaint' };
const ABOUT_FIELD = { unit: 'about-unit', service: 'about-service', request: 'about-request', booking: 'about-booking' };
// The server's field names (docs/api.md) → the ids of the fields that hold them.
const FIELD_IDS = {
  kind: 'kind', about: 'about', 'about.unitId': 'about-unit', 'about.serviceId': 'about-service',
  'about.requestReference': 'about-request', 'about.bookingReference': 'about-booking', 'about.officerName': 'officer-name',
  message: 'message', 'contact.name': 'contact-name', 'contact.email': 'contact-email', 'contact.phone': 'contact-phone',
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
  return { kind: '', about: '', fields: {}, result: null };
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
const word = () => KIND_WORDS[draft.kind] || 'feedback';

// ---- The page and the draft ----

function readForm() {
  draft.kind = main.querySelector('input[name="kind"]:checked')?.value || '';
  draft.about = main.querySelector('input[name="about"]:checked')?.value || '';
  for (const id of INPUTS) draft.fields[id] = document.getElementById(id).value;
}

function writeForm() {
  for (const input of main.querySelectorAll('input[name="kind"], input[name="about"]')) {
    input.checked = input.value === (input.name === 'kind' ? draft.kind : draft.about);
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
  document.getElementById('message-label').textContent = `Your ${word()}`;
  document.getElementById('message-hint').textContent = complaint
    ? 'What happened, when, and what you would like us to do to put it right'
    : { compliment: 'What went well, and who helped you', suggestion: 'What we could do better, and how' }[draft.kind] || '';
  document.getElementById('contact-email-label').textContent = complaint ? 'Email address' : 'Email address (optional)';
  document.getElementById('contact-why').textContent = complaint
    ? 'We need your email address for a complaint: we send our acknowledgement, our answer and the reasons for it to you by email.'
    : 'You do not have to give your details. If you do, we only use them to reply about this.';
  document.getElementById('send-text').textContent = complaint
    ? 'When you send it, we will give you a reference and the dates by which we will acknowledge and answer your complaint.'
    : `When you send it, we will pass your ${word()} to the team concerned.`;
  sendButton.textContent = `Send ${word()}`;
}

// ---- Validation, worded as the server words it ----

function validate(step) {
  const found = [];
  const add = (fieldId, message) => found.push({ fieldId, message });
  const tooLong = (id, label) => {
    if (length(field(id)) > LIMITS[id]) add(id, `${label} must be ${LIMITS[id]} characters or fewer`);
  };
  if (step === 'kind' && !draft.kind) add('kind', 'Choose a compliment, a suggestion or a complaint');
  if (step === 'about') {
    if (!draft.about) add('about', 'Tell us which team, service, request or booking this is about');
    else if (draft.about === 'unit' && !field('about-unit')) add('about-unit', 'Choose a team from the list');
    else if (draft.about === 'service' && !field('about-service')) add('about-service', 'Choose a service from the list');
    else if (draft.about === 'request' && !REFERENCE.test(normalise(field('about-request')))) {
      add('about-request', 'Enter your request reference, like K7MP-3QXR');
    } else if (draft.about === 'booking') {
      if (!field('about-booking')) add('about-booking', 'Enter your booking reference or details');
      else tooLong('about-booking', 'The booking reference');
    }
    tooLong('officer-name', 'The name');
  }
  if (step === 'message') {
    if (!field('message')) add('message', `Enter your ${word()}`);
    else if (length(field('message')) > MESSAGE_MAX) add('message', `Your ${word()} must be 4,000 characters or fewer`);
  }
  if (step === 'contact') {
    tooLong('contact-name', 'Your name');
    if (!field('contact-email') && draft.kind === 'complaint') {
      add('contact-email', 'Enter your email address: we send our answer to your complaint to it');
    } else if (field('contact-email') && !EMAIL.test(field('contact-email'))) {
      add('contact-email', 'Enter an email address in the correct format, like name@example.com');
    }
    tooLong('contact-phone', 'Your phone number');
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
  setTitle([headingText(step), 'Compliments, suggestions and complaints']);
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
  const link = h('a', { href: `#${fieldId}` }, ['Change', h('span', { class: 'visually-hidden', text: ` ${what}` })]);
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
  if (draft.about === 'request') return `Request ${field('about-request').toUpperCase()}`;
  return `Booking: ${field('about-booking')}`;
}

function renderCheck() {
  const aboutId = draft.about === 'unit' ? 'about' : `about-kind-${draft.about}`;
  document.getElementById('answers').replaceChildren(summaryList([
    ['Sending', `A ${word()}`, changeLink(draft.kind === 'compliment' ? 'kind' : `kind-${draft.kind}`, 'what you are sending')],
    ['About', aboutText(), changeLink(aboutId, 'what it is about')],
    ['Member of staff', field('officer-name') || 'Not given', changeLink('officer-name', 'member of staff')],
    [`Your ${word()}`, field('message'), changeLink('message', `your ${word()}`)],
    ['Full name', field('contact-name') || 'Not given', changeLink('contact-name', 'full name')],
    ['Email address', field('contact-email') || 'Not given', changeLink('contact-email', 'email address')],
    ['Phone number', field('contact-phone') || 'Not given', changeLink('contact-phone', 'phone number')],
  ]));
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
  return { kind: draft.kind, about, message: field('message'), contact };
}

function setSending(on) {
  sending = on;
  // aria-disabled rather than disabled: the button keeps focus, so a screen reader user is not lost.
  if (on) sendButton.setAttribute('aria-disabled', 'true');
  else sendButton.removeAttribute('aria-disabled');
  sendButton.textContent = on ? 'Sending…' : `Send ${word()}`;
  if (on) announce(`Sending your ${word()}…`);
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
    errors = [{ message: `We could not send your ${word()} because the connection failed. Check you are online and send it again. You will not send it twice.` }];
    return showErrors();
  }
  setSending(false);
  if (response.ok) {
    draft.result = response.data;
    saveDraft();
    return show('done');
  }
  errors = (response.status === 400 && response.data.errors || []).map(({ field: name, message }) => ({ fieldId: FIELD_IDS[name], message }));
  if (!errors.length) errors = [{ message: response.data.message || 'Sorry, there is a problem with the service. Try again in a few minutes. You will not send it twice.' }];
  showErrors();
}

// ---- Confirmation ----

function renderDone() {
  const result = draft.result;
  if (result.kind !== 'complaint') {
    sections.done.replaceChildren(
      h('div', { class: 'panel' }, [h('h1', { class: 'panel__title', text: 'Thank you' }), h('div', { class: 'panel__body', text: result.message })]),
      field('contact-email') ? h('p', { text: 'If the team needs to ask you anything, they will email you.' }) : null,
      h('p', {}, h('a', { href: 'index.html', text: 'Back to the home page' })),
    );
    return;
  }
  const targets = result.targets || {};
  sections.done.replaceChildren(
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: 'Complaint received' }),
      h('div', { class: 'panel__body' }, ['Your reference is', h('strong', { class: 'reference', id: 'reference', text: result.displayReference })]),
    ]),
    h('p', { text: `We have sent a confirmation email to ${field('contact-email')}.` }),
    h('h2', { text: 'What happens next' }),
    h('p', {}, ['We will acknowledge your complaint by ', h('strong', { text: formatDate(targets.acknowledgeBy) }),
      ' and send you our answer and the reasons for it by ', h('strong', { text: formatDate(targets.answerBy) }), '.']),
    h('p', { text: 'If you are not satisfied with our answer, you can ask for an internal review by someone outside the team concerned.' }),
    h('h2', { text: 'Follow your complaint' }),
    h('p', {}, h('a', { href: result.privateLink, text: 'See your complaint and our answer' })),
    warningText('This link shows your complaint. Keep it private: do not share it or post it online.'),
  );
}

// ---- Start ----

async function loadCatalogue() {
  let response;
  try {
    response = await api('/services');
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
    const retry = h('button', { class: 'button button--secondary', type: 'button', text: 'Try again' });
    retry.addEventListener('click', start);
    status.replaceChildren(h('h1', { text: 'Sorry, we could not load this page' }), h('p', { text: 'Check you are online and try again.' }), retry);
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
