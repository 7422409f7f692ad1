// One request, with everything needed to handle it, and the actions its workflow allows now. Each action
// sends the version the officer saw; when someone else saved first (409) the page says what changed, shows the
// request as it is now and keeps what the officer typed. What they type is also kept in this tab's storage,
// so a phone reloading a background tab, or signing in again, loses none of it.
import { h, announce, focusElement, formatDate, formatDateTime, timeElement, summaryList, warningText, statusTag, answerText, CHANNEL_LABELS, NetworkError } from '../../js/core.js';
import {
  showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount, formGroup, choiceGroup, choiceItem, syncReveals,
} from '../../js/forms.js';
import { guidancePanel } from './guidance.js';
import { templatePicker } from './response-picker.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';
import { dueLine, priorityTag, warningTag, humanise, unitName, PRIORITY_LABELS, INTAKE_LABELS } from './words.js';

const reference = (new URLSearchParams(location.search).get('ref') || '').toUpperCase().replace(/[\s-]/g, '');
const draftKey = `civicdesk.staff.request.${reference}`;
const MESSAGE_MAX = 2000;
const NOTE_MAX = 4000;

const summary = document.getElementById('error-summary');
const banner = document.getElementById('banner');
const page = document.getElementById('request');

let me;
let request; // as the API last answered: the version the officer sees
let saving = false;

// The actions, in the order offered; each names its fields ('?' for optional) and what the page says once done.
const ACTIONS = {
  acknowledge: { label: 'Acknowledge', hint: 'Tell the resident we have it: their first response', fields: ['publicMessage?', 'note?'], done: 'Request acknowledged' },
  message: { label: 'Send a public update', fields: ['publicMessage'], done: 'Public update sent' },
  status: { label: 'Change the status', fields: ['status', 'publicMessage?', 'note?'], done: 'Status changed' },
  note: { label: 'Add an internal note', hint: 'Only staff see it', fields: ['note'], done: 'Internal note added' },
  assign: { label: 'Assign, or refer to another unit', fields: ['unitId', 'officerId'], done: 'Assignment saved' },
  priority: { label: 'Change the priority', fields: ['priority', 'note?'], done: 'Priority changed' },
  resolve: { label: 'Resolve', fields: ['resolution', 'note?'], done: 'Request resolved' },
  close: { label: 'Close', fields: ['publicMessage?', 'note?'], done: 'Request closed' },
  duplicate: { label: 'Mark as a duplicate of another request', fields: ['originalReference', 'publicMessage?', 'note?'], done: 'Marked as a duplicate' },
  reopen: { label: 'Reopen', fields: ['status?', 'publicMessage?', 'note?'], done: 'Request reopened' },
  refer: { label: 'Refer to another unit', hint: 'It stays with your unit until they accept it or send it back', fields: ['unitId', 'reason', 'note?'], done: 'Referred: waiting for the unit to answer' },
  'accept-referral': { label: 'Accept the referral', hint: 'It moves to your unit’s queue, unassigned', fields: ['note?'], done: 'Referral accepted: it is in your unit’s queue' },
  'send-back': { label: 'Send it back: wrongly referred', hint: 'It stays with the unit that referred it', fields: ['reason', 'note?'], done: 'Sent back as wrongly referred' },
};
// The longest reason for a referral, or for sending one back (StaffAction.MAX_REASON).
const REASON_MAX = 1000;
// Statuses the shortcut actions move to: offered as those actions, not again under "Change the status".
const SHORTCUTS = { acknowledged: 'acknowledge', resolved: 'resolve', closed: 'close' };

