// The fields of a request, shared by the resident's report flow (report.js) and the staff page that logs a
// request for a caller (staff/js/log.js): a service's questions, the description, the location, the contact
// details and the preferred channel; reading them, checking them as the server does, and the body to send.
// `who` words the fields for whoever fills them in: the resident themselves, or an officer for a caller.
import { h, announce } from './core.js';
import { t, formatNumber } from './i18n.js';
import { characterCount, formGroup, choiceGroup, choiceItem, syncReveals, isMobile, isPhone } from './forms.js';

// Limits and formats mirror the server's (SubmissionReader); the server stays the authority.
const DESCRIPTION_MAX = 2000;
const ADDRESS_MAX = 200;
const NAME_MAX = 100;
const TEXT_MAX = { 'short-text': 200, 'long-text': 2000 };
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s.]+$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)$/; // after removing thousands commas

// The words that depend on who fills the form in: the resident's are in their language's catalogue; the caller's are
// for the staff page, which stays in English.
const CALLER_WORDS = {
  'form.noUpdates': 'They do not need updates',
  'form.nameHint': 'So we know who to ask for if we call them',
  'form.channelLegend': 'How would they like to hear from us?',
  'form.channelHint': 'We will tell them when there is progress and when it is done',
  'form.nameTooLong': 'Their name must be {max} characters or fewer',
  'form.channelMissing': 'Choose how they would like to hear from us',
  'form.emailMissing': 'Enter their email address, or choose another way for them to hear from us',
  'form.mobileMissing': 'Enter their mobile number, or choose another way for them to hear from us',
  'form.phoneMissing': 'Enter their phone number, or choose another way for them to hear from us',
};
export const RESIDENT = { say: (key, params) => t(key, params) };
export const CALLER = { say: (key, params = {}) => CALLER_WORDS[key].replace(/\{(\w+)\}/g, (whole, name) => params[name] ?? whole) };

/** Length as the server counts it: characters, not UTF-16 units. */
function length(text) {
  return [...String(text || '').trim()].length;
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
  const range = { min: question.min, max: question.max };
  if (question.type === 'multiple-choice' && !question.help) parts.push(t('form.chooseAll'));
  if (question.type === 'number' && question.min != null && question.max != null) parts.push(t('form.numberFromTo', range));
  else if (question.type === 'number' && question.min != null) parts.push(t('form.numberAtLeast', range));
  else if (question.type === 'number' && question.max != null) parts.push(t('form.numberUpTo', range));
  return parts.join(' ');
}

function questionField(question) {
  const id = questionFieldId(question.id);
  const label = question.required ? question.label : t('form.optional', { label: question.label });
  const hint = hintFor(question);
  if (question.type === 'single-choice' || question.type === 'multiple-choice') {
    return choiceGroup({
      id, legend: label, hint, type: question.type === 'single-choice' ? 'radio' : 'checkbox',
      // The value sent is the option as the service names it; the label is the resident's language's.
      options: (question.options || []).map((option, index) => [option, (question.optionLabels || [])[index] || option]),
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
      id: 'description', label: t('form.description'), hint: t('form.descriptionHint'),
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
  const useButton = h('button', { class: 'button button--secondary', type: 'button', id: 'use-location', text: t('form.useLocation') });
  const removeButton = h('button', { class: 'link-button', type: 'button', id: 'remove-location', text: t('form.removeLocation') });
  const geolocation = h('div', { id: 'geolocation', class: 'form-group', hidden: !('geolocation' in navigator) }, [
    h('p', { text: t('form.thereNow') }),
    useButton,
    h('div', { id: 'location-status', class: 'inset-text', hidden: true }, [h('p', { id: 'location-text' }), removeButton]),
  ]);
  // The map (js/map-picker.js, and Leaflet with it) loads only when it is opened: the page's first load stays as small.
  const mapButton = h('button', { class: 'button button--secondary', type: 'button', id: 'open-map', 'aria-expanded': 'false',
    'aria-controls': 'map-area', text: t('map.open') });
  const mapArea = h('div', { id: 'map-area', class: 'form-group', hidden: true });
  container.replaceChildren(
    formGroup({
      id: 'address', label: t('form.address'), hint: t('form.addressHint'),
      control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }),
    }),
    geolocation,
    h('div', { class: 'form-group' }, mapButton),
    mapArea,
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
    announce(t('form.finding'));
    const done = () => useButton.removeAttribute('aria-disabled');
    navigator.geolocation.getCurrentPosition((position) => {
      done();
      // Six decimals is about 10 cm: more would be noise.
      setPosition(position.coords.latitude.toFixed(6), position.coords.longitude.toFixed(6), Math.round(position.coords.accuracy) || '');
      announce(document.getElementById('location-text').textContent);
    }, (error) => {
      done();
      announce(error.code === error.PERMISSION_DENIED ? t('form.locationDenied') : t('form.locationNotFound'));
    }, { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 });
  });
  mapButton.addEventListener('click', async () => {
    const open = mapButton.getAttribute('aria-expanded') === 'true';
    mapButton.setAttribute('aria-expanded', String(!open));
    mapButton.textContent = open ? t('map.open') : t('map.close');
    mapArea.hidden = open;
    if (open || mapArea.childElementCount) return;
    const { openMap } = await import('./map-picker.js');
    const latitude = document.getElementById('latitude').value;
    const longitude = document.getElementById('longitude').value;
    await openMap(mapArea, latitude ? [Number(latitude), Number(longitude)] : null, (lat, lng) => {
      setPosition(lat, lng, null);
      document.getElementById('location-text').textContent = t('map.chosen', { latitude: Number(lat).toFixed(5), longitude: Number(lng).toFixed(5) });
    });
  });
  removeButton.addEventListener('click', () => {
    setPosition(null, null, null);
    announce(t('form.locationRemoved'));
    useButton.focus();
  });
}

