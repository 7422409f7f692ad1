// A service's workflow, for administrators: its statuses (which pause the service-level clock, which are
// final) and where each may move to. One card per status, so it reads the same on a phone as on a desktop.
// The server checks the whole workflow (docs/staff-api.md); the page only catches what is plainly missing.
import { api, h, announce, focusElement, formatDateTime, NetworkError } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, formGroup, choiceGroup, choiceItem } from '../../js/forms.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';

const serviceId = new URLSearchParams(location.search).get('service') || '';
const STATUS_ID = /^[a-z0-9-]{1,40}$/;

const summary = document.getElementById('error-summary');
const banner = document.getElementById('banner');
const area = document.getElementById('workflow');

let serviceName = serviceId;
let answer; // the last GET or PUT answer
let statuses = []; // [{ key, id, label, pausesClock, final, saved }], key stays put while an id is typed
let transitions = new Map(); // key → Set of keys
let nextKey = 0;

// ---- Model ----

function fromAnswer(data) {
  answer = data;
  const workflow = data.workflow || { statuses: [], transitions: {} };
  statuses = workflow.statuses.map((status) => ({ ...status, key: `s${nextKey++}`, saved: true }));
  const keyOf = Object.fromEntries(statuses.map((status) => [status.id, status.key]));
  transitions = new Map(statuses.map((status) => [status.key, new Set((workflow.transitions[status.id] || []).map((id) => keyOf[id]).filter(Boolean))]));
}

function readForm() {
  for (const [index, status] of statuses.entries()) {
    status.label = document.getElementById(`status-${index}-label`).value.trim();
    if (!status.saved) status.id = document.getElementById(`status-${index}-id`).value.trim();
    status.pausesClock = document.getElementById(`status-${index}-pauses`).checked;
    status.final = document.getElementById(`status-${index}-final`).checked;
    transitions.set(status.key, new Set([...document.querySelectorAll(`input[name="status-${index}-to"]:checked`)].map((input) => input.value)));
  }
}

function toWorkflow() {
  return {
    statuses: statuses.map(({ id, label, pausesClock, final }) => ({ id, label, pausesClock, final })),
    transitions: Object.fromEntries(statuses.map((status) => [status.id,
      statuses.filter((other) => transitions.get(status.key)?.has(other.key)).map((other) => other.id)])),
  };
}

function name(status) {
  return status.label || status.id || 'New status';
}

// ---- The form ----

function statusCard(status, index) {
  const others = statuses.filter((other) => other !== status);
  const remove = status.id === 'received' && status.saved ? null : h('button', { class: 'link-button', type: 'button' }, [
    'Remove this status', h('span', { class: 'visually-hidden', text: `: ${name(status)}` }),
  ]);
  remove?.addEventListener('click', () => removeStatus(index));
  return h('fieldset', { class: 'fieldset status-card', id: `card-${index}` }, [
    h('legend', { class: 'legend', 'data-name': status.key, text: name(status) }),
    formGroup({
      id: `status-${index}-label`, label: 'Label', hint: 'What staff and residents see, for example In progress',
      control: h('input', { class: 'input', type: 'text', value: status.label, 'data-key': status.key }),
    }),
    status.saved
      ? h('p', { class: 'secondary-text' }, ['Id: ', h('code', { text: status.id })])
      : formGroup({
        id: `status-${index}-id`, label: 'Id', hint: 'Lower-case letters, digits and hyphens, for example waiting-on-contractor. It cannot be changed once saved.',
        control: h('input', { class: 'input input--width-10', type: 'text', value: status.id, autocomplete: 'off', spellcheck: 'false' }),
      }),
    h('div', { class: 'form-group' }, [
      choiceItem({ id: `status-${index}-pauses`, type: 'checkbox', label: 'Pauses the service-level clock', checked: status.pausesClock, hint: 'for example while waiting on the resident' }),
      choiceItem({ id: `status-${index}-final`, type: 'checkbox', label: 'Final', checked: status.final, hint: 'the request is finished; moving out of it is a reopen' }),
    ]),
    // Each target's value is the status's key, so a status can be renamed, or get its id, without losing its moves.
    others.length
      ? choiceGroup({ id: `status-${index}-to`, legend: 'Can move to', type: 'checkbox', options: others.map((other) => [other.key, name(other)]), checked: [...(transitions.get(status.key) || [])] })
      : h('p', { text: 'There are no other statuses yet.' }),
    remove,
  ]);
}

