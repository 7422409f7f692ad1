// Opened from a follower's mail: follow.html?ref=…#confirm=… confirms following; #unfollow=… stops the mails, in
// one click and with no sign-in. The token rides in the fragment, which browsers never send to a server; it goes to
// the API only in the body of a POST (so a mail scanner opening the link changes nothing).
import { api, h, NetworkError, setTitle, focusElement } from './core.js';
import { t } from './i18n.js';

const container = document.getElementById('follow');

function show(heading, paragraphs, reference) {
  container.replaceChildren(h('h1', { id: 'heading', text: heading }), ...paragraphs.map((text) => h('p', { text })),
    reference ? h('p', {}, h('a', { href: `track.html?ref=${encodeURIComponent(reference)}`, text: t('follow.see') })) : null);
  setTitle([heading]);
  focusElement(document.getElementById('heading'), { scroll: false });
}

async function run() {
  const reference = (new URLSearchParams(location.search).get('ref') || '').toUpperCase().replace(/[\s-]/g, '');
  const fragment = new URLSearchParams(location.hash.slice(1));
  const what = fragment.has('unfollow') ? 'unfollow' : fragment.has('confirm') ? 'confirm' : null;
  if (!reference || !what) return show(t('follow.broken'), [t('follow.openFromMail')]);
  let response;
  try {
    response = await api(`/requests/${encodeURIComponent(reference)}/followers/${what}`, { method: 'POST', body: { token: fragment.get(what) } });
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    return show(t('follow.offline'), [t('error.checkOnline')]);
  }
  if (response.ok && what === 'confirm') return show(t('follow.confirmed'), [t('follow.confirmedText')], reference);
  if (response.ok) return show(t('follow.stopped'), [t('follow.stoppedText')], reference);
  if (response.status === 404) return show(t('follow.expired'), [t('follow.expiredText')], reference);
  return show(t('error.service'), [t('error.tryLater')]);
}

window.addEventListener('hashchange', run);
run();