const HISTORY_TITLES = {
  created: 'Request received', acknowledge: 'Acknowledged', assign: 'Assigned', refer: 'Referred to another unit',
  status: 'Status changed', message: 'Public update', note: 'Internal note', priority: 'Priority changed',
  duplicate: 'Marked as a duplicate', 'duplicate-linked': 'A duplicate was linked to it', resolve: 'Resolved', close: 'Closed',
  reopen: 'Reopened', 'resident-reply': 'The resident replied', 'resident-information': 'The resident added information',
  'resident-not-fixed': 'The resident says it is not fixed: reopened', 'follower-added': 'Someone asked to follow it by email',
  'follower-confirmed': 'A follower confirmed by email', 'follower-removed': 'A follower stopped following',
  referral: 'Referred to another unit, waiting for their answer', 'referral-accepted': 'Referral accepted',
  'referral-sent-back': 'Sent back: wrongly referred',
};
const CHANGE_LABELS = {
  status: 'Status', priority: 'Priority', assignee: 'Assigned to', unit: 'Unit', duplicateOf: 'Duplicate of',
  duplicate: 'Duplicate', resolution: 'Resolution', channel: 'Came in by', referredTo: 'Referred to',
  targetHours: 'Target (business hours)', dueAt: 'Answer due', answeredInTime: 'Answered within target', wronglyReferred: 'Wrongly referred',
};
// History keys that only repeat another in a form for machines (assigneeId beside assignee's name).
const HIDDEN_CHANGES = ['assigneeId'];
// How an entry's public update reached the resident (the history's delivery).
const DELIVERY = {
  email: 'emailed to them', text: 'texted to them', 'officer-to-call': 'they asked for a phone call', 'officer-to-text': 'they asked for a text message',
  none: 'not sent to them',
};

function fieldName(spec) {
  return spec.replace(/\?$/, '');
}

function fieldId(action, name) {
  return `${action}-${name}`;
}

// ---- Drafts ----

function loadDraft() {
  try {
    return JSON.parse(sessionStorage.getItem(draftKey)) || {};
  } catch {
    return {};
  }
}

function saveDraft(form) {
  const values = {};
  for (const field of form.elements) {
    if (!field.id || field.type === 'submit' || field.type === 'hidden') continue;
    if (field.type === 'radio') {
      if (field.checked) values[field.name] = field.value;
    } else if (field.value) {
      values[field.id] = field.value;
    }
  }
  try {
    sessionStorage.setItem(draftKey, JSON.stringify(values));
  } catch {
    // Storage refused: the page still works, without surviving a reload.
  }
}

function clearDraft() {
  try {
    sessionStorage.removeItem(draftKey);
  } catch {
    // Nothing was kept.
  }
}

function restoreDraft(form) {
  const values = loadDraft();
  for (const field of form.elements) {
    if (field.type === 'radio') {
      if (values[field.name] !== undefined) field.checked = values[field.name] === field.value;
    } else if (field.id && values[field.id] !== undefined && field.type !== 'submit') {
      field.value = values[field.id];
    }
  }
}

// ---- Words about the request ----

/** Status ids this page can name: the current one, where it may go, and those its public updates named. */
function statusLabel(id) {
  const known = [request, ...(request.allowedNextStatuses || []).map((next) => ({ status: next.status, statusLabel: next.label })), ...(request.publicUpdates || [])];
  return known.find((item) => item.status === id && item.statusLabel)?.statusLabel || humanise(id);
}

function valueText(key, value) {
  if (value === null || value === undefined || value === '') return key === 'assignee' ? 'Nobody' : 'None';
  if (key === 'status') return statusLabel(value);
  if (key === 'priority') return PRIORITY_LABELS[value] || value;
  if (key === 'unit' || key === 'referredTo') return unitName(me, value);
  if (key === 'dueAt') return formatDateTime(value, request.timeZone);
  if (key === 'answeredInTime' || key === 'wronglyReferred') return value === 'true' ? 'Yes' : 'No';
  if (key === 'duplicate' || key === 'duplicateOf') return displayReference(value);
  if (key === 'channel') return INTAKE_LABELS[value] || value;
  return String(value);
}

/** Who hears about a public update, in the words the field's hint and the confirmation use. */
function audience() {
  const resident = request.resident || {};
  const others = (request.duplicates || []).length;
  const also = others ? ` The residents of ${others} duplicate request${others === 1 ? '' : 's'} are emailed it too.` : '';
  if (request.contactInstruction) return `The resident sees it on the tracking page. ${request.contactInstruction}${also}`;
  if (resident.preferredChannel === 'email' && resident.email) return `The resident sees it on the tracking page, and we email it to ${resident.email}.${also}`;
  return `The resident sees it on the tracking page. They asked for no updates, so nothing is sent to them.${also}`;
}

// ---- The action form ----

// Public and internal writing look different (border, background) and say who will read them.
function textarea(id, label, hint, { internal = false } = {}) {
  return formGroup({ id, label, hint, control: h('textarea', { class: 'textarea', rows: 4 }), groupClass: internal ? 'form-group--internal' : 'form-group--public' });
}

