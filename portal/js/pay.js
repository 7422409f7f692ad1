// Paying for a booking on the payment provider's own page: the card never touches the council's site. The private
// key stays in this tab (sessionStorage) while the resident is away, so the page they come back to can show the booking.
import { api, h, formatDateTime } from './core.js';
import { t } from './i18n.js';

const KEPT = 'civicdesk.booking-key.';

export function keepKey(reference, key) {
  if (key) sessionStorage.setItem(KEPT + reference, key);
}

export function keptKey(reference) {
  return sessionStorage.getItem(KEPT + reference);
}

// "Held until …" and the button that opens the provider's page; onError(message) shows a failure.
export function payPanel(booking, key, onError) {
  const button = h('button', { class: 'button', type: 'button', id: 'pay-button',
    text: t('pay.now', { total: booking.quote ? booking.quote.total : '' }) });
  button.addEventListener('click', async () => {
    button.setAttribute('aria-disabled', 'true');
    keepKey(booking.reference, key);
    const { ok, data } = await api(`/bookings/${encodeURIComponent(booking.reference)}/checkout`,
      { method: 'POST', headers: { 'X-Private-Key': key }, body: {} }).catch(() => ({ ok: false, data: {} }));
    if (ok && data.checkoutUrl) { location.assign(data.checkoutUrl); return; }
    button.removeAttribute('aria-disabled');
    onError((data && data.message) || t('pay.failed'));
  });
  return h('div', { class: 'pay' }, [
    h('h2', { text: t('pay.heading') }),
    h('p', { text: t('pay.heldUntil', { time: formatDateTime(booking.holdExpiresAt, booking.timeZone) }) }),
    button,
    h('p', { class: 'secondary-text', text: t('pay.secure') }),
  ]);
}
