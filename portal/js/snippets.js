// A search result's snippet: the API escapes the text and marks the words found with <mark>. It is read in an inert
// document and rebuilt from text and <mark> only, so nothing else in it can reach the page.
import { h } from './core.js';

export function snippet(html, className = 'search-result__snippet') {
  const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html').body.firstChild;
  return h('p', { class: className }, [...parsed.childNodes].map((node) =>
    (node.nodeName === 'MARK' ? h('mark', { text: node.textContent }) : node.textContent)));
}
