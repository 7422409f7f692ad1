// One facility: its details, when it is free (week by week, in real time), and the booking flow:
// details → check your booking → confirmation with the private link.
import { api, h, NetworkError, setTitle, focusElement, announce, summaryList, formatDate, CHANNEL_LABELS } from './core.js';
import { sendOnce } from './send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, isMobile } from './forms.js';
import { t, language } from './i18n.js';
import { payPanel } from './pay.js';

const params = new URLSearchParams(location.search);
const facilityId = params.get('id') || '';
const summary = document.getElementById('error-summary');
const form = document.getElementById('booking-form');
const details = form.querySelector('[data-step="details"]');
const check = form.querySelector('[data-step="check"]');
const done = document.getElementById('done');
let facility;

const FIELD_IDS = {
  date: 'date', start: 'start', end: 'end', occurrences: 'occurrences', purpose: 'purpose', attendance: 'attendance',
  'contact.name': 'name', 'contact.email': 'email', 'contact.phone': 'phone', concession: 'concession',
  termsAccepted: 'termsAccepted', facilityId: 'date', preferredChannel: 'channel',
};

function todayInPerth() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Australia/Perth' }).format(new Date());
}

function list(items) {
  return h('ul', {}, items.map((item) => h('li', { text: item })));
}

async function load() {
  const { ok, status, data } = await api(`/facilities/${encodeURIComponent(facilityId)}`).catch(() => ({ ok: false }));
  const holder = document.getElementById('facility');
  holder.removeAttribute('aria-busy');
  if (!ok) {
    // 400: the link names something that is not a facility id at all.
    holder.replaceChildren(h('h1', { text: status === 404 || status === 400 ? t('facility.notFound') : t('booking.problem') }),
      h('p', {}, [h('a', { href: 'book.html', text: t('facility.choose') })]));
    return;
  }
  facility = data;
  setTitle([t('facility.book', { facility: facility.name })]);
  holder.replaceChildren(
    h('h1', { text: facility.name }),
    h('p', { class: 'lead', text: facility.description }),
    facility.photos && facility.photos.length ? h('p', {}, h('a', { href: facility.photos[0].url, text: t('facility.photo', { alt: facility.photos[0].alt }) })) : null,
    summaryList([
      [t('facility.address'), facility.address],
      [t('facility.capacity'), t('facility.upTo', { capacity: facility.capacity })],
      [t('facility.fees'), t('facility.feesText', { rate: facility.fee.hourlyRate, bond: facility.fee.bond })],
      [t('facility.hours'), facility.openingHours.map((d) => (d.closed ? t('facility.dayClosed', { day: d.day })
        : t('facility.dayOpen', { day: d.day, opens: d.opens, closes: d.closes }))).join('\n')],
    ]),
    h('h2', { text: t('facility.features') }), list(facility.features),
    h('h2', { text: t('facility.accessibility') }), list(facility.accessibility),
    h('h2', { text: t('facility.rules') }), list(facility.rules.rulesText),
  );
  const concessions = facility.fee.concessions || [];
  if (concessions.length) {
    const select = document.getElementById('concession');
    concessions.forEach((c) => select.append(h('option', { value: c.id, text: `${c.label} (${c.percentOff}% off the hire fee)` })));
    document.getElementById('concession-group').hidden = false;
  }
  document.getElementById('availability-section').hidden = false;
  form.hidden = false;
  document.getElementById('week-from').value = params.get('from') || todayInPerth();
  showWeek(document.getElementById('week-from').value);
}

async function showWeek(from) {
  const holder = document.getElementById('availability');
  holder.setAttribute('aria-busy', 'true');
  const { ok, data } = await api(`/facilities/${encodeURIComponent(facilityId)}/availability?from=${encodeURIComponent(from)}&days=7`)
    .catch(() => ({ ok: false }));
  holder.removeAttribute('aria-busy');
  if (!ok) {
    holder.replaceChildren(h('p', { text: t('facility.availabilityFailed') }));
    return;
  }
  holder.replaceChildren(...data.days.map((day) => h('div', { class: 'availability-day' }, [
    h('h3', { text: day.label }),
    h('p', { text: day.closed ? t('facility.closed')
      : day.free.length ? t('facility.freeTimes', { times: day.free.map((f) => t('facility.span', { from: f.from, to: f.to })).join(t('list.separator')) })
        : t('facility.noFree') }),
  ])));
  announce(t('facility.updated'));
}

function body() {
  const value = (id) => document.getElementById(id).value.trim();
  return {
    facilityId,
    date: value('date'),
    start: value('start'),
    end: value('end'),
    occurrences: Number(value('occurrences') || '1'),
    purpose: value('purpose'),
    attendance: value('attendance') === '' ? null : Number(value('attendance')),
    contact: { name: value('name'), email: value('email') || undefined, phone: value('phone') || undefined },
    preferredChannel: form.querySelector('input[name="channel"]:checked').value,
    concession: value('concession') || undefined,
    termsAccepted: document.getElementById('termsAccepted').checked,
    language,
  };
}

function localErrors(b) {
  const errors = [];
  if (!b.date) errors.push({ field: 'date', message: t('facility.dateMissing') });
  if (!b.start) errors.push({ field: 'start', message: t('facility.startMissing') });
  if (!b.end) errors.push({ field: 'end', message: t('facility.endMissing') });
  if (b.start && b.end && b.end <= b.start) errors.push({ field: 'end', message: t('facility.endBeforeStart') });
  if (!b.purpose) errors.push({ field: 'purpose', message: t('facility.purposeMissing') });
  if (!b.attendance || b.attendance < 1) errors.push({ field: 'attendance', message: t('facility.attendanceMissing') });
  if (!b.contact.name) errors.push({ field: 'contact.name', message: t('facility.nameMissing') });
  const texts = b.preferredChannel === 'sms';
  if ((b.contact.email || !texts) && !/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(b.contact.email || '')) {
    errors.push({ field: 'contact.email', message: t('facility.emailMissing') });
  }
  if (texts && !b.contact.phone) errors.push({ field: 'contact.phone', message: t('form.mobileMissing') });
  else if (texts && !isMobile(b.contact.phone)) errors.push({ field: 'contact.phone', message: t('form.mobileFormat') });
  if (!b.termsAccepted) errors.push({ field: 'termsAccepted', message: t('facility.termsMissing') });
  return errors;
}

