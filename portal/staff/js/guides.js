// Guided help (administrators): GET /staff/guides, GET|PUT|DELETE /staff/guides/{topicId} with the version read, so
// a change someone else saved meanwhile is shown rather than undone (docs/staff-api.md). The conversation is
// edited as JSON; each mistake the server finds is named by its step and answer.
import { h, announce, formatDateTime } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from '../../js/forms.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';

const summary = document.getElementById('error-summary');
const topics = document.getElementById('topics');
const status = document.getElementById('status');
const newForm = document.getElementById('new-form');
const form = document.getElementById('guide-form');
const field = document.getElementById('guide');
const retireButton = document.getElementById('retire');
let editing = null; // { topicId, version, retired }

const EXAMPLE = {
  title: 'A new topic',
  intro: 'A few questions and we will take you to the right place.',
  firstStepId: 'first',
  steps: [{ stepId: 'first', question: 'What do you need?', answers: [
    { label: 'Book a hall', book: 'banksia-hall' },
    { label: 'Talk to someone', callBack: true },
  ] }],
};

function changed(data) {
  return data.changedAt ? `Version ${data.version}, saved ${formatDateTime(data.changedAt)}${data.changedBy ? ` by ${data.changedBy}` : ''}.` : 'Not saved yet.';
}

function renderTopics(list) {
  status.textContent = list.length ? '' : 'There are no conversations yet.';
  topics.replaceChildren(h('ul', { class: 'tasks' }, list.map((topic) => {
    const edit = h('button', { class: 'link-button', type: 'button' }, ['Edit', h('span', { class: 'visually-hidden', text: ` ${topic.title}` })]);
    edit.addEventListener('click', () => open(topic.topicId).catch((error) => showProblem(...problemFor(error))));
    return h('li', { class: 'task' }, [
      h('h2', { text: topic.title }),
      h('p', { class: 'secondary-text', text: `${topic.topicId} · ${topic.steps} ${topic.steps === 1 ? 'step' : 'steps'} · ${changed(topic)}${topic.retired ? ' Not on the resident pages.' : ''}` }),
      edit,
    ]);
  })));
  newForm.hidden = false;
}

function showGuide(data) {
  editing = { topicId: data.topicId, version: data.version, retired: data.retired };
  document.getElementById('editing-heading').textContent = `Edit ${data.topicId}`;
  document.getElementById('editing-status').textContent = `${changed(data)}${data.retired ? ' Not on the resident pages: saving puts it back.' : ''}`;
  field.value = JSON.stringify(data.guide, null, 2);
  retireButton.hidden = data.version === 0 || data.retired;
  const residentLink = document.getElementById('resident-link');
  residentLink.hidden = data.version === 0 || data.retired;
  residentLink.querySelector('a').href = `../guide.html?topic=${encodeURIComponent(data.topicId)}`;
  form.hidden = false;
}

async function open(topicId) {
  const { ok, data } = await staffApi(`/staff/guides/${encodeURIComponent(topicId)}`);
  if (!ok) {
    showErrorSummary(summary, [{ message: data.message || 'The conversation could not be opened. Try again in a few minutes.' }]);
    return;
  }
  hideErrorSummary(summary);
  showGuide(data);
  field.focus();
}

/** "steps.which-bin.answers[1].lead" → "Step which-bin, answer 2: …": how an administrator finds it in the text. */
function placed(error) {
  const place = /^steps\.([a-z0-9-]+)(?:\.answers\[(\d+)])?/.exec(error.field || '')
    || /^steps\[(\d+)]/.exec(error.field || '');
  if (!place) return error.field && error.field !== 'version' ? `${error.field}: ${error.message}` : error.message;
  const step = /^\d+$/.test(place[1]) ? `Step ${Number(place[1]) + 1}` : `Step ${place[1]}`;
  return `${place[2] === undefined ? step : `${step}, answer ${Number(place[2]) + 1}`}: ${error.message}`;
}

function refused(code, data) {
  const messages = (data.errors || []).map(placed);
  if (messages.length) setFieldError('guide', messages[0]);
  showErrorSummary(summary, (messages.length ? messages : [data.message || 'The conversation could not be saved. Try again in a few minutes.'])
    .map((message) => ({ message, fieldId: messages.length ? 'guide' : undefined })));
  if (code === 409 && data.current) showGuide(data.current);
}

async function loadTopics() {
  const { ok, data } = await staffApi('/staff/guides');
  if (!ok) {
    showProblem('Sorry, this page cannot be shown', data.message || 'Try again in a few minutes.');
    return false;
  }
  renderTopics(data.topics || []);
  return true;
}

async function save(event) {
  event.preventDefault();
  clearFieldErrors(form);
  let guide;
  try {
    guide = JSON.parse(field.value);
  } catch (error) {
    refused(400, { errors: [{ field: '', message: `The conversation is not valid JSON: ${error.message}` }] });
    return;
  }
  const body = { ...(guide && typeof guide === 'object' && !Array.isArray(guide) ? guide : {}), version: editing.version };
  const { ok, status: code, data } = await staffApi(`/staff/guides/${encodeURIComponent(editing.topicId)}`, { method: 'PUT', body });
  if (!ok) {
    refused(code, data);
    return;
  }
  hideErrorSummary(summary);
  showGuide(data);
  await loadTopics();
  announce('The conversation is saved.');
}

async function retire() {
  const { ok, status: code, data } = await staffApi(`/staff/guides/${encodeURIComponent(editing.topicId)}?version=${editing.version}`, { method: 'DELETE' });
  if (!ok) {
    refused(code, data);
    return;
  }
  hideErrorSummary(summary);
  renderTopics(data.topics || []);
  form.hidden = true;
  announce('The conversation is off the resident pages.');
}

function startNew(event) {
  event.preventDefault();
  clearFieldErrors(newForm);
  const topicId = document.getElementById('new-topic').value.trim();
  if (!/^[a-z0-9-]{1,64}$/.test(topicId)) {
    setFieldError('new-topic', 'Enter a topic id of lower-case letters, digits and hyphens');
    showErrorSummary(summary, [{ fieldId: 'new-topic', message: 'Enter a topic id of lower-case letters, digits and hyphens' }]);
    return;
  }
  hideErrorSummary(summary);
  showGuide({ topicId, version: 0, retired: false, guide: EXAMPLE });
  field.focus();
}

async function start() {
  if (!(await startStaffPage())) return;
  if (!(await loadTopics())) return;
  const fail = (error) => showProblem(...problemFor(error));
  form.addEventListener('submit', (event) => save(event).catch(fail));
  retireButton.addEventListener('click', () => retire().catch(fail));
  newForm.addEventListener('submit', startNew);
}

start().catch((error) => showProblem(...problemFor(error)));
