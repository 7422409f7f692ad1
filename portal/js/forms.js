// The GOV.UK form patterns every form shares: a field with its label and hint, radios and checkboxes; the error
// summary at the top linking to each field, and the message beside the field, tied to it with aria-describedby;
// and the character count.
import { h, focusElement } from './core.js';
import { t, tn, formatNumber } from './i18n.js';

// Phone numbers as the server takes them (platform.PhoneInput, which stays the authority), after removing spaces ( ) - .
const PHONE = /^(0[2-478]\d{8}|\+61[2-478]\d{8}|1[38]00\d{6}|13\d{4}|\+[1-9]\d{7,14})$/;
const MOBILE = /^(04\d{8}|\+614\d{8})$/;

function phoneDigits(text) {
  return text.trim().replace(/[\s().-]/g, '');
}

/** Whether the typed number looks like one that can be dialled. */
export function isPhone(text) {
  return PHONE.test(phoneDigits(text));
}

/** Whether the typed number looks like an Australian mobile, which texts need. */
export function isMobile(text) {
  return MOBILE.test(phoneDigits(text));
}

/** A form group: the label, the hint (tied to the control) and the control, in the GOV.UK order; gives the control its id. */
export function formGroup({ id, label, labelClass = '', hint, control, groupClass = '' }) {
  control.id = id;
  if (!control.name) control.name = id;
  if (hint) control.setAttribute('aria-describedby', `${id}-hint`);
  return h('div', { class: `form-group ${groupClass}`.trim() }, [
    h('label', { class: `label ${labelClass}`.trim(), for: id, text: label }),
    hint ? h('div', { class: 'hint', id: `${id}-hint`, text: hint }) : null,
    control,
  ]);
}

/** One radio or checkbox with its label, the whole row a touch target; a hint is read as part of the label. */
export function choiceItem({ id, name = id, value, label, type = 'radio', checked = false, controls, hint }) {
  return h('div', { class: 'radios__item' }, [
    h('input', { class: 'radios__input', id, name, type, value, checked, 'aria-controls': controls }),
    h('label', { class: 'label radios__label', for: id }, [label, hint ? h('span', { class: 'secondary-text', text: ` – ${hint}` }) : null]),
  ]);
}

/** GOV.UK conditional reveal: each option's aria-controls names what it shows while it is chosen. */
export function syncReveals(root) {
  for (const input of root.querySelectorAll('input[aria-controls]')) {
    root.querySelector(`#${input.getAttribute('aria-controls')}`).hidden = !input.checked;
  }
}

/**
 * Radios or checkboxes in a fieldset, in a form group. options: [value, label, hint?]. The first option's id is
 * `id`, so an error summary links to the group; the others are `${id}-2`, `${id}-3`, ...
 */
export function choiceGroup({ id, name = id, legend, legendClass = '', hint, type = 'radio', options, checked }) {
  const chosen = [].concat(checked ?? []);
  return h('div', { class: 'form-group' }, h('fieldset', { class: 'fieldset', 'aria-describedby': hint ? `${id}-hint` : null }, [
    h('legend', { class: `legend ${legendClass}`.trim(), text: legend }),
    hint ? h('div', { class: 'hint', id: `${id}-hint`, text: hint }) : null,
    h('div', { class: 'radios' }, options.map(([value, label, itemHint], index) => choiceItem({
      id: index === 0 ? id : `${id}-${index + 1}`, name, value, label, type, checked: chosen.includes(value), hint: itemHint,
    }))),
  ]));
}

/**
 * Shows the error summary. errors: [{ fieldId, message }]; an entry without fieldId (or whose field is not
 * on the page) is listed without a link. reveal(fieldId) runs before a field is focused, so a flow can
 * first show the step that holds it.
 */
