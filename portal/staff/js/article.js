// One article on the staff side (article.html?id=…, or ?new to write one): its state, the latest version as
// residents would see it, and for its unit's staff and administrators the form to change it — saved as a draft
// over the revision opened (PUT /staff/articles/{id}), previewed, published and taken down (docs/staff-api.md).
// The language picker switches the title, summary and article between English and its translations; each is kept
// while another is shown, and all are saved together (translations: {ar: {title, summary, body}, vi: {...}}).
import { h, announce, focusElement, formatDate, formatDateTime } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, choiceGroup } from '../../js/forms.js';
import { articleBody } from '../../js/article-body.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';

const params = new URLSearchParams(location.search);
const creating = params.has('new');
const form = document.getElementById('article-form');
const summary = document.getElementById('error-summary');
const FIELDS = ['articleId', 'title', 'summary', 'kind', 'audience', 'unitId', 'reviewBy', 'body'];
const TRANSLATED = ['title', 'summary', 'body'];
const LANGUAGES = { en: 'English', ar: 'Arabic', vi: 'Vietnamese' };
const picker = document.getElementById('language');
let texts = { en: {}, ar: {}, vi: {} };
let editing = 'en';
let articleId = params.get('id') || '';
let shown = null;
let catalogue = { units: [], services: [] };

function statusText(article) {
  if (article.status === 'retired') return `Taken down. Version ${article.latestVersion} is the latest.`;
  if (article.status === 'draft') return `Draft, never published: version ${article.latestVersion}.`;
  if (article.hasDraft) return `Published at version ${article.publishedVersion}; version ${article.latestVersion} is a draft waiting to be published.`;
  return `Published: version ${article.publishedVersion}.`;
}

function serviceNames(services) {
  return services.length ? `Helps with: ${services.map((service) => service.name).join(', ')}.` : 'Not tied to a service.';
}

/** The words of the language being edited, kept before another is shown or the form is sent. */
function keepTexts() {
  for (const name of TRANSLATED) texts[editing][name] = document.getElementById(name).value;
}

function showTexts(tag) {
  editing = tag;
  picker.value = tag;
  for (const name of TRANSLATED) {
    const input = document.getElementById(name);
    input.value = texts[tag][name] || '';
    input.lang = tag;
    input.dir = tag === 'ar' ? 'rtl' : 'ltr';
    document.getElementById(`${name}-english`).hidden = tag === 'en' || input.value.trim() !== '';
  }
}

function translationsLine(latest) {
  const untranslated = latest.untranslated || {};
  return Object.entries(untranslated).map(([tag, fields]) => `${LANGUAGES[tag] || tag}: ${fields.length === 0
    ? 'translated' : `${fields.join(', ')} still in English`}`).join('. ') + '.';
}

function fill(latest) {
  for (const name of ['kind', 'audience', 'unitId']) document.getElementById(name).value = latest[name] || '';
  const translations = latest.translations || {};
  texts = { en: { title: latest.title, summary: latest.summary, body: latest.body }, ar: { ...translations.ar }, vi: { ...translations.vi } };
  showTexts(editing);
  document.getElementById('reviewBy').value = latest.reviewBy || '';
  for (const box of form.querySelectorAll('input[name="serviceIds"]')) box.checked = (latest.serviceIds || []).includes(box.value);
}

function show(article) {
  shown = article;
  articleId = article.articleId;
  staffTitle([article.title, 'Articles']);
  document.getElementById('heading').textContent = article.title;
  document.getElementById('status-line').textContent = statusText(article);
  const review = article.reviewBy ? `Review by ${formatDate(article.reviewBy)}.` : 'No review date.';
  document.getElementById('review-line').replaceChildren(article.dueForReview
    ? h('strong', { class: 'tag tag--warning-breached', text: 'Review due' }) : '', article.dueForReview ? ` ${review} Check it is still right and save it with a new date.` : review);
  document.getElementById('state').hidden = false;
  const latest = article.latest;
  document.getElementById('reading-heading').textContent = article.hasDraft && article.status !== 'draft'
    ? `Draft, version ${latest.version}` : `Version ${latest.version}`;
  document.getElementById('reading-summary').textContent = latest.summary;
  document.getElementById('reading-body').replaceChildren(articleBody(latest.html));
  document.getElementById('reading-services').textContent = serviceNames(latest.services || []);
  document.getElementById('reading-translations').textContent = translationsLine(latest);
  document.getElementById('reading').hidden = false;
  document.getElementById('actions').hidden = !article.canChange;
  document.getElementById('publish').hidden = !(article.hasDraft || article.status === 'retired');
  document.getElementById('retire').hidden = article.status !== 'published';
  document.getElementById('read-only').hidden = article.canChange;
  document.getElementById('articleId-group').hidden = true;
  form.hidden = !article.canChange;
  if (article.canChange) fill(latest);
  document.getElementById('history').replaceChildren(...(article.history || []).map((version) => h('li', {
    text: `Version ${version.version}: “${version.title}”, ${formatDateTime(version.changedAt)} by ${version.changedBy}${version.published ? ' (published)' : ''}`,
  })));
  document.getElementById('history-section').hidden = false;
}

function body() {
  keepTexts();
  const reviewBy = document.getElementById('reviewBy').value;
  const draft = {
    kind: document.getElementById('kind').value,
    audience: document.getElementById('audience').value,
    title: texts.en.title || '',
    summary: texts.en.summary || '',
    body: texts.en.body || '',
    translations: { ar: texts.ar, vi: texts.vi },
    unitId: document.getElementById('unitId').value,
    serviceIds: [...form.querySelectorAll('input[name="serviceIds"]:checked')].map((box) => box.value),
    reviewBy: reviewBy || null,
  };
  if (shown) draft.revision = shown.revision;
  return draft;
}

