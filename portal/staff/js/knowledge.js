// The staff knowledge base search (knowledge.html?q=…): GET /staff/knowledge, every audience, best first, with the
// words found marked. A staff-only article is labelled so, and opens on the staff article page.
import { h, announce, focusElement } from '../../js/core.js';
import { snippet } from '../../js/snippets.js';
import { startStaffPage, staffApi, staffTitle, showProblem, problemFor } from './session.js';

const input = document.getElementById('q');
const results = document.getElementById('results');
const count = document.getElementById('results-count');
const suggestion = document.getElementById('suggestion');

const KINDS = { service: 'Service', guidance: 'Article', 'unit-page': 'Unit page' };

function url(result) {
  // Every article opens on the staff article page beside this one (its state, its history, and for its unit the
  // means to change it); a service opens the resident's report form, one folder up.
  if (result.type === 'article') return `article.html?id=${encodeURIComponent(result.id)}`;
  return `../${result.url}`;
}

function resultItem(result) {
  const kind = result.type === 'service' ? KINDS.service : KINDS[result.kind] || KINDS.guidance;
  const label = result.audience === 'staff' ? `${kind}, staff only` : kind;
  return h('li', { class: 'search-result' }, [
    h('h2', { class: 'search-result__title' }, h('a', { href: url(result), text: result.title })),
    h('p', { class: 'search-result__kind', text: label }),
    snippet(result.snippetHtml || ''),
  ]);
}

async function search(q) {
  input.value = q;
  staffTitle([`Knowledge base: ${q}`]);
  count.textContent = 'Searching…';
  const answer = await staffApi(`/staff/knowledge?q=${encodeURIComponent(q)}`);
  if (!answer.ok) {
    count.textContent = (answer.data.errors && answer.data.errors[0] && answer.data.errors[0].message)
      || answer.data.message || 'Search is not working just now. Try again in a few minutes.';
    results.replaceChildren();
    return;
  }
  const found = answer.data.results || [];
  results.replaceChildren(...found.map(resultItem));
  if (answer.data.suggestion) {
    suggestion.replaceChildren('Did you mean ', h('a', {
      href: `knowledge.html?q=${encodeURIComponent(answer.data.suggestion)}`, text: answer.data.suggestion }), '?');
  }
  suggestion.hidden = !answer.data.suggestion;
  count.textContent = found.length === 0 ? `Nothing matched “${q}”.`
    : `${found.length} ${found.length === 1 ? 'result' : 'results'} for “${q}”`;
  announce(count.textContent);
  focusElement(count, { scroll: false });
}

async function start() {
  if (!(await startStaffPage())) return;
  const q = (new URLSearchParams(location.search).get('q') || '').trim();
  if (q) await search(q);
}

start().catch((error) => showProblem(...problemFor(error)));
