// Privacy (administrators): GET|PUT /staff/privacy/retention with the version read (a save over someone else's is
// refused and theirs shown), POST /staff/privacy/retention/run, POST /staff/privacy/subjects/search|export|erase
// (the resident's email or phone in the body, never the address) and GET /staff/privacy/audit (docs/privacy.md).
import { h, announce, formatDateTime } from '../../js/core.js';
import { hideErrorSummary, formGroup, clearFieldErrors, choiceGroup } from '../../js/forms.js';
import { startStaffPage, staffApi, staffDownload, showProblem, problemFor } from './session.js';
import { showRefusal } from './list-page.js';

const summary = document.getElementById('error-summary');
const scheduleForm = document.getElementById('schedule-form');
let schedule;

function table(caption, heads, rows) {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': caption, tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: caption }),
    h('thead', {}, h('tr', {}, heads.map((text) => h('th', { scope: 'col', text })))),
    h('tbody', {}, rows),
  ]));
}

function years(days) {
  return days >= 365 ? `about ${Math.round((days / 365.25) * 10) / 10} years` : `${days} days`;
}

function renderSchedule(data) {
  schedule = data;
  document.getElementById('schedule-fields').replaceChildren(...data.kinds.map((kind) => formGroup({
    id: `days-${kind.kind}`,
    label: `${kind.label}, in days`,
    hint: `Counted ${kind.countedFrom}. Now ${years(kind.days)}; the default is ${kind.defaultDays} days.`,
    control: h('input', { class: 'input input--width-5', type: 'text', inputmode: 'numeric', value: String(kind.days), autocomplete: 'off' }),
  })));
  document.getElementById('schedule-version').textContent = data.changedAt
    ? `Version ${data.version}, saved ${formatDateTime(data.changedAt)} by ${data.changedBy}.`
    : 'The defaults: nobody has saved a schedule yet.';
}

function renderRuns(runs) {
  document.getElementById('runs').replaceChildren(runs.length ? table('The latest retention runs', ['Started', 'By', 'Anonymised', 'More to do'],
    runs.map((run) => h('tr', {}, [
      h('td', { text: formatDateTime(run.startedAt) }),
      h('td', { text: run.by }),
      h('td', { text: `${run.total}${run.total ? ` (${Object.entries(run.anonymised).map(([kind, n]) => `${kind} ${n}`).join(', ')})` : ''}` }),
      h('td', { text: run.moreRemain ? 'Yes: the next run goes on' : 'No' }),
    ])))
    : h('p', { text: 'No retention run yet. The first runs tonight.' }));
}

function renderPersonalData(rows) {
  document.getElementById('personal-data').replaceChildren(table('Where personal information is kept', ['Table', 'Item', 'Attributes', 'Holds', 'Period', 'Then'],
    rows.map((row) => h('tr', {}, [row.table, row.item, row.attribute, row.holds, row.kind || '—', row.then].map((text) => h('td', { text }))))));
}

async function load() {
  const { ok, data } = await staffApi('/staff/privacy/retention');
  if (!ok) {
    showProblem('Sorry, this page cannot be shown', data.message || 'Try again in a few minutes.');
    return false;
  }
  renderSchedule(data.schedule);
  renderRuns(data.runs);
  renderPersonalData(data.personalData);
  return true;
}

async function save(event) {
  event.preventDefault();
  clearFieldErrors(scheduleForm);
  const days = {};
  const fieldIds = {};
  for (const kind of schedule.kinds) {
    const typed = document.getElementById(`days-${kind.kind}`).value.trim();
    days[kind.kind] = /^\d+$/.test(typed) ? Number(typed) : typed;
    fieldIds[`days.${kind.kind}`] = `days-${kind.kind}`;
  }
  const { ok, status, data } = await staffApi('/staff/privacy/retention', { method: 'PUT', body: { expectedVersion: schedule.version, days } });
  if (!ok) {
    showRefusal(data, fieldIds);
    if (status === 409 && data.current) renderSchedule(data.current);
    return;
  }
  hideErrorSummary(summary);
  renderSchedule(data);
  announce(`Saved: version ${data.version} of the retention schedule.`);
}

async function runNow() {
  const { ok, data } = await staffApi('/staff/privacy/retention/run', { method: 'POST', body: {} });
  if (!ok) { showRefusal(data); return; }
  hideErrorSummary(summary);
  document.getElementById('run-outcome').replaceChildren(h('div', { class: 'notification notification--success', role: 'status' },
    h('p', { text: `Anonymised ${data.total} ${data.total === 1 ? 'record' : 'records'}.${data.moreRemain ? ' More remain: the next run goes on.' : ''}` })));
  await load();
}

function subject() {
  return { email: document.getElementById('subject-email').value, phone: document.getElementById('subject-phone').value };
}

const SUBJECT_FIELDS = { email: 'subject-email', phone: 'subject-phone', confirm: 'confirm' };

async function search(event) {
  event.preventDefault();
  clearFieldErrors(document.getElementById('subject-form'));
  const { ok, data } = await staffApi('/staff/privacy/subjects/search', { method: 'POST', body: subject() });
  if (!ok) { showRefusal(data, SUBJECT_FIELDS); return; }
  hideErrorSummary(summary);
  document.getElementById('found').replaceChildren(
    h('p', { role: 'status', text: data.total ? `Found ${data.total} ${data.total === 1 ? 'record' : 'records'}.` : 'No records hold these details.' }),
    data.total ? table('Their records', ['Kind of record', 'Reference'], data.records.map((record) => h('tr', {}, [
      h('td', { text: record.label }), h('td', { text: record.reference })]))) : '');
  document.getElementById('erase-form').hidden = !data.total;
  announce(data.total ? `Found ${data.total} records.` : 'No records found.');
}