/**
 * "serviceIds[2]" → the services' checkboxes; "translations.ar.title" → the title, shown in Arabic; every other
 * field is named as the form names it.
 */
function fieldId(field) {
  const translated = /^translations\.([a-z]+)\.(title|summary|body)$/.exec(String(field || ''));
  if (translated) return translated[2];
  const name = String(field || '').replace(/\[\d+]$/, '');
  return name === 'serviceIds' || FIELDS.includes(name) ? name : undefined;
}

function refused(data, status) {
  clearFieldErrors(form);
  const wrongLanguage = (data.errors || []).map((error) => /^translations\.([a-z]+)\./.exec(error.field || '')).find(Boolean);
  if (wrongLanguage && texts[wrongLanguage[1]]) {
    keepTexts();
    showTexts(wrongLanguage[1]);
  }
  const errors = (data.errors || []).map((error) => ({ fieldId: fieldId(error.field), message: error.message }));
  for (const error of errors) if (error.fieldId) setFieldError(error.fieldId, error.message);
  showErrorSummary(summary, errors.length ? errors : [{ message: data.message || 'That did not work. Try again in a few minutes.' }]);
  if (status === 409 && data.current && shown) {
    // Someone else changed it: show theirs, and leave this person's words in the form to copy from.
    announce('Someone changed this article since you opened it. Open it again to see their change.');
  }
}

async function send(path, method, payload, done) {
  const { ok, status, data } = await staffApi(path, { method, body: payload });
  if (!ok) {
    refused(data, status);
    return;
  }
  clearFieldErrors(form);
  hideErrorSummary(summary);
  if (creating && !shown) history.replaceState(null, '', `article.html?id=${encodeURIComponent(data.articleId)}`);
  show(data);
  announce(done);
  focusElement(document.getElementById('status-line'), { scroll: true });
}

async function save(event) {
  event.preventDefault();
  const id = shown ? shown.articleId : document.getElementById('articleId').value.trim();
  if (!/^[a-z0-9-]{1,64}$/.test(id)) {
    refused({ errors: [{ field: 'articleId', message: 'Give the article an id of lower-case letters, digits and hyphens, like garden-waste.' }] });
    return;
  }
  await send(`/staff/articles/${encodeURIComponent(id)}`, 'PUT', body(), 'Saved as a draft. Publish it when it is ready.');
}

async function preview() {
  const { ok, status, data } = await staffApi('/staff/articles/preview', { method: 'POST', body: { body: document.getElementById('body').value } });
  const previewBody = document.getElementById('preview-body');
  previewBody.lang = editing;
  previewBody.dir = editing === 'ar' ? 'rtl' : 'ltr';
  if (!ok) {
    refused(data, status);
    return;
  }
  document.getElementById('preview-body').replaceChildren(articleBody(data.html));
  const section = document.getElementById('preview');
  section.hidden = false;
  focusElement(section);
}

function buildForm() {
  document.getElementById('unitId').replaceChildren(...catalogue.units.map((unit) => h('option', { value: unit.unitId, text: unit.name })));
  document.getElementById('services-slot').replaceChildren(choiceGroup({
    id: 'serviceIds', legend: 'Services it helps with', type: 'checkbox',
    hint: 'Officers see the article beside a request for these services. None: it is about the unit or the council.',
    options: catalogue.services.map((service) => [service.serviceId, service.name]),
  }));
  picker.addEventListener('change', () => {
    keepTexts();
    showTexts(picker.value);
  });
  for (const name of TRANSLATED) {
    document.getElementById(name).addEventListener('input', (event) => {
      document.getElementById(`${name}-english`).hidden = editing === 'en' || event.target.value.trim() !== '';
    });
  }
  form.addEventListener('submit', (event) => save(event).catch((error) => showProblem(...problemFor(error))));
  document.getElementById('preview-button').addEventListener('click', () => preview().catch((error) => showProblem(...problemFor(error))));
  document.getElementById('publish').addEventListener('click', () => send(`/staff/articles/${encodeURIComponent(articleId)}/publish`,
    'POST', { revision: shown.revision }, 'Published: residents and staff now read this version.').catch((error) => showProblem(...problemFor(error))));
  document.getElementById('retire').addEventListener('click', () => send(`/staff/articles/${encodeURIComponent(articleId)}/retire`,
    'POST', { revision: shown.revision }, 'Taken down: nobody reads it until it is published again.').catch((error) => showProblem(...problemFor(error))));
}

async function start() {
  const me = await startStaffPage();
  if (!me) return;
  const list = await staffApi('/staff/articles');
  if (!list.ok) {
    showProblem('Sorry, this page cannot be shown', list.data.message || 'Try again in a few minutes.');
    return;
  }
  catalogue = list.data;
  buildForm();
  if (creating) {
    staffTitle(['Write a new article', 'Articles']);
    document.getElementById('heading').textContent = 'Write a new article';
    document.getElementById('form-heading').textContent = 'The article';
    document.getElementById('articleId-group').hidden = false;
    if (me.unit) document.getElementById('unitId').value = me.unit.id;
    form.hidden = false;
    return;
  }
  const { ok, status, data } = await staffApi(`/staff/articles/${encodeURIComponent(articleId)}`);
  if (!ok) {
    showProblem(status === 404 ? 'There is no such article' : 'Sorry, this article cannot be shown',
      data.message || 'Try again in a few minutes.', { retry: status !== 404 });
    return;
  }
  show(data);
}

start().catch((error) => showProblem(...problemFor(error)));
