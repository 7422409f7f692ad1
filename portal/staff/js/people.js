// Staff and roles (admins): GET and POST /staff/members, PUT /staff/members/{staffId} (docs/staff-api.md). One save
// changes the member's sign-in and the staff list together; when sign-in did not take it, saving again finishes it.
import { h, focusElement } from '../../js/core.js';
import { choiceGroup, formGroup, clearFieldErrors } from '../../js/forms.js';
import { staffApi } from './session.js';
import { startListPage } from './list-page.js';

const ROLE_NAMES = { officer: 'Officer', supervisor: 'Supervisor', 'account-manager': 'Account manager', admin: 'Administrator' };
const ROLE_HINTS = {
  officer: 'works the requests of their unit',
  supervisor: 'oversees every unit, hears of missed targets',
  'account-manager': 'gets the reports of the units they look after',
  admin: 'runs services, service levels, reports and staff',
};
const FIELD_IDS = { email: 'email', name: 'name', roles: 'roles', unitId: 'unitId', enabled: 'enabled' };
const form = document.getElementById('member-form');
let staff;
let editing = null;

function roleNames(roles) {
  return roles.map((role) => ROLE_NAMES[role] || role).join(', ');
}

function status(member) {
  if (member.signInPending) return 'Sign-in not updated yet: change and save again';
  return member.enabled ? 'Can sign in' : 'Disabled: has left';
}

function renderMembers() {
  const rows = staff.members.map((member) => {
    const change = h('button', { class: 'link-button', type: 'button', text: 'Change', 'aria-label': `Change ${member.name}` });
    change.addEventListener('click', () => renderForm(member));
    return h('tr', {}, [
      h('th', { scope: 'row', text: member.name }),
      h('td', { text: member.email }),
      h('td', { text: roleNames(member.roles) }),
      h('td', { text: member.unitName || 'Across units' }),
      h('td', { text: status(member) }),
      h('td', {}, change),
    ]);
  });
  document.getElementById('members').replaceChildren(staff.members.length
    ? h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Staff', tabindex: '0' }, h('table', { class: 'table' }, [
      h('caption', { class: 'table__caption', text: `Staff (${staff.members.length})` }),
      h('thead', {}, h('tr', {}, ['Name', 'Email', 'Roles', 'Unit', 'Sign-in', 'Actions'].map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, rows),
    ]))
    : h('p', { text: 'Nobody is on the staff list yet.' }));
}

function renderForm(member) {
  editing = member || null;
  clearFieldErrors(form);
  const unit = h('select', { class: 'select' }, [
    h('option', { value: '', text: 'No unit: works across units' }),
    ...staff.units.map((each) => h('option', { value: each.id, text: each.name, selected: member && member.unitId === each.id })),
  ]);
  const fields = [
    member
      ? h('p', {}, [h('strong', { text: 'Email: ' }), member.email])
      : formGroup({ id: 'email', label: 'Work email address', hint: 'The invitation to sign in goes here; it cannot be changed later.', control: h('input', { class: 'input', type: 'email', autocomplete: 'off', spellcheck: 'false' }) }),
    formGroup({ id: 'name', label: 'Name', hint: 'As colleagues and residents will see it.', control: h('input', { class: 'input', type: 'text', autocomplete: 'off', value: member ? member.name : '' }) }),
    choiceGroup({ id: 'roles', name: 'roles', type: 'checkbox', legend: 'Roles', hint: 'Choose one or more.', options: staff.roles.map((role) => [role, ROLE_NAMES[role] || role, ROLE_HINTS[role]]), checked: member ? member.roles : [] }),
    formGroup({ id: 'unitId', label: 'Unit', hint: 'An officer works in one unit.', control: unit }),
  ];
  if (member) {
    fields.push(choiceGroup({
      id: 'enabled', name: 'enabled', legend: 'Sign-in',
      options: [['yes', 'Works here: can sign in'], ['no', 'Has left: disable their sign-in', 'they get no requests, warnings or reports; their history stays']],
      checked: member.enabled ? 'yes' : 'no',
    }));
  }
  document.getElementById('member-fields').replaceChildren(...fields);
  document.getElementById('form-heading').textContent = member ? `Change ${member.name}` : 'Add a member of staff';
  document.getElementById('save').textContent = member ? 'Save changes' : 'Add and send the invitation';
  document.getElementById('add-another').hidden = !member;
  if (member) focusElement(document.getElementById('form-heading'));
}

function send() {
  const body = {
    name: document.getElementById('name').value,
    roles: [...form.querySelectorAll('input[name="roles"]:checked')].map((input) => input.value),
    unitId: document.getElementById('unitId').value || null,
  };
  if (!editing) return staffApi('/staff/members', { method: 'POST', body: { ...body, email: document.getElementById('email').value } });
  body.enabled = form.querySelector('input[name="enabled"]:checked')?.value !== 'no';
  body.version = editing.version;
  return staffApi(`/staff/members/${encodeURIComponent(editing.id)}`, { method: 'PUT', body });
}

await startListPage({
  path: '/staff/members',
  show(data) {
    staff = data;
    renderMembers();
    // The one being changed, as the list now has them: a save after someone else's change goes on from theirs.
    if (editing) editing = staff.members.find((member) => member.id === editing.id) || null;
  },
  edit: renderForm,
  form,
  newButton: 'add-another',
  send,
  fieldIds: FIELD_IDS,
  // Someone else's change, or a change saved on the list but not yet in sign-in: the list is shown as it is now.
  reloadOn: [409, 502],
  saved: (data, status) => (status === 201
    ? `Added ${data.name}. The invitation to sign in has gone to ${data.email}.`
    : `Saved ${data.name}: ${data.enabled ? roleNames(data.roles) : 'disabled'}.`),
});