function statusOptions(action) {
  const allowed = request.allowedNextStatuses || [];
  const offered = action === 'reopen'
    ? allowed.filter((next) => !next.final)
    : allowed.filter((next) => !(SHORTCUTS[next.status] && request.allowedActions.includes(SHORTCUTS[next.status])));
  return offered.map((next) => [next.status, next.label + (next.pausesClock ? ' (the clock pauses)' : '') + (next.final ? ' (finishes the request)' : '')]);
}

function field(action, spec) {
  const name = fieldName(spec);
  const optional = spec.endsWith('?');
  const id = fieldId(action, name);
  switch (name) {
    case 'publicMessage':
      return withTemplates(action, textarea(id, `Public update${optional ? ' (optional)' : ''}`, audience()));
    case 'note':
      return textarea(id, `Internal note${optional ? ' (optional)' : ''}`, 'Only staff see this. It is never shown or sent to the resident.', { internal: true });
    case 'resolution':
      return withTemplates(action, textarea(id, 'Resolution', `What was done. This is the public update: ${audience().replace(/^The resident/, 'the resident')}`));
    case 'status':
      return choiceGroup({ id, legend: action === 'reopen' ? 'Reopen as' : 'New status', options: statusOptions(action), checked: action === 'reopen' ? statusOptions(action)[0]?.[0] : null });
    case 'priority':
      return choiceGroup({ id, legend: 'Priority', options: Object.entries(PRIORITY_LABELS), checked: request.priority });
    case 'originalReference':
      return formGroup({
        id, label: 'Reference of the original request',
        hint: 'For example, K7MP-3QXR. This request is closed, and its resident is told the original’s reference and follows it.',
        control: h('input', { class: 'input input--width-10', type: 'text', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false' }),
      });
    case 'unitId':
      if (action === 'refer') {
        return formGroup({
          id, label: 'Unit to refer it to', hint: 'They have the target agreed between your units to accept it or send it back.',
          control: h('select', { class: 'select' }, [h('option', { value: '', text: 'Choose a unit' }),
            ...(me.units || []).filter((unit) => unit.id !== request.unit?.id).map((unit) => h('option', { value: unit.id, text: unit.name }))]),
        });
      }
      return formGroup({
        id, label: 'Unit', hint: `Choose another unit to refer it to them. It is now with ${request.unit?.name}.`,
        control: h('select', { class: 'select' }, (me.units || []).map((unit) => h('option', { value: unit.id, selected: unit.id === request.unit?.id, text: unit.name }))),
      });
    case 'reason':
      return textarea(id, action === 'refer' ? 'Why it is theirs' : 'Why it is wrongly referred',
        'Only staff see this. It is counted in the units’ referral figures.', { internal: true });
    case 'officerId':
      return formGroup({ id, label: 'Officer', control: h('select', { class: 'select' }, h('option', { value: '', text: 'Nobody yet' })) });
    default:
      return null;
  }
}

// Response templates for the words to the resident, offered once the action is chosen (and again for each status
// chosen): for the status the request moves to, else those for any status.
const ACTION_STATUS = { acknowledge: 'acknowledged', resolve: 'resolved', close: 'closed' };

function withTemplates(action, group) {
  return h('div', { class: 'templates', 'data-action': action }, [h('div', { class: 'templates__picker' }), group]);
}

function offerTemplates(form, action) {
  const holder = form.querySelector(`.templates[data-action="${action}"]`);
  if (!holder) return;
  const status = form.querySelector(`input[name="${fieldId(action, 'status')}"]:checked`)?.value || ACTION_STATUS[action] || '';
  if (holder.dataset.offered === status) return;
  holder.dataset.offered = status;
  const query = status ? `?${new URLSearchParams({ status })}` : '';
  holder.firstChild.replaceChildren(templatePicker(`/staff/requests/${encodeURIComponent(reference)}/responses${query}`,
    holder.querySelector('textarea'), `${action}-template`));
}

/** The officers of the chosen unit, for assigning; a unit this person may not list can still be referred to. */
async function loadOfficers(form) {
  const unitSelect = form.querySelector('#assign-unitId');
  const officerSelect = form.querySelector('#assign-officerId');
  if (!unitSelect || !officerSelect) return;
  const unit = unitSelect.value;
  const wanted = officerSelect.value || (unit === request.unit?.id ? request.assignee?.id || '' : '');
  let officers = [];
  try {
    const response = await staffApi(`/staff/officers?${new URLSearchParams({ unit })}`);
    if (response.ok) officers = response.data.officers || [];
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
  }
  if (unitSelect.value !== unit) return; // another unit was chosen meanwhile
  officerSelect.replaceChildren(
    h('option', { value: '', text: unit === request.unit?.id ? 'Nobody yet' : 'Nobody: the unit assigns it' }),
    ...officers.map((officer) => h('option', { value: officer.id, selected: officer.id === wanted, text: officer.id === me.id ? `${officer.name} (you)` : officer.name })),
  );
}

function syncActions(form) {
  syncReveals(form);
  const chosen = form.querySelector('input[name="action"]:checked')?.value;
  if (chosen) offerTemplates(form, chosen);
  if (form.querySelector('input[name="action"]:checked')?.value === 'assign' && !form.dataset.officersLoaded) {
    form.dataset.officersLoaded = 'true';
    loadOfficers(form);
  }
}

function actionForm() {
  const actions = Object.keys(ACTIONS).filter((action) => (request.allowedActions || []).includes(action));
  const options = actions.map((action, index) => {
    const spec = ACTIONS[action];
    const id = index === 0 ? 'action' : `action-${action}`;
    const fields = spec.fields.map((name) => field(action, name)).filter(Boolean);
    return [
      choiceItem({ id, name: 'action', value: action, label: spec.label, hint: spec.hint, controls: fields.length ? `conditional-${action}` : null }),
      fields.length ? h('div', { class: 'radios__conditional', id: `conditional-${action}`, hidden: true }, fields) : null,
    ];
  }).flat();
  const form = h('form', { id: 'action-form', novalidate: true }, [
    h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset' }, [
      h('legend', { class: 'legend label--m', text: 'What do you want to do?' }),
      h('div', { class: 'radios' }, options),
    ])),
    h('button', { class: 'button', type: 'submit', id: 'save', text: 'Save' }),
  ]);
  for (const area of form.querySelectorAll('textarea')) characterCount(area, area.id.endsWith('-note') ? NOTE_MAX : area.id.endsWith('-reason') ? REASON_MAX : MESSAGE_MAX);
  restoreDraft(form);
  syncActions(form);
  form.addEventListener('change', (event) => {
    if (event.target.name === 'action' || event.target.name?.endsWith('-status')) syncActions(form);
    if (event.target.id === 'assign-unitId') loadOfficers(form);
    saveDraft(form);
  });
  form.addEventListener('input', () => saveDraft(form));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(form);
  });
  // Character counts follow restored text only once it is in place.
  for (const area of form.querySelectorAll('textarea')) area.dispatchEvent(new Event('input'));
  return form;
}

