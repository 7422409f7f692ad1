// Log a request for a caller or a walk-in. The fields and their checks are the resident's own (request-form.js),
// worded for the caller, on one page rather than in steps: an officer on the phone fills them in as the caller
// talks. Plus how the caller reached us, and whether it was resolved while they were there. What is typed is
// kept in this tab's storage, so signing in again or a reload loses none of it.
import { api, h, NetworkError, announce, focusElement, formatDate, warningText } from '../../js/core.js';
import { sendOnce } from '../../js/send-once.js';
import {
  showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount, formGroup, choiceGroup, choiceItem, syncReveals,
} from '../../js/forms.js';
import {
  CALLER, emptyFields, renderProblemFields, renderLocationFields, renderContactFields, readFields, writeFields,
  validateFields, submission, fieldIdFor,
} from '../../js/request-form.js';
import { guidancePanel } from './guidance.js';
import { renderAgencyField, chosenAgency, chooseAgency } from './agency-picker.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';
import { INTAKE_LABELS } from './words.js';

const DRAFT_KEY = 'civicdesk.staff.log';
const RESOLUTION_MAX = 2000;
const INTAKES = ['phone', 'counter', 'email', 'field'];

const form = document.getElementById('log-form');
const summary = document.getElementById('error-summary');
const requestFields = document.getElementById('request-fields');
const button = document.getElementById('log-button');

let themes = [];
let service = null;
let draft = emptyDraft();
let sending = false;

function emptyDraft() {
  return {
    intake: '', serviceId: '', agencyId: '', firstContact: false, resolution: '', fields: emptyFields(),
    result: null, // the 201 answer, once logged
  };
}

function loadDraft() {
  try {
    return { ...emptyDraft(), ...JSON.parse(sessionStorage.getItem(DRAFT_KEY)) };
  } catch {
    return emptyDraft();
  }
}

function saveDraft() {
  try {
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Storage refused: the page still works, without surviving a reload.
  }
}

// ---- The fields only staff fill in ----

function renderIntakeFields() {
  document.getElementById('intake-fields').replaceChildren(choiceGroup({
    id: 'intake', legend: 'How did they contact us?', legendClass: 'label--m', options: INTAKES.map((intake) => [intake, INTAKE_LABELS[intake]]),
  }));
}

function renderServiceField() {
  const select = h('select', { class: 'select' }, [
    h('option', { value: '', text: 'Choose a service' }),
    ...themes.map((theme) => h('optgroup', { label: theme.name }, (theme.services || []).map((item) =>
      h('option', { value: item.id, text: item.name })))),
  ]);
  document.getElementById('service-fields').replaceChildren(formGroup({
    id: 'serviceId', label: 'What is it about?', labelClass: 'label--m', control: select,
    hint: 'The service decides the questions to ask them, the unit that handles it and when it is due',
  }));
  select.addEventListener('change', () => loadService(select.value, { speak: true }));
}

function renderFirstContactFields() {
  const resolution = h('textarea', { class: 'textarea', rows: 4 });
  const area = document.getElementById('first-contact-fields');
  area.replaceChildren(h('div', { class: 'form-group' }, [
    choiceItem({
      id: 'first-contact', type: 'checkbox', value: 'yes', label: 'Resolved at first contact', controls: 'conditional-first-contact',
      hint: 'you answered or fixed it while they were with you, so it is logged as resolved',
    }),
    h('div', { class: 'radios__conditional', id: 'conditional-first-contact', hidden: true }, formGroup({
      id: 'resolution', label: 'What did you do or tell them?', control: resolution,
      hint: 'This is the public update: the resident sees it on the tracking page, and by email if they gave an address',
    })),
  ]));
  characterCount(resolution, RESOLUTION_MAX);
  area.addEventListener('change', () => syncReveals(area));
}

// ---- Between the page and the draft ----

function readForm() {
  draft.intake = form.querySelector('input[name="intake"]:checked')?.value || '';
  draft.serviceId = document.getElementById('serviceId').value;
  draft.agencyId = chosenAgency();
  draft.firstContact = document.getElementById('first-contact').checked;
  draft.resolution = document.getElementById('resolution').value;
  if (service) draft.fields = readFields(form, service, draft.fields);
}

