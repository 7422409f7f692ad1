// A booking's payments on the staff bookings page: every payment, attempt and refund, and the two things staff do —
// take the payment at the counter for the resident (recorded as theirs), and release the bond after the booking.
import { h, announce } from '../../js/core.js';
import { staffApi } from './session.js';

export const dollars = (cents) => `${cents < 0 ? '-' : ''}$${(Math.abs(cents) / 100).toFixed(2)}`;

function paymentRows(payment) {
  const how = payment.method === 'counter' ? `at the counter by ${payment.takenBy}` : 'online';
  return h('li', {}, [
    h('strong', { text: `${dollars(payment.amountCents)} ${how}: ${payment.state.toLowerCase()}` }),
    payment.bondCents ? ` (bond ${dollars(payment.bondCents)})` : '',
    h('ul', {}, [
      ...payment.attempts.map((a) => h('li', { text: `${a.at} ${a.outcome}${a.detail ? ` (${a.detail})` : ''}` })),
      ...payment.refunds.map((r) => h('li', { text: `${r.at} refund ${dollars(r.amountCents)}, ${r.reason}: ${r.state}${r.by ? ` by ${r.by}` : ''}` })),
    ]),
  ]);
}

/** A "Payments" button for a booking; its panel opens in {@code region}. onProblem(data) shows a refusal. */
export function paymentsButton(booking, region, onProblem) {
  const open = h('button', { class: 'link-button', type: 'button', text: `Payments for ${booking.displayReference}` });
  async function show() {
    const { ok, data } = await staffApi(`/staff/bookings/${booking.reference}/payments`);
    if (!ok) { onProblem(data); return; }
    const act = (label, path, done) => {
      const button = h('button', { class: 'button button--secondary', type: 'button', text: label });
      button.addEventListener('click', async () => {
        const answer = await staffApi(path, { method: 'POST', body: {} });
        if (!answer.ok) { onProblem(answer.data); return; }
        announce(done);
        show();
      });
      return button;
    };
    const canRelease = data.bondCents > 0 && !data.bondReleased && data.status === 'confirmed' && data.heldCents >= data.bondCents;
    region.replaceChildren(
      h('h2', { id: 'payments-heading', tabindex: '-1', text: `Payments for ${booking.displayReference}` }),
      h('p', { text: `Total ${dollars(data.totalCents)} · held ${dollars(data.heldCents)} · bond ${dollars(data.bondCents)}${data.bondReleased ? ' (released)' : ''}` }),
      data.payments.length ? h('ul', {}, data.payments.map(paymentRows)) : h('p', { text: 'No payments yet.' }),
      data.dueCents > 0 ? act(`Take ${dollars(data.dueCents)} at the counter`, `/staff/bookings/${booking.reference}/payments`, 'Payment recorded.') : null,
      canRelease ? act(`Release the ${dollars(data.bondCents)} bond`, `/staff/bookings/${booking.reference}/bond-release`, 'Bond released.') : null,
    );
    document.getElementById('payments-heading').focus();
  }
  open.addEventListener('click', show);
  return open;
}
