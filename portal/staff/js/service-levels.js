// Business calendars and service-level policies, for administrators. One card per calendar and per policy, so it
// reads the same on a phone as on a desktop. Targets are shown and typed in business hours; the API takes whole
// business minutes (docs/staff-api.md). The server checks everything; the page only catches what is plainly missing.
import { api, h, announce, focusElement, formatDate, NetworkError, summaryList } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, formGroup } from '../../js/forms.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const POLICY_ID = /^[a-z0-9-]{1,64}$/;

const summary = document.getElementById('error-summary');
const banner = document.getElementById('banner');
const area = document.getElementById('service-levels');

let data; // the last GET /staff/service-levels
let referrals; // the last GET /staff/referral-targets
let services = []; // [{ id, name }] from the public catalogue

const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const serviceName = (id) => services.find((service) => service.id === id)?.name || id;
const calendarName = (id) => (id === data.councilCalendarId ? `the council’s calendar (${id})` : `calendar ${id}`);
const spanText = (span) => (span === '00:00-00:00' ? 'all day' : span.replace('-', ' to '));

function duration(minutes) {
  if (minutes === null || minutes === undefined) return 'None';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', rest ? `${rest} minute${rest === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ') + ' of business time';
}

// ---- Calendars ----

function calendarCard(calendar, index) {
  const prefix = `calendar-${index}`;
  const hours = DAYS.map((day) => [capitalised(day), (calendar.openingHours[day] || []).map(spanText).join(', ') || 'Closed']);
  const holidays = calendar.holidays.length
    ? h('ul', {}, calendar.holidays.map((holiday) => {
      const remove = h('button', { class: 'link-button', type: 'button' }, ['Remove', h('span', { class: 'visually-hidden', text: ` ${holiday.name} on ${formatDate(holiday.date)}` })]);
      remove.addEventListener('click', () => send(`/staff/calendars/${encodeURIComponent(calendar.id)}/holidays/${holiday.date}`, { method: 'DELETE' },
        `${holiday.name} is no longer a holiday on ${calendar.id}`));
      return h('li', {}, [h('time', { datetime: holiday.date, text: formatDate(holiday.date) }), ` – ${holiday.name} `, remove]);
    }))
    : h('p', { text: 'No holidays.' });
  const form = h('form', { novalidate: true, 'data-prefix': prefix }, [
    h('h4', { text: 'Add a holiday' }),
    formGroup({ id: `${prefix}-date`, label: 'Date', control: h('input', { class: 'input input--width-10', type: 'date' }) }),
    formGroup({ id: `${prefix}-name`, label: 'Name', hint: 'For example Kalamunda Show Day', control: h('input', { class: 'input', type: 'text', autocomplete: 'off' }) }),
    h('button', { class: 'button button--secondary', type: 'submit', text: 'Add holiday' }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { date: form.elements[`${prefix}-date`].value, name: form.elements[`${prefix}-name`].value.trim() };
    const errors = [];
    if (!body.date) errors.push({ fieldId: `${prefix}-date`, message: 'Enter the date of the holiday' });
    if (!body.name) errors.push({ fieldId: `${prefix}-name`, message: 'Enter the name of the holiday' });
    if (errors.length) return showErrors(errors);
    return send(`/staff/calendars/${encodeURIComponent(calendar.id)}/holidays`, { method: 'POST', body },
      `${body.name} is now a holiday on ${calendar.id}`, { date: `${prefix}-date`, name: `${prefix}-name` });
  });
  return h('section', { class: 'status-card', 'aria-labelledby': `${prefix}-heading` }, [
    h('h3', { id: `${prefix}-heading`, text: capitalised(calendarName(calendar.id)) }),
    summaryList([['Time zone', calendar.timeZone], ...hours]),
    h('h4', { text: 'Holidays' }),
    holidays,
    form,
  ]);
}

// ---- Policies ----

function select(options, selected) {
  return h('select', { class: 'select' }, options.map(([value, label]) => h('option', { value, selected: value === (selected ?? ''), text: label })));
}

const hoursValue = (minutes) => (minutes === null || minutes === undefined ? '' : String(Math.round((minutes / 60) * 100) / 100));
const HOURS_HINT = 'In business hours; 1.5 is an hour and a half';

function policyForm(policy, prefix) {
  const fresh = !policy;
  const p = policy || { order: '', serviceId: null, priority: null, warningPercents: [75], calendarId: null };
  const form = h('form', { novalidate: true }, [
    fresh ? formGroup({ id: `${prefix}-id`, label: 'Id', hint: 'Lower-case letters, digits and hyphens, for example graffiti-offensive. It cannot be changed once saved.', control: h('input', { class: 'input input--width-10', type: 'text', autocomplete: 'off', spellcheck: 'false' }) }) : null,
    formGroup({ id: `${prefix}-order`, label: 'Place in the order', hint: 'A whole number no other policy has. The lowest place that fits a request decides its policy.', control: h('input', { class: 'input input--width-5', type: 'text', inputmode: 'numeric', value: p.order }) }),
    // A service missing from the public list (withdrawn) stays offered, so saving never widens a policy to any service.
    formGroup({ id: `${prefix}-service`, label: 'Service', control: select([['', 'Any service'], ...services.map((service) => [service.id, service.name]),
      ...(p.serviceId && !services.some((service) => service.id === p.serviceId) ? [[p.serviceId, p.serviceId]] : [])], p.serviceId) }),
    formGroup({ id: `${prefix}-priority`, label: 'Priority', control: select([['', 'Any priority'], ...PRIORITIES.map((priority) => [priority, capitalised(priority)])], p.priority) }),
    formGroup({ id: `${prefix}-first`, label: 'First response target', hint: HOURS_HINT, control: h('input', { class: 'input input--width-5', type: 'text', inputmode: 'decimal', value: hoursValue(p.firstResponseMinutes) }) }),
    formGroup({ id: `${prefix}-resolution`, label: 'Resolution target', hint: HOURS_HINT, control: h('input', { class: 'input input--width-5', type: 'text', inputmode: 'decimal', value: hoursValue(p.resolutionMinutes) }) }),
    formGroup({ id: `${prefix}-keep`, label: 'Keep the resident informed at least every (optional)', hint: `${HOURS_HINT}. Leave empty for no reminders.`, control: h('input', { class: 'input input--width-5', type: 'text', inputmode: 'decimal', value: hoursValue(p.keepInformedMinutes) }) }),
    formGroup({ id: `${prefix}-warnings`, label: 'Warning points', hint: 'Shares of a target gone at which the officer is warned, in percent, for example 50, 75', control: h('input', { class: 'input input--width-10', type: 'text', value: p.warningPercents.join(', ') }) }),
    formGroup({ id: `${prefix}-calendar`, label: 'Calendar', control: select(data.calendars.map((calendar) => [calendar.id === data.councilCalendarId ? '' : calendar.id, capitalised(calendarName(calendar.id))]), p.calendarId) }),
    h('button', { class: 'button', type: 'submit', text: fresh ? 'Add policy' : 'Save policy' }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    savePolicy(form, prefix, policy?.id);
  });
  return form;
}

function policyCard(policy, index) {
  const prefix = `policy-${index}`;
  const remove = h('button', { class: 'button button--secondary', type: 'button' }, ['Delete', h('span', { class: 'visually-hidden', text: ` policy ${policy.id}` })]);
  remove.addEventListener('click', () => send(`/staff/policies/${encodeURIComponent(policy.id)}`, { method: 'DELETE' }, `Policy ${policy.id} was deleted`));
  return h('section', { class: 'status-card', 'aria-labelledby': `${prefix}-heading` }, [
    h('h3', { id: `${prefix}-heading`, text: `${policy.order}. ${policy.id}` }),
    summaryList([
      ['Service', policy.serviceId ? serviceName(policy.serviceId) : 'Any service'],
      ['Priority', policy.priority ? capitalised(policy.priority) : 'Any priority'],
      ['First response', duration(policy.firstResponseMinutes)],
      ['Resolution', duration(policy.resolutionMinutes)],
      ['Keep informed every', duration(policy.keepInformedMinutes)],
      ['Warning points', policy.warningPercents.length ? policy.warningPercents.map((percent) => `${percent}%`).join(', ') : 'None'],
      ['Calendar', capitalised(calendarName(policy.calendarId || data.councilCalendarId))],
    ]),
    h('details', { class: 'details' }, [
      h('summary', { class: 'details__summary' }, ['Change', h('span', { class: 'visually-hidden', text: ` policy ${policy.id}` })]),
      h('div', { class: 'details__text' }, policyForm(policy, prefix)),
    ]),
    remove,
  ]);
}

function hoursToMinutes(text) {
  const value = text.trim();
  if (!value) return null;
  return /^\d+(\.\d+)?$/.test(value) ? Math.round(Number(value) * 60) : NaN;
}

function savePolicy(form, prefix, existingId) {
  const value = (name) => form.elements[`${prefix}-${name}`].value.trim();
  const id = existingId || value('id');
  const body = {
    order: /^\d+$/.test(value('order')) ? Number(value('order')) : value('order'),
    serviceId: value('service') || null,
    priority: value('priority') || null,
    firstResponseMinutes: hoursToMinutes(value('first')),
    resolutionMinutes: hoursToMinutes(value('resolution')),
    keepInformedMinutes: hoursToMinutes(value('keep')),
    warningPercents: value('warnings') ? value('warnings').split(/[\s,%]+/).filter(Boolean).map((percent) => (/^\d+$/.test(percent) ? Number(percent) : percent)) : [],
    calendarId: value('calendar') || null,
  };
  const errors = [];
  if (!existingId && !POLICY_ID.test(id)) errors.push({ fieldId: `${prefix}-id`, message: 'Enter an id of lower-case letters, digits and hyphens' });
  if (typeof body.order !== 'number') errors.push({ fieldId: `${prefix}-order`, message: 'Enter the place in the order as a whole number' });
  for (const [name, field, what] of [['firstResponseMinutes', 'first', 'the first response target'], ['resolutionMinutes', 'resolution', 'the resolution target'], ['keepInformedMinutes', 'keep', 'how often the resident hears from us, or leave it empty,']]) {
    if (Number.isNaN(body[name]) || (body[name] === null && field !== 'keep') || body[name] === 0) {
      errors.push({ fieldId: `${prefix}-${field}`, message: `Enter ${what} in business hours, for example 4 or 1.5` });
    }
  }
  if (errors.length) return showErrors(errors);
  return send(`/staff/policies/${encodeURIComponent(id)}`, { method: 'PUT', body }, existingId ? `Policy ${id} saved` : `Policy ${id} added`, {
    order: `${prefix}-order`, serviceId: `${prefix}-service`, priority: `${prefix}-priority`, firstResponseMinutes: `${prefix}-first`, resolutionMinutes: `${prefix}-resolution`, keepInformedMinutes: `${prefix}-keep`, warningPercents: `${prefix}-warnings`, calendarId: `${prefix}-calendar`,
  });
}

// ---- Saving ----

function showErrors(errors) {
  document.querySelectorAll('form').forEach(clearFieldErrors);
  for (const { fieldId, message } of errors) if (fieldId) setFieldError(fieldId, message);
  staffTitle('Service levels', { error: true });
  showErrorSummary(summary, errors);
}

// Sends a change; on success shows the page as it now is, on a 400 marks the fields the server named.
async function send(path, options, done, fields = {}) {
  banner.replaceChildren();
  announce('Saving…');
  let response;
  try {
    response = await staffApi(path, options);
  } catch (error) {
    if (!(error instanceof NetworkError)) return showProblem(...problemFor(error));
    return showErrors([{ message: 'We could not save because the connection failed. Check you are online and try again.' }]);
  }
  if (response.ok) {
    await load();
    hideErrorSummary(summary);
    banner.replaceChildren(h('div', { class: 'notification notification--success', role: 'alert', 'aria-labelledby': 'banner-title' }, [
      h('h2', { class: 'notification__title', id: 'banner-title', text: 'Success' }),
      h('div', { class: 'notification__content' }, h('p', { class: 'notification__heading', text: done })),
    ]));
    return focusElement(banner.firstChild);
  }
  if (response.status === 400 && Array.isArray(response.data.errors)) {
    // warningPercents[1] → the warning points field.
    return showErrors(response.data.errors.map(({ field, message }) => ({ fieldId: fields[(field || '').replace(/\[\d+\]$/, '')] || null, message })));
  }
  return showErrors([{ message: response.data.message || 'Sorry, there is a problem with the staff service. Try again in a few minutes.' }]);
}

// ---- Referral targets between units ----

/** One form: the default, each pair's own target (or removed), and a new pair; saved whole under its version. */
function referralForm() {
  const units = referrals.units;
  const unitOptions = (first) => [h('option', { value: '', text: first }), ...units.map((unit) => h('option', { value: unit.id, text: unit.name }))];
  const pairRows = referrals.pairs.map((pair, index) => h('fieldset', { class: 'fieldset' }, [
    h('legend', { class: 'legend', text: `${pair.fromUnitName} to ${pair.toUnitName}` }),
    formGroup({ id: `referral-pair-${index}-hours`, label: 'Target in business hours', control: h('input', { class: 'input input--width-4', type: 'text', inputmode: 'numeric', value: String(pair.hours) }) }),
    h('div', { class: 'checkboxes__item' }, [
      h('input', { class: 'checkboxes__input', type: 'checkbox', id: `referral-pair-${index}-remove` }),
      h('label', { class: 'label checkboxes__label', for: `referral-pair-${index}-remove`, text: 'Remove: use the default' }),
    ]),
  ]));
  const form = h('form', { novalidate: true, id: 'referral-targets' }, [
    formGroup({ id: 'referral-default', label: 'Default target in business hours', hint: `For every pair without its own. The provider’s default is ${referrals.providerDefaultHours}.`,
      control: h('input', { class: 'input input--width-4', type: 'text', inputmode: 'numeric', value: String(referrals.defaultHours) }) }),
    ...pairRows,
    h('fieldset', { class: 'fieldset' }, [
      h('legend', { class: 'legend', text: 'Agree a target for another pair (optional)' }),
      formGroup({ id: 'referral-new-from', label: 'Unit that refers', control: h('select', { class: 'select' }, unitOptions('Choose a unit')) }),
      formGroup({ id: 'referral-new-to', label: 'Unit referred to', control: h('select', { class: 'select' }, unitOptions('Choose a unit')) }),
      formGroup({ id: 'referral-new-hours', label: 'Target in business hours', control: h('input', { class: 'input input--width-4', type: 'text', inputmode: 'numeric' }) }),
    ]),
    h('button', { class: 'button', type: 'submit', text: 'Save referral targets' }),
  ]);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const whole = (id) => (/^\d+$/.test(form.elements[id].value.trim()) ? Number(form.elements[id].value.trim()) : form.elements[id].value.trim());
    const fields = { defaultHours: 'referral-default' };
    const pairs = [];
    referrals.pairs.forEach((pair, index) => {
      if (form.elements[`referral-pair-${index}-remove`].checked) return;
      fields[`pairs[${pairs.length}].hours`] = `referral-pair-${index}-hours`;
      pairs.push({ fromUnitId: pair.fromUnitId, toUnitId: pair.toUnitId, hours: whole(`referral-pair-${index}-hours`) });
    });
    const from = form.elements['referral-new-from'].value;
    const to = form.elements['referral-new-to'].value;
    const hours = form.elements['referral-new-hours'].value.trim();
    const errors = [];
    if (from || to || hours) {
      if (!from) errors.push({ fieldId: 'referral-new-from', message: 'Choose the unit that refers' });
      if (!to) errors.push({ fieldId: 'referral-new-to', message: 'Choose the unit referred to' });
      if (!hours) errors.push({ fieldId: 'referral-new-hours', message: 'Enter the target in business hours' });
      Object.assign(fields, { [`pairs[${pairs.length}].fromUnitId`]: 'referral-new-from', [`pairs[${pairs.length}].toUnitId`]: 'referral-new-to', [`pairs[${pairs.length}].hours`]: 'referral-new-hours' });
      pairs.push({ fromUnitId: from, toUnitId: to, hours: whole('referral-new-hours') });
    }
    if (errors.length) return showErrors(errors);
    return send('/staff/referral-targets', { method: 'PUT', body: { defaultHours: whole('referral-default'), pairs, version: referrals.version } },
      'The referral targets are saved', fields);
  });
  return form;
}

