import { api, h, announce, summaryList } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary } from '../../js/forms.js';
import { staffApi, signInMessage } from './staff-api.js';

const summary = document.getElementById('error-summary');
const select = document.getElementById('facility');
const calendar = document.getElementById('calendar');

function problem(status, data) {
  showErrorSummary(summary, [{ message: signInMessage(status) || data.message || 'Something went wrong.' }]);
}

async function start() {
  const { ok, data } = await api('/facilities');
  if (!ok) return;
  data.facilities.forEach((f) => select.append(h('option', { value: f.id, text: f.name })));
  document.getElementById('from').value = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Perth' }).format(new Date());
}

async function show() {
  const { ok, status, data } = await staffApi(`/staff/facilities/${encodeURIComponent(select.value)}/calendar?from=${document.getElementById('from').value}&days=7`);
  if (!ok) { problem(status, data); return; }
  hideErrorSummary(summary);
  calendar.replaceChildren(h('h2', { text: `${data.facility.name}: week from ${data.from}` }),
    data.entries.length ? h('ul', {}, data.entries.map((e) => h('li', {}, [
      h('strong', { text: `${e.label} ` }),
      e.booking.kind === 'block' ? `Blocked: ${e.booking.purpose}`
        : `${e.booking.displayReference} · ${e.booking.statusLabel} · ${e.booking.contact ? e.booking.contact.name || '' : ''} · ${e.booking.purpose || ''}`,
      e.booking.kind === 'booking' && (e.booking.status === 'confirmed' || e.booking.status === 'held') ? cancelButton(e.booking) : null,
    ]))) : h('p', { text: 'Nothing booked this week.' }));
  announce('Calendar updated.');
}

function cancelButton(booking) {
  const button = h('button', { class: 'link-button', type: 'button', text: `Cancel ${booking.displayReference}` });
  button.addEventListener('click', async () => {
    const reason = prompt('Reason for cancelling (the resident is told):');
    if (!reason) return;
    const { ok, status, data } = await staffApi(`/staff/bookings/${booking.reference}/cancel`, { method: 'POST', body: { reason } });
    if (!ok) problem(status, data); else show();
  });
  return button;
}

document.getElementById('calendar-form').addEventListener('submit', (event) => { event.preventDefault(); show(); });
document.getElementById('block-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = (id) => document.getElementById(id).value || undefined;
  const { ok, status, data } = await staffApi(`/staff/facilities/${encodeURIComponent(select.value)}/blackouts`, {
    method: 'POST', body: { date: value('block-date'), until: value('block-until'), start: value('block-start'), end: value('block-end'), reason: value('block-reason') },
  });
  if (!ok) { problem(status, data); return; }
  announce('Blocked out.');
  show();
});
document.getElementById('feed-button').addEventListener('click', async () => {
  const { ok, status, data } = await staffApi(`/staff/facilities/${encodeURIComponent(select.value)}/feed-links`, { method: 'POST', body: {} });
  if (!ok) { problem(status, data); return; }
  const base = ((window.CIVICDESK && window.CIVICDESK.api) || '/api').replace(/\/+$/, '');
  const url = new URL(base + data.feedPath, location.href).href;
  document.getElementById('feed-link').replaceChildren(h('a', { href: url, text: url }));
});

start();
