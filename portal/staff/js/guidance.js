// "Guidance for this service", beside a request and on the log-a-call page: the service's published articles (the
// staff-only procedures first) and the page of the unit that does the work (GET /staff/articles?serviceId=…).
// Loaded once per service; if it cannot load, the panel says so and the page goes on working.
import { h } from '../../js/core.js';
import { staffApi } from './session.js';

const panels = new Map();

function link(article) {
  const label = article.audience === 'staff' ? ' (staff only)' : '';
  return h('li', {}, [
    h('a', { href: `article.html?id=${encodeURIComponent(article.articleId)}`, text: article.title }), label,
    h('span', { class: 'guidance__summary', text: article.summary }),
  ]);
}

async function fill(panel, serviceId) {
  let answer;
  try {
    answer = await staffApi(`/staff/articles?serviceId=${encodeURIComponent(serviceId)}`);
  } catch {
    answer = null;
  }
  const body = panel.querySelector('.guidance__body');
  if (!answer || !answer.ok) {
    body.replaceChildren(h('p', { text: 'The guidance could not be loaded just now. Search the knowledge base instead.' }),
      h('p', {}, h('a', { href: 'knowledge.html', text: 'Knowledge base' })));
    return;
  }
  const articles = [...answer.data.articles].sort((a, b) => (a.audience === 'staff' ? 0 : 1) - (b.audience === 'staff' ? 0 : 1));
  const unitPages = answer.data.unitPages || [];
  body.replaceChildren(
    articles.length ? h('ul', { class: 'guidance__list' }, articles.map(link)) : h('p', { text: 'No articles for this service yet.' }),
    unitPages.length ? h('h3', { class: 'guidance__heading', text: 'The unit that does it' }) : null,
    unitPages.length ? h('ul', { class: 'guidance__list' }, unitPages.map(link)) : null,
  );
}

/** The panel for a service, the same element each time it is asked for (a page that renders again keeps it). */
export function guidancePanel(serviceId) {
  if (!serviceId) return null;
  if (!panels.has(serviceId)) {
    const headingId = `guidance-heading-${serviceId}`;
    const panel = h('aside', { class: 'guidance', 'aria-labelledby': headingId }, [
      h('h2', { class: 'guidance__title', id: headingId, text: 'Guidance for this service' }),
      h('div', { class: 'guidance__body' }, h('p', { text: 'Loading the guidance…' })),
    ]);
    panels.set(serviceId, panel);
    fill(panel, serviceId);
  }
  return panels.get(serviceId);
}
