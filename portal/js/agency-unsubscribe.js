// Opened from an agency report's mail: agency-unsubscribe.html?agency=…#token=… stops the reports to that contact in
// one step, with no sign-in. The token rides in the fragment, which browsers never send to a server; it goes to the
// API only in the body of a POST (so a mail scanner fetching the link changes nothing).
import { api, h, NetworkError, setTitle, focusElement } from './core.js';
import { t } from './i18n.js';

const container = document.getElementById('unsubscribe');

function show(heading, text) {
  container.replaceChildren(h('h1', { id: 'heading', text: heading }), h('p', { text }));
  setTitle([heading]);
  focusElement(document.getElementById('heading'), { scroll: false });
}

async function run() {
  const agency = new URLSearchParams(location.search).get('agency') || '';
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (!agency || !token) return show(t('follow.broken'), t('follow.openFromMail'));
  let response;
  try {
    response = await api(`/agencies/${encodeURIComponent(agency)}/unsubscribe`, { method: 'POST', body: { token } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return show(t('follow.offline'), t('error.checkOnline'));
  }
  if (response.ok) return show(t('agencyUnsubscribe.done'), t('agencyUnsubscribe.doneText'));
  if (response.status === 404) return show(t('follow.expired'), t('agencyUnsubscribe.expiredText'));
  return show(t('error.service'), t('error.tryLater'));
}

window.addEventListener('hashchange', run);
run();
