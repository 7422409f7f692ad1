// The resident writing to us from the private link (a reply while we wait for them, more information while it is
// open, "It is not fixed" for a while after it was resolved), and anyone following a request by email.
// Each send goes at most once however often it is tried (sendOnce: a phone on a bad connection retries).
import { api, h, NetworkError, announce, formatDate, timeElement } from './core.js';
import { t, tParts, formatNumber, language } from './i18n.js';
import { setFieldError, clearFieldErrors, characterCount, showErrorSummary, hideErrorSummary } from './forms.js';
import { sendOnce } from './send-once.js';

const MESSAGE_MAX = 4000;

/** A small form of its own: its errors beside its field and in its own summary, its answer in a status line. */
function miniForm({ id, heading, lead, field, control, button, onSend }) {
  const errors = h('div', { class: 'error-summary', hidden: true, tabindex: '-1' });
  const status = h('p', { class: 'form-status', role: 'status' });
  const form = h('form', { id, novalidate: true, class: 'conversation' }, [
    h('h2', { id: `${id}-heading`, text: heading }),
    lead ? h('p', {}, lead) : null,
    errors,
    h('div', { class: 'form-group' }, [h('label', { class: 'label', for: field, text: control.label }), control.hint ? h('div', { class: 'hint', id: `${field}-hint`, text: control.hint }) : null, control.input]),
    // Photos: the photo picker of a reply (issue 12, Photos) goes here, above the button, and its uploads' ids ride in the body.
    h('button', { class: 'button', type: 'submit', text: button }),
    status,
  ]);
  const showError = (message, fieldId) => {
    clearFieldErrors(form);
    if (fieldId) setFieldError(fieldId, message);
    showErrorSummary(errors, [{ fieldId, message }]);
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const submit = form.querySelector('button');
    if (submit.getAttribute('aria-disabled') === 'true') return;
    hideErrorSummary(errors);
    clearFieldErrors(form);
    submit.setAttribute('aria-disabled', 'true');
    announce(t('conversation.sending'));
    try {
      await onSend({ showError, status });
    } catch (error) {
      if (!(error instanceof NetworkError)) throw error;
      showError(t('conversation.offline'));
    } finally {
      submit.removeAttribute('aria-disabled');
    }
  });
  return form;
}

function textArea(id) {
  return h('textarea', { class: 'textarea', id, name: id, rows: '5', 'aria-describedby': `${id}-hint` });
}

/** Sends {field: text} to path as the resident; refusals beside the field, success reloads the request. */
function residentForm({ id, heading, lead, field, label, hint, button, path, privateKey, done, reload }) {
  const input = textArea(field);
  const form = miniForm({
    id, heading, lead, field, button, control: { label, hint, input },
    onSend: async ({ showError }) => {
      const text = input.value.trim();
      if (!text) return showError(t('conversation.missing'), field);
      if ([...text].length > MESSAGE_MAX) return showError(t('conversation.tooLong', { max: formatNumber(MESSAGE_MAX) }), field);
      const body = { [field]: text };
      const response = await sendOnce(`${id}.${path}`, body, (headers) => api(path, {
        method: 'POST', body, headers: { ...headers, 'X-Private-Key': privateKey },
      }));
      if (response.ok) {
        input.value = '';
        await reload();
        return announce(done);
      }
      const named = (response.data.errors || []).find((error) => error.field === field);
      if (named) return showError(named.message, field);
      return showError(response.data.message || t('error.tryLater'));
    },
  });
  characterCount(input, MESSAGE_MAX);
  return form;
}

export function conversationSection(request, privateKey, reload) {
  const talk = request.details.conversation || {};
  const base = `/requests/${encodeURIComponent(request.reference)}`;
  const forms = [];
  if (talk.reply) {
    forms.push(residentForm({
      id: 'reply-form', heading: t('conversation.replyHeading'), lead: t('conversation.replyLead'), field: 'message',
      label: t('conversation.replyLabel'), hint: t('conversation.replyHint'), button: t('conversation.replyButton'),
      path: `${base}/replies`, privateKey, done: t('conversation.replied'), reload,
    }));
  } else if (talk.addInformation) {
    forms.push(residentForm({
      id: 'information-form', heading: t('conversation.addHeading'), field: 'message',
      label: t('conversation.addLabel'), hint: t('conversation.addHint'), button: t('conversation.addButton'),
      path: `${base}/replies`, privateKey, done: t('conversation.added'), reload,
    }));
  }
  if (talk.notFixedUntil) {
    forms.push(residentForm({
      id: 'not-fixed-form', heading: t('conversation.notFixedHeading'),
      lead: h('span', {}, tParts('conversation.notFixedLead', {}, timeElement(talk.notFixedUntil, formatDate(talk.notFixedUntil)))),
      field: 'reason', label: t('conversation.notFixedLabel'), hint: t('conversation.notFixedHint'),
      button: t('conversation.notFixedButton'), path: `${base}/not-fixed`, privateKey, done: t('conversation.reopened'), reload,
    }));
  }
  return forms;
}

export function followSection(request) {
  const input = h('input', { class: 'input', id: 'follow-email', name: 'email', type: 'email', autocomplete: 'email', spellcheck: 'false', 'aria-describedby': 'follow-email-hint' });
  return [miniForm({
    id: 'follow-form', heading: t('follow.heading'), lead: t('follow.lead'), field: 'follow-email', button: t('follow.button'),
    control: { label: t('follow.email'), hint: t('follow.emailHint'), input },
    onSend: async ({ showError, status }) => {
      const email = input.value.trim();
      if (!email) return showError(t('follow.missing'), 'follow-email');
      const body = { email, language };
      const response = await sendOnce(`follow.${request.reference}`, body, (headers) => api(
        `/requests/${encodeURIComponent(request.reference)}/followers`, { method: 'POST', body, headers }));
      if (response.ok) {
        status.textContent = t('follow.check', { email });
        return announce(status.textContent);
      }
      const named = (response.data.errors || []).find((error) => error.field === 'email');
      return showError(named ? named.message : response.data.message || t('error.tryLater'), named ? 'follow-email' : undefined);
    },
  })];
}
