// Complaints and internal reviews, for the staff who handle them (docs/staff-api.md, "Feedback"): the queue of open
// cases by state and due date (GET /staff/complaints, an audited read), then one case opened from it
// (?ref=…): its investigation notes (staff only) and adding one, acknowledge it (with words of our own for the
// complainant, perhaps from a response template, or the standard mail), and answer it (a template to start from) with an outcome and reasons, which are mailed to the complainant. A review is a case of its own, handled by a supervisor
// outside the unit complained about, the same way.
import { h, announce, focusElement, formatDate, formatDateTime, timeElement, summaryList } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount } from '../../js/forms.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';
import { templatePicker } from './response-picker.js';

const MESSAGE_MAX = 4000;
const STATUS = { received: 'Received: to acknowledge', acknowledged: 'Acknowledged: to answer' };
const OUTCOMES = { upheld: 'Upheld', 'partly-upheld': 'Partly upheld', 'not-upheld': 'Not upheld' };
const container = document.getElementById('cases');
const summary = document.getElementById('error-summary');
let queues = { complaints: [], reviews: [] };

function due(item) {
  return item.status === 'received' ? item.targets.acknowledgeBy : item.targets.answerBy;
}

function overdue(item) {
  return due(item) < new Date().toISOString().slice(0, 10);
}

function caseTable(caption, items, state) {
  const shown = items.filter((item) => !state || item.status === state)
    .sort((a, b) => String(due(a)).localeCompare(String(due(b))));
  if (!shown.length) return h('p', { text: `No open ${caption.toLowerCase()}${state ? ` in this state` : ''}.` });
  return h('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { class: 'table' }, [
    h('caption', { class: 'visually-hidden', text: caption }),
    h('thead', {}, h('tr', {}, ['Reference', 'State', 'Theme', 'Received', 'Due'].map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, shown.map((item) => h('tr', {}, [
      h('td', {}, h('a', { href: `?ref=${encodeURIComponent(item.reference)}`, text: item.displayReference })),
      h('td', { text: STATUS[item.status] || item.status }),
      h('td', { text: item.theme || '' }),
      h('td', {}, timeElement(item.receivedAt, formatDate(item.receivedAt))),
      h('td', {}, [timeElement(due(item), formatDate(due(item))), overdue(item) ? ' ' : null,
        overdue(item) ? h('strong', { class: 'tag tag--high', text: 'Overdue' }) : null]),
    ]))),
  ]));
}

function renderQueue() {
  const select = h('select', { class: 'select', id: 'state' }, [
    h('option', { value: '', text: 'All open' }),
    ...Object.entries(STATUS).map(([value, text]) => h('option', { value, text })),
  ]);
  const lists = h('div', {});
  const draw = () => lists.replaceChildren(
    h('h2', { text: 'Complaints' }), caseTable('Complaints', queues.complaints, select.value),
    h('h2', { text: 'Internal reviews' }), caseTable('Internal reviews', queues.reviews, select.value),
  );
  select.addEventListener('change', () => { draw(); announce('List updated.'); });
  container.replaceChildren(
    h('h1', { id: 'heading', text: 'Complaints' }),
    h('p', { text: 'Open complaints and internal reviews you may handle, the soonest due first. A review is handled by a supervisor outside the unit complained about.' }),
    h('div', { class: 'form-group' }, [h('label', { class: 'label', for: 'state', text: 'Show' }), select]),
    lists,
  );
  draw();
  staffTitle('Complaints');
}

function stepText(step, target) {
  if (!step) return `Not yet: due by ${formatDate(target)}`;
  return `${formatDateTime(step.at)}, ${step.businessDays} business days after receipt: ${step.withinTarget ? 'within' : 'after'} the target`;
}

function textareaGroup(id, label, hint) {
  const area = h('textarea', { class: 'textarea', id, name: id, rows: '6', 'aria-describedby': `${id}-hint` });
  return [h('div', { class: 'form-group' }, [h('label', { class: 'label', for: id, text: label }), h('div', { class: 'hint', id: `${id}-hint`, text: hint }), area]), area];
}

async function send(item, action, body, fields) {
  hideErrorSummary(summary);
  clearFieldErrors(container);
  const response = await staffApi(`/staff/complaints/${encodeURIComponent(item.reference)}/${action}`, { method: 'POST', body });
  if (response.ok) return response.data;
  const errors = (response.data.errors || []).map((error) => ({ message: error.message, fieldId: fields[error.field] }));
  errors.filter((error) => error.fieldId).forEach((error) => setFieldError(error.fieldId, error.message));
  showErrorSummary(summary, errors.length ? errors : [{ message: response.data.message || 'Something went wrong. Try again in a few minutes.' }]);
  return null;
}

function acknowledgeForm(item, onDone) {
  const [group, area] = textareaGroup('ack-message', 'Words of your own for the complainant (optional)',
    'Sent with the acknowledgement. Leave it empty to send the standard acknowledgement.');
  const picker = templatePicker(`/staff/complaints/${encodeURIComponent(item.reference)}/responses?use=acknowledgement`, area, 'ack-template');
  const form = h('form', { id: 'acknowledge-form', novalidate: true }, [h('h2', { text: 'Acknowledge' }), picker, group,
    h('button', { class: 'button', type: 'submit', text: 'Acknowledge and mail the complainant' })]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = area.value.trim();
    const done = await send(item, 'acknowledge', message ? { message } : {}, { message: 'ack-message' });
    if (done) onDone(done, 'Acknowledged: the complainant has been mailed.');
  });
  queueMicrotask(() => characterCount(area, MESSAGE_MAX));
  return form;
}

