// The smiley tablet on the front counter. The tablet's key comes once in the counter link's fragment
// (counter.html#device=…), is kept in this tablet's localStorage, and goes to the API only in X-Counter-Key.
// After each answer the page thanks the customer and resets itself for the next one.
import { api, setTitle, focusElement, announce } from './core.js';
import { sendOnce } from './send-once.js';
import { showErrorSummary, hideErrorSummary, setFieldError, clearFieldErrors } from './forms.js';

const STORAGE_KEY = 'civicdesk.counterKey';
const RESET_AFTER_MS = 4000;

const form = document.getElementById('counter-form');
const setup = document.getElementById('setup');
const thanks = document.getElementById('thanks');
const button = document.getElementById('send-button');
const summary = document.getElementById('error-summary');
let resetTimer;

function deviceKey() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('device');
  if (fromLink) {
    localStorage.setItem(STORAGE_KEY, fromLink);
    history.replaceState(null, '', location.pathname);
  }
  return localStorage.getItem(STORAGE_KEY);
}

function reset() {
  clearTimeout(resetTimer);
  form.reset();
  clearFieldErrors(form);
  hideErrorSummary(summary);
  thanks.hidden = true;
  form.hidden = false;
  setTitle(['How was your visit today?']);
  focusElement(document.getElementById('heading'), { scroll: false });
  window.scrollTo(0, 0);
}

function showError(fieldId, message) {
  clearFieldErrors(form);
  if (fieldId) setFieldError(fieldId, message);
  setTitle(['How was your visit today?'], { error: true });
  showErrorSummary(summary, [{ fieldId, message }]);
}

async function send() {
  const face = form.querySelector('input[name="satisfaction"]:checked');
  if (!face) return showError('satisfaction', 'Tap the face that fits your visit');
  const reason = document.getElementById('reason').value.trim();
  button.setAttribute('aria-disabled', 'true');
  const answer = { satisfaction: Number(face.value), reason: reason || null };
  let response;
  try {
    // Pressing Send again after a failure reuses the answer's key: it is counted once.
    response = await sendOnce('counter', answer, (idempotency) => api('/counter/answers', {
      method: 'POST', headers: { 'X-Counter-Key': deviceKey() || '', ...idempotency }, body: answer,
    }));
  } catch {
    return showError(null, 'Your answer was not sent. Press Send again.');
  } finally {
    button.removeAttribute('aria-disabled');
  }
  if (!response.ok) {
    const error = (response.data.errors || [])[0];
    return showError(error?.field === 'reason' ? 'reason' : error?.field === 'satisfaction' ? 'satisfaction' : null,
      error?.message || response.data.message || 'Your answer was not sent. Please tell a member of staff.');
  }
  form.hidden = true;
  hideErrorSummary(summary);
  thanks.hidden = false;
  setTitle(['Thank you', 'How was your visit today?']);
  focusElement(thanks, { scroll: false });
  announce('Thank you. Your answer has been recorded.');
  resetTimer = setTimeout(reset, RESET_AFTER_MS);
}

if (deviceKey()) {
  form.hidden = false;
} else {
  setup.hidden = false;
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (button.getAttribute('aria-disabled') !== 'true') send();
});
document.getElementById('next-button').addEventListener('click', reset);
