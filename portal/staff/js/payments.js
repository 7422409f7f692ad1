// The finance officer's daily reconciliation: the day's payment ledger against the bookings and service fees, what is
// missing a payment, mismatches flagged; and a service's fee refunded.
import { h, announce } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary } from '../../js/forms.js';
import { startStaffPage, staffApi, staffDownload, showProblem, problemFor } from './session.js';
import { dollars } from './booking-payments.js';

const summary = document.getElementById('error-summary');
const day = document.getElementById('day');
const result = document.getElementById('day-result');

function problem(data) {
  showErrorSummary(summary, [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]);
}

async function show() {
  const { ok, data } = await staffApi(`/staff/payments/reconciliation?date=${encodeURIComponent(day.value)}`);
  if (!ok) { problem(data); return; }
  hideErrorSummary(summary);
  const header = ['Time', 'For', 'Entry', 'Method', 'Amount', 'Status', 'Held', 'Expected', 'Flag'];
  result.replaceChildren(
    h('p', { text: `Received ${dollars(data.receivedCents)} · refunded ${dollars(data.refundedCents)} · ${data.mismatches} flagged` }),
    data.lines.length ? h('table', { class: 'table' }, [
      h('caption', { class: 'visually-hidden', text: `Payments on ${data.day}` }),
      h('thead', {}, h('tr', {}, header.map((text) => h('th', { scope: 'col', text })))),
      h('tbody', {}, data.lines.map((l) => h('tr', {}, [l.at, `${l.kind === 'request' ? 'Request' : 'Booking'} ${l.reference}`, l.entry, l.method, dollars(l.amountCents),
        l.bookingStatus, dollars(l.heldCents), dollars(l.expectedCents), l.flag].map((text) => h('td', { text }))))),
    ]) : h('p', { text: 'No payments, refunds or unpaid items that day.' }));
  announce('Reconciliation updated.');
}

// A service's fee given back (withdrawn, not the council's, not done); asked again, nothing more is given.
document.getElementById('refund-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const reference = document.getElementById('refund-reference').value.trim().replace(/-/g, '').toUpperCase();
  const reason = document.getElementById('refund-reason').value;
  if (!reference) { showErrorSummary(summary, [{ message: 'Give the request\'s reference, like 7K2M-Q9XH.', href: '#refund-reference' }]); return; }
  const { ok, data } = await staffApi(`/staff/requests/${encodeURIComponent(reference)}/fee-refund`, { method: 'POST', body: { reason } });
  if (!ok) { problem(data); return; }
  hideErrorSummary(summary);
  announce(data.changed ? `Refunded: ${reference} now holds ${dollars(data.heldCents)}.` : `${reference}'s fee was refunded already.`);
  await show();
});

document.getElementById('day-form').addEventListener('submit', (event) => { event.preventDefault(); show(); });
document.getElementById('csv-button').addEventListener('click', async () => {
  const { ok, blob, data } = await staffDownload(`/staff/payments/reconciliation.csv?date=${encodeURIComponent(day.value)}`);
  if (!ok) { problem(data); return; }
  const link = h('a', { href: URL.createObjectURL(blob), download: `payments-reconciliation-${day.value}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  announce('CSV downloaded.');
});

try {
  day.value = new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Perth' }).format(new Date());
  if (await startStaffPage()) await show();
} catch (error) {
  showProblem(...problemFor(error));
}
