// The fields of a request, shared by the resident's report flow (report.js) and the staff page that logs a
// request for a caller (staff/js/log.js): a service's questions, the description, the location, the contact
// details and the preferred channel; reading them, checking them as the server does, and the body to send.
// `who` words the fields for whoever fills them in: the resident themselves, or an officer for a caller.
import { h, announce } from './core.js';
import { characterCount, formGroup, choiceGroup, choiceItem, syncReveals } from './forms.js';

// Limits and formats mirror the server's (SubmissionReader); the server stays the authority.
const DESCRIPTION_MAX = 2000;
const ADDRESS_MAX = 200;
const NAME_MAX = 100;
const TEXT_MAX = { 'short-text': 200, 'long-text': 2000 };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const PHONE = /^(0[2-478]\d{8}|\+61[2-478]\d{8}|1[38]00\d{6}|13\d{4}|\+[1-9]\d{7,14})$/; // after removing spaces ( ) - .
const MOBILE = /^(04\d{8}|\+614\d{8})$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/; // after removing thousands commas

export const RESIDENT = { subject: 'you', object: 'you', possessive: 'your', noUpdates: 'I do not need updates', otherWay: 'or choose another way to hear from us' };
export const CALLER = { subject: 'they', object: 'them', possessive: 'their', noUpdates: 'They do not need updates', otherWay: 'or choose another way for them to hear from us' };

/** Length as the server counts it: characters, not UTF-16 units. */
function length(text) {
  return [...String(text || '').trim()].length;
}

function phoneDigits(text) {
  return text.trim().replace(/[\s().-]/g, '');
}

