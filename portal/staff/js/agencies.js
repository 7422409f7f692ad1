// Client agencies (administrators; account managers their own): GET and POST /staff/agencies, GET and PUT
// /staff/agencies/{agencyId}, POST /staff/agencies/{agencyId}/agreements (docs/agencies.md).
import { h, announce, focusElement, formatDate, NetworkError } from '../../js/core.js';
import { formGroup, choiceGroup, clearFieldErrors, hideErrorSummary } from '../../js/forms.js';
import { staffApi, showProblem, problemFor } from './session.js';
import { startListPage, showRefusal } from './list-page.js';
import { startBenchmarks } from './agency-benchmarks.js';
import { showStoredReports } from './agency-reports.js';

const FIELD_IDS = {
  id: 'agency-id', name: 'agency-name', accountManagerId: 'account-manager', contacts: 'contact-name',
  'contacts[0].role': 'contact-role', 'contacts[0].name': 'contact-name', 'contacts[0].email': 'contact-email', serviceIds: 'services',
};
const AGREEMENT_IDS = { effectiveFrom: 'effective-from', reviewDate: 'review-date', frequency: 'frequency', priceCents: 'price', targets: 'agreement-fields' };
const ROLES = [['corporate-purchaser', 'Corporate purchaser'], ['business-manager', 'Business manager'], ['function-manager', 'Function manager']];
const form = document.getElementById('agency-form');
let overview;
let opened;

function hours(n) { return `${n} business hour${n === 1 ? '' : 's'}`; }

function agreementText(agreement) {
  if (!agreement) return 'No agreement in force';
  const price = agreement.priceCents == null ? 'not charged' : `$${(agreement.priceCents / 100).toFixed(2)} a request`;
  return `Version ${agreement.version}, from ${formatDate(agreement.effectiveFrom)}: reported ${agreement.frequency}, ${price}`;
}

function renderList(data) {
  overview = data;
  document.getElementById('add').hidden = !data.canAdd;
  const managers = Object.fromEntries(data.accountManagers.map((m) => [m.id, m.name]));
  const rows = data.agencies.map((agency) => {
    const open = h('button', { class: 'link-button', type: 'button', text: agency.name, 'aria-label': `Open ${agency.name}` });
    open.addEventListener('click', () => openAgency(agency.id).catch(failed));
    return h('tr', {}, [
      h('th', { scope: 'row' }, open),
      h('td', { text: managers[agency.accountManagerId] || agency.accountManagerId }),
      h('td', { text: agreementText(agency.agreement) }),
      h('td', { text: agency.nextReview ? formatDate(agency.nextReview) : '' }),
      h('td', { text: String(agency.open) }),
    ]);
  });
  document.getElementById('agencies').replaceChildren(data.agencies.length
    ? h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Client agencies', tabindex: '0' }, h('table', { class: 'table' }, [
      h('caption', { class: 'table__caption', text: `Client agencies (${data.agencies.length})` }),
      h('thead', {}, h('tr', {}, ['Agency', 'Account manager', 'Agreement', 'Next review', 'Open requests'].map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, rows),
    ]))
    : h('p', { text: 'There are no client agencies you manage yet.' }));
}

function renderForm() {
  if (!overview || !overview.canAdd) return;
  const manager = h('select', { class: 'select' }, overview.accountManagers.map((m) => h('option', { value: m.id, text: m.name })));
  const role = h('select', { class: 'select' }, ROLES.map(([value, text]) => h('option', { value, text })));
  document.getElementById('agency-fields').replaceChildren(
    formGroup({ id: 'agency-id', label: 'Short id', hint: 'Lower-case letters, digits and hyphens, like libraries.', control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }) }),
    formGroup({ id: 'agency-name', label: 'Name', control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }) }),
    formGroup({ id: 'account-manager', label: 'Account manager', control: manager }),
    formGroup({ id: 'contact-role', label: 'Contact’s role', control: role }),
    formGroup({ id: 'contact-name', label: 'Contact’s name', hint: 'They receive the agency’s reports by email.', control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }) }),
    formGroup({ id: 'contact-email', label: 'Contact’s email', control: h('input', { class: 'input', type: 'email', autocomplete: 'off', spellcheck: 'false' }) }),
    choiceGroup({ id: 'services', legend: 'Services the agreement covers', type: 'checkbox', options: overview.services.map((s) => [s.id, s.name]), checked: [] }),
  );
}

function value(id) { return document.getElementById(id).value.trim(); }

function newAgency() {
  return staffApi('/staff/agencies', {
    method: 'POST',
    body: {
      id: value('agency-id'), name: value('agency-name'), accountManagerId: value('account-manager'),
      contacts: [{ role: value('contact-role'), name: value('contact-name'), email: value('contact-email') }],
      serviceIds: [...document.querySelectorAll('input[name="services"]:checked')].map((input) => input.value),
    },
  });
}

function targetRows(agency) {
  const names = Object.fromEntries(agency.services.map((s) => [s.id, s.name]));
  const standard = Object.fromEntries(agency.standard.map((s) => [s.serviceId, s]));
  return (agency.inForce ? agency.inForce.targets : []).map((target) => {
    const ours = standard[target.serviceId];
    const text = target.standard
      ? `Standard: response ${hours(ours.firstResponseHours)}, resolution ${hours(ours.resolutionHours)}`
      : `Own: response ${hours(target.firstResponseHours)}, resolution ${hours(target.resolutionHours)}`;
    return h('tr', {}, [h('th', { scope: 'row', text: names[target.serviceId] || target.serviceId }),
      h('td', { text: target.priority || 'any' }), h('td', { text })]);
  });
}

