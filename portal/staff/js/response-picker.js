// The response templates an officer may start from (GET /staff/requests/{ref}/responses or
// /staff/complaints/{ref}/responses), already filled in for the resident, theirs in the resident's language first.
// "Use this template" puts the words in the box, where the officer edits them: what is sent is what is in the box.
import { h, announce } from '../../js/core.js';
import { staffApi } from './session.js';

/** A picker for {@code textarea}, loaded from {@code path}; empty (nothing shown) when no template fits. */
export function templatePicker(path, textarea, id) {
  const place = h('div', { class: 'form-group', id: `${id}-place` });
  const select = h('select', { class: 'select', id, 'aria-describedby': `${id}-hint` });
  const use = h('button', { class: 'button button--secondary', type: 'button', text: 'Use this template' });
  let offered = [];
  use.addEventListener('click', () => {
    const chosen = offered.find((template) => template.templateId === select.value);
    if (!chosen) return;
    textarea.value = chosen.text;
    textarea.dispatchEvent(new Event('input'));
    textarea.focus();
    announce(`“${chosen.title}” is in the box: edit it before sending.`);
  });
  staffApi(path).then((response) => {
    offered = response.ok ? response.data.templates : [];
    if (!offered.length) return;
    select.replaceChildren(...offered.map((template) => h('option', { value: template.templateId, lang: template.language,
      text: `${template.title} (${template.languageName})` })));
    place.replaceChildren(
      h('label', { class: 'label', for: id, text: 'Start from a template' }),
      h('div', { class: 'hint', id: `${id}-hint`, text: 'Filled in for this resident. Edit the words before you send them.' }),
      select, ' ', use,
    );
  }).catch(() => {});
  return place;
}
