// The resident's private link: see the booking, change its time, or cancel it. The key rides in the fragment
// (#key=…) and goes to the API only in the X-Private-Key header.
import { api, h, setTitle, focusElement, summaryList } from './core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from './forms.js';

const reference = new URLSearchParams(location.search).get('ref') || '';
const key = new URLSearchParams(location.hash.slice(1)).get('key');
const result = document.getElementById('result');
const heading = document.getElementById('heading');
const summary = document.getElementById('error-summary');
const headers = key ? { 'X-Private-Key': key } : {};

async function load(focus = false) {
  const { ok, status, data } = await api(`/bookings/${encodeURIComponent(reference)}`, { headers }).catch(() => ({ ok: false }));
  result.removeAttribute('aria-busy');
  if (!ok) {
    heading.textContent = status === 404 ? 'Booking not found' : 'Sorry, there is a problem';
    result.replaceChildren(h('p', { text: status === 404 ? 'Check the link in your confirmation email.' : 'Please try again later.' }));
    return;
  }
  show(data);
  if (focus) focusElement(heading);
}

function show(booking) {
  heading.textContent = `Booking ${booking.displayReference}`;
  setTitle([`Booking ${booking.displayReference}`]);
  const rows = [
    ['Status', h('strong', { class: `tag tag--${booking.status}`, text: booking.statusLabel })],
    ['Facility', `${booking.facility.name}, ${booking.facility.address}`],
    ['When', booking.occurrences.map((o) => o.label).join('\n')],
  ];
  if (booking.private) {
    rows.push(['What it is for', booking.purpose || ''], ['People', String(booking.attendance)]);
    if (booking.contact) rows.push(['Contact', `${booking.contact.name || ''}\n${booking.contact.email || ''}`]);
    if (booking.quote) rows.push(['Fee', `${booking.quote.total} (bond ${booking.quote.bond})`]);
    if (booking.statusReason) rows.push(['Reason', booking.statusReason]);
  }
  const parts = [summaryList(rows)];
  if (!booking.private) {
    parts.push(h('p', { text: 'To change or cancel this booking, open the private link in your confirmation email.' }));
  }
  if (booking.canChange) parts.push(changeForm(booking));
  if (booking.canCancel) {
    const cancel = h('button', { class: 'button button--secondary', type: 'button', text: 'Cancel booking' });
    cancel.addEventListener('click', () => confirmCancel(booking));
    parts.push(h('h2', { text: 'Cancel' }), cancel);
  } else if (booking.private && (booking.status === 'confirmed' || booking.status === 'held')) {
    parts.push(h('p', { text: 'It is too close to the start to change or cancel online. Call us on (08) 9999 0000.' }));
  }
  result.replaceChildren(...parts);
}

function changeForm(booking) {
  const o = booking.occurrences[0];
  const field = (id, label, type, value) => h('div', { class: 'form-group' }, [
    h('label', { class: 'label', for: id, text: label }),
    h('input', { class: `input ${type === 'date' ? 'input--width-10' : 'input--width-5'}`, id, name: id, type, value }),
  ]);
  const formEl = h('form', { id: 'change-form', novalidate: true }, [
    h('h2', { text: 'Change the time' }),
    field('change-date', 'Date', 'date', o.date),
    field('change-start', 'Start time', 'time', o.start),
    field('change-end', 'End time', 'time', o.end),
    h('button', { class: 'button', type: 'submit', text: 'Change booking' }),
  ]);
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { date: document.getElementById('change-date').value, start: document.getElementById('change-start').value,
      end: document.getElementById('change-end').value };
    const { ok, data } = await api(`/bookings/${encodeURIComponent(reference)}/change`, { method: 'POST', headers, body })
      .catch(() => ({ ok: false, data: { message: 'We could not reach the booking system. Try again.' } }));
    if (ok) { hideErrorSummary(summary); show(data); focusElement(heading); return; }
    clearFieldErrors(formEl);
    const ids = { date: 'change-date', start: 'change-start', end: 'change-end' };
    const errors = (data.errors && data.errors.length ? data.errors : [{ field: null, message: data.message }])
      .map((e) => ({ fieldId: ids[e.field] || null, message: e.message }));
    errors.forEach((e) => e.fieldId && setFieldError(e.fieldId, e.message));
    showErrorSummary(summary, errors);
  });
  return formEl;
}

function confirmCancel(booking) {
  const yes = h('button', { class: 'button', type: 'button', text: 'Yes, cancel booking' });
  const no = h('button', { class: 'link-button', type: 'button', text: 'No, keep it' });
  result.replaceChildren(h('h2', { id: 'confirm-heading', text: 'Are you sure you want to cancel?' }),
    h('p', { text: `${booking.facility.name}: ${booking.occurrences.map((o) => o.label).join('; ')}` }), yes, h('p', {}, no));
  focusElement(document.getElementById('confirm-heading'));
  no.addEventListener('click', () => load(true));
  yes.addEventListener('click', async () => {
    const { ok, data } = await api(`/bookings/${encodeURIComponent(reference)}/cancel`, { method: 'POST', headers, body: {} })
      .catch(() => ({ ok: false, data: { message: 'We could not reach the booking system. Try again.' } }));
    if (!ok) { showErrorSummary(summary, [{ message: data.message }]); return; }
    show(data);
    heading.textContent = 'Booking cancelled';
    setTitle(['Booking cancelled']);
    focusElement(heading);
  });
}

load();