function render({ focusId } = {}) {
  const overridden = answer.source === 'service';
  const source = overridden
    ? [`${serviceName} has its own workflow`, answer.updatedAt ? `, last changed ${formatDateTime(answer.updatedAt)}${answer.updatedBy?.name ? ` by ${answer.updatedBy.name}` : ''}` : '', '.']
    : [`${serviceName} uses the default workflow. Saving a change here gives it its own.`];
  const addButton = h('button', { class: 'button button--secondary', type: 'button', id: 'add-status', text: 'Add a status' });
  addButton.addEventListener('click', addStatus);
  const form = h('form', { id: 'workflow-form', novalidate: true }, [
    ...statuses.map(statusCard),
    addButton,
    h('div', { class: 'button-group' }, h('button', { class: 'button', type: 'submit', text: 'Save workflow' })),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save({});
  });
  // A new label renames its card and the checkboxes that name it, without rebuilding the form under the cursor.
  form.addEventListener('input', (event) => {
    const key = event.target.dataset.key;
    if (!key) return;
    const index = statuses.findIndex((status) => status.key === key);
    statuses[index].label = event.target.value.trim();
    for (const target of form.querySelectorAll(`input[type="checkbox"][value="${key}"]`)) target.labels[0].textContent = name(statuses[index]);
    form.querySelector(`legend[data-name="${key}"]`).textContent = name(statuses[index]);
  });
  const useDefault = overridden ? h('button', { class: 'button button--secondary', type: 'button', text: 'Use the default workflow' }) : null;
  useDefault?.addEventListener('click', () => save({ useDefault: true }));
  area.replaceChildren(...[
    h('a', { class: 'back-link', href: 'workflow.html', text: 'All workflows' }),
    h('h1', { id: 'workflow-heading' }, [h('span', { class: 'caption', text: serviceName }), 'Workflow']),
    h('p', { text: source.join('') }),
    h('p', { text: 'New requests arrive as Received. Each status lists where it can move to; a final status ends the request, and the clock stops while a request is in a status that pauses it.' }),
    form,
    useDefault ? h('h2', { text: 'Go back to the default' }) : null,
    useDefault ? h('p', { text: `This removes ${serviceName}’s own workflow. Its requests then follow the default one.` }) : null,
    useDefault,
  ].filter(Boolean));
  staffTitle([`${serviceName} workflow`, 'Workflows']);
  if (focusId) document.getElementById(focusId)?.focus();
}

function addStatus() {
  readForm();
  const status = { key: `s${nextKey++}`, id: '', label: '', pausesClock: false, final: false, saved: false };
  statuses.push(status);
  transitions.set(status.key, new Set());
  render({ focusId: `status-${statuses.length - 1}-label` });
  announce('A new status was added at the end. Give it a label and an id.');
}

function removeStatus(index) {
  readForm();
  const [removed] = statuses.splice(index, 1);
  transitions.delete(removed.key);
  for (const targets of transitions.values()) targets.delete(removed.key);
  render({ focusId: 'add-status' });
  announce(`${name(removed)} was removed, with every move to it. Save the workflow to keep the change.`);
}

// ---- Saving ----

function clientErrors() {
  const errors = [];
  const seen = new Set();
  for (const [index, status] of statuses.entries()) {
    if (!status.label) errors.push({ fieldId: `status-${index}-label`, message: `Enter a label for status ${index + 1}` });
    if (!status.saved && !STATUS_ID.test(status.id)) errors.push({ fieldId: `status-${index}-id`, message: `Enter an id for ${name(status)} of lower-case letters, digits and hyphens` });
    else if (seen.has(status.id)) errors.push({ fieldId: `status-${index}-id`, message: `Another status already has the id ${status.id}` });
    seen.add(status.id);
  }
  return errors;
}

// workflow.statuses[2].label → status-2-label; workflow.transitions.resolved[0] → the resolved card's first target.
function fieldIdFor(field) {
  const status = /^workflow\.statuses\[(\d+)\](?:\.(\w+))?/.exec(field || '');
  if (status) {
    const wanted = `status-${status[1]}-${{ id: 'id', label: 'label', pausesClock: 'pauses', final: 'final' }[status[2]] || 'label'}`;
    return document.getElementById(wanted) ? wanted : `status-${status[1]}-label`;
  }
  const transition = /^workflow\.transitions\.([a-z0-9-]+)/.exec(field || '');
  const index = transition ? statuses.findIndex((item) => item.id === transition[1]) : -1;
  return index >= 0 ? `status-${index}-to` : null;
}

