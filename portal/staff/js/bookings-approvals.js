import { h, announce, focusElement } from '../../js/core.js';
import { showErrorSummary } from '../../js/forms.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';

const holder = document.getElementById('holds');
const summary = document.getElementById('error-summary');

async function load() {
  const { ok, data } = await staffApi('/staff/bookings/holds');
  if (!ok) {
    holder.replaceChildren();
    showErrorSummary(summary, [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]);
    return;
  }
  if (!data.holds.length) { holder.replaceChildren(h('p', { text: 'Nothing is waiting for approval.' })); return; }
  holder.replaceChildren(...data.holds.map((b) => {
    const reasonId = `reason-${b.reference}`;
    const approve = h('button', { class: 'button', type: 'button', text: `Approve ${b.displayReference}` });
    const decline = h('button', { class: 'button button--secondary', type: 'button', text: `Decline ${b.displayReference}` });
    approve.addEventListener('click', () => act(b, 'approve', {}));
    decline.addEventListener('click', () => act(b, 'decline', { reason: document.getElementById(reasonId).value }));
    return h('section', { class: 'availability-day' }, [
      h('h2', { text: `${b.facility.name}: ${b.displayReference}` }),
      h('p', { text: b.occurrences.map((o) => o.label).join('; ') }),
      h('p', { text: `${b.contact ? b.contact.name : ''} · ${b.attendance} people · ${b.purpose}` }),
      h('p', { class: 'secondary-text', text: `Lapses at ${b.holdExpiresAt}` }),
      approve,
      h('div', { class: 'form-group' }, [h('label', { class: 'label', for: reasonId, text: 'Reason if declining (the resident is told)' }),
        h('input', { class: 'input', id: reasonId, type: 'text' })]),
      decline,
    ]);
  }));
}

async function act(booking, action, body) {
  const { ok, data } = await staffApi(`/staff/bookings/${booking.reference}/${action}`, { method: 'POST', body });
  if (!ok) { showErrorSummary(summary, [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]); return; }
  announce(`${booking.displayReference} ${action === 'approve' ? 'approved' : 'declined'}.`);
  await load();
  focusElement(document.querySelector('h1'));
}

try {
  if (await startStaffPage()) await load();
} catch (error) {
  showProblem(...problemFor(error));
}
