// Guided help's topics (GET /guides): each opens guide.html?topic=, a conversation one question at a time.
import { api, h, NetworkError, announce } from './core.js';

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
      : h('p', { text: 'There is no guided help yet.' }));
  } catch (error) {
    const retry = h('button', { class: 'button button--secondary', type: 'button', text: 'Try again' });
    retry.addEventListener('click', () => { load(); });
    holder.replaceChildren(h('div', { class: 'inset-text', role: 'alert' }, [
      h('p', { text: error instanceof NetworkError
        ? 'We could not load the topics. Check you are online, then try again.'
        : 'Something went wrong loading the topics. Try again in a few minutes.' }),
      retry,
    ]));
    announce('The topics could not be loaded.');
  } finally {
    holder.removeAttribute('aria-busy');
  }
}

load();