// ---- Saving ----

function value(form, action, name) {
  return form.querySelector(`#${fieldId(action, name)}`)?.value.trim() ?? '';
}

function checked(form, action, name) {
  return form.querySelector(`input[name="${fieldId(action, name)}"]:checked`)?.value || '';
}

/** The body for the chosen action, and the problems the page can see before sending. */
function actionBody(form, action) {
  const body = { action, expectedVersion: request.version };
  const errors = [];
  for (const spec of ACTIONS[action].fields) {
    const name = fieldName(spec);
    const optional = spec.endsWith('?');
    const id = fieldId(action, name);
    const text = ['status', 'priority'].includes(name) ? checked(form, action, name) : value(form, action, name);
    const limit = name === 'note' ? NOTE_MAX : name === 'reason' ? REASON_MAX : MESSAGE_MAX;
    if (name === 'unitId' || name === 'officerId') continue;
    if (!text) {
      if (!optional) errors.push({ fieldId: id, message: emptyMessage(name) });
      continue;
    }
    if (['publicMessage', 'note', 'resolution', 'reason'].includes(name) && [...text].length > limit) {
      errors.push({ fieldId: id, message: `The ${name === 'note' ? 'note' : name === 'resolution' ? 'resolution' : name === 'reason' ? 'reason' : 'public update'} must be ${limit.toLocaleString('en-AU')} characters or fewer` });
    }
    body[name] = name === 'originalReference' ? text.toUpperCase().replace(/[\s-]/g, '') : text;
  }
  if (action === 'refer') {
    const unitId = value(form, action, 'unitId');
    if (unitId) body.unitId = unitId;
    else errors.unshift({ fieldId: fieldId(action, 'unitId'), message: 'Choose the unit to refer it to' });
  }
  if (action === 'assign') {
    const unitId = value(form, action, 'unitId');
    const officerId = value(form, action, 'officerId') || null;
    if (unitId !== request.unit?.id) body.unitId = unitId;
    body.officerId = officerId;
    if (!body.unitId && officerId === (request.assignee?.id || null)) {
      errors.push({ fieldId: fieldId(action, 'officerId'), message: 'Choose another officer or another unit' });
    }
  }
  return { body, errors };
}

