// Response templates (supervisors and administrators): GET|POST /staff/responses, PUT|DELETE
// /staff/responses/{templateId} with the version read, so a change someone saved meanwhile is shown, not undone
// (docs/responses.md). Officers are offered them on a request and a complaint, filled in for the resident.
import { h, announce, focusElement, formatDateTime, api } from '../../js/core.js';
import { formGroup, showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors, characterCount } from '../../js/forms.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';

const TEXT_MAX = 2000;
const USES = { request: 'Writing to a resident about a request', 'complaint-acknowledgement': 'Acknowledging a complaint', 'complaint-answer': 'Answering a complaint' };
const LANGUAGES = { en: 'English', ar: 'العربية (Arabic)', vi: 'Tiếng Việt (Vietnamese)' };
const STATUSES = { '': 'Any status, or a message only', acknowledged: 'Acknowledged', 'in-progress': 'In progress',
  'waiting-on-customer': 'Waiting for the resident’s reply', resolved: 'Resolved', closed: 'Closed' };
const FIELDS = { title: 'title', use: 'use', serviceId: 'serviceId', status: 'status', language: 'language', text: 'text', version: 'text' };
const container = document.getElementById('templates');
const summary = document.getElementById('error-summary');
let services = {};

function changed(template) {
  return template.changedAt ? `Version ${template.version}, saved ${formatDateTime(template.changedAt)} by ${template.changedBy}.` : 'As the product comes: not changed by the council.';
}

function reach(template) {
  return [template.serviceId ? services[template.serviceId] || template.serviceId : 'Every service',
    template.status ? STATUSES[template.status] || template.status : null, LANGUAGES[template.language]].filter(Boolean).join(' · ');
}

function renderList(data) {
  const add = h('button', { class: 'button', type: 'button', text: 'Write a new template' });
  add.addEventListener('click', () => renderForm(null));
  container.replaceChildren(
    h('h1', { id: 'heading', text: 'Response templates' }),
    h('p', { text: `Words officers start from when they write to a resident. They are filled in for the resident when an officer picks one, and edited before sending. Placeholders: ${data.placeholders.map((p) => `{${p}}`).join(', ')}.` }),
    add,
    ...Object.entries(USES).flatMap(([use, heading]) => [
      h('h2', { text: heading }),
      h('ul', { class: 'tasks' }, data.templates.filter((t) => t.use === use).map((template) => {
        const edit = h('button', { class: 'link-button', type: 'button' }, ['Edit', h('span', { class: 'visually-hidden', text: ` ${template.title} (${LANGUAGES[template.language]})` })]);
        edit.addEventListener('click', () => renderForm(template));
        return h('li', { class: 'task' }, [
          h('h3', { lang: template.language, text: template.title }),
          h('p', { class: 'secondary-text', text: `${reach(template)} · ${changed(template)}${template.retired ? ' Retired: not offered.' : ''}` }),
          edit,
        ]);
      })),
    ]),
  );
  staffTitle('Response templates');
}

function select(options, chosen) {
  return h('select', { class: 'select' }, Object.entries(options).map(([value, text]) => h('option', { value, text, selected: value === (chosen || '') })));
}

function renderForm(template) {
  hideErrorSummary(summary);
  const title = h('input', { class: 'input', type: 'text', value: template?.title || '' });
  const use = select(USES, template?.use || 'request');
  const service = select({ '': 'Every service', ...services }, template?.serviceId);
  const status = select(STATUSES, template?.status);
  const language = select(LANGUAGES, template?.language || 'en');
  const text = h('textarea', { class: 'textarea', rows: '10' });
  text.value = template?.text || '';
  const save = h('button', { class: 'button', type: 'submit', text: template ? 'Save the template' : 'Save the new template' });
  const retire = template && !template.retired ? h('button', { class: 'button button--secondary', type: 'button', text: 'Retire it' }) : null;
  const back = h('button', { class: 'link-button', type: 'button', text: 'Back to all templates' });
  back.addEventListener('click', () => load());
  const form = h('form', { id: 'template-form', novalidate: true }, [
    formGroup({ id: 'title', label: 'Title', hint: 'What officers see in the list of templates.', control: title }),
    formGroup({ id: 'use', label: 'Offered when', control: use }),
    formGroup({ id: 'serviceId', label: 'Service', control: service }),
    formGroup({ id: 'status', label: 'Status the request moves to', hint: 'For requests only.', control: status }),
    formGroup({ id: 'language', label: 'Written in', control: language }),
    formGroup({ id: 'text', label: 'Text', hint: 'Placeholders: {name} the resident’s name, {reference}, {service}, {officer} the officer’s name, {due} the date it is due.', control: text }),
    save, retire ? ' ' : null, retire,
  ]);
  text.setAttribute('dir', 'auto');
  const sync = () => { status.closest('.form-group').hidden = use.value !== 'request'; };
  use.addEventListener('change', sync);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { title: title.value, use: use.value, serviceId: service.value || null, status: use.value === 'request' ? status.value || null : null,
      language: language.value, text: text.value, version: template?.version || 0 };
    const path = template ? `/staff/responses/${encodeURIComponent(template.templateId)}` : '/staff/responses';
    done(await staffApi(path, { method: template ? 'PUT' : 'POST', body }), 'Template saved.');
  });
  retire?.addEventListener('click', async () => {
    done(await staffApi(`/staff/responses/${encodeURIComponent(template.templateId)}?version=${template.version}`, { method: 'DELETE' }), 'Template retired: officers are no longer offered it.');
  });
  container.replaceChildren(back, h('h1', { id: 'heading', text: template ? `Edit “${template.title}”` : 'A new template' }),
    template ? h('p', { class: 'secondary-text', text: `${changed(template)}${template.retired ? ' Retired: saving it offers it again.' : ''}` }) : null, form);
  sync();
  characterCount(text, TEXT_MAX);
  staffTitle([template ? template.title : 'A new template', 'Response templates']);
  focusElement(document.getElementById('heading'));
}

async function done(response, message) {
  clearFieldErrors(container);
  if (response.ok) {
    await load();
    announce(message);
    return;
  }
  const errors = (response.data.errors || []).map((error) => ({ message: error.message, fieldId: FIELDS[error.field] }));
  errors.filter((error) => error.fieldId).forEach((error) => setFieldError(error.fieldId, error.message));
  const current = response.data.current;
  showErrorSummary(summary, [
    ...(errors.length ? errors : [{ message: response.data.message || 'The template could not be saved. Try again in a few minutes.' }]),
    ...(current ? [{ message: `Their version ${current.version}, by ${current.changedBy}: “${current.text}”` }] : []),
  ]);
}

async function load() {
  const response = await staffApi('/staff/responses');
  if (!response.ok) return showProblem('Sorry, we could not load the templates', response.data.message || 'Try again in a few minutes.');
  renderList(response.data);
  return focusElement(document.getElementById('heading'), { scroll: false });
}

try {
  if (await startStaffPage()) {
    const catalogue = await api('/services');
    if (catalogue.ok) (catalogue.data.themes || []).forEach((theme) => (theme.services || []).forEach((s) => { services[s.id] = s.name; }));
    await load();
  }
} catch (error) {
  showProblem(...problemFor(error));
}