function writeForm() {
  for (const input of form.querySelectorAll('input[name="intake"]')) input.checked = input.value === draft.intake;
  document.getElementById('serviceId').value = draft.serviceId;
  chooseAgency(draft.agencyId);
  document.getElementById('first-contact').checked = draft.firstContact;
  syncReveals(document.getElementById('first-contact-fields'));
  document.getElementById('resolution').value = draft.resolution;
  document.getElementById('resolution').dispatchEvent(new Event('input'));
}

async function loadService(serviceId, { speak }) {
  draft.serviceId = serviceId;
  saveDraft();
  service = null;
  requestFields.hidden = true;
  document.getElementById('guidance').replaceChildren();
  if (!serviceId) return;
  let response;
  try {
    response = await api(`/services/${encodeURIComponent(serviceId)}`);
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
  }
  if (draft.serviceId !== serviceId) return; // another service was chosen meanwhile
  if (!response?.ok) {
    showErrors([{ fieldId: 'serviceId', message: 'We could not load the service’s questions. Check you are online and choose the service again.' }]);
    return;
  }
  service = response.data;
  document.getElementById('guidance').replaceChildren(guidancePanel(serviceId));
  document.getElementById('notice').replaceChildren(...(service.notice ? [warningText(service.notice)] : []));
  renderProblemFields(document.getElementById('questions'), service);
  writeFields(form, service, draft.fields);
  requestFields.hidden = false;
  if (speak) announce(`The questions about ${service.name} follow.`);
}

// ---- Checking and sending ----

function validate() {
  const errors = [];
  if (!draft.intake) errors.push({ fieldId: 'intake', message: 'Choose how they contacted us' });
  if (!service) errors.push({ fieldId: 'serviceId', message: 'Choose what the request is about' });
  else for (const part of ['problem', 'location', 'contact']) errors.push(...validateFields(part, service, draft.fields, CALLER));
  if (draft.firstContact) {
    const length = [...draft.resolution.trim()].length;
    if (!length) errors.push({ fieldId: 'resolution', message: 'Enter what you did or told them' });
    else if (length > RESOLUTION_MAX) errors.push({ fieldId: 'resolution', message: 'The resolution must be 2,000 characters or fewer' });
  }
  return errors;
}

function showErrors(errors) {
  clearFieldErrors(form);
  for (const { fieldId, message } of errors) if (fieldId) setFieldError(fieldId, message);
  staffTitle('Log a request', { error: true });
  showErrorSummary(summary, errors);
}

function body() {
  const logged = { ...submission(service, draft.fields), channel: draft.intake, resolvedAtFirstContact: draft.firstContact };
  if (draft.firstContact) logged.resolution = draft.resolution.trim();
  if (draft.agencyId) logged.agencyId = draft.agencyId;
  return logged;
}

// The server's field names → this page's fields.
function serverFieldId(field) {
  return { channel: 'intake', serviceId: 'serviceId', resolvedAtFirstContact: 'first-contact', resolution: 'resolution', agencyId: 'agencyId' }[field]
    || fieldIdFor(field, draft.fields);
}

function setSending(on) {
  sending = on;
  // aria-disabled rather than disabled: the button keeps focus, so a screen reader user is not lost.
  if (on) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  button.textContent = on ? 'Logging…' : 'Log request';
  if (on) announce('Logging the request…');
}