function emptyMessage(name) {
  return {
    publicMessage: 'Enter the public update',
    note: 'Enter the internal note',
    resolution: 'Enter the resolution: what was done',
    status: 'Choose the new status',
    priority: 'Choose the priority',
    originalReference: 'Enter the reference of the original request',
    reason: 'Enter the reason',
  }[name];
}

function showErrors(errors) {
  const form = document.getElementById('action-form');
  if (form) clearFieldErrors(form);
  for (const { fieldId: id, message } of errors) if (id) setFieldError(id, message);
  staffTitle(`Request ${request.displayReference}`, { error: true });
  showErrorSummary(summary, errors);
}

async function save(form) {
  if (saving) return undefined; // a double tap saves once
  const action = form.querySelector('input[name="action"]:checked')?.value;
  banner.replaceChildren();
  if (!action) return showErrors([{ fieldId: 'action', message: 'Choose what you want to do' }]);
  const { body, errors } = actionBody(form, action);
  if (errors.length) return showErrors(errors);
  const button = form.querySelector('#save');
  saving = true;
  // aria-disabled rather than disabled: the button keeps focus, so a screen reader user is not lost.
  button.setAttribute('aria-disabled', 'true');
  button.textContent = 'Saving…';
  announce('Saving…');
  let response;
  try {
    response = await staffApi(`/staff/requests/${encodeURIComponent(reference)}/actions`, { method: 'POST', body });
  } catch (error) {
    if (!(error instanceof NetworkError)) return showProblem(...problemFor(error));
    return showErrors([{ message: 'We could not save because the connection failed. Check you are online and select Save again.' }]);
  } finally {
    saving = false;
    button.removeAttribute('aria-disabled');
    button.textContent = 'Save';
  }
  if (response.ok) {
    clearDraft();
    const sent = body.publicMessage || body.resolution ? audience() : null;
    request = response.data;
    render();
    return showBanner('success', ACTIONS[action].done, sent ? [sent.replace(/^The resident sees it/, 'The resident sees the update')] : []);
  }
  if (response.status === 409 && response.data.current) {
    const seen = request;
    request = response.data.current;
    if (request.version !== seen.version) {
      // The draft is still in storage: the new form gets back what was typed.
      render();
      return showBanner('warning', 'Someone else changed this request', [
        'Nothing you entered has been saved. Here is what changed:',
        h('ul', {}, changesBetween(seen, request).map((change) => h('li', { text: change }))),
        'Your entries are still in the form below. Check the request as it is now, then save again if you still need to.',
      ], 'Not saved');
    }
    render();
    return showErrors([{ message: response.data.message }]);
  }
  if (response.status === 400 && Array.isArray(response.data.errors)) {
    return showErrors(response.data.errors.map(({ field: name, message }) => {
      const id = name && fieldId(action, name);
      return { fieldId: id && document.getElementById(id) ? id : null, message };
    }));
  }
  if (response.status === 404) return showProblem(`We cannot find request ${reference}`, 'It may have been merged. Go back to the work queue and search for it.', { retry: false });
  return showErrors([{ message: response.data.message || (response.status === 413
    ? 'What you wrote is too long. Shorten it and save again.'
    : 'Sorry, there is a problem with the staff service. Try again in a few minutes.') }]);
}

