// The list of bookable facilities.
import { api, h, NetworkError } from './core.js';
import { t } from './i18n.js';

const holder = document.getElementById('facilities');

async function load() {
  try {
    const { ok, data } = await api('/facilities');
    if (!ok) throw new Error('failed');
    holder.replaceChildren(h('ul', { class: 'facility-list' }, data.facilities.map((f) => h('li', {}, [
      h('h2', {}, h('a', { href: `facility.html?id=${encodeURIComponent(f.id)}`, text: f.name })),
      h('p', { class: 'caption', text: t('book.facts', { kind: f.kind, capacity: f.capacity, rate: f.hourlyRate }) }),
      h('p', { text: f.summary }),
      h('p', { class: 'secondary-text', text: t(f.approvalRequired ? 'book.approval' : 'book.straightAway') }),
    ]))));
  } catch (error) {
    holder.replaceChildren(h('p', { text: error instanceof NetworkError
      ? t('book.offline')
      : t('book.failed') }));
  }
  holder.removeAttribute('aria-busy');
}

load();
