// "Plan a day" (docs/field.md): a supervisor orders an officer's open requests for a day; the officer's "My day"
// offers that order first. The plan is saved on the version read: a save over another supervisor's shows theirs.
import { h, announce, focusElement, COUNCIL_TIME_ZONE } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary } from '../../js/forms.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';

const summary = document.getElementById('error-summary');
const choose = document.getElementById('choose');
const unitSelect = document.getElementById('unit');
const officerSelect = document.getElementById('officer');
const dateInput = document.getElementById('date');
const planArea = document.getElementById('plan');
const planList = document.getElementById('plan-list');

let shown = null; // { officer, date, version }

async function loadOfficers() {
  const answer = await staffApi(`/staff/officers?unit=${encodeURIComponent(unitSelect.value)}`);
  const officers = answer.ok ? answer.data.officers.filter((officer) => officer.roles.includes('officer')) : [];
  officerSelect.replaceChildren(...officers.map((officer) => h('option', { value: officer.id, text: officer.name })));
}

function move(item, by) {
  const sibling = by < 0 ? item.previousElementSibling : item.nextElementSibling;
  if (!sibling) return;
  if (by < 0) sibling.before(item);
  else sibling.after(item);
  item.querySelector(by < 0 ? '[data-move="up"]' : '[data-move="down"]').focus();
  announce(`${item.dataset.display} moved to place ${[...planList.children].indexOf(item) + 1}.`);
}

function planItem(item, planned) {
  const id = `visit-${item.reference}`;
  const up = h('button', { type: 'button', class: 'button button--secondary', 'data-move': 'up', text: 'Move up',
    'aria-label': `Move ${item.displayReference} up` });
  const down = h('button', { type: 'button', class: 'button button--secondary', 'data-move': 'down', text: 'Move down',
    'aria-label': `Move ${item.displayReference} down` });
  const li = h('li', { 'data-reference': item.reference, 'data-display': item.displayReference }, [
    h('div', { class: 'radios__item' }, [
      h('input', { class: 'radios__input', type: 'checkbox', id, checked: planned }),
      h('label', { class: 'label radios__label', for: id,
        text: `Visit ${item.displayReference}: ${item.service.name}, ${item.address || 'no address'}` })]),
    h('div', { class: 'button-group' }, [up, down])]);
  up.addEventListener('click', () => move(li, -1));
  down.addEventListener('click', () => move(li, 1));
  return li;
}

async function show(message) {
  const officer = { id: officerSelect.value, name: officerSelect.selectedOptions[0]?.text };
  const date = dateInput.value;
  if (!officer.id || !date) {
    showErrorSummary(summary, [{ fieldId: officer.id ? 'date' : 'officer', message: officer.id ? 'Choose the day.' : 'Choose an officer.' }]);
    return;
  }
  hideErrorSummary(summary);
  const [queue, plan] = await Promise.all([
    staffApi(`/staff/queue?${new URLSearchParams({ unit: unitSelect.value, assigned: officer.id, limit: '100' })}`),
    staffApi(`/staff/day-plans/${encodeURIComponent(officer.id)}/${date}`)]);
  if (!queue.ok || !plan.ok) {
    showErrorSummary(summary, [{ fieldId: 'date', message: (plan.ok ? queue : plan).data.message || 'Their requests could not be read.' }]);
    return;
  }
  const place = (reference) => {
    const at = plan.data.references.indexOf(reference);
    return at < 0 ? Infinity : at;
  };
  const items = [...queue.data.items].sort((a, b) => place(a.reference) - place(b.reference));
  shown = { officer, date, version: plan.data.version };
  planList.replaceChildren(...items.map((item) => planItem(item, place(item.reference) !== Infinity)));
  if (!items.length) planList.replaceChildren(h('li', { text: `${officer.name} has no open requests.` }));
  const heading = document.getElementById('plan-heading');
  heading.textContent = `${officer.name}, ${date}${plan.data.plannedBy ? ` (planned by ${plan.data.plannedBy.name})` : ''}`;
  planArea.hidden = false;
  if (message) announce(message);
  focusElement(heading);
}

async function save() {
  const references = [...planList.querySelectorAll('li[data-reference]')]
    .filter((li) => li.querySelector('input').checked).map((li) => li.dataset.reference);
  const answer = await staffApi(`/staff/day-plans/${encodeURIComponent(shown.officer.id)}/${shown.date}`,
    { method: 'PUT', body: { references, expectedVersion: shown.version } });
  if (answer.ok) {
    shown.version = answer.data.version;
    hideErrorSummary(summary);
    announce(`The plan for ${shown.officer.name} is saved: ${references.length} visit${references.length === 1 ? '' : 's'}.`);
  } else if (answer.status === 409) {
    await show();
    showErrorSummary(summary, [{ fieldId: 'save', message: answer.data.message }]);
  } else {
    showErrorSummary(summary, (answer.data.errors || []).length ? answer.data.errors.map((error) => ({ fieldId: 'save', message: error.message }))
      : [{ fieldId: 'save', message: answer.data.message || 'The plan could not be saved.' }]);
  }
}

async function start() {
  staffTitle('Plan a day');
  const me = await startStaffPage();
  if (!me) return;
  if (!me.can.planDays) {
    showProblem('You cannot plan days', 'Supervisors plan officers\u2019 days.', { retry: false });
    return;
  }
  try {
    unitSelect.replaceChildren(...me.units.map((unit) => h('option', { value: unit.id, text: unit.name })));
    dateInput.value = new Intl.DateTimeFormat('en-CA', { timeZone: COUNCIL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    await loadOfficers();
    unitSelect.addEventListener('change', loadOfficers);
    choose.addEventListener('submit', (event) => {
      event.preventDefault();
      show();
    });
    document.getElementById('save').addEventListener('click', save);
    choose.hidden = false;
    document.getElementById('loading').hidden = true;
  } catch (error) {
    showProblem(...problemFor(error));
  }
}

start();