function renderLocation() {
  const latitude = document.getElementById('latitude').value;
  const longitude = document.getElementById('longitude').value;
  const accuracy = document.getElementById('accuracy').value;
  document.getElementById('location-status').hidden = !latitude;
  document.getElementById('location-text').textContent = latitude
    ? t(accuracy ? 'form.usingLocationAccurate' : 'form.usingLocation', {
      latitude: Number(latitude).toFixed(5), longitude: Number(longitude).toFixed(5), accuracy,
    })
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
    ...channel('email', 'channel', t('channel.email'), {
      id: 'contact-email', label: t('form.email'), control: h('input', { class: 'input', name: 'email', type: 'email', autocomplete: 'email', spellcheck: 'false' }),
    }),
    ...channel('sms', 'channel-sms', t('channel.sms'), { id: 'contact-mobile', label: t('form.mobile'), control: tel('mobile') }),
    ...channel('phone', 'channel-phone', t('channel.phone'), { id: 'contact-phone', label: t('form.phone'), control: tel('phone') }),
    choiceItem({ id: 'channel-none', name: 'channel', value: 'none', label: who.say('form.noUpdates') }),
  ]);
  container.replaceChildren(
    formGroup({
      id: 'contact-name', label: t('form.optional', { label: t('details.name') }), hint: who.say('form.nameHint'),
      control: h('input', { class: 'input', name: 'name', type: 'text', autocomplete: 'name', spellcheck: 'false' }),
    }),
    h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset', 'aria-describedby': 'channel-hint' }, [
      h('legend', { class: 'legend', text: who.say('form.channelLegend') }),
      h('div', { class: 'hint', id: 'channel-hint', text: who.say('form.channelHint') }),
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
  const label = t('form.quoted', { label: question.label });
  const empty = Array.isArray(answer) ? answer.length === 0 : !String(answer || '').trim();
  if (question.type === 'date' && field?.validity.badInput) return t('form.realDate', { label });
  if (empty) {
    if (!question.required) return null;
    return t(question.type.endsWith('-choice') ? 'form.choose' : 'form.answer', { label });
  }
  if (question.type === 'number') {
    const text = String(answer).trim().replace(/,/g, '');
    if (!NUMBER.test(text)) return t('form.notNumber', { label });
    const number = Number(text);
    const { min, max } = question;
    if ((min != null && number < min) || (max != null && number > max)) {
      if (min != null && max != null) return t('form.between', { label, min, max });
      return min != null ? t('form.atLeast', { label, min }) : t('form.atMost', { label, max });
    }
  }
  if (TEXT_MAX[question.type] && length(answer) > maxLength(question)) {
    return t('form.tooLong', { label, max: formatNumber(maxLength(question)) });
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
    if (length(fields.description) > DESCRIPTION_MAX) add('description', t('form.descriptionTooLong', { max: formatNumber(DESCRIPTION_MAX) }));
  } else if (part === 'location') {
    if (!fields.address.trim() && fields.latitude == null) add('address', t('form.whereMissing'));
    else if (length(fields.address) > ADDRESS_MAX) add('address', t('form.addressTooLong', { max: formatNumber(ADDRESS_MAX) }));
  } else if (part === 'contact') {
    if (length(fields.name) > NAME_MAX) add('contact-name', who.say('form.nameTooLong', { max: NAME_MAX }));
    if (!fields.channel) add('channel', who.say('form.channelMissing'));
    if (fields.channel === 'email') {
      if (!fields.email.trim()) add('contact-email', who.say('form.emailMissing'));
      else if (!EMAIL.test(fields.email.trim())) add('contact-email', t('form.emailFormat'));
    }
    if (fields.channel === 'sms') {
      if (!fields.mobile.trim()) add('contact-mobile', who.say('form.mobileMissing'));
      else if (!isMobile(fields.mobile)) add('contact-mobile', t('form.mobileFormat'));
    }
    if (fields.channel === 'phone') {
      if (!fields.phone.trim()) add('contact-phone', who.say('form.phoneMissing'));
      else if (!isPhone(fields.phone)) add('contact-phone', t('form.phoneFormat'));
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