function answerForm(item, onDone) {
  const outcomes = h('fieldset', { class: 'fieldset', id: 'outcome' }, [
    h('legend', { class: 'legend', text: 'Outcome' }),
    h('div', { class: 'radios' }, Object.entries(OUTCOMES).map(([value, text]) => h('div', { class: 'radios__item' }, [
      h('input', { class: 'radios__input', id: `outcome-${value}`, name: 'outcome', type: 'radio', value }),
      h('label', { class: 'label radios__label', for: `outcome-${value}`, text }),
    ]))),
  ]);
  const [group, area] = textareaGroup('reasons', 'Reasons', 'Mailed to the complainant with the outcome: what you found and what happens now.');
  const picker = templatePicker(`/staff/complaints/${encodeURIComponent(item.reference)}/responses?use=answer`, area, 'answer-template');
  const form = h('form', { id: 'answer-form', novalidate: true }, [h('h2', { text: item.kind === 'review' ? 'Answer the review' : 'Answer' }),
    h('div', { class: 'form-group' }, outcomes), picker, group, h('button', { class: 'button', type: 'submit', text: 'Send the answer' })]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const outcome = form.querySelector('input[name="outcome"]:checked')?.value;
    const done = await send(item, 'answer', { outcome, reasons: area.value.trim() }, { outcome: 'outcome-upheld', reasons: 'reasons' });
    if (done) onDone(done, 'Answered: the outcome and reasons have been mailed to the complainant.');
  });
  queueMicrotask(() => characterCount(area, MESSAGE_MAX));
  return form;
}

function notesSection(item, notes) {
  const list = notes.length
    ? h('ol', { class: 'history' }, notes.map((note) => h('li', { class: 'history__item' }, [
      h('p', { class: 'history__meta' }, [note.byName, ', ', timeElement(note.at, formatDateTime(note.at))]),
      h('p', { class: 'pre-wrap', text: note.note }),
    ])))
    : h('p', { text: 'No notes yet.' });
  const [group, area] = textareaGroup('note', 'Add an investigation note', 'What you found or did. Staff only: never sent to the complainant.');
  const form = h('form', { id: 'note-form', novalidate: true }, [group, h('button', { class: 'button button--secondary', type: 'submit', text: 'Add note' })]);
  const section = h('section', { 'aria-labelledby': 'notes-heading' }, [h('h2', { id: 'notes-heading', text: 'Investigation notes' }), list, form]);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const saved = await send(item, 'notes', { note: area.value.trim() }, { note: 'note' });
    if (!saved) return;
    section.replaceWith(notesSection(item, saved));
    announce('Note added.');
    focusElement(document.getElementById('notes-heading'));
  });
  queueMicrotask(() => characterCount(area, MESSAGE_MAX));
  return section;
}

async function showNotes(item) {
  const response = await staffApi(`/staff/complaints/${encodeURIComponent(item.reference)}/notes`);
  const place = document.getElementById('notes-place');
  if (!place) return;
  place.replaceWith(response.ok ? notesSection(item, response.data)
    : h('p', { text: response.data.message || 'The notes could not be loaded. Reload the page to try again.' }));
}

function renderCase(item) {
  const onDone = (changed, message) => {
    queues = {
      complaints: queues.complaints.map((c) => (c.reference === changed.reference ? changed : c)),
      reviews: queues.reviews.map((c) => (c.reference === changed.reference ? changed : c)),
    };
    renderCase(changed);
    announce(message);
  };
  const rows = [
    ['State', STATUS[item.status] || item.status],
    ['Kind', item.kind === 'review' ? `Internal review of ${item.parentReference}` : 'Complaint'],
    ['Theme', item.theme || 'Not given'],
    ['Complainant', [item.contactName, item.contactEmail].filter(Boolean).join(', ') || 'Not given'],
    ['Received', timeElement(item.receivedAt, formatDateTime(item.receivedAt))],
    ['Acknowledged', stepText(item.acknowledged, item.targets.acknowledgeBy)],
    ['Answered', stepText(item.answered, item.targets.answerBy)],
  ];
  if (item.outcome) rows.push(['Outcome', OUTCOMES[item.outcome] || item.outcome], ['Reasons', item.reasons || '']);
  container.replaceChildren(
    h('p', {}, h('a', { href: 'complaint-cases.html', class: 'back-link', text: 'All complaints' })),
    h('h1', { id: 'heading' }, [h('span', { class: 'caption', text: item.kind === 'review' ? 'Internal review' : 'Complaint' }), item.displayReference]),
    summaryList(rows),
    h('h2', { text: 'What the complainant told us' }),
    h('p', { class: 'pre-wrap', text: item.message }),
    h('p', { id: 'notes-place', text: 'Loading the investigation notes…' }),
    item.status === 'received' ? acknowledgeForm(item, onDone) : null,
    ['received', 'acknowledged'].includes(item.status) ? answerForm(item, onDone) : h('p', { text: 'This case is answered: nothing more to do here.' }),
  );
  staffTitle([item.displayReference, 'Complaints']);
  focusElement(document.getElementById('heading'));
  showNotes(item);
}

async function load() {
  const response = await staffApi('/staff/complaints');
  if (!response.ok) return showProblem('Sorry, we could not load the complaints', response.data.message || 'Try again in a few minutes.');
  queues = response.data;
  const ref = (new URLSearchParams(location.search).get('ref') || '').toUpperCase().replace(/[\s-]/g, '');
  const item = ref && [...queues.complaints, ...queues.reviews].find((c) => c.reference === ref);
  if (ref && !item) {
    renderQueue();
    return showErrorSummary(summary, [{ message: `${ref} is not an open complaint or review you may handle.` }]);
  }
  return item ? renderCase(item) : renderQueue();
}

try {
  if (await startStaffPage()) await load();
} catch (error) {
  showProblem(...problemFor(error));
}