async function download() {
  clearFieldErrors(document.getElementById('subject-form'));
  const { ok, data } = await staffApi('/staff/privacy/subjects/export', { method: 'POST', body: subject() });
  if (!ok) { showRefusal(data, SUBJECT_FIELDS); return; }
  hideErrorSummary(summary);
  const link = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })),
    download: 'subject-access-export.json', text: 'subject-access-export.json' });
  document.body.append(link);
  link.click();
  link.remove();
  announce('Their records are downloaded as subject-access-export.json.');
}

/** The same export as a spreadsheet: one row per field of each record (formulas defused by the server). */
async function downloadCsv() {
  clearFieldErrors(document.getElementById('subject-form'));
  const { ok, blob, data } = await staffDownload('/staff/privacy/subjects/export', { ...subject(), format: 'csv' });
  if (!ok) { showRefusal(data, SUBJECT_FIELDS); return; }
  hideErrorSummary(summary);
  const link = h('a', { href: URL.createObjectURL(blob), download: 'subject-access-export.csv', text: 'subject-access-export.csv' });
  document.body.append(link);
  link.click();
  link.remove();
  announce('Their records are downloaded as subject-access-export.csv.');
}

async function erase(event) {
  event.preventDefault();
  const confirm = document.querySelector('input[name="confirm"]:checked') !== null;
  const { ok, data } = await staffApi('/staff/privacy/subjects/erase', { method: 'POST', body: { ...subject(), confirm } });
  if (!ok) { showRefusal(data, SUBJECT_FIELDS); return; }
  hideErrorSummary(summary);
  document.getElementById('erase-form').hidden = true;
  document.getElementById('found').replaceChildren(h('div', { class: 'notification notification--success', role: 'status' },
    h('p', { text: `Erased the details of ${data.total} ${data.total === 1 ? 'record' : 'records'}.${data.left ? ` ${data.left} ${data.left === 1 ? 'mail was' : 'mails were'} being sent at that moment: erase again in a minute to remove ${data.left === 1 ? 'it' : 'them'} too.` : ''}` })));
}

function renderAudit(entries) {
  document.getElementById('audit').replaceChildren(entries.length ? table('Who saw or handled residents\' details', ['When', 'Who', 'What', 'Records'],
    entries.map((entry) => h('tr', {}, [
      h('td', { text: formatDateTime(entry.at) }),
      h('td', { text: `${entry.staffName || ''} (${entry.staffId})` }),
      h('td', { text: entry.action === 'read' ? `Opened: ${entry.kind}` : `${entry.action} of a resident's records` }),
      h('td', { text: `${entry.count}: ${entry.references.join(', ')}` }),
    ])))
    : h('p', { text: 'Nothing in the audit matches.' }));
}

async function showAudit(event) {
  event?.preventDefault();
  clearFieldErrors(document.getElementById('audit-form'));
  const query = new URLSearchParams();
  for (const [param, id] of [['month', 'audit-month'], ['staffId', 'audit-staff'], ['reference', 'audit-reference']]) {
    const value = document.getElementById(id).value.trim();
    if (value) query.set(param, value);
  }
  const { ok, data } = await staffApi(`/staff/privacy/audit?${query}`);
  if (!ok) { showRefusal(data, { month: 'audit-month' }); return; }
  hideErrorSummary(summary);
  renderAudit(data.entries);
}

function input(autocomplete, type = 'text') {
  return h('input', { class: 'input', type, autocomplete, spellcheck: 'false' });
}

try {
  if (await startStaffPage() && await load()) {
    document.getElementById('subject-fields').replaceChildren(
      formGroup({ id: 'subject-email', label: 'Their email address', control: input('off', 'email') }),
      formGroup({ id: 'subject-phone', label: 'Their phone number', hint: 'Either will do; both find more.', control: input('off', 'tel') }));
    document.getElementById('erase-fields').replaceChildren(choiceGroup({ id: 'confirm', name: 'confirm', type: 'checkbox',
      legend: 'Erasing cannot be undone', options: [['yes', 'I have checked who the resident is, and they asked for their details to be erased']] }));
    document.getElementById('audit-fields').replaceChildren(
      formGroup({ id: 'audit-month', label: 'Month', hint: 'As yyyy-mm; this month if left empty.', control: input('off') }),
      formGroup({ id: 'audit-staff', label: 'Member of staff (their id)', control: input('off') }),
      formGroup({ id: 'audit-reference', label: 'Record (its reference)', control: input('off') }));
    scheduleForm.addEventListener('submit', (event) => save(event).catch((error) => showProblem(...problemFor(error))));
    document.getElementById('run-now').addEventListener('click', () => runNow().catch((error) => showProblem(...problemFor(error))));
    document.getElementById('subject-form').addEventListener('submit', (event) => search(event).catch((error) => showProblem(...problemFor(error))));
    document.getElementById('export').addEventListener('click', () => download().catch((error) => showProblem(...problemFor(error))));
    document.getElementById('export-csv').addEventListener('click', () => downloadCsv().catch((error) => showProblem(...problemFor(error))));
    document.getElementById('erase-form').addEventListener('submit', (event) => erase(event).catch((error) => showProblem(...problemFor(error))));
    document.getElementById('audit-form').addEventListener('submit', (event) => showAudit(event).catch((error) => showProblem(...problemFor(error))));
    await showAudit();
  }
} catch (error) {
  showProblem(...problemFor(error));
}