/** What someone else changed, in words: the facts that differ, then what they recorded. */
function changesBetween(before, after) {
  const changes = [];
  const facts = [
    ['Status', (r) => r.statusLabel], ['Priority', (r) => PRIORITY_LABELS[r.priority] || r.priority],
    ['Assigned to', (r) => r.assignee?.name || 'Nobody'], ['Unit', (r) => r.unit?.name],
    ['Duplicate of', (r) => r.duplicateOf || 'None'], ['Resolution', (r) => r.resolution || 'None'],
  ];
  for (const [label, read] of facts) {
    if (read(before) !== read(after)) changes.push(`${label}: ${read(before)} → ${read(after)}`);
  }
  for (const entry of (after.history || []).slice((before.history || []).length)) {
    changes.push(`${entry.by?.name || 'The resident'}: ${historyTitle(entry).toLowerCase()}, ${formatDateTime(entry.at, after.timeZone)}`);
  }
  return changes.length ? changes : ['The request was saved again, with no change you can see here.'];
}

function showBanner(kind, heading, content, title = kind === 'success' ? 'Success' : 'Important') {
  const titleId = 'banner-title';
  banner.replaceChildren(h('div', { class: `notification notification--${kind}`, role: kind === 'success' ? 'alert' : 'region', 'aria-labelledby': titleId }, [
    h('h2', { class: 'notification__title', id: titleId, text: title }),
    h('div', { class: 'notification__content' }, [
      h('p', { class: 'notification__heading', text: heading }),
      ...content.map((item) => (item instanceof Node ? item : h('p', { text: item }))),
    ]),
  ]));
  hideErrorSummary(summary);
  focusElement(banner.firstChild);
}

// ---- The page ----

function historyTitle(entry) {
  return HISTORY_TITLES[entry.action] || humanise(entry.action);
}

function historyItem(entry) {
  const before = entry.before || {};
  const after = entry.after || {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !HIDDEN_CHANGES.includes(key));
  const changes = keys.map((key) => (entry.action === 'created' || !(key in before)
    ? `${CHANGE_LABELS[key] || key}: ${valueText(key, after[key])}`
    : `${CHANGE_LABELS[key] || key}: ${valueText(key, before[key])} → ${valueText(key, after[key])}`));
  // An internal note says so in its own box; other staff-only entries (an assignment, say) get a tag.
  const internal = entry.visibility === 'internal' && !entry.note && !entry.residentMessage;
  return h('li', { class: 'history__item' }, [
    h('h3', { class: 'history__title' }, [historyTitle(entry), internal ? ' ' : null, internal ? h('strong', { class: 'tag tag--low', text: 'Staff only' }) : null]),
    h('p', { class: 'history__meta' }, [entry.by?.name || 'The resident, online', ', ', timeElement(entry.at, formatDateTime(entry.at, request.timeZone))]),
    changes.length ? h('ul', { class: 'history__changes' }, changes.map((change) => h('li', { text: change }))) : null,
    entry.publicMessage ? h('div', { class: 'note' }, [
      h('span', { class: 'note__label', text: `Public update: the resident sees this${DELIVERY[entry.delivery] ? `; ${DELIVERY[entry.delivery]}` : ''}` }),
      h('p', { class: 'pre-wrap', text: entry.publicMessage }),
    ]) : null,
    entry.note ? h('div', { class: 'note note--internal' }, [h('span', { class: 'note__label', text: 'Internal note: staff only' }), h('p', { class: 'pre-wrap', text: entry.note })]) : null,
    entry.residentMessage ? h('div', { class: 'note' }, [h('span', { class: 'note__label', text: 'The resident wrote (staff only: never public)' }), h('p', { class: 'pre-wrap', text: entry.residentMessage })]) : null,
  ]);
}

function displayReference(ref) {
  return ref.length === 8 ? `${ref.slice(0, 4)}-${ref.slice(4)}` : ref;
}

function referenceLink(ref) {
  return h('a', { href: `request.html?ref=${encodeURIComponent(ref)}`, text: displayReference(ref) });
}

function dateRow(label, date, doneLabel, doneAt) {
  const parts = [timeElement(date, formatDate(date))];
  if (doneAt) parts.push(h('br'), `${doneLabel} ${formatDateTime(doneAt, request.timeZone)}`);
  return [label, h('span', {}, parts)];
}

function hoursText(minutes) {
  const hours = Math.round(minutes / 6) / 10;
  return `${hours} business hour${hours === 1 ? '' : 's'}`;
}

