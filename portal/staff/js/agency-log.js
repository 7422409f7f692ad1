// An agency's issue log and meeting notes, on its page (docs/agencies.md): GET /staff/agencies/{agencyId}/log,
// POST .../issues (raise), POST .../issues/{issueId}/steps (escalate, note, resolve), POST .../meetings. It shows the
// agency agencies.js has opened (its 'agency-opened' event).
import { h, announce, focusElement, formatDate, formatDateTime, NetworkError } from '../../js/core.js';
import { formGroup, choiceGroup, clearFieldErrors, hideErrorSummary } from '../../js/forms.js';
import { staffApi, showProblem, problemFor } from './session.js';
import { showRefusal } from './list-page.js';

const ISSUE_IDS = { title: 'issue-title', detail: 'issue-detail', raisedBy: 'issue-raised-by' };
const MEETING_IDS = { held: 'meeting-held', kind: 'meeting-kind', attendees: 'meeting-attendees', notes: 'meeting-notes', actions: 'meeting-actions' };
const KINDS = [['service-meeting', 'Service meeting'], ['forum', 'Forum'], ['review', 'Review of the agreement']];
const ACTIONS = { raised: 'Raised', escalated: 'Escalated', note: 'Note', resolved: 'Resolved' };
const section = document.getElementById('agency-log');
let log;
// One key per thing being raised or recorded, kept until it is saved, so a retry on a poor signal saves it once.
const keys = {};

function key(name) {
  if (!keys[name]) keys[name] = crypto.randomUUID();
  return keys[name];
}

function textarea() { return h('textarea', { class: 'textarea', rows: '4' }); }
function input(type = 'text') { return h('input', { class: 'input', type, autocomplete: 'off' }); }
function value(id) { return document.getElementById(id).value.trim(); }

function stepForm(issue) {
  const prefix = `step-${issue.id}`;
  const options = [['note', 'Add a note'], ['resolve', 'Resolve it']];
  if (issue.level !== 'executive-director') options.unshift(['escalate', `Escalate to the ${log.levels[log.levels.findIndex((l) => l.id === issue.level) + 1].name}`]);
  const form = h('form', { novalidate: true, 'aria-label': `Next step on ${issue.title}` }, [
    choiceGroup({ id: `${prefix}-action`, legend: 'Next step', legendClass: 'legend--small', options, checked: options[0][0] }),
    formGroup({ id: `${prefix}-note`, label: 'Note', hint: 'Told to the agency’s contact by mail. Needed to add a note or resolve.', control: textarea() }),
    h('button', { class: 'button', type: 'submit', text: 'Save the step' }),
  ]);
  form.addEventListener('submit', (event) => { event.preventDefault(); saveStep(form, issue, prefix).catch(failed); });
  return form;
}

function issueCard(issue) {
  const contact = log.contacts.find((c) => c.email === issue.raisedBy);
  const status = issue.resolved ? h('strong', { class: 'tag tag--resolved', text: 'Resolved' })
    : h('strong', { class: `tag${issue.overdue ? ' tag--urgent' : ''}`, text: issue.overdue ? `Overdue with the ${issue.levelName}` : `With the ${issue.levelName}` });
  return h('li', { class: 'agency-issue' }, [
    h('h4', { id: `issue-${issue.id}`, tabindex: '-1', text: issue.title }),
    h('p', {}, [status, ` Raised ${formatDateTime(issue.raisedAt)} by ${contact ? contact.name : 'the account manager'}.`,
      issue.resolved ? '' : ` Due by ${formatDate(issue.due)}.`]),
    h('p', { text: issue.detail }),
    h('details', { class: 'details' }, [
      h('summary', { class: 'details__summary', text: `Steps (${issue.steps.length})` }),
      h('ol', { class: 'list details__text' }, issue.steps.map((step) => h('li', {
        text: `${formatDateTime(step.at)}: ${ACTIONS[step.action]} by ${step.staffName || step.staffId}, with the ${log.levels.find((l) => l.id === step.level).name}${step.note ? ` – ${step.note}` : ''}`,
      }))),
    ]),
    issue.resolved ? null : stepForm(issue),
  ]);
}

function meetingItem(meeting) {
  const kind = KINDS.find(([v]) => v === meeting.kind)[1];
  return h('li', {}, [
    h('h4', { text: `${kind}, ${formatDate(meeting.held)}` }),
    h('p', { text: `Attended: ${meeting.attendees.join(', ')}` }),
    h('p', { text: meeting.notes }),
    meeting.actions ? h('p', { text: `Actions: ${meeting.actions}` }) : null,
  ]);
}

