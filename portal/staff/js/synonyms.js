// Search synonyms (administrators): GET /staff/synonyms, and PUT /staff/synonyms with the version read, so a change
// someone else saved meanwhile is shown rather than undone (docs/staff-api.md). One group a line, words by commas.
import { announce, formatDateTime } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from '../../js/forms.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';

const form = document.getElementById('synonyms-form');
const field = document.getElementById('groups');
const status = document.getElementById('status');
let version = 0;

function show(data) {
  version = data.version;
  field.value = (data.groups || []).map((group) => group.join(', ')).join('\n');
  const changed = data.changedAt ? `Last saved ${formatDateTime(data.changedAt)}${data.changedByName ? ` by ${data.changedByName}` : ''}.` : 'Not saved yet.';
  status.textContent = `${changed} ${data.inUse ? 'Search is using these synonyms.' : 'Search will use these synonyms within a minute or so.'}`;
  form.hidden = false;
}

function groups() {
  return field.value.split('\n').map((line) => line.split(',').map((word) => word.trim()).filter(Boolean))
    .filter((group) => group.length > 0);
}

/** "groups[2][1]" → "Line 3, word 2: …": the lines are what the administrator sees. */
function placed(error) {
  const place = /^groups\[(\d+)](?:\[(\d+)])?$/.exec(error.field || '');
  if (!place) return error.message;
  const line = `Line ${Number(place[1]) + 1}`;
  return `${place[2] === undefined ? line : `${line}, word ${Number(place[2]) + 1}`}: ${error.message}`;
}

async function save(event) {
  event.preventDefault();
  clearFieldErrors(form);
  const { ok, status: code, data } = await staffApi('/staff/synonyms', { method: 'PUT', body: { groups: groups(), version } });
  if (ok) {
    hideErrorSummary(document.getElementById('error-summary'));
    show(data);
    announce('The synonyms are saved.');
    return;
  }
  const messages = (data.errors || []).map(placed);
  if (messages.length) setFieldError('groups', messages[0]);
  showErrorSummary(document.getElementById('error-summary'),
    (messages.length ? messages : [data.message || 'The synonyms could not be saved. Try again in a few minutes.'])
      .map((message) => ({ message, fieldId: messages.length ? 'groups' : undefined })));
  if (code === 409 && data.current) show(data.current);
}

async function start() {
  if (!(await startStaffPage())) return;
  const { ok, data } = await staffApi('/staff/synonyms');
  if (!ok) {
    showProblem('Sorry, this page cannot be shown', data.message || 'Try again in a few minutes.');
    return;
  }
  show(data);
  form.addEventListener('submit', (event) => save(event).catch((error) => showProblem(...problemFor(error))));
}

start().catch((error) => showProblem(...problemFor(error)));
