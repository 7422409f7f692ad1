// The report flow for one service, as steps of one page: about the problem, where, contact, check, done.
// One page means the service is fetched once and moving between steps costs no network on a slow phone;
// each step is a history entry, so the browser's Back button and the page's Back link both work.
// The answers are kept in sessionStorage (this tab only, gone when it closes) because phones often reload
// a background tab, and a resident checking the bin's colour should not lose what they typed.
import { api, h, NetworkError, setTitle, focusElement, announce, formatDate, CHANNEL_LABELS, summaryList, newIdempotencyKey, warning } from './core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount, focusField } from './forms.js';

// Limits and formats mirror the server's (SubmissionReader); the server stays the authority.
const DESCRIPTION_MAX = 2000;
const ADDRESS_MAX = 200;
const NAME_MAX = 100;
const TEXT_MAX = { 'short-text': 200, 'long-text': 2000 };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const PHONE = /^(0[2-478]\d{8}|\+61[2-478]\d{8}|1[38]00\d{6}|13\d{4}|\+[1-9]\d{7,14})$/; // after removing spaces ( ) - .
const MOBILE = /^(04\d{8}|\+614\d{8})$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/; // after removing thousands commas

/** Length as the server counts it: characters, not UTF-16 units. */
function length(text) {
  return [...text.trim()].length;
}

function phoneDigits(text) {
  return text.trim().replace(/[\s().-]/g, '');
}

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
    answers: {}, description: '', address: '', latitude: null, longitude: null, accuracy: null,
    name: '', email: '', mobile: '', phone: '', channel: '',
    pending: null, // { key, body } of the last send attempt, so a retry of the same answers reuses its key
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

