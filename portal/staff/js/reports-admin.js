// Who gets which report (admins): GET /staff/admin/accounts, PUT and DELETE /staff/admin/accounts/{staffId}, and
// the roll-up's "run now", POST /staff/reports/run (docs/staff-api.md).
import { h, announce, focusElement } from '../../js/core.js';
import { hideErrorSummary, choiceGroup, formGroup, clearFieldErrors } from '../../js/forms.js';
import { staffApi } from './session.js';
import { startListPage, showRefusal } from './list-page.js';

const KIND_NAMES = { WEEKLY: 'Weekly', MONTHLY: 'Monthly', QUARTERLY: 'Quarterly' };
const summary = document.getElementById('error-summary');
const form = document.getElementById('account-form');
let overview;
let editing = null;
let reload;

function unitNames(unitIds) {
  const names = new Map(overview.units.map((unit) => [unit.id, unit.name]));
  return unitIds.map((id) => names.get(id) || id).join(', ');
}

function renderAccounts() {
  const rows = overview.accounts.map((account) => {
    const edit = h('button', { class: 'link-button', type: 'button', text: 'Change', 'aria-label': `Change ${account.name}'s reports` });
    edit.addEventListener('click', () => renderForm(account));
    const remove = h('button', { class: 'link-button', type: 'button', text: 'Stop', 'aria-label': `Stop ${account.name}'s reports` });
    remove.addEventListener('click', () => stop(account));
    return h('tr', {}, [
      h('th', { scope: 'row', text: account.name }),
      h('td', { text: unitNames(account.unitIds) }),
      h('td', { text: account.kinds.map((kind) => KIND_NAMES[kind]).join(', ') }),
      h('td', {}, [edit, ' ', remove]),
    ]);
  });
  document.getElementById('accounts').replaceChildren(overview.accounts.length
    ? h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Account managers and their reports', tabindex: '0' }, h('table', { class: 'table' }, [
      h('caption', { class: 'table__caption', text: 'Account managers and their reports' }),
      h('thead', {}, h('tr', {}, ['Account manager', 'Units', 'Reports', 'Actions'].map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, rows),
    ]))
    : h('p', { text: 'No account manager gets reports yet.' }));
}

function renderForm(account) {
  editing = account || null;
  clearFieldErrors(form);
  const manager = h('select', { class: 'select' }, [
    h('option', { value: '', text: 'Choose an account manager' }),
    ...overview.accountManagers.map((member) => h('option', { value: member.id, text: member.name, selected: account && member.id === account.staffId })),
  ]);
  manager.disabled = Boolean(account);
  document.getElementById('account-fields').replaceChildren(
    formGroup({ id: 'staffId', label: 'Account manager', control: manager }),
    choiceGroup({ id: 'unitIds', name: 'unitIds', type: 'checkbox', legend: 'Units they look after', options: overview.units.map((unit) => [unit.id, unit.name]), checked: account ? account.unitIds : [] }),
    choiceGroup({ id: 'kinds', name: 'kinds', type: 'checkbox', legend: 'Reports they get', options: overview.kinds.map((kind) => [kind, KIND_NAMES[kind]]), checked: account ? account.kinds : [] }),
  );
  document.getElementById('form-heading').textContent = account ? `Change ${account.name}'s reports` : "Set up an account manager's reports";
  document.getElementById('new-account').hidden = !account;
  if (account) focusElement(document.getElementById('form-heading'));
}

function send() {
  const staffId = editing ? editing.staffId : document.getElementById('staffId').value;
  const checked = (name) => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((input) => input.value);
  const body = { unitIds: checked('unitIds'), kinds: checked('kinds') };
  if (editing) body.version = editing.version;
  if (!staffId) {
    showRefusal({ errors: [{ field: 'staffId', message: 'Choose an account manager.' }] }, { staffId: 'staffId' });
    return null;
  }
  return staffApi(`/staff/admin/accounts/${encodeURIComponent(staffId)}`, { method: 'PUT', body });
}

async function stop(account) {
  const { ok, data } = await staffApi(`/staff/admin/accounts/${encodeURIComponent(account.staffId)}?version=${account.version}`, { method: 'DELETE' });
  if (!ok) { showRefusal(data); await reload(); return; }
  hideErrorSummary(summary);
  const wasEditing = editing && editing.staffId === account.staffId;
  await reload();
  if (wasEditing) renderForm(null);
  announce(`${account.name} no longer gets reports.`);
}

async function runNow(event) {
  event.preventDefault();
  const kind = document.querySelector('input[name="run-kind"]:checked')?.value;
  const resend = document.getElementById('resend').checked;
  const { ok, data } = await staffApi('/staff/reports/run', { method: 'POST', body: { kind, resend } });
  if (!ok) { showRefusal(data, { kind: 'run-kind' }); return; }
  hideErrorSummary(summary);
  const outcome = h('div', { class: 'notification notification--success', role: 'status' }, [
    h('p', { text: `${data.stored ? 'Stored' : 'Already stored:'} the report for ${data.first} to ${data.last}.` }),
    h('p', { text: `Mailed ${data.mailed}; ${data.alreadyMailed} had it already.` }),
  ]);
  document.getElementById('run-outcome').replaceChildren(outcome);
}

reload = await startListPage({
  path: '/staff/admin/accounts',
  show(data) {
    overview = data;
    renderAccounts();
    // The one being changed, as the list now has them: a save after someone else's change goes on from theirs.
    if (editing) editing = overview.accounts.find((account) => account.staffId === editing.staffId) || null;
  },
  edit: renderForm,
  form,
  newButton: 'new-account',
  send,
  fieldIds: { staffId: 'staffId', unitIds: 'unitIds', kinds: 'kinds' },
  saved: (data) => `Saved: ${data.name} gets ${data.kinds.map((kind) => KIND_NAMES[kind].toLowerCase()).join(', ')} reports for ${unitNames(data.unitIds)}.`,
});
if (reload) {
  document.getElementById('run-fields').replaceChildren(
    choiceGroup({ id: 'run-kind', name: 'run-kind', legend: 'Which report', options: [['weekly', 'Weekly'], ['monthly', 'Monthly'], ['quarterly', 'Quarterly']], checked: 'weekly' }),
    choiceGroup({ id: 'resend', name: 'resend', type: 'checkbox', legend: 'Mail', options: [['yes', 'Send it again to those who have had it']] }),
  );
  document.getElementById('run-form').addEventListener('submit', runNow);
}
