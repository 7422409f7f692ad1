// The dashboard's "Knowledge" section: GET /staff/knowledge/figures (the last 30 days): residents' searches that found
// nothing and the words most often searched for in vain, "was this helpful?" per article, and the share of residents
// who read an article and did not go on to report (docs/staff-api.md).
import { h, formatDate } from '../../js/core.js';
import { staffApi } from './session.js';
import { percent } from './charts.js';

function table(label, caption, head, rows) {
  return h('div', { class: 'table-scroll', role: 'region', 'aria-label': label, tabindex: '0' }, h('table', { class: 'table' }, [
    h('caption', { class: 'table__caption', text: caption }),
    h('thead', {}, h('tr', {}, head.map((text, i) => h('th', { scope: 'col', class: i ? 'table__number' : null, text })))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((text, i) => (i
      ? h('td', { class: 'table__number', text: String(text) })
      : h('th', { scope: 'row', text })))))),
  ]));
}

function render(section, figures) {
  const overall = figures.overall;
  const parts = [
    h('p', { text: `${formatDate(figures.from)} to ${formatDate(figures.to)}.` }),
    h('p', {}, [h('strong', { text: String(figures.noResultSearches) }),
      ` ${figures.noResultSearches === 1 ? 'search' : 'searches'} by residents found nothing.`]),
  ];
  if (figures.noResultTerms.length) {
    parts.push(table('Searched for in vain', 'Searched for most often, finding nothing', ['Words', 'Searches'],
      figures.noResultTerms.map((term) => [term.term, term.searches])));
  }
  if (overall.read || overall.helpful || overall.notHelpful) {
    parts.push(h('p', {}, [
      'Of the residents who read an article, ', h('strong', { text: percent(overall.readWithoutReporting) }),
      ' did not go on to report.']));
    parts.push(table('Articles', 'Articles, most read first',
      ['Article', 'Read', 'Helpful: yes', 'Helpful: no', 'Read and did not report'],
      figures.articles.map((a) => [a.title, a.read, a.helpful, a.notHelpful, percent(a.readWithoutReporting)])));
  } else {
    parts.push(h('p', { text: 'No resident has read or rated an article in this period.' }));
  }
  section.replaceChildren(...parts);
}

/** Fills the section; says so in it when the figures cannot be had, without stopping the rest of the dashboard. */
export async function showKnowledge(section) {
  const { ok, data } = await staffApi('/staff/knowledge/figures');
  if (!ok) {
    section.replaceChildren(h('p', { text: data.message || 'The knowledge figures cannot be shown just now.' }));
    return;
  }
  render(section, data);
}