function targetText(name, targetMinutes, takenMinutes, met) {
  if (takenMinutes == null) return `${name} within ${hoursText(targetMinutes)}`;
  return `${name} took ${hoursText(takenMinutes)} of ${hoursText(targetMinutes)}: ${met ? 'met' : 'missed'}`;
}

/** The policy applied, each target against the time it took, and any warning standing. */
function measuredText(measured, timeZone) {
  const lines = [
    `Policy ${measured.policyId}`,
    targetText('First response', measured.firstResponseTargetMinutes, measured.responseMinutes, measured.responseMet),
    targetText('Resolution', measured.resolutionTargetMinutes, measured.resolutionMinutes, measured.resolutionMet),
    measured.resolutionMinutes == null && measured.resolutionDueAt ? `Resolution due ${formatDateTime(measured.resolutionDueAt, timeZone)}` : null,
  ].filter(Boolean);
  return h('span', {}, [
    ...lines.flatMap((line, index) => [index ? h('br') : null, line]),
    measured.warning ? h('br') : null, warningTag(measured.warning),
  ]);
}

/** Its referrals to other units, newest first: the one waiting for an answer says by when. */
function referralsSection() {
  const referrals = [...(request.referrals || [])].reverse();
  if (!referrals.length) return null;
  const tz = request.timeZone;
  return h('section', { 'aria-labelledby': 'referrals-heading' }, [
    h('h2', { id: 'referrals-heading', text: 'Referrals' }),
    h('ul', { class: 'list' }, referrals.map((referral) => h('li', {}, [
      h('strong', { text: `${referral.from.name} to ${referral.to.name}: ` }),
      referral.status === 'pending'
        ? `waiting for ${referral.to.name} to answer, due ${formatDateTime(referral.dueAt, tz)}${referral.overdue ? ' (overdue)' : ''}`
        : `${referral.status === 'accepted' ? 'accepted' : 'sent back as wrongly referred'} by ${referral.answeredBy?.name} ${formatDateTime(referral.answeredAt, tz)}, ${referral.answeredInTime ? 'within' : 'outside'} the target`,
      h('br'),
      `Target ${hoursText(referral.targetMinutes)}. Referred by ${referral.by?.name} ${formatDateTime(referral.referredAt, tz)}: ${referral.reason}`,
      referral.returnReason ? [h('br'), `Sent back because: ${referral.returnReason}`] : null,
    ].flat().filter(Boolean)))),
  ]);
}

