// The resident's private link: see the booking, change its time, or cancel it. The key rides in the fragment
// (#key=…) and goes to the API only in the X-Private-Key header.
import { api, h, setTitle, focusElement, summaryList } from './core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from './forms.js';
import { t } from './i18n.js';
import { payPanel, keepKey, keptKey } from './pay.js';

const reference = new URLSearchParams(location.search).get('ref') || '';
// Back from the payment provider's page (?paid=1 or 0), the key is the one this tab kept before going there.
const key = new URLSearchParams(location.hash.slice(1)).get('key') || keptKey(reference);
const paid = new URLSearchParams(location.search).get('paid');
let waited = 0;
const result = document.getElementById('result');
const heading = document.getElementById('heading');
const summary = document.getElementById('error-summary');
const headers = key ? { 'X-Private-Key': key } : {};

async function load(focus = false) {
  const { ok, status, data } = await api(`/bookings/${encodeURIComponent(reference)}`, { headers }).catch(() => ({ ok: false }));
  result.removeAttribute('aria-busy');
  if (!ok) {
    heading.textContent = status === 404 ? t('booking.notFound') : t('booking.problem');
    result.replaceChildren(h('p', { text: status === 404 ? t('booking.checkLink') : t('booking.later') }));
    return;
  }
  keepKey(reference, key);
  show(data);
  // The provider's webhook normally lands before the resident is sent back; if not, look again shortly.
  if (paid === '1' && data.status === 'paying' && waited < 10) { waited += 1; setTimeout(load, 1500); }
  if (focus) focusElement(heading);
}

function show(booking) {
  heading.textContent = t('booking.reference', { reference: booking.displayReference });
  setTitle([heading.textContent]);
  const rows = [
    [t('track.status'), h('strong', { class: `tag tag--${booking.status}`, text: booking.statusLabel })],
    [t('booking.facility'), `${booking.facility.name}, ${booking.facility.address}`],
    [t('booking.when'), booking.occurrences.map((o) => o.label).join('\n')],
  ];
  if (booking.private) {
    rows.push([t('booking.purpose'), booking.purpose || ''], [t('booking.people'), String(booking.attendance)]);
    if (booking.contact) rows.push([t('booking.contact'), `${booking.contact.name || ''}\n${booking.contact.email || ''}`]);
    if (booking.quote) rows.push([t('booking.fee'), t('booking.feeBond', { total: booking.quote.total, bond: booking.quote.bond })]);
    if (booking.statusReason) rows.push([t('booking.reason'), booking.statusReason]);
  }
  const parts = [summaryList(rows)];
  if (!booking.private) {
    parts.push(h('p', { text: t('booking.privateLink') }));
  }
  if (paid === '1' && booking.status === 'paying') parts.push(h('p', { class: 'inset-text', text: t('pay.waiting') }));
  if (paid === '1' && booking.status !== 'paying' && booking.status !== 'expired') parts.push(h('p', { class: 'inset-text', text: t('pay.thanks') }));
  if (paid === '0' && booking.canPay) parts.push(h('p', { class: 'inset-text', text: t('pay.notPaid') }));
  if (booking.canPay && key) parts.push(payPanel(booking, key, (message) => showErrorSummary(summary, [{ message }])));
  if (booking.canChange) parts.push(changeForm(booking));
  if (booking.canCancel) {
    const cancel = h('button', { class: 'button button--secondary', type: 'button', text: t('booking.cancel') });
    cancel.addEventListener('click', () => confirmCancel(booking));
    parts.push(h('h2', { text: t('booking.cancelHeading') }), cancel);
  } else if (booking.private && (booking.status === 'confirmed' || booking.status === 'held' || booking.status === 'paying')) {
    parts.push(h('p', { text: t('booking.tooClose') }));
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
    h('h2', { text: t('booking.changeTime') }),
    field('change-date', t('booking.date'), 'date', o.date),
    field('change-start', t('booking.start'), 'time', o.start),
    field('change-end', t('booking.end'), 'time', o.end),
    h('button', { class: 'button', type: 'submit', text: t('booking.change') }),
  ]);
  formEl.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { date: document.getElementById('change-date').value, start: document.getElementById('change-start').value,
      end: document.getElementById('change-end').value };
    const { ok, data } = await api(`/bookings/${encodeURIComponent(reference)}/change`, { method: 'POST', headers, body })
      .catch(() => ({ ok: false, data: { message: t('booking.offline') } }));
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
  const yes = h('button', { class: 'button', type: 'button', text: t('booking.yesCancel') });
  const no = h('button', { class: 'link-button', type: 'button', text: t('booking.keep') });
  result.replaceChildren(h('h2', { id: 'confirm-heading', text: t('booking.sure') }),
    h('p', { text: `${booking.facility.name}: ${booking.occurrences.map((o) => o.label).join('; ')}` }), yes, h('p', {}, no));
  focusElement(document.getElementById('confirm-heading'));
  no.addEventListener('click', () => load(true));
  yes.addEventListener('click', async () => {
    const { ok, data } = await api(`/bookings/${encodeURIComponent(reference)}/cancel`, { method: 'POST', headers, body: {} })
      .catch(() => ({ ok: false, data: { message: t('booking.offline') } }));
    if (!ok) { showErrorSummary(summary, [{ message: data.message }]); return; }
    show(data);
    heading.textContent = t('booking.cancelled');
    setTitle([t('booking.cancelled')]);
    focusElement(heading);
  });
}

load();