async function send(event) {
  event.preventDefault();
  if (sending) return undefined; // a double tap logs once
  readForm();
  saveDraft();
  const errors = validate();
  if (errors.length) return showErrors(errors);
  const logged = body();
  setSending(true);
  let response;
  try {
    // Logging the same request again after a failure reuses its key: nothing is logged twice.
    response = await sendOnce('staff.log', logged, (headers) => staffApi('/staff/requests', { method: 'POST', headers, body: logged }));
  } catch (error) {
    if (!(error instanceof NetworkError)) return showProblem(...problemFor(error));
    return showErrors([{ message: 'We could not log the request because the connection failed. Check you are online and select Log request again. It will not be logged twice.' }]);
  } finally {
    setSending(false);
  }
  if (response.ok) {
    draft.result = response.data;
    saveDraft();
    return showDone({ focus: true });
  }
  const fieldErrors = response.status === 400 && Array.isArray(response.data.errors) ? response.data.errors : [];
  if (fieldErrors.length) {
    return showErrors(fieldErrors.map(({ field, message }) => {
      const id = field && serverFieldId(field);
      return { fieldId: id && document.getElementById(id) ? id : null, message };
    }));
  }
  return showErrors([{ message: response.data.message || (response.status === 413
    ? 'The request is too long. Shorten what you wrote and try again.'
    : 'Sorry, there is a problem with the staff service. Try again in a few minutes. It will not be logged twice.') }]);
}

// ---- Logged ----

function expectedDates(expected) {
  const parts = [];
  if (expected.response) parts.push('we aim to respond by ', h('strong', { text: formatDate(expected.response) }));
  if (expected.resolution) parts.push(expected.response ? ' and to resolve it by ' : 'we aim to resolve it by ', h('strong', { text: formatDate(expected.resolution) }));
  return parts.length ? h('p', {}, ['Tell them ', ...parts, '.']) : null;
}

function showDone({ focus }) {
  const result = draft.result;
  const again = h('button', { class: 'button button--secondary', type: 'button', text: 'Log another request' });
  again.addEventListener('click', () => {
    try {
      sessionStorage.removeItem(DRAFT_KEY);
    } catch {
      // Nothing was kept.
    }
    location.reload();
  });
  const email = draft.fields.channel === 'email' ? draft.fields.email.trim() : '';
  const done = h('div', { id: 'done' }, [
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: result.resolvedAtFirstContact ? 'Request logged as resolved' : 'Request logged' }),
      h('div', { class: 'panel__body' }, ['The reference is', h('strong', { class: 'reference', id: 'reference', text: result.displayReference })]),
    ]),
    h('p', { text: 'Read the reference to them, one character at a time: they need it to track the request or to ask about it.' }),
    email ? h('p', { text: `We have emailed a confirmation, with their private link, to ${email}.` }) : null,
    result.resolvedAtFirstContact ? null : expectedDates(result.expected || {}),
    h('p', {}, h('a', { href: `request.html?ref=${encodeURIComponent(result.reference)}`, text: `Open request ${result.displayReference}` })),
    again,
  ]);
  form.hidden = true;
  hideErrorSummary(summary);
  document.getElementById('log').append(done);
  staffTitle(done.querySelector('h1').textContent);
  if (focus) focusElement(done.querySelector('h1'));
}

async function start() {
  const me = await startStaffPage();
  if (!me) return;
  if (!me.can?.logOnBehalf) {
    showProblem('Logging requests is not part of your role', 'Ask an administrator if you need to log requests for callers.', { retry: false });
    return;
  }
  let response;
  try {
    response = await api('/services');
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    showProblem('Sorry, we could not load the services', 'Check you are online and try again.');
    return;
  }
  if (!response.ok) {
    showProblem('Sorry, there is a problem with the service', 'Try again in a few minutes.');
    return;
  }
  themes = response.data.themes || [];
  document.getElementById('loading').hidden = true;
  draft = loadDraft();
  if (draft.result) {
    showDone({ focus: false });
    return;
  }
  renderIntakeFields();
  renderServiceField();
  await renderAgencyField(document.getElementById('agency-fields'));
  renderLocationFields(document.getElementById('location-fields'));
  renderContactFields(document.getElementById('contact-fields'), CALLER);
  renderFirstContactFields();
  writeForm();
  form.hidden = false;
  await loadService(draft.serviceId, { speak: false });
}

form.addEventListener('input', () => {
  readForm();
  saveDraft();
});
form.addEventListener('change', () => {
  readForm();
  saveDraft();
});
form.addEventListener('submit', send);
start();
