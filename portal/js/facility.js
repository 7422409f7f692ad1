// One facility: its details, when it is free (week by week, in real time), and the booking flow:
// details → check your booking → confirmation with the private link.
import { api, h, NetworkError, setTitle, focusElement, announce, summaryList, formatDate } from './core.js';
import { sendOnce } from './send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from './forms.js';

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
  termsAccepted: 'termsAccepted', facilityId: 'date',
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
    holder.replaceChildren(h('h1', { text: status === 404 || status === 400 ? 'Facility not found' : 'Sorry, there is a problem' }),
      h('p', {}, [h('a', { href: 'book.html', text: 'Choose a facility' })]));
    return;
  }
  facility = data;
  setTitle([`Book ${facility.name}`]);
  holder.replaceChildren(
    h('h1', { text: facility.name }),
    h('p', { class: 'lead', text: facility.description }),
    facility.photos && facility.photos.length ? h('p', {}, h('a', { href: facility.photos[0].url, text: `Photo: ${facility.photos[0].alt}` })) : null,
    summaryList([
      ['Address', facility.address],
      ['Capacity', `Up to ${facility.capacity} people`],
      ['Fees', `${facility.fee.hourlyRate} an hour, bond ${facility.fee.bond}`],
      ['Opening hours', facility.openingHours.map((d) => (d.closed ? `${d.day}: closed` : `${d.day}: ${d.opens} to ${d.closes}`)).join('\n')],
    ]),
    h('h2', { text: 'Features' }), list(facility.features),
    h('h2', { text: 'Accessibility' }), list(facility.accessibility),
    h('h2', { text: 'Booking rules' }), list(facility.rules.rulesText),
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
    holder.replaceChildren(h('p', { text: 'We could not load the availability. Choose a date and try again.' }));
    return;
  }
  holder.replaceChildren(...data.days.map((day) => h('div', { class: 'availability-day' }, [
    h('h3', { text: day.label }),
    h('p', { text: day.closed ? 'Closed.'
      : day.free.length ? `Free: ${day.free.map((f) => `${f.from} to ${f.to}`).join(', ')}` : 'No free times.' }),
  ])));
  announce('Availability updated.');
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
    contact: { name: value('name'), email: value('email'), phone: value('phone') || undefined },
    concession: value('concession') || undefined,
    termsAccepted: document.getElementById('termsAccepted').checked,
  };
}

function localErrors(b) {
  const errors = [];
  if (!b.date) errors.push({ field: 'date', message: 'Enter the date of your booking.' });
  if (!b.start) errors.push({ field: 'start', message: 'Enter a start time.' });
  if (!b.end) errors.push({ field: 'end', message: 'Enter an end time.' });
  if (b.start && b.end && b.end <= b.start) errors.push({ field: 'end', message: 'The end time must be after the start time.' });
  if (!b.purpose) errors.push({ field: 'purpose', message: 'Tell us what the booking is for.' });
  if (!b.attendance || b.attendance < 1) errors.push({ field: 'attendance', message: 'Enter how many people you expect.' });
  if (!b.contact.name) errors.push({ field: 'contact.name', message: 'Enter your full name.' });
  if (!/^[^@\s]+@[^@\s]+\.[^@\s.]+$/.test(b.contact.email)) errors.push({ field: 'contact.email', message: 'Enter an email address, like name@example.com.' });
  if (!b.termsAccepted) errors.push({ field: 'termsAccepted', message: 'Confirm that you accept the conditions of hire.' });
  return errors;
}

function showErrors(errors) {
  clearFieldErrors(form);
  const shown = errors.map((e) => ({ fieldId: FIELD_IDS[e.field] || null, message: e.message }));
  shown.forEach((e) => e.fieldId && setFieldError(e.fieldId, e.message));
  setTitle([`Book ${facility.name}`], { error: true });
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
    ['Facility', facility.name],
    ['Date', b.occurrences > 1 ? `${formatDate(b.date)}, then weekly for ${b.occurrences} weeks` : formatDate(b.date)],
    ['Time', `${b.start} to ${b.end}`],
    ['What it is for', b.purpose],
    ['People', String(b.attendance)],
    ['Contact', `${b.contact.name}\nEmail: ${b.contact.email}${b.contact.phone ? `\nPhone: ${b.contact.phone}` : ''}`],
  ]));
  const rate = facility.fee.hourlyRateCents / 100;
  document.getElementById('estimate').textContent = rate > 0
    ? `Estimated hire fee: $${(rate * hours * b.occurrences).toFixed(2)} before any concession, plus a ${facility.fee.bond} bond. We confirm the exact fee with your booking.`
    : 'There is no fee for this facility.';
  setTitle(['Check your booking', facility.name]);
  showStep(check);
});

function toMinutes(time) {
  const [hh, mm] = time.split(':').map(Number);
  return hh * 60 + mm;
}

document.getElementById('back-to-details').addEventListener('click', () => {
  setTitle([`Book ${facility.name}`]);
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
      showErrors([{ field: null, message: data.message || 'Something went wrong. Please try again.' }]);
    }
  } catch (error) {
    showErrors([{ field: null, message: 'We could not reach the booking system. Check your connection and press Confirm booking again.' }]);
  } finally {
    button.removeAttribute('aria-disabled');
  }
});

function showDone(booking) {
  form.hidden = true;
  document.getElementById('availability-section').hidden = true;
  document.getElementById('facility').hidden = true;
  const held = booking.status === 'held';
  const title = held ? 'Booking request received' : 'Booking confirmed';
  setTitle([title, facility.name]);
  done.replaceChildren(
    h('div', { class: 'panel' }, [
      h('h1', { class: 'panel__title', text: title }),
      h('div', { class: 'panel__body' }, ['Your reference', h('br'), h('strong', { class: 'reference', id: 'reference', text: booking.displayReference })]),
    ]),
    h('p', { text: held
      ? `The time is held for you while a supervisor looks at your request. We will email ${booking.contact.email} with the answer.`
      : `We have emailed the confirmation and a calendar file to ${booking.contact.email}.` }),
    summaryList([
      ['Facility', booking.facility.name],
      ['When', booking.occurrences.map((o) => o.label).join('\n')],
      ['Fee', booking.quote ? `${booking.quote.total} (hire ${booking.quote.hireFee}${booking.quote.discount ? `, less ${booking.quote.discount}` : ''}, bond ${booking.quote.bond})` : ''],
    ]),
    h('p', {}, h('a', { href: booking.privateLink, text: 'View, change or cancel your booking' })),
    h('p', { class: 'secondary-text', text: 'Keep that link private: anyone with it can change or cancel the booking.' }),
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
