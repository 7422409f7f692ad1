// Open311 API keys (admins): GET and POST /staff/open311/keys, POST /staff/open311/keys/{keyId}/revoke
// (docs/staff-api.md, docs/open311.md). A key is in the answer to its issue only: shown here once, then never again.
import { h, announce, focusElement, formatDateTime, API_BASE, NetworkError } from '../../js/core.js';
import { formGroup } from '../../js/forms.js';
import { staffApi, showProblem, problemFor } from './session.js';
import { startListPage, showRefusal } from './list-page.js';

const FIELD_IDS = { name: 'name', organisation: 'organisation' };
const form = document.getElementById('key-form');
let reload;

function statusText(key) {
  return key.revoked ? `Revoked ${formatDateTime(key.revokedAt)} by ${key.revokedBy}` : 'Active';
}

async function revoke(key) {
  try {
    const { ok, data } = await staffApi(`/staff/open311/keys/${encodeURIComponent(key.keyId)}/revoke`, { method: 'POST' });
    if (!ok) return showRefusal(data);
    await reload();
    announce(`Revoked the key for ${key.name}. Calls made with it are refused from now on.`);
  } catch (error) {
    if (error instanceof NetworkError) showRefusal({ message: 'We could not reach the staff service. Check you are online and revoke again.' });
    else showProblem(...problemFor(error));
  }
}

function renderKeys(data) {
  document.getElementById('endpoint').textContent = `${new URL(API_BASE, window.location.href).href.replace(/\/+$/, '')}/open311/v2/`;
  document.getElementById('allowance').textContent = `Each key may make ${data.callsPerMinute} calls a minute.`;
  const rows = data.keys.map((key) => {
    const action = key.revoked ? '' : h('button', { class: 'link-button', type: 'button', text: 'Revoke', 'aria-label': `Revoke the key for ${key.name}` });
    if (action) action.addEventListener('click', () => revoke(key));
    return h('tr', {}, [
      h('th', { scope: 'row', text: key.name }),
      h('td', { text: key.organisation || '' }),
      h('td', { text: `${formatDateTime(key.issuedAt)} by ${key.issuedBy}` }),
      h('td', { text: statusText(key) }),
      h('td', {}, action),
    ]);
  });
  document.getElementById('keys').replaceChildren(data.keys.length
    ? h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'API keys', tabindex: '0' }, h('table', { class: 'table' }, [
      h('caption', { class: 'table__caption', text: `API keys (${data.keys.length})` }),
      h('thead', {}, h('tr', {}, ['App', 'Organisation', 'Issued', 'Status', 'Actions'].map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, rows),
    ]))
    : h('p', { text: 'No API keys have been issued yet.' }));
}

function renderForm() {
  document.getElementById('key-fields').replaceChildren(
    formGroup({ id: 'name', label: 'App', hint: 'What the key is for, as you will recognise it later, like FixMyStreet.', control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }) }),
    formGroup({ id: 'organisation', label: 'Organisation (optional)', hint: 'Who runs the app.', control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }) }),
  );
}

function startAgain() {
  document.getElementById('issued').replaceChildren();
  document.getElementById('issue-another').hidden = true;
  renderForm();
}

/** The key just issued, shown this once, with the advice to copy it now. */
function showIssued(data) {
  const banner = h('div', { class: 'notification notification--success', role: 'region', 'aria-labelledby': 'issued-title', tabindex: '-1' }, [
    h('h2', { class: 'notification__title', id: 'issued-title', text: 'Key issued' }),
    h('div', { class: 'notification__content' }, [
      h('p', { class: 'notification__heading', text: `The key for ${data.apiKey.name}` }),
      h('p', {}, h('code', { id: 'issued-key', text: data.key })),
      h('p', { text: 'Copy it now and give it to the app’s administrator: it is not shown again. If it is lost, revoke it and issue another.' }),
    ]),
  ]);
  document.getElementById('issued').replaceChildren(banner);
  document.getElementById('issue-another').hidden = false;
  focusElement(banner);
  return `Issued a key for ${data.apiKey.name}. It is shown once, on this page.`;
}

reload = await startListPage({
  path: '/staff/open311/keys',
  show: renderKeys,
  edit: renderForm,
  form,
  newButton: 'issue-another',
  send: () => staffApi('/staff/open311/keys', { method: 'POST', body: { name: document.getElementById('name').value, organisation: document.getElementById('organisation').value || null } }),
  fieldIds: FIELD_IDS,
  saved: showIssued,
});
if (reload) document.getElementById('issue-another').addEventListener('click', startAgain);