export function showErrorSummary(summary, errors, { focus = true, reveal } = {}) {
  const list = h('ul', { class: 'error-summary__list' }, errors.map(({ fieldId, message }) => {
    const field = fieldId && document.getElementById(fieldId);
    if (!field) return h('li', { text: message });
    const link = h('a', { href: `#${fieldId}`, text: message });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      if (reveal) reveal(fieldId);
      focusField(field);
    });
    return h('li', {}, link);
  }));
  summary.replaceChildren(h('div', { role: 'alert' }, [
    h('h2', { class: 'error-summary__title', text: t('form.problem') }),
    list,
  ]));
  summary.hidden = false;
  if (focus) focusElement(summary);
}

export function hideErrorSummary(summary) {
  summary.hidden = true;
  summary.replaceChildren();
}

/** Focuses a field and scrolls its label or legend into view too, as the GOV.UK summary does. */
export function focusField(field) {
  const caption = field.closest('fieldset')?.querySelector('legend') || document.querySelector(`label[for="${field.id}"]`);
  field.focus({ preventScroll: true });
  (caption || field).scrollIntoView({ block: 'start' });
}

// The element that carries aria-describedby for a field: the fieldset for radios and checkboxes.
function describedElement(field) {
  return field.type === 'radio' || field.type === 'checkbox' ? field.closest('fieldset') : field;
}

function describedBy(element, add, remove) {
  const ids = (element.getAttribute('aria-describedby') || '').split(/\s+/).filter((id) => id && id !== remove);
  if (add) ids.push(add);
  if (ids.length) element.setAttribute('aria-describedby', ids.join(' '));
  else element.removeAttribute('aria-describedby');
}

/** Shows a message beside one field (for radios and checkboxes: the first option's id). */
export function setFieldError(fieldId, message) {
  const field = document.getElementById(fieldId);
  if (!field) return;
  const target = describedElement(field);
  const group = field.closest('.form-group');
  const errorId = `${fieldId}-error`;
  document.getElementById(errorId)?.remove();
  const error = h('p', { class: 'error-message', id: errorId }, [h('span', { class: 'visually-hidden', text: t('form.errorHidden') }), message]);
  // GOV.UK order: label or legend, hint, error, then the field.
  const holder = target.tagName === 'FIELDSET' ? target : group;
  const before = holder.querySelector(':scope > .hint') || holder.querySelector(':scope > label, :scope > legend');
  before.after(error);
  group.classList.add('form-group--error');
  if (target === field) field.setAttribute('aria-invalid', 'true');
  describedBy(target, errorId, errorId);
}

/** Removes every field error inside a container. */
export function clearFieldErrors(container) {
  for (const error of container.querySelectorAll('.error-message')) {
    const fieldId = error.id.replace(/-error$/, '');
    const field = document.getElementById(fieldId);
    if (field) {
      field.removeAttribute('aria-invalid');
      describedBy(describedElement(field), null, error.id);
    }
    error.remove();
  }
  for (const group of container.querySelectorAll('.form-group--error')) group.classList.remove('form-group--error');
}

/**
 * The GOV.UK character count: a visible count tied to the field, and a quieter live message once typing
 * pauses, so a screen reader is not interrupted on every key. No maxlength attribute: pasting too much and
 * then trimming it must stay possible.
 */
export function characterCount(field, max) {
  const message = h('div', { class: 'char-count', id: `${field.id}-count`, 'aria-hidden': 'true' });
  const status = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });
  const hint = h('div', { class: 'visually-hidden', id: `${field.id}-count-hint`, text: t('form.countHint', { max: formatNumber(max) }) });
  field.after(message, status, hint);
  describedBy(field, hint.id, hint.id);
  let timer;
  // Characters as a person (and the server) counts them: an emoji is one, not two.
  const used = () => [...field.value.trim()].length;
  const text = () => {
    const left = max - used();
    return left >= 0 ? tn('form.remaining', left) : tn('form.tooMany', -left);
  };
  const update = () => {
    message.textContent = text();
    message.classList.toggle('char-count--over', used() > max);
  };
  field.addEventListener('input', () => {
    update();
    clearTimeout(timer);
    timer = setTimeout(() => { status.textContent = text(); }, 1000);
  });
  update();
  return update;
}