/** Question ids come from the catalogue; keep them safe as element ids and selectors. */
function questionFieldId(questionId) {
  return `q-${String(questionId).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function stepOf(fieldId) {
  return document.getElementById(fieldId)?.closest('[data-step]')?.dataset.step;
}

// ---- Rendering the service's questions ----

function questionHint(question) {
  const parts = [];
  if (question.help) parts.push(question.help);
  if (question.type === 'multiple-choice' && !question.help) parts.push('Choose all that apply.');
  if (question.type === 'number' && question.min != null && question.max != null) parts.push(`Enter a number from ${question.min} to ${question.max}.`);
  else if (question.type === 'number' && question.min != null) parts.push(`Enter a number of at least ${question.min}.`);
  else if (question.type === 'number' && question.max != null) parts.push(`Enter a number up to ${question.max}.`);
  return parts.join(' ');
}

function questionField(question) {
  const id = questionFieldId(question.id);
  const labelText = question.label + (question.required ? '' : ' (optional)');
  const hintText = questionHint(question);
  const hintId = hintText ? `${id}-hint` : null;
  const hint = hintText ? h('div', { class: 'hint', id: hintId, text: hintText }) : null;

  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    const type = question.type === 'single-choice' ? 'radio' : 'checkbox';
    const options = (question.options || []).map((option, index) => {
      const optionId = index === 0 ? id : `${id}-${index + 1}`;
      return h('div', { class: 'radios__item' }, [
        h('input', { class: 'radios__input', id: optionId, name: id, type, value: option }),
        h('label', { class: 'label radios__label', for: optionId, text: option }),
      ]);
    });
    return h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset', 'aria-describedby': hintId }, [
      h('legend', { class: 'legend', text: labelText }), hint, h('div', { class: 'radios' }, options),
    ]));
  }

  let control;
  if (question.type === 'long-text') {
    control = h('textarea', { class: 'textarea', id, name: id, rows: 4, 'aria-describedby': hintId });
  } else if (question.type === 'number') {
    control = h('input', { class: 'input input--width-5', id, name: id, type: 'text', inputmode: 'decimal', 'aria-describedby': hintId });
  } else if (question.type === 'date') {
    control = h('input', { class: 'input input--width-10', id, name: id, type: 'date', 'aria-describedby': hintId });
  } else {
    control = h('input', { class: 'input', id, name: id, type: 'text', 'aria-describedby': hintId });
  }
  return h('div', { class: 'form-group' }, [h('label', { class: 'label', for: id, text: labelText }), hint, control]);
}

function renderService() {
  for (const caption of document.querySelectorAll('[data-service-name]')) caption.textContent = service.name;
  document.getElementById('notice').replaceChildren(...(service.notice ? [warning(service.notice)] : []));
  document.getElementById('questions').replaceChildren(...(service.questions || []).map(questionField));
  for (const question of service.questions || []) {
    if (question.type === 'long-text') characterCount(document.getElementById(questionFieldId(question.id)), maxLength(question));
  }
  characterCount(document.getElementById('description'), DESCRIPTION_MAX);
}

// ---- Moving values between the page and the draft ----

function value(id) {
  return document.getElementById(id).value;
}

function checkedValues(name) {
  return [...main.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

function readForm() {
  for (const question of service.questions || []) {
    const id = questionFieldId(question.id);
    if (question.type === 'single-choice') draft.answers[question.id] = checkedValues(id)[0] || '';
    else if (question.type === 'multiple-choice') draft.answers[question.id] = checkedValues(id);
    else draft.answers[question.id] = value(id);
  }
  draft.description = value('description');
  draft.address = value('address');
  draft.name = value('contact-name');
  draft.email = value('contact-email');
  draft.mobile = value('contact-mobile');
  draft.phone = value('contact-phone');
  draft.channel = checkedValues('channel')[0] || '';
}

function writeForm() {
  for (const question of service.questions || []) {
    const id = questionFieldId(question.id);
    const answer = draft.answers[question.id];
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      for (const input of main.querySelectorAll(`input[name="${id}"]`)) input.checked = [].concat(answer || []).includes(input.value);
    } else {
      document.getElementById(id).value = answer || '';
    }
  }
  const fields = { description: draft.description, address: draft.address, 'contact-name': draft.name, 'contact-email': draft.email, 'contact-mobile': draft.mobile, 'contact-phone': draft.phone };
  for (const [id, text] of Object.entries(fields)) document.getElementById(id).value = text || '';
  for (const input of main.querySelectorAll('input[name="channel"]')) input.checked = input.value === draft.channel;
  syncChannel();
  renderLocation();
  // Only once every value is back: refreshes the character counts.
  for (const textarea of main.querySelectorAll('textarea')) textarea.dispatchEvent(new Event('input'));
}

// GOV.UK conditional reveal: the chosen way of contact shows the one detail it needs.
function syncChannel() {
  const channel = checkedValues('channel')[0];
  for (const input of main.querySelectorAll('input[name="channel"][aria-controls]')) {
    document.getElementById(input.getAttribute('aria-controls')).hidden = input.value !== channel;
  }
}

// ---- Validation ----

function maxLength(question) {
  return question.maxLength || TEXT_MAX[question.type];
}

// Worded as the server words them, so a resident reads the same message whichever side finds the problem.
function questionError(question, answer, field) {
  const label = `‘${question.label}’`;
  const empty = Array.isArray(answer) ? answer.length === 0 : !String(answer || '').trim();
  if (question.type === 'date' && field?.validity.badInput) return `${label} must be a real date`;
  if (empty) {
    if (!question.required) return null;
    return question.type.endsWith('-choice') ? `Choose an answer to ${label}` : `Answer ${label}`;
  }
  if (question.type === 'number') {
    const text = String(answer).trim().replace(/,/g, '');
    if (!NUMBER.test(text)) return `${label} must be a number, like 3`;
    const number = Number(text);
    const { min, max } = question;
    if ((min != null && number < min) || (max != null && number > max)) {
      if (min != null && max != null) return `${label} must be between ${min} and ${max}`;
      return min != null ? `${label} must be ${min} or more` : `${label} must be ${max} or less`;
    }
  }
  if (TEXT_MAX[question.type] && length(answer) > maxLength(question)) {
    return `${label} must be ${maxLength(question).toLocaleString('en-AU')} characters or fewer`;
  }
  return null;
}

function validate(step) {
  const errors = [];
  const add = (fieldId, message) => errors.push({ fieldId, message });
  if (step === 'problem') {
    for (const question of service.questions || []) {
      const fieldId = questionFieldId(question.id);
      const message = questionError(question, draft.answers[question.id], document.getElementById(fieldId));
      if (message) add(fieldId, message);
    }
    if (length(draft.description) > DESCRIPTION_MAX) add('description', 'The description must be 2,000 characters or fewer');
  } else if (step === 'location') {
    if (!draft.address.trim() && draft.latitude == null) add('address', 'Tell us where the problem is: enter an address or use your current location');
    else if (length(draft.address) > ADDRESS_MAX) add('address', `The address must be ${ADDRESS_MAX} characters or fewer`);
  } else if (step === 'contact') {
    if (length(draft.name) > NAME_MAX) add('contact-name', `Your name must be ${NAME_MAX} characters or fewer`);
    if (!draft.channel) add('channel', 'Choose how you would like to hear from us');
    if (draft.channel === 'email') {
      if (!draft.email.trim()) add('contact-email', 'Enter your email address, or choose another way to hear from us');
      else if (!EMAIL.test(draft.email.trim())) add('contact-email', 'Enter an email address in the correct format, like name@example.com');
    }
    if (draft.channel === 'sms') {
      if (!draft.mobile.trim()) add('contact-mobile', 'Enter your mobile number, or choose another way to hear from us');
      else if (!MOBILE.test(phoneDigits(draft.mobile))) add('contact-mobile', 'Enter a mobile number for text messages, like 0412 345 678');
    }
    if (draft.channel === 'phone') {
      if (!draft.phone.trim()) add('contact-phone', 'Enter your phone number, or choose another way to hear from us');
      else if (!PHONE.test(phoneDigits(draft.phone))) add('contact-phone', 'Enter a phone number, like 08 9123 4567 or 0412 345 678');
    }
  }
  return errors;
}

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
  for (const { fieldId, message } of validate(step)) fieldErrors.set(fieldId, message);
  renderFieldErrors();
  if (errorsIn(step).length) showErrors(step);
  else show(returnToCheck ? 'check' : STEPS[STEPS.indexOf(step) + 1]);
}

// ---- Location ----

function renderLocation() {
  const box = document.getElementById('location-status');
  box.hidden = draft.latitude == null;
  if (draft.latitude == null) return;
  const accuracy = draft.accuracy ? ` (accurate to about ${draft.accuracy} metres)` : '';
  document.getElementById('location-text').textContent =
    `We will use your current location: latitude ${draft.latitude.toFixed(5)}, longitude ${draft.longitude.toFixed(5)}${accuracy}.`;
}

function useLocation() {
  const button = document.getElementById('use-location');
  button.setAttribute('aria-disabled', 'true');
  announce('Finding your location…');
  const done = () => button.removeAttribute('aria-disabled');
  navigator.geolocation.getCurrentPosition((position) => {
    done();
    // Six decimals is about 10 cm: more would be noise.
    draft.latitude = Number(position.coords.latitude.toFixed(6));
    draft.longitude = Number(position.coords.longitude.toFixed(6));
    draft.accuracy = Math.round(position.coords.accuracy) || null;
    saveDraft();
    renderLocation();
    announce(document.getElementById('location-text').textContent);
  }, (error) => {
    done();
    announce(error.code === error.PERMISSION_DENIED
      ? 'We could not use your location because access was not allowed. Enter an address or place instead.'
      : 'We could not find your location. Enter an address or place instead.');
  }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
}

function removeLocation() {
  draft.latitude = null;
  draft.longitude = null;
  draft.accuracy = null;
  saveDraft();
  renderLocation();
  announce('Your current location has been removed.');
  document.getElementById('use-location').focus();
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

function payload() {
  const answers = {};
  for (const question of service.questions || []) {
    const answer = draft.answers[question.id];
    if (Array.isArray(answer)) {
      if (answer.length) answers[question.id] = answer;
    } else if (String(answer || '').trim()) {
      answers[question.id] = question.type === 'number' ? Number(answer.trim().replace(/,/g, '')) : answer.trim();
    }
  }
  const location = {};
  if (draft.address.trim()) location.address = draft.address.trim();
  if (draft.latitude != null) Object.assign(location, { latitude: draft.latitude, longitude: draft.longitude });
  // Only the detail the chosen channel needs is sent: no more personal information than the request uses.
  const contact = {};
  if (draft.name.trim()) contact.name = draft.name.trim();
  if (draft.channel === 'email') contact.email = draft.email.trim();
  if (draft.channel === 'sms') contact.phone = draft.mobile.trim();
  if (draft.channel === 'phone') contact.phone = draft.phone.trim();
  const body = { serviceId: service.id, answers, location, contact, preferredChannel: draft.channel };
  if (draft.description.trim()) body.description = draft.description.trim();
  return body;
}

// The server's field names (docs/api.md) → the ids of the fields that hold them.
function fieldIdFor(field) {
  if (field.startsWith('answers.')) return questionFieldId(field.slice('answers.'.length));
  if (field === 'contact.phone') return draft.channel === 'sms' ? 'contact-mobile' : 'contact-phone';
  if (field.startsWith('location')) return 'address';
  return { description: 'description', 'contact.name': 'contact-name', 'contact.email': 'contact-email', preferredChannel: 'channel' }[field];
}

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
  const body = payload();
  const json = JSON.stringify(body);
  // One key per distinct set of answers: pressing Send again after a failure reuses it, so the server
  // answers with the first result instead of creating a second request.
  if (!draft.pending || draft.pending.body !== json) draft.pending = { key: newIdempotencyKey(), body: json };
  saveDraft();
  setSending(true);
  let response;
  try {
    response = await api('/requests', { method: 'POST', headers: { 'Idempotency-Key': draft.pending.key }, body });
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
    return;
  }
  const errors = response.status === 400 && Array.isArray(response.data.errors) ? response.data.errors : [];
  for (const { field, message } of errors) {
    const fieldId = field && fieldIdFor(field);
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

  sections.done.replaceChildren(
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
    warning('This link shows your name, contact details and what you told us. Keep it private: do not share it or post it online.'),
    h('p', {}, [
      'To check progress or share it without your details, use ',
      h('a', { href: result.trackingLink, text: `the tracking page for ${result.displayReference}` }),
      '. Anyone with the reference can see its progress, but not your details.',
    ]),
    h('p', {}, h('a', { href: 'services.html', text: 'Report another problem' })),
  );
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
  if (response.status === 404) return showStatus('We cannot find that service', servicesLink);
  if (!response.ok) return showStatus('Sorry, there is a problem with the service', 'Try again in a few minutes.', true);

  service = response.data;
  renderService();
  draft = loadDraft();
  const step = history.state && history.state.step;
  // A fresh visit after a report was sent starts a new one; a reload keeps the step the resident was on.
  if (!step && draft.result) draft = emptyDraft();
  writeForm();
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
main.addEventListener('change', (event) => {
  if (event.target.name === 'channel') syncChannel();
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
if ('geolocation' in navigator) {
  document.getElementById('geolocation').hidden = false;
  document.getElementById('use-location').addEventListener('click', (event) => {
    if (event.currentTarget.getAttribute('aria-disabled') !== 'true') useLocation();
  });
  document.getElementById('remove-location').addEventListener('click', removeLocation);
}
sendButton.addEventListener('click', send);
document.getElementById('show-confirmation').addEventListener('click', (event) => {
  event.preventDefault();
  show('done');
});
start();