function showErrors(errors) {
  const form = document.getElementById('workflow-form');
  if (form) clearFieldErrors(form);
  for (const { fieldId, message } of errors) if (fieldId && document.getElementById(fieldId)) setFieldError(fieldId, message);
  staffTitle([`${serviceName} workflow`, 'Workflows'], { error: true });
  showErrorSummary(summary, errors.map(({ fieldId, message }) => ({ fieldId: fieldId && document.getElementById(fieldId) ? fieldId : null, message })));
}

async function save({ useDefault }) {
  banner.replaceChildren();
  let body;
  if (useDefault) {
    body = { useDefault: true };
  } else {
    readForm();
    const errors = clientErrors();
    if (errors.length) return showErrors(errors);
    body = { workflow: toWorkflow() };
  }
  announce('Saving…');
  let response;
  try {
    response = await staffApi(`/staff/workflows/${encodeURIComponent(serviceId)}`, { method: 'PUT', body });
  } catch (error) {
    if (!(error instanceof NetworkError)) return showProblem(...problemFor(error));
    return showErrors([{ message: 'We could not save because the connection failed. Check you are online and try again.' }]);
  }
  if (response.ok) {
    fromAnswer(response.data);
    render();
    hideErrorSummary(summary);
    banner.replaceChildren(h('div', { class: 'notification notification--success', role: 'alert', 'aria-labelledby': 'banner-title' }, [
      h('h2', { class: 'notification__title', id: 'banner-title', text: 'Success' }),
      h('div', { class: 'notification__content' }, h('p', { class: 'notification__heading', text: useDefault ? `${serviceName} now follows the default workflow` : 'Workflow saved' })),
    ]));
    return focusElement(banner.firstChild);
  }
  if (response.status === 400 && Array.isArray(response.data.errors)) {
    return showErrors(response.data.errors.map(({ field, message }) => ({ fieldId: fieldIdFor(field), message })));
  }
  return showErrors([{ message: response.data.message || 'Sorry, there is a problem with the staff service. Try again in a few minutes.' }]);
}

// ---- Start ----

async function chooseService() {
  let response;
  try {
    response = await api('/services');
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showProblem('Sorry, we could not load the services', 'Check you are online and try again.');
  }
  if (!response.ok) return showProblem('Sorry, there is a problem with the service', 'Try again in a few minutes.');
  area.replaceChildren(
    h('h1', { text: 'Workflows' }),
    h('p', { text: 'Choose a service to see or change its statuses and where each can move to.' }),
    ...(response.data.themes || []).flatMap((theme) => [
      h('h2', { text: theme.name }),
      h('ul', {}, (theme.services || []).map((service) => h('li', {}, h('a', { href: `workflow.html?service=${encodeURIComponent(service.id)}`, text: service.name })))),
    ]),
  );
  return staffTitle('Workflows');
}

async function start() {
  const me = await startStaffPage();
  if (!me) return;
  document.getElementById('loading').hidden = true;
  if (!me.can?.editWorkflows) {
    showProblem('Workflows are for administrators', 'Ask an administrator if a service’s workflow needs to change.', { retry: false });
    return;
  }
  if (!serviceId) {
    await chooseService();
    return;
  }
  let response;
  let service;
  try {
    [response, service] = await Promise.all([
      staffApi(`/staff/workflows/${encodeURIComponent(serviceId)}`),
      api(`/services/${encodeURIComponent(serviceId)}`),
    ]);
  } catch (error) {
    showProblem(...problemFor(error));
    return;
  }
  if (response.status === 404 || response.status === 400) {
    showProblem('We cannot find that service', 'Choose a service from the list of workflows.', { retry: false });
    return;
  }
  if (!response.ok) {
    showProblem('Sorry, there is a problem with the staff service', response.data.message || 'Try again in a few minutes.');
    return;
  }
  serviceName = service.ok ? service.data.name : serviceId;
  fromAnswer(response.data);
  render();
}

start();