function capitalise(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function emptyFields() {
  return {
    answers: {}, description: '', address: '', latitude: null, longitude: null, accuracy: null,
    name: '', email: '', mobile: '', phone: '', channel: '',
  };
}

/** Question ids come from the catalogue; keep them safe as element ids and selectors. */
export function questionFieldId(questionId) {
  return `q-${String(questionId).replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

// ---- Building the fields ----

function hintFor(question) {
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
  const label = question.label + (question.required ? '' : ' (optional)');
  const hint = hintFor(question);
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    return choiceGroup({
      id, legend: label, hint, type: question.type === 'single-choice' ? 'radio' : 'checkbox',
      options: (question.options || []).map((option) => [option, option]),
    });
  }
  const control = {
    'long-text': () => h('textarea', { class: 'textarea', rows: 4 }),
    number: () => h('input', { class: 'input input--width-5', type: 'text', inputmode: 'decimal' }),
    date: () => h('input', { class: 'input input--width-10', type: 'date' }),
  }[question.type]?.() || h('input', { class: 'input', type: 'text' });
  return formGroup({ id, label, hint, control });
}

function maxLength(question) {
  return question.maxLength || TEXT_MAX[question.type];
}

/** The service's questions, then the description; call once the container is on the page (character counts). */
export function renderProblemFields(container, service) {
  container.replaceChildren(
    ...(service.questions || []).map(questionField),
    formGroup({
      id: 'description', label: 'Describe the problem (optional)', hint: 'For example, how long it has been like this, or how to find it',
      control: h('textarea', { class: 'textarea', rows: 5 }),
    }),
  );
  for (const question of service.questions || []) {
    if (question.type === 'long-text') characterCount(document.getElementById(questionFieldId(question.id)), maxLength(question));
  }
  characterCount(document.getElementById('description'), DESCRIPTION_MAX);
}

/**
 * The address, and the phone's position where it has one. The position lives in hidden fields, so it is read
 * and restored like any other field; finding or removing it fires an input event, as typing does.
 */
export function renderLocationFields(container) {
  const useButton = h('button', { class: 'button button--secondary', type: 'button', id: 'use-location', text: 'Use my current location' });
  const removeButton = h('button', { class: 'link-button', type: 'button', id: 'remove-location', text: 'Remove my location' });
  const geolocation = h('div', { id: 'geolocation', class: 'form-group', hidden: !('geolocation' in navigator) }, [
    h('p', { text: 'Or, if you are there now:' }),
    useButton,
    h('div', { id: 'location-status', class: 'inset-text', hidden: true }, [h('p', { id: 'location-text' }), removeButton]),
  ]);
  container.replaceChildren(
    formGroup({
      id: 'address', label: 'Address or place', hint: 'For example, 12 Banksia Street, Melaleuca, or outside the library on Main Road',
      control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }),
    }),
    geolocation,
    ...['latitude', 'longitude', 'accuracy'].map((id) => h('input', { type: 'hidden', id, name: id })),
  );

  const setPosition = (latitude, longitude, accuracy) => {
    Object.entries({ latitude, longitude, accuracy }).forEach(([id, value]) => { document.getElementById(id).value = value ?? ''; });
    renderLocation();
    container.dispatchEvent(new Event('input', { bubbles: true }));
  };
  useButton.addEventListener('click', () => {
    if (useButton.getAttribute('aria-disabled') === 'true') return;
    useButton.setAttribute('aria-disabled', 'true');
    announce('Finding your location…');
    const done = () => useButton.removeAttribute('aria-disabled');
    navigator.geolocation.getCurrentPosition((position) => {
      done();
      // Six decimals is about 10 cm: more would be noise.
      setPosition(position.coords.latitude.toFixed(6), position.coords.longitude.toFixed(6), Math.round(position.coords.accuracy) || '');
      announce(document.getElementById('location-text').textContent);
    }, (error) => {
      done();
      announce(error.code === error.PERMISSION_DENIED
        ? 'We could not use your location because access was not allowed. Enter an address or place instead.'
        : 'We could not find your location. Enter an address or place instead.');
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  });
  removeButton.addEventListener('click', () => {
    setPosition(null, null, null);
    announce('Your current location has been removed.');
    useButton.focus();
  });
}

function renderLocation() {
  const latitude = document.getElementById('latitude').value;
  const longitude = document.getElementById('longitude').value;
  const accuracy = document.getElementById('accuracy').value;
  document.getElementById('location-status').hidden = !latitude;
  document.getElementById('location-text').textContent = latitude
    ? `We will use your current location: latitude ${Number(latitude).toFixed(5)}, longitude ${Number(longitude).toFixed(5)}${accuracy ? ` (accurate to about ${accuracy} metres)` : ''}.`
    : '';
}

/** The name, and how the person wants to hear back: each way reveals the one detail it needs (GOV.UK conditional reveal). */
export function renderContactFields(container, who) {
  const channel = (value, id, label, detail) => [
    choiceItem({ id, name: 'channel', value, label, controls: `conditional-${value}` }),
    h('div', { class: 'radios__conditional', id: `conditional-${value}`, hidden: true }, formGroup(detail)),
  ];
  const tel = (name) => h('input', { class: 'input input--width-10', name, type: 'tel', autocomplete: 'tel' });
  const channels = h('div', { class: 'radios' }, [
    ...channel('email', 'channel', 'Email', {
      id: 'contact-email', label: 'Email address', control: h('input', { class: 'input', name: 'email', type: 'email', autocomplete: 'email', spellcheck: 'false' }),
    }),
    ...channel('sms', 'channel-sms', 'Text message (SMS)', { id: 'contact-mobile', label: 'Mobile phone number', control: tel('mobile') }),
    ...channel('phone', 'channel-phone', 'Phone call', { id: 'contact-phone', label: 'Phone number', control: tel('phone') }),
    choiceItem({ id: 'channel-none', name: 'channel', value: 'none', label: who.noUpdates }),
  ]);
  container.replaceChildren(
    formGroup({
      id: 'contact-name', label: 'Full name (optional)', hint: `So we know who to ask for if we call ${who.object}`,
      control: h('input', { class: 'input', name: 'name', type: 'text', autocomplete: 'name', spellcheck: 'false' }),
    }),
    h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset', 'aria-describedby': 'channel-hint' }, [
      h('legend', { class: 'legend', text: `How would ${who.subject} like to hear from us?` }),
      h('div', { class: 'hint', id: 'channel-hint', text: `We will tell ${who.object} when there is progress and when it is done` }),
      channels,
    ])),
  );
  channels.addEventListener('change', () => syncReveals(channels));
}

// ---- Between the page and plain values ----

function checkedValues(root, name) {
  return [...root.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
}

const TEXT_FIELDS = { description: 'description', address: 'address', name: 'contact-name', email: 'contact-email', mobile: 'contact-mobile', phone: 'contact-phone' };

/** The values on the page (fields not on it are left as they were in `into`). */
export function readFields(root, service, into = emptyFields()) {
  const fields = { ...into, answers: { ...into.answers } };
  for (const question of service.questions || []) {
    const id = questionFieldId(question.id);
    if (!document.getElementById(id)) continue;
    if (question.type === 'single-choice') fields.answers[question.id] = checkedValues(root, id)[0] || '';
    else if (question.type === 'multiple-choice') fields.answers[question.id] = checkedValues(root, id);
    else fields.answers[question.id] = document.getElementById(id).value;
  }
  for (const [key, id] of Object.entries(TEXT_FIELDS)) {
    if (document.getElementById(id)) fields[key] = document.getElementById(id).value;
  }
  if (document.getElementById('latitude')) {
    const number = (id) => (document.getElementById(id).value === '' ? null : Number(document.getElementById(id).value));
    Object.assign(fields, { latitude: number('latitude'), longitude: number('longitude'), accuracy: number('accuracy') });
  }
  if (root.querySelector('input[name="channel"]')) fields.channel = checkedValues(root, 'channel')[0] || '';
  return fields;
}

/** Puts values back on the page (after a reload, or a draft kept in storage). */
export function writeFields(root, service, fields) {
  for (const question of service.questions || []) {
    const id = questionFieldId(question.id);
    const answer = fields.answers[question.id];
    if (question.type === 'single-choice' || question.type === 'multiple-choice') {
      for (const input of root.querySelectorAll(`input[name="${id}"]`)) input.checked = [].concat(answer || []).includes(input.value);
    } else if (document.getElementById(id)) {
      document.getElementById(id).value = answer || '';
    }
  }
  const values = { ...Object.fromEntries(Object.entries(TEXT_FIELDS).map(([key, id]) => [id, fields[key]])), latitude: fields.latitude, longitude: fields.longitude, accuracy: fields.accuracy };
  for (const [id, value] of Object.entries(values)) {
    if (document.getElementById(id)) document.getElementById(id).value = value ?? '';
  }
  for (const input of root.querySelectorAll('input[name="channel"]')) input.checked = input.value === fields.channel;
  syncReveals(root);
  if (document.getElementById('location-status')) renderLocation();
  // Only once every value is back: refreshes the character counts.
  for (const textarea of root.querySelectorAll('textarea')) textarea.dispatchEvent(new Event('input'));
}

// ---- Checking, worded as the server words it, so a person reads the same message whichever side finds it ----

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

/** Problems with one part of the fields ('problem', 'location' or 'contact'), as [{ fieldId, message }]. */
export function validateFields(part, service, fields, who) {
  const errors = [];
  const add = (fieldId, message) => errors.push({ fieldId, message });
  if (part === 'problem') {
    for (const question of service.questions || []) {
      const fieldId = questionFieldId(question.id);
      const message = questionError(question, fields.answers[question.id], document.getElementById(fieldId));
      if (message) add(fieldId, message);
    }
    if (length(fields.description) > DESCRIPTION_MAX) add('description', 'The description must be 2,000 characters or fewer');
  } else if (part === 'location') {
    if (!fields.address.trim() && fields.latitude == null) add('address', 'Tell us where the problem is: enter an address or use your current location');
    else if (length(fields.address) > ADDRESS_MAX) add('address', `The address must be ${ADDRESS_MAX} characters or fewer`);
  } else if (part === 'contact') {
    if (length(fields.name) > NAME_MAX) add('contact-name', `${capitalise(who.possessive)} name must be ${NAME_MAX} characters or fewer`);
    if (!fields.channel) add('channel', `Choose how ${who.subject} would like to hear from us`);
    if (fields.channel === 'email') {
      if (!fields.email.trim()) add('contact-email', `Enter ${who.possessive} email address, ${who.otherWay}`);
      else if (!EMAIL.test(fields.email.trim())) add('contact-email', 'Enter an email address in the correct format, like name@example.com');
    }
    if (fields.channel === 'sms') {
      if (!fields.mobile.trim()) add('contact-mobile', `Enter ${who.possessive} mobile number, ${who.otherWay}`);
      else if (!MOBILE.test(phoneDigits(fields.mobile))) add('contact-mobile', 'Enter a mobile number for text messages, like 0412 345 678');
    }
    if (fields.channel === 'phone') {
      if (!fields.phone.trim()) add('contact-phone', `Enter ${who.possessive} phone number, ${who.otherWay}`);
      else if (!PHONE.test(phoneDigits(fields.phone))) add('contact-phone', 'Enter a phone number, like 08 9123 4567 or 0412 345 678');
    }
  }
  return errors;
}

// ---- Sending ----

/** The submission body (docs/api.md, POST /requests). */
export function submission(service, fields) {
  const answers = {};
  for (const question of service.questions || []) {
    const answer = fields.answers[question.id];
    if (Array.isArray(answer)) {
      if (answer.length) answers[question.id] = answer;
    } else if (String(answer || '').trim()) {
      answers[question.id] = question.type === 'number' ? Number(answer.trim().replace(/,/g, '')) : answer.trim();
    }
  }
  const location = {};
  if (fields.address.trim()) location.address = fields.address.trim();
  if (fields.latitude != null) Object.assign(location, { latitude: fields.latitude, longitude: fields.longitude });
  // Only the detail the chosen channel needs is sent: no more personal information than the request uses.
  const contact = {};
  if (fields.name.trim()) contact.name = fields.name.trim();
  if (fields.channel === 'email') contact.email = fields.email.trim();
  if (fields.channel === 'sms') contact.phone = fields.mobile.trim();
  if (fields.channel === 'phone') contact.phone = fields.phone.trim();
  const body = { serviceId: service.id, answers, location, contact, preferredChannel: fields.channel };
  if (fields.description.trim()) body.description = fields.description.trim();
  return body;
}

/** The id of the field that holds one of the server's field names (docs/api.md), if it is one of these. */
export function fieldIdFor(field, fields) {
  if (field.startsWith('answers.')) return questionFieldId(field.slice('answers.'.length));
  if (field === 'contact.phone') return fields.channel === 'sms' ? 'contact-mobile' : 'contact-phone';
  if (field.startsWith('location')) return 'address';
  return { description: 'description', 'contact.name': 'contact-name', 'contact.email': 'contact-email', preferredChannel: 'channel' }[field];
}
