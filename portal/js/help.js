// Guided help's topics (GET /guides): each opens guide.html?topic=, a conversation one question at a time.
import { api, h, NetworkError, announce } from './core.js';
import { t } from './i18n.js';

const holder = document.getElementById('topics');

async function load() {
  holder.setAttribute('aria-busy', 'true');
  try {
    const { ok, data } = await api('/guides');
    if (!ok) throw new Error('failed');
    const topics = data.topics || [];
    holder.replaceChildren(topics.length
      ? h('ul', { class: 'tasks' }, topics.map((topic) => h('li', { class: 'task' }, [
        h('h2', {}, h('a', { href: `guide.html?topic=${encodeURIComponent(topic.topicId)}`, text: topic.title })),
        topic.intro ? h('p', { text: topic.intro }) : null,
      ])))
      : h('p', { text: t('help.none') }));
  } catch (error) {
    const retry = h('button', { class: 'button button--secondary', type: 'button', text: t('action.tryAgain') });
    retry.addEventListener('click', () => { load(); });
    holder.replaceChildren(h('div', { class: 'inset-text', role: 'alert' }, [
      h('p', { text: error instanceof NetworkError
        ? t('help.offline')
        : t('help.failed') }),
      retry,
    ]));
    announce(t('help.failedShort'));
  } finally {
    holder.removeAttribute('aria-busy');
  }
}

load();