// ---- Start ----

function render() {
  const addPolicy = h('details', { class: 'details' }, [
    h('summary', { class: 'details__summary', text: 'Add a policy' }),
    h('div', { class: 'details__text' }, policyForm(null, 'new-policy')),
  ]);
  area.replaceChildren(
    h('h1', { text: 'Service levels' }),
    h('p', { text: 'Every request keeps a copy of the policy and calendar applied when it arrived. A change here applies to requests that arrive afterwards (within five minutes); it never rewrites a request’s history or its due dates.' }),
    h('h2', { text: 'Calendars' }),
    h('p', { text: 'Business time counts only while a calendar is open: its opening hours in its own time zone, outside its holidays.' }),
    ...data.calendars.map(calendarCard),
    h('h2', { text: 'Policies, in order' }),
    h('p', { text: 'A request falls under the first policy in this order whose service and priority fit it. When none fits, it gets its service’s own promise in business days.' }),
    ...data.policies.map(policyCard),
    addPolicy,
    h('h2', { text: 'Referral targets between units' }),
    h('p', { text: 'When a unit refers a request to another, the receiving unit has this long to accept it or send it back as wrongly referred. A referral keeps the target it was made under.' }),
    referralForm(),
  );
  staffTitle('Service levels');
}

async function load() {
  const response = await staffApi('/staff/service-levels');
  if (!response.ok) {
    showProblem('Sorry, there is a problem with the staff service', response.data.message || 'Try again in a few minutes.');
    return;
  }
  const targets = await staffApi('/staff/referral-targets');
  if (!targets.ok) {
    showProblem('Sorry, there is a problem with the staff service', targets.data.message || 'Try again in a few minutes.');
    return;
  }
  data = response.data;
  referrals = targets.data;
  render();
}

async function start() {
  const me = await startStaffPage();
  if (!me) return;
  document.getElementById('loading').hidden = true;
  if (!me.can?.editServiceLevels) {
    showProblem('Service levels are for administrators', 'Ask an administrator if a calendar or a policy needs to change.', { retry: false });
    return;
  }
  try {
    const catalogue = await api('/services');
    services = catalogue.ok ? (catalogue.data.themes || []).flatMap((theme) => theme.services || []) : [];
    await load();
  } catch (error) {
    showProblem(...problemFor(error));
  }
}

start();
