// The GOV.UK error pattern: a summary at the top linking to each field, and the message beside the field,
// tied to it with aria-describedby. Plus the character count.
import { h, focusElement } from './core.js';

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
    h('h2', { class: 'error-summary__title', text: 'There is a problem' }),
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
  const error = h('p', { class: 'error-message', id: errorId }, [h('span', { class: 'visually-hidden', text: 'Error: ' }), message]);
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
  const hint = h('div', { class: 'visually-hidden', id: `${field.id}-count-hint`, text: `You can enter up to ${max.toLocaleString('en-AU')} characters` });
  field.after(message, status, hint);
  describedBy(field, hint.id, hint.id);
  let timer;
  // Characters as a person (and the server) counts them: an emoji is one, not two.
  const used = () => [...field.value.trim()].length;
  const text = () => {
    const left = max - used();
    return left >= 0
      ? `You have ${left.toLocaleString('en-AU')} character${left === 1 ? '' : 's'} remaining`
      : `You have ${(-left).toLocaleString('en-AU')} character${left === -1 ? '' : 's'} too many`;
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