function renderAgency(agency) {
  opened = agency;
  document.getElementById('agency').hidden = false;
  document.getElementById('agency-heading').textContent = agency.name;
  const contacts = h('ul', { class: 'list' }, agency.contacts.map((c) => h('li', {
    text: `${c.name} (${ROLES.find(([v]) => v === c.role)[1]}), ${c.email}${c.unsubscribed ? ' – unsubscribed' : ''}`,
  })));
  document.getElementById('agency-detail').replaceChildren(
    h('p', { text: agreementText(agency.inForce) + (agency.inForce ? `; review ${formatDate(agency.inForce.reviewDate)}` : '') }),
    h('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Targets', tabindex: '0' }, h('table', { class: 'table' }, [
      h('caption', { class: 'table__caption', text: 'Targets in force' }),
      h('thead', {}, h('tr', {}, ['Service', 'Priority', 'Target'].map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, targetRows(agency)),
    ])),
    h('h3', { text: 'Contacts' }), contacts,
  );
  const frequency = h('select', { class: 'select' }, ['quarterly', 'monthly', 'weekly'].map((f) => h('option', { value: f, text: f })));
  const current = agency.inForce;
  if (current) frequency.value = current.frequency;
  const fields = [
    formGroup({ id: 'effective-from', label: 'Takes effect on', hint: 'As YYYY-MM-DD.', control: h('input', { class: 'input', type: 'date' }) }),
    formGroup({ id: 'review-date', label: 'Next review', hint: 'As YYYY-MM-DD.', control: h('input', { class: 'input', type: 'date', value: current ? current.reviewDate : '' }) }),
    formGroup({ id: 'frequency', label: 'Reported', control: frequency }),
    formGroup({ id: 'price', label: 'Price of a request in cents (optional)', hint: 'Leave empty when the agency is not charged.', control: h('input', { class: 'input', type: 'text', inputmode: 'numeric', value: current && current.priceCents != null ? String(current.priceCents) : '' }) }),
  ];
  (current ? current.targets : []).forEach((target, i) => {
    fields.push(formGroup({ id: `response-${i}`, label: `${target.serviceId}${target.priority ? ` (${target.priority})` : ''}: first response in business hours`, hint: 'Empty for the standard.', control: h('input', { class: 'input', type: 'text', inputmode: 'numeric', value: target.standard ? '' : String(target.firstResponseHours) }) }));
    fields.push(formGroup({ id: `resolution-${i}`, label: `${target.serviceId}${target.priority ? ` (${target.priority})` : ''}: resolution in business hours`, hint: 'Empty for the standard.', control: h('input', { class: 'input', type: 'text', inputmode: 'numeric', value: target.standard ? '' : String(target.resolutionHours) }) }));
  });
  document.getElementById('agreement-fields').replaceChildren(...fields);
  // Its issue log and meeting notes are agency-log.js's.
  document.dispatchEvent(new CustomEvent('agency-opened', { detail: { id: agency.id } }));
}

function whole(id) { const text = value(id); return text === '' ? null : (/^\d+$/.test(text) ? Number(text) : text); }

async function openAgency(agencyId) {
  const { ok, data } = await staffApi(`/staff/agencies/${encodeURIComponent(agencyId)}`);
  if (!ok) return showRefusal(data);
  renderAgency(data);
  focusElement(document.getElementById('agency-heading'));
  await showStoredReports(data, failed);
  return undefined;
}

async function saveAgreement(event) {
  event.preventDefault();
  const agreementForm = document.getElementById('agreement-form');
  clearFieldErrors(agreementForm);
  const ids = { ...AGREEMENT_IDS };
  const targets = (opened.inForce ? opened.inForce.targets : []).map((target, i) => {
    ids[`targets[${i}].firstResponseHours`] = `response-${i}`;
    ids[`targets[${i}].resolutionHours`] = `resolution-${i}`;
    return { serviceId: target.serviceId, priority: target.priority, firstResponseHours: whole(`response-${i}`), resolutionHours: whole(`resolution-${i}`) };
  });
  const { ok, data } = await staffApi(`/staff/agencies/${encodeURIComponent(opened.id)}/agreements`, {
    method: 'POST',
    body: { effectiveFrom: value('effective-from'), reviewDate: value('review-date'), frequency: value('frequency'), priceCents: whole('price'), targets },
  });
  if (!ok) return showRefusal(data, ids);
  hideErrorSummary(document.getElementById('error-summary'));
  renderAgency(data);
  announce(`Saved version ${data.versions[data.versions.length - 1].version} of ${data.name}’s agreement.`);
  return undefined;
}

function failed(error) {
  if (error instanceof NetworkError) showRefusal({ message: 'We could not reach the staff service. Check you are online and try again.' });
  else showProblem(...problemFor(error));
}

const reload = await startListPage({
  path: '/staff/agencies',
  show: renderList,
  edit: renderForm,
  form,
  newButton: 'add-another',
  send: newAgency,
  fieldIds: FIELD_IDS,
  saved: (data) => `Added ${data.name}, on the standard template.`,
});
if (reload) {
  document.getElementById('agreement-form').addEventListener('submit', (event) => saveAgreement(event).catch(failed));
  await startBenchmarks(failed);
}
