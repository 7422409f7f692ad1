import { api, h, announce, summaryList } from '../../js/core.js';
import { sendOnce } from '../../js/send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from '../../js/forms.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';
import { paymentsButton } from './booking-payments.js';

const summary = document.getElementById('error-summary');
const select = document.getElementById('facility');
const calendar = document.getElementById('calendar');

function problem(data) {
  showErrorSummary(summary, [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]);
}

async function start() {
  const { ok, data } = await api('/facilities');
  if (!ok) return;
  data.facilities.forEach((f) => select.append(h('option', { value: f.id, text: f.name })));
  document.getElementById('from').value = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Perth' }).format(new Date());
  // The first facility's week straight away: what staff open the page to see.
  await show();
}

async function show() {
  const { ok, data } = await staffApi(`/staff/facilities/${encodeURIComponent(select.value)}/calendar?from=${document.getElementById('from').value}&days=7`);
  if (!ok) { problem(data); return; }
  hideErrorSummary(summary);
  calendar.replaceChildren(h('h2', { text: `${data.facility.name}: week from ${data.from}` }),
    data.entries.length ? h('ul', {}, data.entries.map((e) => h('li', {}, [
      h('strong', { text: `${e.label} ` }),
      e.booking.kind === 'block' ? `Blocked: ${e.booking.purpose}`
        : `${e.booking.displayReference} · ${e.booking.statusLabel} · ${e.booking.contact ? e.booking.contact.name || '' : ''} · ${e.booking.purpose || ''}`,
      e.booking.kind === 'booking' && ['confirmed', 'held', 'paying'].includes(e.booking.status) ? cancelButton(e.booking) : null,
      e.booking.kind === 'booking' && e.booking.quote && e.booking.quote.totalCents > 0
        ? paymentsButton(e.booking, document.getElementById('payments'), problem) : null,
    ]))) : h('p', { text: 'Nothing booked this week.' }));
  announce('Calendar updated.');
}

/** Cancelling asks for the reason the resident will be told, in the page rather than a browser prompt. */
function cancelButton(booking) {
  const reasonId = `cancel-reason-${booking.reference}`;
  const reason = h('div', { class: 'form-group' }, [
    h('label', { class: 'label', for: reasonId, text: `Reason for cancelling ${booking.displayReference} (the resident is told)` }),
    h('input', { class: 'input', id: reasonId, type: 'text' })]);
  const confirm = h('button', { class: 'button button--secondary', type: 'button', text: `Cancel ${booking.displayReference}` });
  const form = h('div', { hidden: true }, [reason, confirm]);
  const open = h('button', { class: 'link-button', type: 'button', text: `Cancel ${booking.displayReference}…`, 'aria-expanded': 'false' });
  open.addEventListener('click', () => {
    form.hidden = false;
    open.setAttribute('aria-expanded', 'true');
    document.getElementById(reasonId).focus();
  });
  confirm.addEventListener('click', async () => {
    const { ok, data } = await staffApi(`/staff/bookings/${booking.reference}/cancel`, { method: 'POST', body: { reason: document.getElementById(reasonId).value } });
    if (!ok) problem(data); else show();
  });
  return h('div', {}, [open, form]);
}

document.getElementById('calendar-form').addEventListener('submit', (event) => { event.preventDefault(); show(); });
document.getElementById('block-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const value = (id) => document.getElementById(id).value || undefined;
  const { ok, data } = await staffApi(`/staff/facilities/${encodeURIComponent(select.value)}/blackouts`, {
    method: 'POST', body: { date: value('block-date'), until: value('block-until'), start: value('block-start'), end: value('block-end'), reason: value('block-reason') },
  });
  if (!ok) { problem(data); return; }
  announce('Blocked out.');
  show();
});
// The server names fields by their place in the body; the form's inputs are named after them.
const BEHALF_FIELDS = { date: 'behalf-date', start: 'behalf-start', end: 'behalf-end', purpose: 'behalf-purpose',
  attendance: 'behalf-attendance', 'contact.name': 'behalf-name', 'contact.email': 'behalf-email',
  'contact.phone': 'behalf-phone', termsAccepted: 'behalf-terms' };

document.getElementById('behalf-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const value = (id) => document.getElementById(id).value.trim() || undefined;
  const booking = { facilityId: select.value, date: value('behalf-date'), start: value('behalf-start'), end: value('behalf-end'),
    // A count is sent as a JSON number: the API takes no text for numbers.
    purpose: value('behalf-purpose'), attendance: value('behalf-attendance') === undefined ? undefined : Number(value('behalf-attendance')),
    contact: { name: value('behalf-name'), email: value('behalf-email'), phone: value('behalf-phone') },
    termsAccepted: document.getElementById('behalf-terms').checked };
  // Pressing Book again after a dropped connection reuses the booking's key: it cannot book twice.
  const { ok, data } = await sendOnce('staff.booking', booking, (headers) => staffApi('/staff/bookings', { method: 'POST', headers, body: booking }));
  clearFieldErrors(form);
  if (!ok) {
    const errors = (data.errors || []).map(({ field, message }) => ({ fieldId: BEHALF_FIELDS[field], message }));
    errors.forEach(({ fieldId, message }) => setFieldError(fieldId, message));
    showErrorSummary(summary, errors.length ? errors : [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]);
    return;
  }
  hideErrorSummary(summary);
  form.reset();
  document.getElementById('behalf-result').textContent = `Booked: ${data.displayReference}, ${data.statusLabel || data.status}. The caller has been sent the confirmation.`;
  show();
});

document.getElementById('feed-button').addEventListener('click', async () => {
  const { ok, data } = await staffApi(`/staff/facilities/${encodeURIComponent(select.value)}/feed-links`, { method: 'POST', body: {} });
  if (!ok) { problem(data); return; }
  const base = ((window.CIVICDESK && window.CIVICDESK.api) || '/api').replace(/\/+$/, '');
  const url = new URL(base + data.feedPath, location.href).href;
  document.getElementById('feed-link').replaceChildren(h('a', { href: url, text: url }));
});

try {
  if (await startStaffPage()) await start();
} catch (error) {
  showProblem(...problemFor(error));
}