function render() {
  const sla = request.sla || {};
  const resident = request.resident || {};
  const where = request.location || {};
  const receivedBy = request.channel && request.channel !== 'online' ? ` by ${(INTAKE_LABELS[request.channel] || request.channel).toLowerCase()}` : ' online';
  const facts = [
    ['Status', statusTag(request)],
    ['Priority', priorityTag(request.priority)],
    ['Assigned to', request.assignee?.name || 'Nobody yet'],
    ['Unit', request.unit?.name || ''],
    ['Received', h('span', {}, [timeElement(request.submittedAt, formatDateTime(request.submittedAt, request.timeZone)), receivedBy,
      request.loggedBy ? `, logged by ${request.loggedBy.name}` : ''])],
    sla.responseDue ? dateRow('Response due', sla.responseDue, 'Acknowledged', sla.acknowledgedAt) : null,
    sla.resolutionDue ? dateRow('Resolution due', sla.resolutionDue, 'Resolved', sla.resolvedAt) : null,
    sla.closedAt ? ['Closed', timeElement(sla.closedAt, formatDateTime(sla.closedAt, request.timeZone))] : null,
    sla.measured ? ['Service level', measuredText(sla.measured, request.timeZone)] : null,
    request.resolvedAtFirstContact ? ['First contact', 'Resolved at first contact'] : null,
    request.resolution ? ['Resolution', request.resolution] : null,
    request.duplicateOf ? ['Duplicate of', referenceLink(request.duplicateOf)] : null,
    (request.duplicates || []).length ? ['Duplicates of this request', h('span', {}, request.duplicates.flatMap((ref, index) => [index ? ', ' : '', referenceLink(ref)]))] : null,
  ].filter(Boolean);

  const place = [where.address, where.latitude != null ? `Latitude ${where.latitude}, longitude ${where.longitude}` : null].filter(Boolean).join('\n');
  const mapLink = where.mapLink
    ? h('a', { href: where.mapLink, target: '_blank', rel: 'noopener noreferrer' }, ['View on OpenStreetMap', h('span', { class: 'visually-hidden', text: ' (opens in a new tab)' })])
    : null;
  const problem = [
    ['Location', h('span', {}, [h('span', { class: 'pre-wrap', text: place || 'Not given' }), mapLink ? h('br') : null, mapLink])],
    ['Description', request.description || 'Not given'],
    ...(request.answers || []).map(({ question, answer }) => [question, answerText(answer)]),
  ];
  const contact = [
    ['Name', resident.name || 'Not given'],
    ['Email', resident.email ? h('a', { href: `mailto:${resident.email}`, text: resident.email }) : 'Not given'],
    ['Phone', resident.phone ? h('a', { href: `tel:${resident.phone.replace(/[^\d+]/g, '')}`, text: resident.phone }) : 'Not given'],
    ['Updates by', CHANNEL_LABELS[resident.preferredChannel] || resident.preferredChannel || 'Not given'],
  ];

  // The receiving unit of a referral may answer it without the request being theirs yet.
  const canAct = (request.allowedActions || []).length > 0;
  page.replaceChildren(...[
    h('h1', { id: 'request-heading' }, [
      h('span', { class: 'caption', text: request.service?.name || '' }), 'Request ', h('span', { class: 'nowrap', text: request.displayReference }),
    ]),
    dueLine(request.sla ? { ...request.sla, paused: request.paused, finishedAt: request.final ? sla.closedAt || sla.resolvedAt : null } : {}, request.timeZone),
    guidancePanel(request.service?.id),
    summaryList(facts),
    referralsSection(),
    h('h2', { text: 'Update this request' }),
    canAct ? actionForm() : h('p', { text: request.canAct
      ? 'There is nothing you can do to this request now.'
      : `You can read this request but not change it: it belongs to ${request.unit?.name}. Ask a supervisor, or someone in that unit.` }),
    h('h2', { text: 'The problem' }),
    summaryList(problem),
    spotMap(where),
    h('h2', { text: 'The resident' }),
    summaryList(contact),
    request.contactInstruction ? warningText(request.contactInstruction) : null,
    h('h2', { text: 'History' }),
    h('p', { class: 'secondary-text', text: 'Newest first. Everything anyone did, and when.' }),
    h('ol', { class: 'history' }, [...(request.history || [])].reverse().map(historyItem)),
  ].filter(Boolean));
  staffTitle(`Request ${request.displayReference}`);
}

/** Where the map of the reported spot goes, for a request with a position; its script loads only then. */
function spotMap(where) {
  if (where.latitude == null || where.longitude == null) return null;
  const holder = h('div', { id: 'spot' });
  import('./request-map.js').then(({ showSpot }) => showSpot(holder, where.latitude, where.longitude))
    .catch(() => holder.replaceChildren(h('p', { class: 'hint', text: 'The map could not load. The address, the coordinates and the OpenStreetMap link above show the place.' })));
  return holder;
}

async function start() {
  me = await startStaffPage();
  if (!me) return;
  try {
    const back = sessionStorage.getItem('civicdesk.staff.queue');
    if (back && back.startsWith('/')) document.getElementById('back-link').href = back;
  } catch {
    // The plain queue, then.
  }
  document.getElementById('loading').hidden = true;
  if (!reference) {
    showProblem('Which request?', 'Open a request from the work queue, or search for it there.', { retry: false });
    return;
  }
  let response;
  try {
    response = await staffApi(`/staff/requests/${encodeURIComponent(reference)}`);
  } catch (error) {
    showProblem(...problemFor(error));
    return;
  }
  if (response.status === 404 || response.status === 400) {
    showProblem(`We cannot find request ${reference}`, 'Check the reference, or search for the request in the work queue.', { retry: false });
    return;
  }
  if (!response.ok) {
    showProblem(response.status === 403 ? 'You cannot see this request' : 'Sorry, there is a problem with the staff service', response.data.message || 'Try again in a few minutes.');
    return;
  }
  request = response.data;
  render();
  document.dispatchEvent(new CustomEvent('civicdesk:request-shown')); // request-photos.js shows its photos
}

start();