function render(data) {
  log = data;
  section.hidden = false;
  const raisedBy = h('select', { class: 'select' }, [h('option', { value: '', text: 'I raised it myself' }),
    ...data.contacts.map((c) => h('option', { value: c.email, text: c.name }))]);
  const raise = h('form', { id: 'issue-form', novalidate: true }, [
    formGroup({ id: 'issue-title', label: 'Title', control: input() }),
    formGroup({ id: 'issue-detail', label: 'What is the issue?', control: textarea() }),
    formGroup({ id: 'issue-raised-by', label: 'Raised by', hint: 'The contact is told by mail at each step.', control: raisedBy }),
    h('button', { class: 'button', type: 'submit', text: 'Raise the issue' }),
  ]);
  raise.addEventListener('submit', (event) => { event.preventDefault(); raiseIssue(raise).catch(failed); });
  const meeting = h('form', { id: 'meeting-form', novalidate: true }, [
    formGroup({ id: 'meeting-held', label: 'Held on', hint: 'As YYYY-MM-DD.', control: input('date') }),
    formGroup({ id: 'meeting-kind', label: 'Kind', control: h('select', { class: 'select' }, KINDS.map(([v, text]) => h('option', { value: v, text }))) }),
    formGroup({ id: 'meeting-attendees', label: 'Who attended', hint: 'One name a line.', control: textarea() }),
    formGroup({ id: 'meeting-notes', label: 'Notes', control: textarea() }),
    formGroup({ id: 'meeting-actions', label: 'Actions agreed (optional)', control: textarea() }),
    h('button', { class: 'button', type: 'submit', text: 'Record the meeting' }),
  ]);
  meeting.addEventListener('submit', (event) => { event.preventDefault(); recordMeeting(meeting).catch(failed); });
  const targets = data.levels.map((l) => `${l.name} ${l.targetDays} business days`).join(', ');
  section.replaceChildren(
    h('h3', { id: 'issues-heading', tabindex: '-1', text: `Issues (${data.openIssues} open${data.overdueIssues ? `, ${data.overdueIssues} overdue` : ''})` }),
    h('p', { text: `An issue goes up from the service manager to the service director to the executive director; each has a target: ${targets}.` }),
    data.issues.length ? h('ul', { class: 'list' }, data.issues.map(issueCard)) : h('p', { text: 'No issues have been raised.' }),
    h('h3', { text: 'Raise an issue' }), raise,
    h('h3', { id: 'meetings-heading', text: 'Forums and service meetings' }),
    data.meetings.length ? h('ul', { class: 'list' }, data.meetings.map(meetingItem)) : h('p', { text: 'No meetings have been recorded.' }),
    h('h3', { text: 'Record a meeting' }), meeting,
  );
}

async function load(agencyId, focusId) {
  const { ok, data } = await staffApi(`/staff/agencies/${encodeURIComponent(agencyId)}/log`);
  if (!ok) return showRefusal(data);
  render(data);
  if (focusId) focusElement(document.getElementById(focusId));
  return undefined;
}

function path(suffix) { return `/staff/agencies/${encodeURIComponent(log.agencyId)}${suffix}`; }

async function saved(form, { ok, data }, ids, message, focusId) {
  if (!ok) return showRefusal(data, ids);
  hideErrorSummary(document.getElementById('error-summary'));
  await load(log.agencyId, focusId(data));
  announce(message(data));
  return undefined;
}

async function raiseIssue(form) {
  clearFieldErrors(form);
  const reply = await staffApi(path('/issues'), {
    method: 'POST', headers: { 'Idempotency-Key': key('issue') },
    body: { title: value('issue-title'), detail: value('issue-detail'), raisedBy: value('issue-raised-by') || null },
  });
  if (reply.ok) delete keys.issue;
  return saved(form, reply, ISSUE_IDS, (data) => `Raised “${data.title}” with the ${data.levelName}.`, (data) => `issue-${data.id}`);
}

async function saveStep(form, issue, prefix) {
  clearFieldErrors(form);
  const action = form.querySelector(`input[name="${prefix}-action"]:checked`).value;
  const reply = await staffApi(path(`/issues/${encodeURIComponent(issue.id)}/steps`), {
    method: 'POST', body: { action, note: value(`${prefix}-note`) || null, version: issue.version },
  });
  return saved(form, reply, { note: `${prefix}-note`, action: `${prefix}-action` },
    (data) => (data.resolved ? `Resolved “${data.title}”.` : `Saved: “${data.title}” is with the ${data.levelName}.`), (data) => `issue-${data.id}`);
}

async function recordMeeting(form) {
  clearFieldErrors(form);
  const attendees = value('meeting-attendees').split('\n').map((line) => line.trim()).filter(Boolean);
  const reply = await staffApi(path('/meetings'), {
    method: 'POST', headers: { 'Idempotency-Key': key('meeting') },
    body: { held: value('meeting-held'), kind: value('meeting-kind'), attendees, notes: value('meeting-notes'), actions: value('meeting-actions') || null },
  });
  if (reply.ok) delete keys.meeting;
  return saved(form, reply, MEETING_IDS, () => 'Recorded the meeting.', () => 'meetings-heading');
}

function failed(error) {
  if (error instanceof NetworkError) showRefusal({ message: 'We could not reach the staff service. Check you are online and try again.' });
  else showProblem(...problemFor(error));
}

document.addEventListener('agency-opened', (event) => load(event.detail.id).catch(failed));
