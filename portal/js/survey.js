// The survey after service, opened from the invitation mail (survey.html?ref=…#key=…, with &for=booking after a
// booking) or from the tracking page with the request's private key. The key rides in the fragment, never sent to a server except in a header.
import { api, h, NetworkError, setTitle, focusElement, announce, serviceName } from './core.js';
import { sendOnce } from './send-once.js';
import { t, formatNumber } from './i18n.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount } from './forms.js';

const MAX_COMMENT = 1000;
const FIELD_IDS = { satisfaction: 'satisfaction', recommend: 'recommend', comment: 'comment' };

const form = document.getElementById('survey-form');
const button = document.getElementById('send-button');
const about = document.getElementById('about');
const message = document.getElementById('message');
const summary = document.getElementById('error-summary');

const reference = (new URLSearchParams(location.search).get('ref') || '').toUpperCase().replace(/[\s-]/g, '');
const forBooking = new URLSearchParams(location.search).get('for') === 'booking';
const what = forBooking ? 'booking' : 'request';
const subjectQuery = forBooking ? '?for=booking' : '';
const fragment = new URLSearchParams(location.hash.slice(1));
const headers = fragment.get('key') ? { 'X-Survey-Key': fragment.get('key') } : { 'X-Private-Key': fragment.get('private') || '' };

function show(heading, paragraphs) {
  form.hidden = true;
  message.replaceChildren(h('h2', { text: heading }), ...paragraphs.map((text) => h('p', { text })));
  setTitle([heading, t('survey.heading')]);
  focusElement(message.querySelector('h2'));
}

function thanks() {
  form.hidden = true;
  about.hidden = true;
  message.replaceChildren(h('div', { class: 'panel' }, [
    h('h2', { class: 'panel__title', text: t('survey.thanks') }),
    h('p', { class: 'panel__body', text: t('survey.recorded') }),
  ]), h('p', {}, forBooking
    ? h('a', { href: `booking.html?ref=${encodeURIComponent(reference)}`, text: t('survey.viewBooking') })
    : h('a', { href: `track.html?ref=${encodeURIComponent(reference)}`, text: t('done.track') })));
  setTitle([t('survey.thanks'), t('survey.heading')]);
  focusElement(message.querySelector('h2'));
}

async function load() {
  if (!reference) return show(t('survey.incomplete'), [t('survey.openFromMail')]);
  let response;
  try {
    response = await api(`/surveys/${encodeURIComponent(reference)}${subjectQuery}`, { headers });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return show(t('survey.offline'), [t('error.checkOnline')]);
  }
  if (!response.ok) {
    return show(t('survey.broken'), [t('survey.openFromMail')]);
  }
  const survey = response.data;
  // A booking's survey names its facility, which the catalogue of services does not translate.
  const service = forBooking ? survey.service?.name || '' : await serviceName(survey.service);
  about.textContent = t(forBooking ? 'survey.aboutBooking' : 'survey.aboutRequest', { reference: survey.displayReference, service });
  if (!survey.open) return show(t('survey.answered'), [t(forBooking ? 'survey.oneBooking' : 'survey.oneRequest')]);
  if (forBooking) form.querySelector('legend').textContent = t('survey.satisfactionBooking');
  form.hidden = false;
}

function value(name) {
  return form.querySelector(`input[name="${name}"]:checked`)?.value;
}

function showErrors(errors) {
  clearFieldErrors(form);
  for (const { fieldId, message: text } of errors) setFieldError(fieldId, text);
  setTitle([t('survey.heading')], { error: true });
  showErrorSummary(summary, errors);
}

async function send() {
  const satisfaction = value('satisfaction');
  const recommend = value('recommend');
  const comment = document.getElementById('comment').value.trim();
  const errors = [];
  if (!satisfaction) errors.push({ fieldId: 'satisfaction', message: t('survey.chooseSatisfaction') });
  if ([...comment].length > MAX_COMMENT) errors.push({ fieldId: 'comment', message: t('survey.commentTooLong', { max: formatNumber(MAX_COMMENT) }) });
  if (errors.length) return showErrors(errors);
  clearFieldErrors(form);
  hideErrorSummary(summary);
  button.setAttribute('aria-disabled', 'true');
  announce(t('survey.sending'));
  const answer = { satisfaction: Number(satisfaction), recommend: recommend === undefined ? null : Number(recommend), comment: comment || null };
  let response;
  try {
    // Sending the same answer again reuses its key, so a flaky connection never counts it twice.
    response = await sendOnce(`survey.${what}.${reference}`, answer, (idempotency) => api(`/surveys/${encodeURIComponent(reference)}/answers${subjectQuery}`, {
      method: 'POST', headers: { ...headers, ...idempotency }, body: answer,
    }));
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return showErrors([{ message: t('survey.connectionFailed') }]);
  } finally {
    button.removeAttribute('aria-disabled');
  }
  if (response.ok) return thanks();
  if (response.status === 409) return show(t('survey.answered'), [t(forBooking ? 'survey.oneBooking' : 'survey.oneRequest')]);
  const fieldErrors = (response.data.errors || []).map(({ field, message: text }) => ({ fieldId: FIELD_IDS[field], message: text }));
  return showErrors(fieldErrors.length ? fieldErrors : [{ message: response.data.message || t('error.tryLater') }]);
}

characterCount(document.getElementById('comment'), MAX_COMMENT);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') !== 'true') send();
});
load();
