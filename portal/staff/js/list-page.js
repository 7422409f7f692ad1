// The staff pages that list things beside one form to add another or change one of them (Staff and roles, Who gets
// which report): the list loaded and shown, the form's save sent and its outcome shown, what the server refused
// shown beside each field.
import { announce, NetworkError } from '../../js/core.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from '../../js/forms.js';
import { startStaffPage, staffApi, showProblem, problemFor } from './session.js';

/** Shows what was refused: each error beside its field (fieldIds: the server's field → the page's field id), all in the summary. */
export function showRefusal(data, fieldIds = {}) {
  const errors = (data.errors || []).map((error) => ({ message: error.message, fieldId: fieldIds[error.field] }));
  for (const error of errors) if (error.fieldId) setFieldError(error.fieldId, error.message);
  showErrorSummary(document.getElementById('error-summary'),
    errors.length ? errors : [{ message: data.message || 'Something went wrong. Try again in a few minutes.' }]);
}

/**
 * Starts a list page once signed in: GET `path`, show(data), then the empty form, edit(null) (the button whose id
 * is `newButton` empties it again). Submitting `form` calls send(), which makes the save (staffApi) and resolves to
 * its answer, or to null when the page refused it itself (having said why with showRefusal). Refused by the server,
 * its errors are shown by `fieldIds` and, when the list changed meanwhile (a status in `reloadOn`: someone else's
 * change), the list is shown again as it is now; saved, the list is shown again, the form emptied and
 * saved(data, status) announced. Resolves to reload(), which shows the list again (false when it could not), or to
 * null when the page cannot go on (startStaffPage or the list said why).
 */
export async function startListPage({ path, show, edit, form, newButton, send, fieldIds, reloadOn = [409], saved }) {
  async function reload() {
    const { ok, data } = await staffApi(path);
    if (!ok) {
      showProblem('Sorry, this page cannot be shown', data.message || 'Try again in a few minutes.');
      return false;
    }
    show(data);
    return true;
  }

  async function save(event) {
    event.preventDefault();
    clearFieldErrors(form);
    const reply = await send();
    if (!reply) return;
    const { ok, status, data } = reply;
    if (!ok) {
      showRefusal(data, fieldIds);
      if (reloadOn.includes(status)) await reload();
      return;
    }
    hideErrorSummary(document.getElementById('error-summary'));
    await reload();
    edit(null);
    announce(saved(data, status));
  }

  try {
    if (!(await startStaffPage()) || !(await reload())) return null;
  } catch (error) {
    showProblem(...problemFor(error));
    return null;
  }
  edit(null);
  form.addEventListener('submit', (event) => save(event).catch((error) => {
    // Offline: what was typed stays in the form, to save again.
    if (error instanceof NetworkError) showRefusal({ message: 'We could not reach the staff service. Check you are online and save again.' });
    else showProblem(...problemFor(error));
  }));
  document.getElementById(newButton).addEventListener('click', () => edit(null));
  return reload;
}