function showErrors(errors) {
  clearFieldErrors(form);
  const shown = errors.map((e) => ({ fieldId: FIELD_IDS[e.field] || null, message: e.message }));
  shown.forEach((e) => e.fieldId && setFieldError(e.fieldId, e.message));
  setTitle([t('facility.book', { facility: facility.name })], { error: true });
  showStep(details, false);
  showErrorSummary(summary, shown);
}

function showStep(step, focus = true) {
  details.hidden = step !== details;
  check.hidden = step !== check;
  if (focus && step === check) focusElement(document.getElementById('check-heading'));
}

details.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const b = body();
  const errors = localErrors(b);
  if (errors.length) { showErrors(errors); return; }
  clearFieldErrors(form);
  hideErrorSummary(summary);
  const hours = (toMinutes(b.end) - toMinutes(b.start)) / 60;
  document.getElementById('answers').replaceChildren(summaryList([
    [t('booking.facility'), facility.name],
    [t('booking.date'), b.occurrences > 1 ? t('facility.weekly', { date: formatDate(b.date), weeks: b.occurrences }) : formatDate(b.date)],
    [t('facility.time'), t('facility.span', { from: b.start, to: b.end })],
    [t('booking.purpose'), b.purpose],
    [t('booking.people'), String(b.attendance)],
    [t('booking.contact'), [b.contact.name, b.contact.email && `${t('details.email')}: ${b.contact.email}`,
      b.contact.phone && `${t('details.phone')}: ${b.contact.phone}`].filter(Boolean).join('\n')],
    [t('details.updatesBy'), CHANNEL_LABELS[b.preferredChannel]],
  ]));
  const rate = facility.fee.hourlyRateCents / 100;
  document.getElementById('estimate').textContent = rate > 0
    ? t('facility.estimate', { fee: `$${(rate * hours * b.occurrences).toFixed(2)}`, bond: facility.fee.bond })
    : t('facility.noFee');
  setTitle([t('facility.check'), facility.name]);
  showStep(check);
});

function toMinutes(time) {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}

document.getElementById('back-to-details').addEventListener('click', () => {
  setTitle([t('facility.book', { facility: facility.name })]);
  showStep(details);
  document.getElementById('date').focus();
});

document.getElementById('confirm').addEventListener('click', async () => {
  const button = document.getElementById('confirm');
  button.setAttribute('aria-disabled', 'true');
  try {
    // Confirming the same booking again after a dropped connection reuses its key: it is never booked twice.
    const booking = body();
    const { ok, status, data } = await sendOnce(`booking.${facilityId}`, booking, (headers) => api('/bookings', { method: 'POST', body: booking, headers }));
    if (ok) { showDone(data); return; }
    if (status === 400 || status === 409) {
      showErrors(data.errors && data.errors.length ? data.errors : [{ field: 'date', message: data.message }]);
      if (status === 409) showWeek(document.getElementById('date').value || todayInPerth());
    } else {
      showErrors([{ field: null, message: data.message || t('facility.wrong') }]);
    }
  } catch (error) {
    showErrors([{ field: null, message: t('facility.connectionFailed') }]);
  } finally {
    button.removeAttribute('aria-disabled');
  }
});

/** Where the confirmation went: the mobile for a resident who chose texts, else the email address. */
function doneText(booking, held) {
  const texted = body().preferredChannel === 'sms';
  const key = `facility.${held ? 'heldText' : 'confirmedText'}${texted ? 'Sms' : ''}`;
  return t(key, texted ? { mobile: booking.contact.phone } : { email: booking.contact.email });
}

function showDone(booking) {
  form.hidden = true;
  document.getElementById('availability-section').hidden = true;
  document.getElementById('facility').hidden = true;
  const held = booking.status === 'held';
  const paying = booking.status === 'paying';
  const title = paying ? t('pay.heading') : held ? t('facility.held') : t('facility.confirmed');
  setTitle([title, facility.name]);
  done.replaceChildren(
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: title }),
      h('div', { class: 'panel__body' }, [t('track.reference'), h('br'), h('strong', { class: 'reference', id: 'reference', text: booking.displayReference })]),
    ]),
    paying ? payPanel(booking, new URLSearchParams(booking.privateLink.split('#')[1] || '').get('key'),
      (message) => showErrors([{ field: null, message }])) : h('p', { text: doneText(booking, held) }),
    summaryList([
      [t('booking.facility'), booking.facility.name],
      [t('booking.when'), booking.occurrences.map((o) => o.label).join('\n')],
      [t('booking.fee'), booking.quote ? t(booking.quote.discount ? 'facility.quoteDiscount' : 'facility.quote', booking.quote) : ''],
    ]),
    h('p', {}, h('a', { href: booking.privateLink, text: t('facility.privateLink') })),
    h('p', { class: 'secondary-text', text: t('facility.keepPrivate') }),
  );
  focusElement(done.querySelector('h1'));
}

document.getElementById('week-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const from = document.getElementById('week-from').value;
  if (from) showWeek(from);
});

if (!facilityId) location.replace('book.html');
else load();
